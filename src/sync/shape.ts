/**
 * The shape of a shared canvas as a Yjs document, written down as data so
 * that the client (to build and read documents) and the server (to check
 * every incoming update) use one definition.
 *
 * Rules learned the hard way (see shared notes on the sync engine):
 * - Records are `Y.Map`s keyed by id inside a root `Y.Map`; a card moves by
 *   setting its `step` and `order` fields, never by delete and re-insert.
 * - Text people type is `Y.Text`, so two people typing in one card both keep
 *   their words; statuses, colours and other small values are plain values
 *   (the last writer wins).
 * - Nested Yjs types are created once, together with their record, on the
 *   device that creates the record. The server refuses an update that
 *   replaces or removes one, or that hard-deletes a record: deletes are soft
 *   (`deletedAt`), so an edit made elsewhere to a deleted record survives.
 */
import * as Y from 'yjs';
import { CARD_COLOURS, CHECK_STATUSES, LIMITS, STEP_IDS, isStepId } from '../domain/model';
import { DEFAULT_PERMISSIONS } from './protocol';

type Primitive = string | number | boolean | null;

/** One field of a record, with what it holds and how it is validated. */
export type FieldSpec =
  /** `Y.Text` of plain characters (no formatting, no embeds). */
  | { kind: 'text'; maxLength: number }
  /** A plain value; the last writer wins. */
  | { kind: 'value'; default: Primitive; valid: (value: unknown) => boolean }
  /** `Y.Map<id, true>`: a set of ids (links), so two people adding links both keep theirs. */
  | { kind: 'set'; maxSize: number }
  /** `Y.Map<key, number>`: per-key numbers, e.g. minutes per step. */
  | { kind: 'numbers'; validKey: (key: string) => boolean; validValue: (value: unknown) => boolean; maxSize: number }
  /** A nested `Y.Map` with fixed fields. */
  | { kind: 'record'; fields: Fields };

export type Fields = Readonly<Record<string, FieldSpec>>;

/** A root `Y.Map` of records keyed by id. */
export interface CollectionSpec {
  kind: 'collection';
  validKey: (key: string) => boolean;
  maxSize: number;
  fields: Fields;
}

export type RootSpec = CollectionSpec | { kind: 'record'; fields: Fields } | Extract<FieldSpec, { kind: 'numbers' }>;

// ---------------------------------------------------------------------------
// Value validators

const oneOf =
  <T extends Primitive>(values: readonly T[]) =>
  (value: unknown): boolean =>
    (values as readonly unknown[]).includes(value);
