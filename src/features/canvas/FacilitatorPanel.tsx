import { setFacilitatorNote } from '../../domain/canvas';
import { STEP_GUIDANCE } from '../../domain/guidance';
import type { StepId } from '../../domain/model';
import { LIMITS } from '../../domain/model';
import { useFacilitation } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import '../../components/document.css';
import '../../components/facilitation.css';

/** The trainer's notes for the focused step: suggested time, what to ask, what to watch for. */
export function FacilitatorPanel({ step }: { step: StepId }) {
  const note = useFacilitation(step);
  const edit = useCanvasStore((state) => state.edit);
  if (!note) return null;
  const title = STEP_GUIDANCE[step].title;
  // Closed by default: the screen is often on a projector, and the notes are for the trainer.
  return (
    <details className="facilitator-notes">
      <summary>
        <strong>Facilitator notes</strong>
        {note.minutes !== null && ` · about ${note.minutes} minutes`}
      </summary>
      {note.notes.trim() && (
        <p className="print-description" dir="auto">
          {note.notes}
        </p>
      )}
      <details>
        <summary>Edit notes for {title}</summary>
        <div className="field">
          <label htmlFor={`facilitation-minutes-${step}`}>Suggested minutes</label>
          <input
            id={`facilitation-minutes-${step}`}
            className="input input--short"
            type="number"
            min={0}
            max={1000}
            value={note.minutes ?? ''}
            onChange={(event) => {
              const raw = event.target.value;
              const minutes = raw === '' ? null : Math.max(0, Math.min(1000, Math.round(Number(raw))));
              edit(
                (canvas, now) => setFacilitatorNote(canvas, step, { minutes: Number.isFinite(minutes) ? minutes : null }, now),
                `facilitation-minutes:${step}`,
              );
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`facilitation-notes-${step}`}>Notes</label>
          <textarea
            id={`facilitation-notes-${step}`}
            className="textarea"
            rows={4}
            maxLength={LIMITS.notesLength}
            value={note.notes}
            onChange={(event) =>
              edit((canvas, now) => setFacilitatorNote(canvas, step, { notes: event.target.value }, now), `facilitation-notes:${step}`)
            }
          />
        </div>
      </details>
    </details>
  );
}
