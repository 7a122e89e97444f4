/**
 * The action log: what needs doing, who owns it, by when, open or done.
 * Created here or from an open concern ("Create an action for this
 * concern"). No owner and a past date are allowed and flagged, not refused.
 */
import { useEffect, useRef, useState } from 'react';
import {
  actionItemFlags,
  actionItemsInOrder,
  addActionItem,
  deleteActionItem,
  localDateString,
  restoreActionItem,
  setActionItemDue,
  setActionItemOwner,
  setActionItemStatus,
  setActionItemText,
} from '../../domain/actionLog';
import { RefusalMessage } from '../../components/RefusalMessage';
import { parseCheckKey } from '../../domain/canvas';
import { GOVERNANCE_CHECKS } from '../../domain/governance';
import { LENS_GUIDANCE, STEP_GUIDANCE } from '../../domain/guidance';
import { newId } from '../../domain/ids';
import { type ActionItem, type AnyCheckKey, type Canvas, LIMITS, type Refusal } from '../../domain/model';
import { showToast } from '../../components/toasts';
import { useFocusRescue } from '../../lib/useFocusRescue';
import { useOpenCanvas } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { useLockedReason } from '../../state/sharingStore';
import { LockedArea } from '../../components/LockedArea';
import { announce } from './announcer';
import { NewItemText } from './NewItemText';
import { useFieldPrivacy } from './useFieldPrivacy';
import { attempt } from './cardActions';
import { useNow } from './StepTimer';

/** A date as people read it: "31 March 2026". */
export function readableDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year!, month! - 1, day).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** "Outcome, Trust" or "Insight, Lawful basis": which check a concern is on. */
export function concernName(key: AnyCheckKey): string {
  const parsed = parseCheckKey(key);
  if (!parsed) return key;
  if (parsed.kind === 'ethics') return `${STEP_GUIDANCE[parsed.step].title}, ${LENS_GUIDANCE[parsed.lens].title}`;
  const check = GOVERNANCE_CHECKS.find((candidate) => candidate.id === parsed.id);
  return check ? `${STEP_GUIDANCE[check.step].title}, ${check.title}` : key;
}

export function ActionLog() {
  const canvas = useOpenCanvas();
  const today = localDateString(useNow(false));
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ownerRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const ownerPrivacy = useFieldPrivacy(owner, {
    id: 'action-new-owner-privacy',
    returnFocusRef: ownerRef,
    subject: 'this owner',
    compact: true,
  });
  const items = canvas ? actionItemsInOrder(canvas) : [];
  const locked = useLockedReason('actionItems', 'text');
  useFocusRescue(
    listRef,
    { items: '[data-action-id]', focusTarget: (item) => item.querySelector('textarea'), fallback: () => textRef.current },
    [items.length],
  );
  if (!canvas) return null;
  const open = items.filter((item) => item.status === 'open').length;

  return (
    <section className="panel workshop__section" aria-labelledby="actions-heading">
      <h3 id="actions-heading">
        Action log ({open} open of {items.length})
      </h3>
      {!locked && (
        <form
          className="action-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!text.trim()) {
              setRefusal('Write what needs doing first.');
              textRef.current?.focus();
              return;
            }
            const refused = attempt((c, now) => addActionItem(c, { id: newId(), text, owner, due }, now));
            setRefusal(refused);
            if (!refused) {
              setText('');
              setOwner('');
              setDue('');
              announce('Action added to the log.');
            }
            textRef.current?.focus();
          }}
        >
          <NewItemText
            id="action-new-text"
            label="What needs doing"
            maxLength={LIMITS.longTextLength}
            value={text}
            onChange={(value) => {
              setText(value);
              setRefusal(null);
            }}
            errorId={refusal ? 'action-new-error' : null}
            textRef={textRef}
            subject="this action"
          />
          <div className="action-form__row">
            <div className="field">
              <label htmlFor="action-new-owner">Owner</label>
              <input
                ref={ownerRef}
                id="action-new-owner"
                className="input"
                dir="auto"
                maxLength={LIMITS.shortTextLength}
                aria-describedby={ownerPrivacy.describedBy}
                value={owner}
                onChange={(event) => setOwner(event.target.value)}
              />
              {ownerPrivacy.warnings}
            </div>
            <div className="field">
              <label htmlFor="action-new-due">Due</label>
              <input id="action-new-due" className="input" type="date" value={due} onChange={(event) => setDue(event.target.value)} />
            </div>
          </div>
          {(!owner.trim() || (due && due < today)) && text.trim() && (
            <p className="hint" id="action-new-note">
              {!owner.trim() && 'No owner yet: it will be listed as needing one. '}
              {due && due < today && `${readableDate(due)} has passed: the action will show as overdue.`}
            </p>
          )}
          <button type="submit" className="button">
            Add action
          </button>
          <RefusalMessage message={refusal} id="action-new-error" />
        </form>
      )}
      {items.length === 0 && <p>No actions yet.</p>}
      <LockedArea reason={locked}>
        <ol ref={listRef} className="action-list" aria-label="Actions">
          {items.map((item, index) => (
            <ActionRow key={item.id} item={item} number={index + 1} today={today} />
          ))}
        </ol>
      </LockedArea>
    </section>
  );
}

