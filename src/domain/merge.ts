/**
 * Merging what another tab saved into the canvas open here, record by
 * record (each card, ethics check, governance check, action item, data set
 * and canvas field on its own):
 * - a record this tab has not changed since it last saved takes the stored
 *   version (the other tab's edit comes in);
 * - a record this tab has changed and not yet saved keeps this tab's
 *   changes, field by field, and takes the other tab's changes to the other
 *   fields;
 * - where both tabs changed the same text (a card's text, a check's notes,
 *   an action's text, a data set's free text, the title, the description, a
 *   facilitator note) before seeing each other's change, the text keeps both
 *   (`textMerge.ts`) and the merge says which records, so the app can say so
 *   and offer Undo. For any other field changed on both sides (a status, a
 *   colour, a move, the timer) this tab's choice, the later one, wins.
 * Dismissed privacy warnings are a set: when both tabs dismissed some, both
 * sets are kept. Maps are built with no prototype, so any id is safe.
 */
import { sameContent } from './diff';
import type { GovernanceId } from './governanceKeys';
import { type IdMap, copyMap, recordOf } from './idMap';
import type { ActionItem, Canvas, CanvasMeta, Card, CheckKey, Dataset, EthicsCheck, Facilitation, GovernanceCheck } from './model';
import { LIMITS, STEP_IDS } from './model';
import type { TextMerger } from './textMerge';

const META_FIELDS = [
  'title',
  'description',
  'facilitation',
  'workshop',
  'timer',
  'votesPerPerson',
  'privacyDismissed',
  'deletedAt',
] as const;
type MetaField = (typeof META_FIELDS)[number];

/** A text field that keeps both sides' words, with what separates them and how long it may grow. */
interface TextField<T> {
  field: keyof T & string;
  separator: string;
  limit: number;
}
const CARD_TEXT: TextField<Card>[] = [{ field: 'text', separator: '\n', limit: LIMITS.cardTextLength }];
const CHECK_NOTES: TextField<EthicsCheck | GovernanceCheck>[] = [
  { field: 'notes', separator: '\n', limit: LIMITS.notesLength },
  { field: 'resolution', separator: '\n', limit: LIMITS.notesLength },
];
const ACTION_TEXT: TextField<ActionItem>[] = [{ field: 'text', separator: '\n', limit: LIMITS.longTextLength }];
const DATASET_TEXT: TextField<Dataset>[] = (['contents', 'qualityProblems', 'whoIsMissing'] as const).map((field) => ({
  field,
  separator: '\n',
  limit: LIMITS.longTextLength,
}));

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
/** Same content (objects from storage are equal, not identical, to the ones this tab holds). */
const sameRecord = (a: object | undefined, b: object | undefined) => a === b || sameContent(a, b);

/** The records the other tab changed, relative to what this tab last knew was stored. */
export interface RemoteChanges {
  cards: Card[];
  /** Cards gone from storage altogether (an undone "add", or a restore that replaced the canvas). */
  removedCardIds: string[];
  checks: EthicsCheck[];
  governance: GovernanceCheck[];
  actionItems: ActionItem[];
  removedActionItemIds: string[];
  datasets: Dataset[];
  removedDatasetIds: string[];
  meta: Partial<Pick<Canvas, MetaField>>;
}

/** Canvas fields as the combined-edits notice names them (only the text ones are ever combined). */
type NamedMetaField = 'title' | 'description' | 'facilitation' | 'deletedAt';

