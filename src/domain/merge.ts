/**
 * Merging what another tab saved into the canvas open here, record by
 * record (each card, each ethics check, each canvas field on its own):
 * - a record this tab has not changed since it last saved takes the stored
 *   version (the other tab's edit comes in);
 * - a record this tab has changed and not yet saved keeps this tab's
 *   changes, field by field, and takes the other tab's changes to the other
 *   fields;
 * - where both tabs changed the same text (a card's text, a check's notes,
 *   the title, the description, a facilitator note) before seeing each
 *   other's change, the text keeps both (`textMerge.ts`) and the merge says
 *   which records, so the app can say so and offer Undo. For any other field
 *   changed on both sides (a status, a colour, a move) this tab's choice,
 *   the later one, wins.
 */
import { sameContent } from './diff';
import type { Canvas, CanvasMeta, Card, CheckKey, EthicsCheck, Facilitation } from './model';
import { LIMITS, STEP_IDS } from './model';
import type { TextMerger } from './textMerge';

type MetaField = 'title' | 'description' | 'facilitation' | 'deletedAt';
const META_FIELDS: MetaField[] = ['title', 'description', 'facilitation', 'deletedAt'];

/** Text fields that keep both sides' words, with what separates them and how long they may grow. */
const CARD_TEXT = { field: 'text', separator: '\n', limit: LIMITS.cardTextLength } as const;
const CHECK_NOTES = { field: 'notes', separator: '\n', limit: LIMITS.notesLength } as const;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
/** Same content (objects from storage are equal, not identical, to the ones this tab holds). */
const sameRecord = (a: object | undefined, b: object | undefined) => a === b || sameContent(a, b);

/** The records the other tab changed, relative to what this tab last knew was stored. */
export interface RemoteChanges {
  cards: Card[];
  /** Cards gone from storage altogether (an undone "add", or a restore that replaced the canvas). */
  removedCardIds: string[];
  checks: EthicsCheck[];
  meta: Partial<Pick<Canvas, MetaField>>;
}

/** Records whose text both tabs changed; `merged` holds both sides' words. */
export interface CombinedEdits {
  cardIds: string[];
  checkKeys: CheckKey[];
  fields: MetaField[];
}

export interface RemoteMerge {
  /** What this tab shows now: the remote changes plus its own unsaved ones, texts changed on both sides combined. */
  merged: Canvas;
  /** The same, but with this tab's own version of every text both changed: where Undo goes after a combine. */
  ours: Canvas;
  /** What is known to be stored now (the base for the next save). */
  stored: Canvas;
  /** Whether the other tab changed anything at all. */
  changed: boolean;
  /** What the other tab changed, to apply to other versions too (the undo stack). */
  changes: RemoteChanges;
  combined: CombinedEdits;
}

export function remoteChanges(base: Canvas, remote: Canvas): RemoteChanges {
  const cards = Object.values(remote.cards).filter((card) => !sameRecord(base.cards[card.id], card));
  const removedCardIds = Object.keys(base.cards).filter((id) => !(id in remote.cards));
  const checks = (Object.keys(remote.checks) as CheckKey[])
    .filter((key) => !sameRecord(base.checks[key], remote.checks[key]))
    .map((key) => remote.checks[key]);
  const meta: Partial<Pick<Canvas, MetaField>> = {};
  for (const field of META_FIELDS) if (!same(base[field], remote[field])) Object.assign(meta, { [field]: remote[field] });
  return { cards, removedCardIds, checks, meta };
}

export function hasRemoteChanges(changes: RemoteChanges): boolean {
  return changes.cards.length > 0 || changes.removedCardIds.length > 0 || changes.checks.length > 0 || Object.keys(changes.meta).length > 0;
}

export const hasCombinedEdits = (combined: CombinedEdits) =>
  combined.cardIds.length > 0 || combined.checkKeys.length > 0 || combined.fields.length > 0;

/**
 * Applies remote changes to a version of the canvas, except where `local`
 * (this tab's unsaved state, compared with `base`) changed the same record.
 * Used for every version on the undo stack, so undo takes back only this
 * tab's own edits.
 */
export function applyRemote(target: Canvas, changes: RemoteChanges, base: Canvas, local: Canvas): Canvas {
  if (!hasRemoteChanges(changes)) return target;
  const cards = { ...target.cards };
  for (const card of changes.cards) {
    if (local.cards[card.id] !== base.cards[card.id] && local.cards[card.id]) continue; // changed here too: merged by mergeRemote
    cards[card.id] = card;
  }
  for (const id of changes.removedCardIds) {
    if (local.cards[id] !== base.cards[id]) continue; // changed here since: ours is saved next
    delete cards[id];
  }
  const checks = { ...target.checks };
  for (const check of changes.checks) {
    const key: CheckKey = `${check.step}:${check.lens}`;
    if (local.checks[key] !== base.checks[key]) continue;
    checks[key] = check;
  }
  const next: Canvas = { ...target, cards, checks };
  for (const field of META_FIELDS) {
    if (!(field in changes.meta) || local[field] !== base[field]) continue;
    Object.assign(next, { [field]: changes.meta[field] });
  }
  return next;
}

/**
 * One record changed on both sides: each field takes the side that changed
 * it (ours when both did), and the text field keeps both sides' words.
 * Returns whether the text was combined.
 */
