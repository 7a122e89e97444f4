/**
 * The binding between the app's canvas model and a shared canvas's Yjs
 * document. Pure functions over a `Y.Doc` and domain values: no network, no
 * storage, no React. The canvas store holds the projection; the document is
 * the one source of truth for a shared canvas.
 *
 * - `canvasToPlain` / `plainToCanvas`: the model and the document's plain
 *   form (`PlainCanvas`, shape.ts), both ways, losslessly for everything the
 *   shape holds. Facilitator notes are not in it: they stay on the
 *   facilitator's device (`plainToCanvas` takes them from the local canvas).
 * - `writeCanvas`: makes the document hold what a local edit changed, in one
 *   transaction, touching only records whose object changed (operations
 *   never mutate, so the diff is by reference) and, inside them, only fields
 *   whose value differs from the document. Text goes in as the smallest
 *   delete and insert, so two people typing in one card keep both words;
 *   a removed record is soft-deleted (the server refuses hard deletes).
 * - `projectCanvas`: the document read back as a canvas, keeping every
 *   record object whose content did not change, so narrow selectors re-render
 *   only what another device changed.
 */
import * as Y from 'yjs';
import type { GovernanceId } from '../domain/governanceKeys';
import { copyMap, idMap, recordOf } from '../domain/idMap';
import {
  type ActionItem,
  type Canvas,
  type Card,
  type CheckKey,
  type Dataset,
  type EthicsCheck,
  type Facilitation,
  type GovernanceCheck,
  type LensId,
  type StepId,
  STEP_IDS,
  emptyChecks,
  emptyGovernance,
} from '../domain/model';
import {
  ACTION_ITEM_FIELDS,
  CANVAS_ROOTS,
  CARD_FIELDS,
  CHECK_FIELDS,
  DATASET_FIELDS,
  type FieldSpec,
  type Fields,
  META_FIELDS,
  type PlainCanvas,
  type PlainRecord,
  buildRecord,
  defaultOf,
  readCanvasDoc,
} from './shape';

type Collection = 'cards' | 'checks' | 'actionItems' | 'datasets' | 'facilitation';

const GOVERNANCE_PREFIX = 'governance:';

/** Fields of a record with the values the shape holds, leaving out `skip`. */
function pick(record: object, fields: Fields, skip: readonly string[] = []): PlainRecord {
  const plain: PlainRecord = {};
  const source = record as Record<string, unknown>;
  for (const name of Object.keys(fields)) if (!skip.includes(name) && name in source) plain[name] = source[name];
  return plain;
}

const metaPlain = (canvas: Canvas): PlainRecord => ({
  ...pick(canvas, META_FIELDS, ['schema', 'canvasId', 'deletedAt']),
  canvasId: canvas.id,
});

/** Only the planned minutes: a step's notes are the facilitator's own. */
const facilitationPlain = (facilitation: Facilitation): Record<string, PlainRecord> =>
  Object.fromEntries(STEP_IDS.map((step) => [step, { minutes: facilitation[step].minutes, notes: '' }]));

function checksPlain(canvas: Canvas): Record<string, PlainRecord> {
  const checks: Record<string, PlainRecord> = {};
  for (const [key, check] of Object.entries(canvas.checks)) checks[key] = pick(check, CHECK_FIELDS);
  for (const [id, check] of Object.entries(canvas.governance)) checks[GOVERNANCE_PREFIX + id] = pick(check, CHECK_FIELDS);
  return checks;
}

const recordsPlain = <T extends object>(records: Readonly<Record<string, T>>, fields: Fields) =>
  Object.fromEntries(Object.entries(records).map(([id, record]) => [id, pick(record, fields)]));

/** The canvas as the shared document holds it (no facilitator notes). */
export function canvasToPlain(canvas: Canvas): PlainCanvas {
  return {
    meta: metaPlain(canvas),
    facilitation: facilitationPlain(canvas.facilitation),
    cards: recordsPlain(canvas.cards, CARD_FIELDS),
    checks: checksPlain(canvas),
    actionItems: recordsPlain(canvas.actionItems, ACTION_ITEM_FIELDS),
    datasets: recordsPlain(canvas.datasets, DATASET_FIELDS),
    room: {},
    tally: {},
  };
}