/** Records whose text both tabs changed; `merged` holds both sides' words. */
export interface CombinedEdits {
  cardIds: string[];
  checkKeys: CheckKey[];
  governanceIds: GovernanceId[];
  actionItemIds: string[];
  datasetIds: string[];
  fields: NamedMetaField[];
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

const changedRecords = <T extends object>(base: IdMap<T>, remote: IdMap<T>): T[] =>
  Object.keys(remote)
    .filter((key) => !sameRecord(recordOf(base, key), remote[key]))
    .map((key) => remote[key]!);
const removedKeys = (base: IdMap<unknown>, remote: IdMap<unknown>) => Object.keys(base).filter((key) => !Object.hasOwn(remote, key));

export function remoteChanges(base: Canvas, remote: Canvas): RemoteChanges {
  const meta: Partial<Pick<Canvas, MetaField>> = {};
  for (const field of META_FIELDS) if (!same(base[field], remote[field])) Object.assign(meta, { [field]: remote[field] });
  return {
    cards: changedRecords(base.cards, remote.cards),
    removedCardIds: removedKeys(base.cards, remote.cards),
    checks: changedRecords(base.checks, remote.checks),
    governance: changedRecords(base.governance, remote.governance),
    actionItems: changedRecords(base.actionItems, remote.actionItems),
    removedActionItemIds: removedKeys(base.actionItems, remote.actionItems),
    datasets: changedRecords(base.datasets, remote.datasets),
    removedDatasetIds: removedKeys(base.datasets, remote.datasets),
    meta,
  };
}

export function hasRemoteChanges(changes: RemoteChanges): boolean {
  return (
    changes.cards.length > 0 ||
    changes.removedCardIds.length > 0 ||
    changes.checks.length > 0 ||
    changes.governance.length > 0 ||
    changes.actionItems.length > 0 ||
    changes.removedActionItemIds.length > 0 ||
    changes.datasets.length > 0 ||
    changes.removedDatasetIds.length > 0 ||
    Object.keys(changes.meta).length > 0
  );
}

export const hasCombinedEdits = (combined: CombinedEdits) =>
  combined.cardIds.length > 0 ||
  combined.checkKeys.length > 0 ||
  combined.governanceIds.length > 0 ||
  combined.actionItemIds.length > 0 ||
  combined.datasetIds.length > 0 ||
  combined.fields.length > 0;

/**
 * One collection of `target` with the remote records put in and removed
 * ones taken out, except where `local` changed the record since `base`
 * (those are merged by mergeRemote, or kept and saved next).
 */
function applyRecords<T>(
  target: IdMap<T>,
  changed: T[],
  removed: string[],
  keyOf: (record: T) => string,
  base: IdMap<T>,
  local: IdMap<T>,
): IdMap<T> {
  if (!changed.length && !removed.length) return target;
  const next = copyMap(target);
  for (const record of changed) {
    const key = keyOf(record);
    if (recordOf(local, key) !== recordOf(base, key) && recordOf(local, key)) continue;
    next[key] = record;
  }
  for (const key of removed) {
    if (recordOf(local, key) !== recordOf(base, key)) continue; // changed here since: ours is saved next
    delete next[key];
  }
  return next;
}

const idOf = (record: { id: string }) => record.id;
const ethicsKey = (check: EthicsCheck): CheckKey => `${check.step}:${check.lens}`;

/**
 * Applies remote changes to a version of the canvas, except where `local`
 * (this tab's unsaved state, compared with `base`) changed the same record.
 * Used for every version on the undo stack, so undo takes back only this
 * tab's own edits.
 */
export function applyRemote(target: Canvas, changes: RemoteChanges, base: Canvas, local: Canvas): Canvas {
  if (!hasRemoteChanges(changes)) return target;
  const next: Canvas = {
    ...target,
    cards: applyRecords(target.cards, changes.cards, changes.removedCardIds, idOf, base.cards, local.cards),
    checks: applyRecords(target.checks, changes.checks, [], ethicsKey, base.checks, local.checks) as Canvas['checks'],
    governance: applyRecords(target.governance, changes.governance, [], idOf, base.governance, local.governance) as Canvas['governance'],
    actionItems: applyRecords(
      target.actionItems,
      changes.actionItems,
      changes.removedActionItemIds,
      idOf,
      base.actionItems,
      local.actionItems,
    ),
    datasets: applyRecords(target.datasets, changes.datasets, changes.removedDatasetIds, idOf, base.datasets, local.datasets),
  };
  for (const field of META_FIELDS) {
    if (!(field in changes.meta)) continue;
    const remote = changes.meta[field];
    if (local[field] === base[field]) Object.assign(next, { [field]: remote });
    else if (field === 'privacyDismissed') {
      // Both tabs dismissed warnings: keep both sets.
      const ours = target.privacyDismissed;
      const added = (remote as readonly string[]).filter((fingerprint) => !ours.includes(fingerprint));
      if (added.length) next.privacyDismissed = [...ours, ...added];
    }
  }
  return next;
}

/**
 * One record changed on both sides: each field takes the side that changed
 * it (ours when both did), and each text field keeps both sides' words.
 * Returns whether a text was combined.
 */
function mergeRecord<T extends { updatedAt: number }>(
  base: T,
  ours: T,
  theirs: T,
  texts: TextField<T>[],
  mergeText: TextMerger,
): { record: T; combined: boolean } {
  const record = { ...theirs };
  for (const key of Object.keys(ours) as (keyof T)[]) if (!same(ours[key], base[key])) record[key] = ours[key];
  let combined = false;
  for (const text of texts) {
    const [b, o, t] = [base[text.field], ours[text.field], theirs[text.field]] as string[];
    if (o === b || t === b || o === t) continue;
    (record as Record<string, unknown>)[text.field] = mergeText(b!, o!, t!, text.separator).slice(0, text.limit);
    combined = true;
  }
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

/** Merges one collection's records changed on both sides into `into`; returns the keys whose text was combined. */
function mergeBoth<T extends { updatedAt: number }>(
  into: Record<string, T>,
  theirs: T[],
  keyOf: (record: T) => string,
  base: IdMap<T>,
  local: IdMap<T>,
  texts: TextField<T>[],
  mergeText: TextMerger,
): string[] {
  const combined: string[] = [];
  for (const record of theirs) {
    const key = keyOf(record);
    const mine = recordOf(local, key);
    const was = recordOf(base, key);
    if (!mine || mine === was) continue; // not changed here: applyRemote took theirs
    if (!was) continue; // new here and there under one id: cannot happen with random ids; keep ours
    const merged = mergeRecord(was, mine, record, texts, mergeText);
    into[key] = merged.record;
    if (merged.combined) combined.push(key);
  }
  return combined;
}

const withTimesOf = (canvas: Canvas, remote: Canvas): Canvas =>
  canvas.updatedAt === remote.updatedAt && canvas.createdAt === remote.createdAt
    ? canvas
    : { ...canvas, createdAt: remote.createdAt, updatedAt: remote.updatedAt };

export function mergeRemote(base: Canvas, local: Canvas, remote: Canvas, mergeText: TextMerger): RemoteMerge {
  const changes = remoteChanges(base, remote);
  const combined: CombinedEdits = { cardIds: [], checkKeys: [], governanceIds: [], actionItemIds: [], datasetIds: [], fields: [] };
  // What is stored now: the old base with the remote records in it. Records
  // nobody changed keep their objects, so the next save skips them. The row's
  // times come from storage too: a save is checked against the stored row, and
  // a base with an older time would never match it again.
  const stored = withTimesOf(applyRemote(base, changes, base, base), remote);
  if (!hasRemoteChanges(changes)) return { merged: local, ours: local, stored, changed: false, changes, combined };
  const ours = applyRemote(local, changes, base, local);

  const cards = copyMap(ours.cards);
  combined.cardIds = mergeBoth(cards, changes.cards, idOf, base.cards, local.cards, CARD_TEXT, mergeText);
  const checks = copyMap(ours.checks) as Record<CheckKey, EthicsCheck>;
  combined.checkKeys = mergeBoth(checks, changes.checks, ethicsKey, base.checks, local.checks, CHECK_NOTES, mergeText) as CheckKey[];
  const governance = copyMap(ours.governance) as Record<GovernanceId, GovernanceCheck>;
  combined.governanceIds = mergeBoth(
    governance,
    changes.governance,
    idOf,
    base.governance,
    local.governance,
    CHECK_NOTES,
    mergeText,
  ) as GovernanceId[];
  const actionItems = copyMap(ours.actionItems);
  combined.actionItemIds = mergeBoth(actionItems, changes.actionItems, idOf, base.actionItems, local.actionItems, ACTION_TEXT, mergeText);
  const datasets = copyMap(ours.datasets);
  combined.datasetIds = mergeBoth(datasets, changes.datasets, idOf, base.datasets, local.datasets, DATASET_TEXT, mergeText);

  // Never older than what is stored: a tab with nothing of its own to save then has nothing to write back.
  const merged: Canvas = {
    ...ours,
    cards,
    checks,
    governance,
    actionItems,
    datasets,
    updatedAt: Math.max(ours.updatedAt, remote.updatedAt),
  };
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

/** Gives every record in `to` that differs from `from` the time `now`. */
function restampRecords<T extends { updatedAt: number }>(from: IdMap<T>, to: IdMap<T>, now: number): IdMap<T> {
  let next: Record<string, T> | null = null;
  for (const key of Object.keys(to)) {
    if (recordOf(from, key) === to[key]) continue;
    next ??= copyMap(to);
    next[key] = { ...to[key]!, updatedAt: now };
  }
  return next ?? to;
}

/**
 * Undo and redo bring back older versions of records. Giving every record
 * they change a new time makes the change the newest one, for other tabs and
 * for the unsaved-changes note, like any other edit.
 */
export function restamp(from: Canvas, to: Canvas, now: number): Canvas {
  if (from === to) return to;
  return {
    ...to,
    cards: restampRecords(from.cards, to.cards, now),
    checks: restampRecords(from.checks, to.checks, now) as Canvas['checks'],
    governance: restampRecords(from.governance, to.governance, now) as Canvas['governance'],
    actionItems: restampRecords(from.actionItems, to.actionItems, now),
    datasets: restampRecords(from.datasets, to.datasets, now),
    updatedAt: now,
  };
}