const isString = (max: number) => (value: unknown) => typeof value === 'string' && value.length <= max;
const isBoolean = (value: unknown) => typeof value === 'boolean';
const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isTimeOrNull = (value: unknown) => value === null || isTime(value);
const isInteger = (min: number, max: number) => (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
const isDate = (value: unknown) => value === '' || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
/** Fractional index keys (see `fractional-indexing`): short printable strings. */
const isOrder = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 64 && /^[ -~]+$/.test(value);

const ENTITY_ID = /^[A-Za-z0-9_.:-]{1,100}$/;
export const isEntityId = (key: string): boolean => ENTITY_ID.test(key);

/** `step:lens` for ethics checks, `governance:<id>` for governance checks. */
const isCheckKey = (key: string) => /^(outcome|action|insight|enablers|governance):[a-z0-9-]{1,60}$/.test(key);

// ---------------------------------------------------------------------------
// Field helpers

const text = (maxLength: number): FieldSpec => ({ kind: 'text', maxLength });
const value = (defaultValue: Primitive, valid: (value: unknown) => boolean): FieldSpec => ({
  kind: 'value',
  default: defaultValue,
  valid,
});
const set = (maxSize: number): FieldSpec => ({ kind: 'set', maxSize });
const timestamps = {
  createdAt: value(0, isTime),
  updatedAt: value(0, isTime),
} satisfies Fields;
const softDelete = { deletedAt: value(null, isTimeOrNull) } satisfies Fields;
const stepNumbers = (max: number): FieldSpec => ({
  kind: 'numbers',
  validKey: isStepId,
  validValue: isInteger(0, max),
  maxSize: STEP_IDS.length,
});

const YES_NO = ['yes', 'no', 'unknown'] as const;

// ---------------------------------------------------------------------------
// The canvas document

/*
 * Lengths come from the app's own LIMITS: a value the app accepts but the
 * server refused would be refused again on every reconnection.
 */
export const CARD_FIELDS = {
  step: value('outcome', isStepId),
  order: value('a0', isOrder),
  text: text(LIMITS.cardTextLength),
  colour: value('yellow', oneOf(CARD_COLOURS)),
  /** Dot votes a scribe entered on the one laptop (per-person votes live in each person's votes document). */
  votes: value(0, isInteger(0, 999)),
  agreed: value(false, isBoolean),
  parkedAt: value(null, isTimeOrNull),
  example: value(false, isBoolean),
  source: value('', isString(LIMITS.shortTextLength)),
  /** Ids of the cards this card serves (the golden thread). */
  serves: set(200),
  ...timestamps,
  ...softDelete,
} satisfies Fields;

export const CHECK_FIELDS = {
  status: value('not-discussed', oneOf(CHECK_STATUSES)),
  notes: text(LIMITS.notesLength),
  resolvedAt: value(null, isTimeOrNull),
  resolution: text(LIMITS.notesLength),
  updatedAt: value(0, isTime),
} satisfies Fields;

export const ACTION_ITEM_FIELDS = {
  text: text(LIMITS.cardTextLength),
  owner: value('', isString(LIMITS.shortTextLength)),
  due: value('', isDate),
  status: value('open', oneOf(['open', 'done'])),
  /** Key of the check the action came from, e.g. `insight:consent`. */
  concern: value(null, (v) => v === null || (typeof v === 'string' && isCheckKey(v))),
  order: value('a0', isOrder),
  ...timestamps,
  ...softDelete,
} satisfies Fields;

export const DATASET_FIELDS = {
  name: text(LIMITS.shortTextLength),
  holder: value('', isString(LIMITS.shortTextLength)),
  contents: text(LIMITS.notesLength),
  personal: value('unknown', oneOf(YES_NO)),
  specialCategory: value('unknown', oneOf(YES_NO)),
  criminalOffence: value('unknown', oneOf(YES_NO)),
  children: value('unknown', oneOf(YES_NO)),
  lawfulBasis: value('', isString(100)),
  sharingAgreement: value('', oneOf(['', 'none', 'drafting', 'signed', 'not-needed'])),
  dpia: value('', oneOf(['', 'not-needed', 'needed', 'done'])),
  qualityProblems: text(LIMITS.notesLength),
  whoIsMissing: text(LIMITS.notesLength),
  retention: text(LIMITS.longTextLength),
  /** Ids of the Insight cards that use this data set. */
  usedBy: set(500),
  order: value('a0', isOrder),
  ...timestamps,
  ...softDelete,
} satisfies Fields;

export const FACILITATION_FIELDS = {
  minutes: value(null, (v) => v === null || isInteger(0, 600)(v)),
  notes: text(LIMITS.notesLength),
} satisfies Fields;

export const META_FIELDS = {
  /** Version of this shape; a client that does not know it must not edit. */
  schema: value(1, isInteger(1, 1000)),
  /** Id of the canvas on the owner's device. */
  canvasId: value('', isString(100)),
  title: text(LIMITS.titleLength),
  description: text(LIMITS.descriptionLength),
  votesPerPerson: value(3, isInteger(1, 20)),
  /** Fingerprints of privacy warnings someone dismissed for that exact text. */
  privacyDismissed: set(5000),
  workshop: {
    kind: 'record',
    fields: {
      heldOn: value('', isDate),
      organisation: value('', isString(LIMITS.shortTextLength)),
      facilitator: value('', isString(LIMITS.shortTextLength)),
      participants: text(LIMITS.notesLength),
    },
  },
  timer: {
    kind: 'record',
    fields: {
      step: value(null, (v) => v === null || isStepId(v)),
      runningSince: value(null, isTimeOrNull),
      spentMs: stepNumbers(1000 * 60 * 60 * 24),
      addedMinutes: stepNumbers(600),
    },
  },
  ...timestamps,
  ...softDelete,
} satisfies Fields;

/** The facilitator's controls for the room (participants read them). */
export const ROOM_FIELDS = {
  /** What participants may do: one boolean per permission (see protocol.ts). */
  permissions: {
    kind: 'record',
    fields: Object.fromEntries(Object.entries(DEFAULT_PERMISSIONS).map(([name, allowed]) => [name, value(allowed, isBoolean)])),
  },
  /** Per-person votes: hidden until `revealed`; the server then writes the totals into `tally`. */
  voting: { kind: 'record', fields: { revealed: value(false, isBoolean) } },
  /** What the facilitator shows, so participants can follow. */
  presenting: {
    kind: 'record',
    fields: {
      active: value(false, isBoolean),
      step: value(null, (v) => v === null || isStepId(v)),
      view: value(null, (v) => v === null || isString(40)(v)),
    },
  },
} satisfies Fields;

export const CANVAS_ROOTS = {
  meta: { kind: 'record', fields: META_FIELDS },
  facilitation: { kind: 'collection', validKey: isStepId, maxSize: STEP_IDS.length, fields: FACILITATION_FIELDS },
  cards: { kind: 'collection', validKey: isEntityId, maxSize: LIMITS.cardsPerCanvas, fields: CARD_FIELDS },
  checks: { kind: 'collection', validKey: isCheckKey, maxSize: 200, fields: CHECK_FIELDS },
  actionItems: { kind: 'collection', validKey: isEntityId, maxSize: 2000, fields: ACTION_ITEM_FIELDS },
  datasets: { kind: 'collection', validKey: isEntityId, maxSize: 500, fields: DATASET_FIELDS },
  room: { kind: 'record', fields: ROOM_FIELDS },
  /** Written by the server only: revealed vote totals per card id. */
  tally: { kind: 'numbers', validKey: isEntityId, validValue: isInteger(0, 100_000), maxSize: LIMITS.cardsPerCanvas },
} as const satisfies Record<string, RootSpec>;

export type CanvasRoot = keyof typeof CANVAS_ROOTS;

/** One person's votes: card id → number of dots. */
export const VOTES_ROOTS = {
  votes: { kind: 'numbers', validKey: isEntityId, validValue: isInteger(1, 20), maxSize: 20 },
} as const satisfies Record<string, RootSpec>;

export const SHAPE_VERSION = 1;

// ---------------------------------------------------------------------------
// Writing and reading records
//
// Plain records use the same field names as the shape: `Y.Text` fields are
// strings, sets are string arrays, numbers maps and nested records are
// objects. Missing fields take their defaults.

export type PlainRecord = Record<string, unknown>;

/** The plain default of a field (what a missing field means). */
export function defaultOf(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'text':
      return '';
    case 'value':
      return spec.default;
    case 'set':
      return [];
    case 'numbers':
      return {};
    case 'record':
      return readRecord(undefined, spec.fields);
  }
}

