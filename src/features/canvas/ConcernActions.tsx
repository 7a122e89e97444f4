/**
 * Under an open concern: its actions ("Create an action for this concern")
 * and "Mark resolved" with a note saying how. A resolved concern leaves the
 * open list; focus goes to the list's heading.
 */
import { useId, useState } from 'react';
import { RefusalMessage } from '../../components/RefusalMessage';
import { actionItemsForConcern, addActionItemForConcern, localDateString } from '../../domain/actionLog';
import { resolveConcern } from '../../domain/canvas';
import { newId } from '../../domain/ids';
import { type AnyCheckKey, LIMITS } from '../../domain/model';
import { useOpenCanvas } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { useLockedReason } from '../../state/sharingStore';
import { ActionRow, requestActionFocus } from './ActionLog';
import { announce } from './announcer';
import { useNow } from './StepTimer';

export function ConcernActions({ concern, name, afterResolve }: { concern: AnyCheckKey; name: string; afterResolve: () => void }) {
  const canvas = useOpenCanvas();
  const today = localDateString(useNow(false));
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const noteId = useId();
  // In a shared canvas, what the facilitator has not allowed participants is not offered.
  const actionsLocked = useLockedReason('actionItems', 'text');
  const resolveLocked = useLockedReason('checks', 'resolvedAt');
  if (!canvas) return null;
  const items = actionItemsForConcern(canvas, concern);

  const create = () => {
    const id = newId();
    requestActionFocus(id);
    const refused = useCanvasStore.getState().attempt((c, now) => addActionItemForConcern(c, { id, concern }, now));
    setRefusal(refused);
    if (!refused) announce('Action created. Write what needs doing.');
  };

  return (
    <div className="concern-actions">
      {items.length > 0 && (
        <ol className="action-list" aria-label={`Actions for ${name}`}>
          {items.map((item, index) => (
            <ActionRow key={item.id} item={item} number={index + 1} today={today} />
          ))}
        </ol>
      )}
      {(!actionsLocked || !resolveLocked) && (
        <div className="button-row">
          {!actionsLocked && (
            <button type="button" className="button button--secondary button--small" onClick={create}>
              Create an action for this concern<span className="visually-hidden"> about {name}</span>
            </button>
          )}
          {!resolveLocked && (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={resolving}
              aria-controls={resolving ? noteId : undefined}
              onClick={() => setResolving(!resolving)}
            >
              Mark resolved…<span className="visually-hidden"> {name}</span>
            </button>
          )}
        </div>
      )}
      {resolving && !resolveLocked && (
        <form
          id={noteId}
          className="concern-resolve"
          onSubmit={(event) => {
            event.preventDefault();
            const refused = useCanvasStore.getState().attempt((c, now) => resolveConcern(c, concern, note, now));
            setRefusal(refused);
            if (!refused) {
              announce(`Concern ${name} marked resolved.`);
              afterResolve();
            }
          }}
        >
          <div className="field">
            <label htmlFor={`${noteId}-note`}>How was it resolved?</label>
            <textarea
              id={`${noteId}-note`}
              className="textarea"
              rows={2}
              dir="auto"
              maxLength={LIMITS.notesLength}
              autoFocus
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--small">
            Mark resolved
          </button>
        </form>
      )}
      <RefusalMessage message={refusal} />
    </div>
  );
}