/** What the document cannot say about this device's copy of the canvas. */
export interface LocalPart {
  /** The canvas's id on this device. */
  id: string;
  /** This device's facilitator notes per step (never shared). */
  notes?: Partial<Record<StepId, string>>;
  /** Whether this device deleted its copy (never shared). */
  deletedAt?: number | null;
}

const withoutShapeOnly = (record: PlainRecord): PlainRecord => {
  const copy = { ...record };
  delete copy.schema;
  delete copy.canvasId;
  return copy;
};

/** A canvas from the document's plain form. */
export function plainToCanvas(plain: PlainCanvas, local: LocalPart): Canvas {
  const meta = withoutShapeOnly(plain.meta) as Pick<
    Canvas,
    'title' | 'description' | 'workshop' | 'timer' | 'votesPerPerson' | 'privacyDismissed' | 'createdAt' | 'updatedAt'
  >;
  const facilitation = Object.fromEntries(
    STEP_IDS.map((step) => [
      step,
      { minutes: (plain.facilitation[step]?.minutes as number | null | undefined) ?? null, notes: local.notes?.[step] ?? '' },
    ]),
  ) as Facilitation;
  const checks = emptyChecks(meta.createdAt) as Record<CheckKey, EthicsCheck>;
  const governance = emptyGovernance(meta.createdAt) as Record<GovernanceId, GovernanceCheck>;
  for (const [key, record] of Object.entries(plain.checks)) {
    if (key.startsWith(GOVERNANCE_PREFIX)) {
      const id = key.slice(GOVERNANCE_PREFIX.length) as GovernanceId;
      if (id in governance) governance[id] = { ...(record as object), id } as GovernanceCheck;
    } else if (key in checks) {
      const [step, lens] = key.split(':') as [StepId, LensId];
      checks[key as CheckKey] = { ...(record as object), step, lens } as EthicsCheck;
    }
  }
  const withIds = <T>(records: Record<string, PlainRecord>) =>
    idMap(Object.entries(records).map(([id, record]) => ({ ...record, id }) as T));
  return {
    id: local.id,
    title: meta.title,
    description: meta.description,
    facilitation,
    workshop: meta.workshop,
    timer: meta.timer,
    votesPerPerson: meta.votesPerPerson,
    privacyDismissed: meta.privacyDismissed,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    deletedAt: local.deletedAt ?? null,
    cards: withIds<Card>(plain.cards),
    checks,
    governance,
    actionItems: withIds<ActionItem>(plain.actionItems),
    datasets: withIds<Dataset>(plain.datasets),
  };
}

/** This device's part of a canvas, to keep when the document is projected over it. */
export const localPartOf = (canvas: Canvas): LocalPart => ({
  id: canvas.id,
  notes: Object.fromEntries(STEP_IDS.map((step) => [step, canvas.facilitation[step].notes])),
  deletedAt: canvas.deletedAt,
});

// ---------------------------------------------------------------------------
// Writing local edits into the document

/**
 * Makes `text` read `next` with one delete and one insert between the common
 * beginning and end: what a person typed, not a whole new text, so a
 * concurrent edit elsewhere in the same text survives.
 */