function toYValue(spec: FieldSpec, plain: unknown): unknown {
  switch (spec.kind) {
    case 'text':
      return new Y.Text(typeof plain === 'string' ? plain : '');
    case 'value':
      return plain === undefined ? spec.default : plain;
    case 'set': {
      const map = new Y.Map<boolean>();
      for (const id of Array.isArray(plain) ? plain : []) if (typeof id === 'string') map.set(id, true);
      return map;
    }
    case 'numbers': {
      const map = new Y.Map<number>();
      for (const [key, n] of Object.entries((plain as Record<string, unknown>) ?? {})) if (typeof n === 'number') map.set(key, n);
      return map;
    }
    case 'record':
      return buildRecord(spec.fields, (plain as PlainRecord) ?? {});
  }
}

/**
 * A new `Y.Map` holding a whole record, every nested type included, ready to
 * be put into its collection in one transaction (structure created once).
 */
export function buildRecord(fields: Fields, plain: PlainRecord): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  fillRecord(map, fields, plain);
  return map;
}

function fillRecord(map: Y.Map<unknown>, fields: Fields, plain: PlainRecord): void {
  for (const [name, spec] of Object.entries(fields)) map.set(name, toYValue(spec, plain[name]));
}

/** Reads a record back to plain values, with defaults for missing fields. */
export function readRecord(map: Y.Map<unknown> | undefined, fields: Fields): PlainRecord {
  const plain: PlainRecord = {};
  for (const [name, spec] of Object.entries(fields)) {
    const stored = map?.get(name);
    if (stored === undefined) plain[name] = defaultOf(spec);
    else if (stored instanceof Y.Text) plain[name] = stored.toString();
    else if (stored instanceof Y.Map) {
      if (spec.kind === 'record') plain[name] = readRecord(stored, spec.fields);
      else if (spec.kind === 'set') plain[name] = [...stored.keys()].sort();
      else plain[name] = stored.toJSON();
    } else plain[name] = stored;
  }
  return plain;
}

