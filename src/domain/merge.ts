/**
 * Merging what another tab saved into the canvas open here, record by
 * record (each card, each ethics check, each canvas field on its own):
 * - a record this tab has not changed since it last saved takes the stored
 *   version (the other tab's edit comes in);
 * - a record this tab has changed and not yet saved keeps this tab's version
 *   (it is saved next, so the last writer of each record wins).
 * Nothing is overwritten as a whole, and no edit from either tab is dropped
 * unless both changed the very same record.
 */
import type { Canvas, Card, CheckKey, EthicsCheck } from './model';

export interface RemoteMerge {
  /** What this tab shows now: the remote changes plus its own unsaved ones. */
  merged: Canvas;
  /** What is known to be stored now (the base for the next save). */
  stored: Canvas;
  /** Whether the other tab changed anything at all. */
  changed: boolean;
  /** What the other tab changed, to apply to other versions too (the undo history). */
  changes: RemoteChanges;
}

type MetaField = 'title' | 'description' | 'facilitation' | 'deletedAt';
const META_FIELDS: MetaField[] = ['title', 'description', 'facilitation', 'deletedAt'];

const sameCard = (a: Card | undefined, b: Card | undefined) =>
  a === b ||
  (!!a &&
    !!b &&
    a.updatedAt === b.updatedAt &&
    a.text === b.text &&
    a.step === b.step &&
    a.order === b.order &&
    a.colour === b.colour &&
    a.deletedAt === b.deletedAt);
const sameCheck = (a: EthicsCheck | undefined, b: EthicsCheck | undefined) =>
  a === b || (!!a && !!b && a.status === b.status && a.notes === b.notes && a.updatedAt === b.updatedAt);
const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The records the other tab changed, relative to what this tab last knew was stored. */
export interface RemoteChanges {
  cards: Card[];
  /** Cards gone from storage altogether (an undone "add", or a restore that replaced the canvas). */
  removedCardIds: string[];
  checks: EthicsCheck[];
  meta: Partial<Pick<Canvas, MetaField>>;
}

export function remoteChanges(base: Canvas, remote: Canvas): RemoteChanges {
  const cards = Object.values(remote.cards).filter((card) => !sameCard(base.cards[card.id], card));
  const removedCardIds = Object.keys(base.cards).filter((id) => !(id in remote.cards));
  const checks = (Object.keys(remote.checks) as CheckKey[])
    .filter((key) => !sameCheck(base.checks[key], remote.checks[key]))
    .map((key) => remote.checks[key]);
  const meta: Partial<Pick<Canvas, MetaField>> = {};
  for (const field of META_FIELDS) if (!sameValue(base[field], remote[field])) Object.assign(meta, { [field]: remote[field] });
  return { cards, removedCardIds, checks, meta };
}

export function hasRemoteChanges(changes: RemoteChanges): boolean {
  return changes.cards.length > 0 || changes.removedCardIds.length > 0 || changes.checks.length > 0 || Object.keys(changes.meta).length > 0;
}

/**
 * Applies remote changes to a version of the canvas, except where `local`
 * (this tab's unsaved state, compared with `base`) changed the same record.
 * Used for the canvas on screen and for every step of the undo history, so
 * undo takes back only this tab's own edits.
 */
export function applyRemote(target: Canvas, changes: RemoteChanges, base: Canvas, local: Canvas): Canvas {
  if (!hasRemoteChanges(changes)) return target;
  const cards = { ...target.cards };
  for (const card of changes.cards) {
    if (local.cards[card.id] !== base.cards[card.id] && local.cards[card.id]) continue; // changed here too: ours is saved next
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

export function mergeRemote(base: Canvas, local: Canvas, remote: Canvas): RemoteMerge {
  const changes = remoteChanges(base, remote);
  if (!hasRemoteChanges(changes)) return { merged: local, stored: base, changed: false, changes };
  // What is stored now: the old base with the remote records in it. Records
  // nobody changed keep their objects, so the next save skips them.
  return { merged: applyRemote(local, changes, base, local), stored: applyRemote(base, changes, base, base), changed: true, changes };
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