export function setText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const shortest = Math.min(current.length, next.length);
  while (start < shortest && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < shortest - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  // Never split a surrogate pair: step back to its first half.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted) text.insert(start, inserted);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

const sameValue = (a: unknown, b: unknown) => a === b || (a === undefined && b === null);

/**
 * Who may write what (`permissions.ts`, for a participant): a change to a
 * field or a new record that is not allowed is left out and reported, so the
 * caller can put the screen back and say why, instead of the server refusing
 * the device.
 */
export interface WriteGuard {
  mayCreate(root: string): boolean;
  mayChange(root: string, field: string): boolean;
  /** Whether a new record may carry a non-default value in `field` under the create rule alone. */
  setOnCreate(root: string, field: string): boolean;
}

/** What a guard left out: the root, the record's id (null for a root record such as `meta`) and the field (`create` for a new record). */
export interface Refused {
  root: string;
  id: string | null;
  field: string;
}

/** Whether writing `next` into `stored` would change anything. */
function differs(spec: FieldSpec, stored: unknown, next: unknown): boolean {
  switch (spec.kind) {
    case 'text':
      return stored instanceof Y.Text && stored.toString() !== (typeof next === 'string' ? next : '');
    case 'value':
      return !sameValue(stored, next);
    case 'set': {
      if (!(stored instanceof Y.Map)) return false;
      const wanted = new Set(Array.isArray(next) ? (next as string[]) : []);
      return stored.size !== wanted.size || [...wanted].some((key) => !stored.has(key));
    }
    case 'numbers': {
      if (!(stored instanceof Y.Map)) return false;
      const wanted = (next ?? {}) as Record<string, number>;
      return stored.size !== Object.keys(wanted).length || Object.entries(wanted).some(([key, n]) => stored.get(key) !== n);
    }
    case 'record':
      return (
        stored instanceof Y.Map &&
        Object.entries(spec.fields).some(
          ([name, field]) => name in ((next ?? {}) as object) && differs(field, stored.get(name), (next as PlainRecord)[name]),
        )
      );
  }
}

/** Whether a new record's field holds what a missing field means (the server's rule for creating records). */
function isDefault(spec: FieldSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'text':
      return !value;
    case 'set':
      return !Array.isArray(value) || value.length === 0;
    case 'value':
      return value === undefined || sameValue(value, spec.default);
    default:
      return value === undefined || sameJson(value, defaultOf(spec));
  }
}

/** Writes go through this: the guard and what it left out, or nothing to check (the facilitator). */
interface Writing {
  guard: WriteGuard | null;
  refused: Refused[];
}

/**
 * Makes an existing record hold `plain`'s fields, each only where it
 * differs. Never touches `createdAt` or a nested type's identity (the
 * server refuses replacing one).
 */
function updateRecord(
  map: Y.Map<unknown>,
  fields: Fields,
  plain: PlainRecord,
  skip: readonly string[],
  writing: Writing | null = null,
  root = '',
  id: string | null = null,
): void {
  for (const [name, spec] of Object.entries(fields)) {
    if (skip.includes(name) || !(name in plain)) continue;
    const next = plain[name];
    const stored = map.get(name);
    if (writing?.guard && differs(spec, stored, next) && !writing.guard.mayChange(root, name)) {
      writing.refused.push({ root, id, field: name });
      continue;
    }
    switch (spec.kind) {
      case 'text':
        if (stored instanceof Y.Text) setText(stored, typeof next === 'string' ? next : '');
        break;
      case 'value':
        if (!sameValue(stored, next)) map.set(name, next ?? spec.default);
        break;
      case 'set':
        if (stored instanceof Y.Map) {
          const wanted = new Set(Array.isArray(next) ? (next as string[]) : []);
          for (const key of [...stored.keys()]) if (!wanted.has(key)) stored.delete(key);
          for (const key of wanted) if (!stored.has(key)) stored.set(key, true);
        }
        break;
      case 'numbers':
        if (stored instanceof Y.Map) {
          const wanted = (next ?? {}) as Record<string, number>;
          for (const key of [...stored.keys()]) if (!(key in wanted)) stored.delete(key);
          for (const [key, n] of Object.entries(wanted)) if (stored.get(key) !== n) stored.set(key, n);
        }
        break;
      case 'record':
        if (stored instanceof Y.Map) updateRecord(stored, spec.fields, (next ?? {}) as PlainRecord, []);
        break;
    }
  }
}

