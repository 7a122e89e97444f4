/**
 * The action log (UI "Action log"): what the team will do after the
 * workshop, with an owner, a due date and a status. An item can come from
 * an open concern ("Create an action for this concern"), and then names
 * that check by its key. Deletes are soft, like cards.
 *
 * Not to be confused with the LOTI step 'action' (StepId), whose cards say
 * who could act differently.
 */
import { byOrder, orderKeyAt } from './cards';
import { checkAt, isCheckKey, isOpenConcern } from './canvas';
import { dateProblem, localDateString } from './dates';
import { type IdMap, recordOf, withRecords } from './idMap';
import { type ActionItem, type ActionItemStatus, type AnyCheckKey, type Canvas, type Refusal, LIMITS, refuse } from './model';
import { clampText, oneLine } from './text';

export function actionItemsInOrder(canvas: Canvas): ActionItem[] {
  return Object.values(canvas.actionItems)
    .filter((item) => item.deletedAt === null)
    .sort(byOrder);
}

export function openActionItems(canvas: Canvas): ActionItem[] {
  return actionItemsInOrder(canvas).filter((item) => item.status === 'open');
}

/** The action items that answer a concern, in order. */
export function actionItemsForConcern(canvas: Canvas, key: AnyCheckKey): ActionItem[] {
  return actionItemsInOrder(canvas).filter((item) => item.concern === key);
}

export interface ActionItemFlags {
  /** No owner yet: shown as a gap, not refused. */
  noOwner: boolean;
  /** Open and due before `today`. */
  overdue: boolean;
  dueToday: boolean;
}

/** What to flag on an item, given today's date (localDateString(now)). */
export function actionItemFlags(item: ActionItem, today: string): ActionItemFlags {
  const open = item.status === 'open';
  return {
    noOwner: item.owner.trim() === '',
    overdue: open && item.due !== '' && item.due < today,
    dueToday: open && item.due === today,
  };
}

export { localDateString };

function withItems(canvas: Canvas, changed: ActionItem[], now: number): Canvas {
  return { ...canvas, actionItems: withRecords(canvas.actionItems, changed) as IdMap<ActionItem>, updatedAt: now };
}

function liveItem(canvas: Canvas, id: string): ActionItem | undefined {
  const item = recordOf(canvas.actionItems, id);
  return item && item.deletedAt === null ? item : undefined;
}

const GONE = refuse('That action is no longer in the action log.');

export interface NewActionItem {
  id: string;
  text?: string;
  owner?: string;
  due?: string;
  concern?: AnyCheckKey | null;
}

/**
 * Adds an item at the end of the action log. No owner is allowed (flagged
 * "no owner yet"); a past due date is allowed (shown as overdue). Refused:
 * a due date that is not a real date, a concern key that names no check,
 * and more than LIMITS.actionItemsPerCanvas items.
 */
export function addActionItem(canvas: Canvas, input: NewActionItem, now: number): Canvas | Refusal {
  if (actionItemsInOrder(canvas).length >= LIMITS.actionItemsPerCanvas)
    return refuse(`The action log can hold at most ${LIMITS.actionItemsPerCanvas.toLocaleString('en-GB')} actions.`);
  const due = (input.due ?? '').trim();
  const problem = dateProblem(due, 'The due date');
  if (problem) return refuse(problem);
  const concern = input.concern ?? null;
  if (concern !== null && !isCheckKey(concern)) return refuse('That concern is not one of the canvas’s checks.');
  const items = actionItemsInOrder(canvas);
  const { key, rekeyed } = orderKeyAt(items, items.length);
  const item: ActionItem = {
    id: input.id,
    text: clampText(input.text ?? '', LIMITS.longTextLength),
    owner: clampText(oneLine(input.owner ?? ''), LIMITS.shortTextLength),
    due,
    status: 'open',
    concern,
    order: key,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  return withItems(canvas, [...rekeyed, item], now);
}

/**
 * "Create an action for this concern": an item tied to an open concern.
 * Refused when the check has no open concern.
 */
export function addActionItemForConcern(canvas: Canvas, input: NewActionItem & { concern: AnyCheckKey }, now: number): Canvas | Refusal {
  if (!isCheckKey(input.concern)) return refuse('That concern is not one of the canvas’s checks.');
  if (!isOpenConcern(checkAt(canvas, input.concern))) return refuse('This check has no open concern to act on.');
  return addActionItem(canvas, input, now);
}

function updateItem(canvas: Canvas, id: string, now: number, change: (item: ActionItem) => ActionItem | null): Canvas | Refusal {
  const item = liveItem(canvas, id);
  if (!item) return GONE;
  const next = change(item);
  return next ? withItems(canvas, [{ ...next, updatedAt: now }], now) : canvas;
}

export function setActionItemText(canvas: Canvas, id: string, text: string, now: number): Canvas | Refusal {
  const next = clampText(text, LIMITS.longTextLength);
  return updateItem(canvas, id, now, (item) => (item.text === next ? null : { ...item, text: next }));
}

export function setActionItemOwner(canvas: Canvas, id: string, owner: string, now: number): Canvas | Refusal {
  const next = clampText(oneLine(owner), LIMITS.shortTextLength);
  return updateItem(canvas, id, now, (item) => (item.owner === next ? null : { ...item, owner: next }));
}

/** Sets the due date: '' or a real YYYY-MM-DD date (a past date is allowed). */
export function setActionItemDue(canvas: Canvas, id: string, due: string, now: number): Canvas | Refusal {
  const next = due.trim();
  const problem = dateProblem(next, 'The due date');
  if (problem) return refuse(problem);
  return updateItem(canvas, id, now, (item) => (item.due === next ? null : { ...item, due: next }));
}

export function setActionItemStatus(canvas: Canvas, id: string, status: ActionItemStatus, now: number): Canvas | Refusal {
  return updateItem(canvas, id, now, (item) => (item.status === status ? null : { ...item, status }));
}

/** Ties an item to a concern, or unties it with null. */
export function setActionItemConcern(canvas: Canvas, id: string, concern: AnyCheckKey | null, now: number): Canvas | Refusal {
  if (concern !== null && !isCheckKey(concern)) return refuse('That concern is not one of the canvas’s checks.');
  return updateItem(canvas, id, now, (item) => (item.concern === concern ? null : { ...item, concern }));
}

/** Soft delete; `restoreActionItem` (or undo) brings it back. */
export function deleteActionItem(canvas: Canvas, id: string, now: number): Canvas {
  const item = liveItem(canvas, id);
  return item ? withItems(canvas, [{ ...item, deletedAt: now, updatedAt: now }], now) : canvas;
}

export function restoreActionItem(canvas: Canvas, id: string, now: number): Canvas {
  const item = recordOf(canvas.actionItems, id);
  return item && item.deletedAt !== null ? withItems(canvas, [{ ...item, deletedAt: null, updatedAt: now }], now) : canvas;
}

/** Moves an item to a position in the log (0 = first). */
export function moveActionItem(canvas: Canvas, id: string, index: number, now: number): Canvas | Refusal {
  const item = liveItem(canvas, id);
  if (!item) return GONE;
  const items = actionItemsInOrder(canvas);
  const others = items.filter((other) => other.id !== id);
  const target = Math.max(0, Math.min(index, others.length));
  if (items.indexOf(item) === target) return canvas;
  const { key, rekeyed } = orderKeyAt(others, target);
  return withItems(canvas, [...rekeyed, { ...item, order: key, updatedAt: now }], now);
}