/** A new action's text takes focus when its row mounts. */
let focusOnMount: string | null = null;
export function requestActionFocus(id: string): void {
  focusOnMount = id;
}

/** One action, its fields edited in place. */
export function ActionRow({ item, number, today }: { item: ActionItem; number: number; today: string }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ownerRef = useRef<HTMLInputElement>(null);
  const id = `action-${item.id}`;
  const name = `action ${number}`;
  const textPrivacy = useFieldPrivacy(item.text, {
    id: `${id}-text-privacy`,
    returnFocusRef: textRef,
    subject: 'this action',
    compact: true,
  });
  const ownerPrivacy = useFieldPrivacy(item.owner, {
    id: `${id}-owner-privacy`,
    returnFocusRef: ownerRef,
    subject: 'this owner',
    compact: true,
  });
  useEffect(() => {
    if (focusOnMount !== item.id) return;
    focusOnMount = null;
    textRef.current?.focus();
  }, [item.id]);
  const flags = actionItemFlags(item, today);
  const run = (change: (canvas: Canvas, now: number) => Canvas | Refusal, group?: string) => setRefusal(attempt(change, group));
  return (
    <li className="action-item" data-action-id={item.id} data-status={item.status}>
      <div className="field">
        <label htmlFor={`${id}-text`}>Action {number}</label>
        <textarea
          ref={textRef}
          id={`${id}-text`}
          className="textarea"
          rows={2}
          dir="auto"
          maxLength={LIMITS.longTextLength}
          aria-describedby={textPrivacy.describedBy}
          value={item.text}
          onChange={(event) => run((c, now) => setActionItemText(c, item.id, event.target.value, now), `${id}-text`)}
        />
        {textPrivacy.warnings}
      </div>
      {item.concern && <p className="action-item__concern">For the concern: {concernName(item.concern)}</p>}
      <div className="action-form__row">
        <div className="field">
          <label htmlFor={`${id}-owner`}>
            Owner<span className="visually-hidden"> of {name}</span>
          </label>
          <input
            ref={ownerRef}
            id={`${id}-owner`}
            className="input"
            dir="auto"
            maxLength={LIMITS.shortTextLength}
            aria-describedby={[flags.noOwner && `${id}-flags`, ownerPrivacy.describedBy].filter(Boolean).join(' ') || undefined}
            value={item.owner}
            onChange={(event) => run((c, now) => setActionItemOwner(c, item.id, event.target.value, now), `${id}-owner`)}
          />
          {ownerPrivacy.warnings}
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>
            Due<span className="visually-hidden"> date of {name}</span>
          </label>
          <input
            id={`${id}-due`}
            className="input"
            type="date"
            aria-describedby={flags.overdue || flags.dueToday ? `${id}-flags` : undefined}
            value={item.due}
            onChange={(event) => run((c, now) => setActionItemDue(c, item.id, event.target.value, now), `${id}-due`)}
          />
        </div>
      </div>
      <div className="action-item__footer">
        <label className="action-item__done">
          <input
            type="checkbox"
            checked={item.status === 'done'}
            onChange={(event) => run((c, now) => setActionItemStatus(c, item.id, event.target.checked ? 'done' : 'open', now))}
          />{' '}
          Done<span className="visually-hidden"> ({name})</span>
        </label>
        <span id={`${id}-flags`} className="action-item__flags">
          {flags.noOwner && <span className="flag">No owner yet</span>}
          {flags.overdue && <span className="flag flag--warn">Overdue since {readableDate(item.due)}</span>}
          {flags.dueToday && <span className="flag">Due today</span>}
        </span>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            useCanvasStore.getState().edit((c, now) => deleteActionItem(c, item.id, now));
            showToast({
              message: 'Action deleted.',
              actionLabel: 'Undo',
              onAction: () => useCanvasStore.getState().edit((c, now) => restoreActionItem(c, item.id, now)),
            });
          }}
        >
          Delete<span className="visually-hidden"> {name}</span>
        </button>
      </div>
      <RefusalMessage message={refusal} />
    </li>
  );
}