/** Puts a record into a collection: updates it where it is, adds it (whole) where it is not. */
function putRecord(doc: Y.Doc, root: Collection, id: string, plain: PlainRecord, writing: Writing, skip: readonly string[] = []): void {
  const fields = CANVAS_ROOTS[root].fields;
  const collection = doc.getMap<unknown>(root);
  const stored = collection.get(id);
  if (stored instanceof Y.Map) updateRecord(stored, fields, plain, ['createdAt', ...skip], writing, root, id);
  else if (stored === undefined) {
    const guard = writing.guard;
    if (guard) {
      if (!guard.mayCreate(root)) return void writing.refused.push({ root, id, field: 'create' });
      const carried = Object.entries(fields).find(
        ([name, spec]) => name in plain && !guard.setOnCreate(root, name) && !isDefault(spec, plain[name]) && !guard.mayChange(root, name),
      );
      if (carried) return void writing.refused.push({ root, id, field: carried[0] });
    }
    collection.set(id, buildRecord(fields, plain));
  }
}

/** A record gone from the model (an undone "add"): soft-deleted in the document. */
function softDelete(doc: Y.Doc, root: Collection, id: string, now: number, writing: Writing): void {
  const stored = doc.getMap<unknown>(root).get(id);
  if (stored instanceof Y.Map && stored.has('deletedAt') && stored.get('deletedAt') === null) {
    if (writing.guard && !writing.guard.mayChange(root, 'deletedAt')) return void writing.refused.push({ root, id, field: 'deletedAt' });
    stored.set('deletedAt', now);
    stored.set('updatedAt', now);
  }
}

function writeRecords<T extends object>(
  doc: Y.Doc,
  root: Collection,
  before: Readonly<Record<string, T>>,
  after: Readonly<Record<string, T>>,
  fields: Fields,
  now: number,
  writing: Writing,
  keyOf: (id: string) => string = (id) => id,
): void {
  if (before === after) return;
  for (const id of Object.keys(after)) {
    const record = after[id]!;
    if (recordOf(before, id) !== record) putRecord(doc, root, keyOf(id), pick(record, fields), writing);
  }
  for (const id of Object.keys(before)) if (!recordOf(after, id)) softDelete(doc, root, keyOf(id), now, writing);
}

/**
 * Writes what changed between two versions of the canvas into the document,
 * in one transaction with `origin` (so the binding can tell its own changes
 * from other devices').
 */
export function writeCanvas(
  doc: Y.Doc,
  before: Canvas,
  after: Canvas,
  origin: unknown,
  now = Date.now(),
  guard: WriteGuard | null = null,
): Refused[] {
  const writing: Writing = { guard, refused: [] };
  if (before === after) return writing.refused;
  doc.transact(() => {
    const meta = doc.getMap<unknown>('meta');
    updateRecord(meta, META_FIELDS, metaPlain(after), ['schema', 'canvasId', 'createdAt', 'deletedAt'], writing, 'meta');
    if (before.facilitation !== after.facilitation) {
      const plain = facilitationPlain(after.facilitation);
      for (const step of STEP_IDS) putRecord(doc, 'facilitation', step, plain[step]!, writing, ['notes']);
    }
    writeRecords(doc, 'cards', before.cards, after.cards, CARD_FIELDS, now, writing);
    writeRecords(doc, 'checks', before.checks, after.checks, CHECK_FIELDS, now, writing);
    writeRecords(doc, 'checks', before.governance, after.governance, CHECK_FIELDS, now, writing, (id) => GOVERNANCE_PREFIX + id);
    writeRecords(doc, 'actionItems', before.actionItems, after.actionItems, ACTION_ITEM_FIELDS, now, writing);
    writeRecords(doc, 'datasets', before.datasets, after.datasets, DATASET_FIELDS, now, writing);
  }, origin);
  return writing.refused;
}

/**
 * After the server refused this device's changes (the facilitator took a
 * permission away while the device was offline, say): `fresh` holds the
 * server's document, `device` this device's, with what was refused.
 * Writes into `fresh`, as new operations, everything the device changed
 * that `guard` allows, the two documents merged as Yjs merges them (so
 * words typed into one card on both sides are all kept), and returns what
 * it left out, with the canvas the device wanted (to name what was left out).
 */
export function reapplyAllowed(
  fresh: Y.Doc,
  device: Y.Doc,
  current: Canvas,
  guard: WriteGuard | null,
  origin: unknown,
  now = Date.now(),
): { refused: Refused[]; wanted: Canvas } {
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(fresh));
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(device, Y.encodeStateVector(fresh)));
  const shared = projectCanvas(fresh, current);
  const wanted = projectCanvas(merged, shared);
  merged.destroy();
  return { refused: writeCanvas(fresh, shared, wanted, origin, now, guard), wanted };
}