/** A plain canvas, as the shape holds it (the binding maps it to the domain model). */
export interface PlainCanvas {
  meta: PlainRecord;
  facilitation: Record<string, PlainRecord>;
  cards: Record<string, PlainRecord>;
  checks: Record<string, PlainRecord>;
  actionItems: Record<string, PlainRecord>;
  datasets: Record<string, PlainRecord>;
  room: PlainRecord;
  tally: Record<string, number>;
}

type CollectionRoot = 'facilitation' | 'cards' | 'checks' | 'actionItems' | 'datasets';
const COLLECTIONS: readonly CollectionRoot[] = ['facilitation', 'cards', 'checks', 'actionItems', 'datasets'];

/**
 * Fills an empty document with a canvas, in one transaction. Call it once, on
 * the device that shares the canvas (its owner), never on a joining device.
 */
export function initCanvasDoc(doc: Y.Doc, canvas: Partial<PlainCanvas>, origin: unknown = null): void {
  doc.transact(() => {
    fillRecord(doc.getMap('meta'), META_FIELDS, { ...canvas.meta, schema: SHAPE_VERSION });
    fillRecord(doc.getMap('room'), ROOM_FIELDS, canvas.room ?? {});
    for (const root of COLLECTIONS) {
      const map = doc.getMap(root);
      const spec = CANVAS_ROOTS[root];
      for (const [id, record] of Object.entries(canvas[root] ?? {})) map.set(id, buildRecord(spec.fields, record));
    }
  }, origin);
}

/** Reads a whole canvas document to plain data. */
export function readCanvasDoc(doc: Y.Doc): PlainCanvas {
  const collection = (root: CollectionRoot) => {
    const out: Record<string, PlainRecord> = {};
    doc.getMap<Y.Map<unknown>>(root).forEach((map, id) => {
      if (map instanceof Y.Map) out[id] = readRecord(map, CANVAS_ROOTS[root].fields);
    });
    return out;
  };
  return {
    meta: readRecord(doc.getMap('meta'), META_FIELDS),
    facilitation: collection('facilitation'),
    cards: collection('cards'),
    checks: collection('checks'),
    actionItems: collection('actionItems'),
    datasets: collection('datasets'),
    room: readRecord(doc.getMap('room'), ROOM_FIELDS),
    tally: doc.getMap<number>('tally').toJSON() as Record<string, number>,
  };
}

/** Adds one record to a collection (e.g. a new card), with all its nested types. */
export function addRecord(doc: Y.Doc, root: CollectionRoot, id: string, plain: PlainRecord): Y.Map<unknown> {
  const record = buildRecord(CANVAS_ROOTS[root].fields, plain);
  doc.getMap(root).set(id, record);
  return record;
}
