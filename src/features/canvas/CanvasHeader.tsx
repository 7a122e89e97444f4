import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'wouter';
import { openShortcutSheet } from '../../components/ShortcutSheet';
import { useKeepCaret } from '../../lib/useKeepCaret';
import { setDescription, setTitle } from '../../domain/canvas';
import { useCanRedo, useCanUndo, useCanvasDescription, useCanvasTitle, useOpenConcerns } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { isMac } from '../../lib/shortcuts';
import { useOtherTabsOn } from '../../state/tabSync';
import { LIMITS, type StepId, isStepId } from '../../domain/model';
import { takePresentButtonFocus } from './PresentView';
import { CANVAS_VIEW_LINKS } from './boardText';
import { CombinedEditsNotice } from './CombinedEditsNotice';
import { redoLast, undoLast } from './undoRedo';
import { useFieldPrivacy } from './useFieldPrivacy';
import { SharingControls } from '../sharing/SharingControls';
import { useIsParticipant, useLockedReason } from '../../state/sharingStore';
import './CanvasHeader.css';

/** Line breaks (pasted) become spaces, as a one-line text field makes them. */
const singleLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

/** The step each canvas was last shown at in this tab: "Step by step" goes back there, where the room was working. */
const lastStepShown = new Map<string, StepId>();

/** Title, description and the canvas toolbar: views, undo/redo, concerns, export. */
export function CanvasHeader({ canvasId, view, step }: { canvasId: string; view: string; step?: string }) {
  const title = useCanvasTitle();
  const description = useCanvasDescription();
  const canUndo = useCanUndo();
  const canRedo = useCanRedo();
  const concerns = useOpenConcerns().length;
  const edit = useCanvasStore((state) => state.edit);
  const otherTabs = useOtherTabsOn(canvasId);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  useKeepCaret(descriptionRef, description);
  const privacy = useFieldPrivacy(description, {
    id: 'canvas-description-privacy',
    returnFocusRef: descriptionRef,
    subject: 'the description',
  });
  const mod = isMac() ? '⌘' : 'Ctrl+';
  const participant = useIsParticipant();
  const stepShown = view === 'step' && isStepId(step) ? step : null;
  useEffect(() => {
    if (stepShown) lastStepShown.set(canvasId, stepShown);
  }, [canvasId, stepShown]);
  const stepByStep = stepShown ?? lastStepShown.get(canvasId) ?? 'outcome';
  // In a shared canvas, the title and description are the facilitator's unless they allow otherwise.
  const detailsLocked = useLockedReason('meta', 'title');

  return (
    <div className="canvas-head no-print">
      <p>
        <Link href="/">← All canvases</Link>
      </p>
      <h1 className="visually-hidden">{title.trim() || 'Untitled canvas'}</h1>
      <div className="field">
        <label htmlFor="canvas-title" className="visually-hidden">
          Canvas title
        </label>
        {/* A one-line field that wraps (CanvasHeader.css), so a long title is read whole at 320 px or at 150 % zoom. */}
        <textarea
          id="canvas-title"
          className="canvas-title-input"
          rows={1}
          value={title}
          maxLength={LIMITS.titleLength}
          placeholder="Untitled canvas"
          dir="auto"
          readOnly={detailsLocked !== null}
          aria-describedby={detailsLocked ? 'canvas-details-locked' : undefined}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault(); // a title is one line, as in a text field
          }}
          onChange={(event) => edit((canvas, now) => setTitle(canvas, singleLine(event.target.value), now), 'title')}
        />
      </div>
      <div className="field">
        <label htmlFor="canvas-description">Description</label>
        <span className="visually-hidden" id="canvas-description-hint">
          The high-level outcome or theme, for example “Tackling racial inequality”.
        </span>
        <textarea
          ref={descriptionRef}
          id="canvas-description"
          className="textarea"
          aria-describedby={['canvas-description-hint', detailsLocked && 'canvas-details-locked', privacy.describedBy]
            .filter(Boolean)
            .join(' ')}
          readOnly={detailsLocked !== null}
          value={description}
          maxLength={LIMITS.descriptionLength}
          dir="auto"
          onChange={(event) => edit((canvas, now) => setDescription(canvas, event.target.value, now), 'description')}
        />
        {privacy.warnings}
        {detailsLocked && (
          <span className="visually-hidden" id="canvas-details-locked">
            {detailsLocked}
          </span>
        )}
      </div>
      {otherTabs > 0 && (
        <p className="banner" role="status">
          This canvas is also open in {otherTabs === 1 ? 'another tab or window' : `${otherTabs} other tabs or windows`}. Edits from all of
          them are kept and appear here within a second. If two of them change the same text at once, it keeps both versions and says so.
        </p>
      )}
      <CombinedEditsNotice />
      <div className="canvas-toolbar">
        {/* Switching views keeps focus here, like tabs; the new view is announced. */}
        <nav className="segmented" aria-label="Canvas views" data-keeps-focus="">
          {CANVAS_VIEW_LINKS.map((link) => (
            <Link
              key={link.view}
              href={`/canvas/${canvasId}/${link.path}${link.view === 'step' ? `/${stepByStep}` : ''}`}
              aria-current={view === link.view ? 'page' : undefined}
            >
              {link.label({ concerns, participant })}
            </Link>
          ))}
        </nav>
        <div className="button-row">
          <SharingControls />
          {(view === 'step' || view === 'board') && (
            <PresentButton canvasId={canvasId} step={view === 'step' && isStepId(step) ? step : 'board'} />
          )}
          {/* aria-disabled, not disabled: a button that disables itself keeps focus instead of dropping it on the page. */}
          <button
            type="button"
            className="button button--secondary button--small"
            aria-disabled={!canUndo}
            aria-keyshortcuts="Control+Z Meta+Z"
            title={`Undo (${mod}Z)`}
            onClick={undoLast}
          >
            ↶ Undo
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-disabled={!canRedo}
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
            title={`Redo (${mod}Shift+Z)`}
            onClick={redoLast}
          >
            ↷ Redo
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label="Keyboard shortcuts"
            aria-keyshortcuts="?"
            title="Keyboard shortcuts (?)"
            onClick={openShortcutSheet}
          >
            <span aria-hidden="true">⌨</span> Shortcuts
          </button>
        </div>
      </div>
    </div>
  );
}

/** Into presenting mode (P); leaving it (Escape) brings focus back here. */
function PresentButton({ canvasId, step }: { canvasId: string; step: StepId | 'board' }) {
  const [, navigate] = useLocation();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takePresentButtonFocus()) ref.current?.focus();
  }, []);
  return (
    <button
      ref={ref}
      type="button"
      className="button button--small"
      aria-keyshortcuts="p"
      title="Present: large cards for a projector (P)"
      onClick={() => navigate(`/canvas/${canvasId}/present/${step}`)}
    >
      Present
    </button>
  );
}