/**
 * The same for one person's votes document: `fresh` holds what the server
 * has, `device` what this device placed. Writes the device's dots into
 * `fresh`, card by card, as far as `perPerson` allows (the facilitator may
 * have lowered it meanwhile); returns how many dots it left out.
 */
export function reapplyDots(fresh: Y.Doc, device: Y.Doc, perPerson: number): number {
  const wanted = device.getMap<number>('votes');
  const votes = fresh.getMap<number>('votes');
  let placed = 0;
  let leftOut = 0;
  fresh.transact(() => {
    for (const card of [...votes.keys()]) if (!wanted.has(card)) votes.delete(card);
    for (const [card, dots] of wanted.entries()) {
      const kept = Math.max(0, Math.min(dots, perPerson - placed));
      placed += kept;
      leftOut += dots - kept;
      if (kept === 0) votes.delete(card);
      else if (votes.get(card) !== kept) votes.set(card, kept);
    }
  });
  return leftOut;
}

// ---------------------------------------------------------------------------
// Reading the document into the model

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Same values, field by field, with link lists compared as sets (the document keeps no order). */
function sameRecord(current: object, next: object): boolean {
  const a = current as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || !y.every((item) => x.includes(item))) return false;
    } else if (!sameJson(x, y)) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

/** `next`'s records, with `current`'s object wherever the content is the same. */
function keepSame<T extends object>(current: Readonly<Record<string, T>>, next: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  const keys = Object.keys(next);
  let changed = keys.length !== Object.keys(current).length;
  const merged = copyMap(next);
  for (const key of keys) {
    const old = recordOf(current, key);
    if (old && sameRecord(old, next[key]!)) merged[key] = old;
    else changed = true;
  }
  return changed ? merged : current;
}

/**
 * The document as a canvas, with this device's own part (id, facilitator
 * notes) from `current` and every record object whose content is unchanged
 * kept from it. Returns `current` itself when nothing differs.
 */
export function projectCanvas(doc: Y.Doc, current: Canvas): Canvas {
  const next = plainToCanvas(readCanvasDoc(doc), localPartOf(current));
  const cards = keepSame(current.cards, next.cards);
  const checks = keepSame(current.checks, next.checks) as Canvas['checks'];
  const governance = keepSame(current.governance, next.governance) as Canvas['governance'];
  const actionItems = keepSame(current.actionItems, next.actionItems);
  const datasets = keepSame(current.datasets, next.datasets);
  const metaSame = (
    ['title', 'description', 'facilitation', 'workshop', 'timer', 'votesPerPerson', 'createdAt', 'updatedAt'] as const
  ).every((field) => sameJson(current[field], next[field]));
  const dismissedSame = sameRecord({ list: current.privacyDismissed }, { list: next.privacyDismissed });
  if (
    metaSame &&
    dismissedSame &&
    cards === current.cards &&
    checks === current.checks &&
    governance === current.governance &&
    actionItems === current.actionItems &&
    datasets === current.datasets
  )
    return current;
  return {
    ...current,
    ...(metaSame
      ? {}
      : {
          title: next.title,
          description: next.description,
          facilitation: sameJson(current.facilitation, next.facilitation) ? current.facilitation : next.facilitation,
          workshop: sameJson(current.workshop, next.workshop) ? current.workshop : next.workshop,
          timer: sameJson(current.timer, next.timer) ? current.timer : next.timer,
          votesPerPerson: next.votesPerPerson,
          createdAt: next.createdAt,
          updatedAt: next.updatedAt,
        }),
    privacyDismissed: dismissedSame ? current.privacyDismissed : next.privacyDismissed,
    cards,
    checks,
    governance,
    actionItems,
    datasets,
  };
}

/** Whether the document holds a canvas yet (a joining device's is empty until it has synced). */
export const hasCanvas = (doc: Y.Doc): boolean => doc.getMap('meta').size > 0;