function mergeRecord<T extends { updatedAt: number }>(
  base: T,
  ours: T,
  theirs: T,
  text: { field: keyof T & string; separator: string; limit: number },
  mergeText: TextMerger,
): { record: T; combined: boolean } {
  const record = { ...theirs };
  for (const key of Object.keys(ours) as (keyof T)[]) if (!same(ours[key], base[key])) record[key] = ours[key];
  const [b, o, t] = [base[text.field], ours[text.field], theirs[text.field]] as string[];
  const combined = o !== b && t !== b && o !== t;
  if (combined) (record as Record<string, unknown>)[text.field] = mergeText(b!, o!, t!, text.separator).slice(0, text.limit);
  record.updatedAt = Math.max(ours.updatedAt, theirs.updatedAt);
  return { record, combined };
}

/** Facilitator notes, step by step: minutes as any other field, the notes as text that keeps both sides' words. */
function mergeFacilitation(base: Facilitation, ours: Facilitation, theirs: Facilitation, mergeText: TextMerger) {
  const merged = { ...theirs };
  let combined = false;
  for (const step of STEP_IDS) {
    const [b, o, t] = [base[step], ours[step], theirs[step]];
    combined ||= o.notes !== b.notes && t.notes !== b.notes && o.notes !== t.notes;
    merged[step] = {
      minutes: o.minutes !== b.minutes ? o.minutes : t.minutes,
      notes: mergeText(b.notes, o.notes, t.notes, '\n').slice(0, LIMITS.notesLength),
    };
  }
  return { facilitation: merged, combined };
}

export function mergeRemote(base: Canvas, local: Canvas, remote: Canvas, mergeText: TextMerger): RemoteMerge {
  const changes = remoteChanges(base, remote);
  const combined: CombinedEdits = { cardIds: [], checkKeys: [], fields: [] };
  if (!hasRemoteChanges(changes)) return { merged: local, ours: local, stored: base, changed: false, changes, combined };
  // What is stored now: the old base with the remote records in it. Records
  // nobody changed keep their objects, so the next save skips them.
  const stored = applyRemote(base, changes, base, base);
  const ours = applyRemote(local, changes, base, local);

  const cards = { ...ours.cards };
  for (const theirs of changes.cards) {
    const mine = local.cards[theirs.id];
    const was = base.cards[theirs.id];
    if (!mine || mine === was) continue; // not changed here: applyRemote took theirs
    if (!was) continue; // new here and there under one id: cannot happen with random ids; keep ours
    const { record, combined: both } = mergeRecord(was, mine, theirs, CARD_TEXT, mergeText);
    cards[theirs.id] = record;
    if (both) combined.cardIds.push(theirs.id);
  }
  const checks = { ...ours.checks };
  for (const theirs of changes.checks) {
    const key: CheckKey = `${theirs.step}:${theirs.lens}`;
    const mine = local.checks[key];
    const was = base.checks[key];
    if (mine === was) continue;
    const { record, combined: both } = mergeRecord(was, mine, theirs, CHECK_NOTES, mergeText);
    checks[key] = record;
    if (both) combined.checkKeys.push(key);
  }
  const merged: Canvas = { ...ours, cards, checks };
  for (const field of ['title', 'description'] as const) {
    const [b, o, t] = [base[field], local[field], changes.meta[field]];
    if (t === undefined || o === b || o === t) continue;
    const limit = field === 'title' ? LIMITS.titleLength : LIMITS.descriptionLength;
    merged[field] = mergeText(b, o, t, field === 'title' ? ' / ' : '\n').slice(0, limit);
    combined.fields.push(field);
  }
  if (changes.meta.facilitation && !same(local.facilitation, base.facilitation)) {
    const { facilitation, combined: both } = mergeFacilitation(base.facilitation, local.facilitation, changes.meta.facilitation, mergeText);
    merged.facilitation = facilitation;
    if (both) combined.fields.push('facilitation');
  }
  return { merged, ours, stored, changed: true, changes, combined };
}

/**
 * The canvas row after recovering a note of unsaved changes: each field the
 * noting tab changed (it differs from the `base` the tab had) is taken,
 * unless another tab changed that field since and its row is newer. A
 * field-by-field rule, because the row's time moves with every edit to any
 * card.
 */
export function recoverMeta(stored: CanvasMeta, noted: CanvasMeta, base: CanvasMeta): CanvasMeta {
  const next = { ...stored };
  for (const key of Object.keys(noted) as (keyof CanvasMeta)[]) {
    if (key === 'id' || key === 'createdAt' || key === 'updatedAt' || same(noted[key], base[key])) continue;
    if (same(stored[key], base[key]) || noted.updatedAt >= stored.updatedAt) Object.assign(next, { [key]: noted[key] });
  }
  next.updatedAt = Math.max(stored.updatedAt, noted.updatedAt);
  return next;
}

/**
 * Undo and redo bring back older versions of records. Giving every record
 * they change a new time makes the change the newest one, for other tabs and
 * for the unsaved-changes note, like any other edit.
 */
export function restamp(from: Canvas, to: Canvas, now: number): Canvas {
  if (from === to) return to;
  const cards: Record<string, Card> = {};
  for (const card of Object.values(to.cards)) cards[card.id] = from.cards[card.id] === card ? card : { ...card, updatedAt: now };
  const checks = { ...to.checks };
  for (const key of Object.keys(checks) as CheckKey[])
    if (from.checks[key] !== checks[key]) checks[key] = { ...checks[key], updatedAt: now };
  return { ...to, cards, checks, updatedAt: now };
}
