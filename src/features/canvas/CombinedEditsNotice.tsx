import { cardPosition } from '../../domain/cards';
import { LENS_GUIDANCE, STEP_GUIDANCE } from '../../domain/guidance';
import type { CombinedEdits } from '../../domain/merge';
import type { Canvas, CheckKey, LensId, StepId } from '../../domain/model';
import { useOpenCanvas } from '../../state/canvasSelectors';
import { type CombinedEditsNotice as Notice, useCanvasStore } from '../../state/canvasStore';

const FIELD_NAMES: Record<CombinedEdits['fields'][number], string> = {
  title: 'the title',
  description: 'the description',
  facilitation: 'the facilitator notes',
  deletedAt: 'whether the canvas is deleted',
};

/** "card 2 in Outcome", "the notes on Insight: Consent", "the title". */
function namesOf(notice: Notice, canvas: Canvas): string[] {
  const cards = notice.cardIds.flatMap((id) => {
    const position = cardPosition(canvas, id);
    return position ? [`card ${position.index + 1} in ${STEP_GUIDANCE[position.step].title}`] : [];
  });
  const checks = notice.checkKeys.map((key: CheckKey) => {
    const [step, lens] = key.split(':') as [StepId, LensId];
    return `the notes on ${STEP_GUIDANCE[step].title}: ${LENS_GUIDANCE[lens].title}`;
  });
  return [...cards, ...checks, ...notice.fields.map((field) => FIELD_NAMES[field])];
}

/**
 * Two tabs changed the same text at once: the text keeps both, and this
 * says so until dismissed. In the tab that combined them, Undo puts back
 * its own text alone. Always in the page, so screen readers hear it fill.
 */
export function CombinedEditsNotice() {
  const notice = useCanvasStore((state) => state.combinedEdits);
  const canvas = useOpenCanvas();
  const names = notice && canvas ? namesOf(notice, canvas) : [];
  const shown = notice !== null && names.length > 0;
  // Undo takes back the combine only while nothing has been changed since.
  const undoable = notice?.result != null && notice.result === canvas;
  return (
    <div role="status" className={shown ? 'banner' : undefined}>
      {shown && (
        <>
          <p>
            <strong>Changed in two places at once:</strong> {names.join(', ')}. This tab and another tab or window both changed{' '}
            {names.length === 1 ? 'it' : 'them'} before seeing each other’s change, so both versions are kept, one after the other. Read it
            through and keep what you want{undoable ? ', or undo to keep only this tab’s version' : ''}.
          </p>
          <p className="button-row">
            {undoable && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  useCanvasStore.getState().undo();
                  useCanvasStore.getState().dismissCombinedEdits();
                }}
              >
                Undo: keep only this tab’s version
              </button>
            )}
            <button type="button" className="button button--small" onClick={() => useCanvasStore.getState().dismissCombinedEdits()}>
              OK
            </button>
          </p>
        </>
      )}
    </div>
  );
}
