/**
 * Reading back records this app wrote, without loading the validators.
 *
 * Opening a canvas or the library reads hundreds of records. The zod
 * validators (`domain/schema.ts`) cost more to build than the whole read
 * (their chunk takes ~100 ms to evaluate on a slow laptop), so each record
 * first gets a plain check: written in the current record version (`v`),
 * exactly the fields of its type, each of the right type, enum and bounds
 * (the same rules as the validators). A record that passes is read as it is,
 * without the storage fields (`v`, `canvasId`, `key`): exactly what the
 * validators would give. Any other record (an older version that needs its
 * defaults, or a damaged one) goes through the validators, loaded then, which
 * read it with defaults or leave it out and report it.
 */
import { isIsoDate } from '../domain/dates';
import { GOVERNANCE_IDS } from '../domain/governanceKeys';
import {
  ACTION_ITEM_STATUSES,
  ANSWERS,
  CARD_COLOURS,
  CHECK_STATUSES,
  DPIA_STATES,
  LAWFUL_BASES,
  LENS_IDS,
  LIMITS,
  SHARING_AGREEMENTS,
  STEP_IDS,
} from '../domain/model';
import type * as Schemas from '../domain/schema';
import { RECORD_VERSION } from './schemaVersion';

type Check = (value: unknown) => boolean;
type Shape = Record<string, Check>;

const int =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check =>
  (value) =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
const text =
  (max: number, min = 0): Check =>
  (value) =>
    typeof value === 'string' && value.length >= min && value.length <= max;
const oneOf = (values: readonly string[]): Check => {
  const set = new Set<unknown>(values);
  return (value) => set.has(value);
};
const either =
  (...checks: Check[]): Check =>
  (value) =>
    checks.some((check) => check(value));
const nullable = (check: Check): Check => either((value) => value === null, check);
const bool: Check = (value) => typeof value === 'boolean';
const listOf =
  (check: Check, max: number): Check =>
  (value) =>
    Array.isArray(value) && value.length <= max && value.every(check);

/** A plain object with exactly the shape's fields (and `stored`), each passing its check. */
function fits(value: unknown, shape: Shape, stored: readonly string[] = []): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  let fields = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    fields++;
    if (!(Object.hasOwn(shape, key) ? shape[key]!(record[key]) : stored.includes(key))) return false;
  }
  return fields === Object.keys(shape).length + stored.length;
}
const object =
  (shape: Shape): Check =>
  (value) =>
    fits(value, shape);
const perStep = (check: Check) => object(Object.fromEntries(STEP_IDS.map((step) => [step, check])));

const timestamp = int(0);
const id = text(100, 1);
const order = text(200, 1);
const shortText = text(LIMITS.shortTextLength);
const longText = text(LIMITS.longTextLength);
const notes = text(LIMITS.notesLength);
const links = listOf(id, LIMITS.linksPerCard);
const isoDateOrEmpty: Check = (value) => typeof value === 'string' && (value === '' || isIsoDate(value));
const step = oneOf(STEP_IDS);
const lens = oneOf(LENS_IDS);
const governanceId = oneOf(GOVERNANCE_IDS);
const checkKey: Check = (value) => {
  if (typeof value !== 'string') return false;
  const [first, second, ...rest] = value.split(':');
  return rest.length === 0 && (first === 'governance' ? governanceId(second) : step(first) && lens(second));
};
const times = { createdAt: timestamp, updatedAt: timestamp, deletedAt: nullable(timestamp) };
const answer = oneOf(ANSWERS);
const tally = int(0);

const SHAPES = {
  card: {
    id,
    step,
    order,
    text: text(LIMITS.cardTextLength),
    colour: oneOf(CARD_COLOURS),
    votes: int(0, LIMITS.votesPerCard),
    agreed: bool,
    parkedAt: nullable(timestamp),
    example: bool,
    source: shortText,
    serves: links,
    ...times,
  },
  check: { step, lens, status: oneOf(CHECK_STATUSES), notes, resolvedAt: nullable(timestamp), resolution: notes, updatedAt: timestamp },
  governance: {
    id: governanceId,
    status: oneOf(CHECK_STATUSES),
    notes,
    resolvedAt: nullable(timestamp),
    resolution: notes,
    updatedAt: timestamp,
  },
  actionItem: {
    id,
    text: longText,
    owner: shortText,
    due: isoDateOrEmpty,
    status: oneOf(ACTION_ITEM_STATUSES),
    concern: nullable(checkKey),
    order,
    ...times,
  },
  dataset: {
    id,
    name: shortText,
    holder: shortText,
    contents: longText,
    personal: answer,
    specialCategory: answer,
    criminalOffence: answer,
    children: answer,
    lawfulBasis: either(oneOf(LAWFUL_BASES), (value) => value === ''),
    sharingAgreement: either(oneOf(SHARING_AGREEMENTS), (value) => value === ''),
    dpia: either(oneOf(DPIA_STATES), (value) => value === ''),
    qualityProblems: longText,
    whoIsMissing: longText,
    retention: shortText,
    usedBy: links,
    order,
    ...times,
  },
  meta: {
    id,
    title: text(LIMITS.titleLength),
    description: text(LIMITS.descriptionLength),
    facilitation: perStep(object({ minutes: nullable(int(0, 1000)), notes })),
    workshop: object({ heldOn: isoDateOrEmpty, organisation: shortText, facilitator: shortText, participants: notes }),
    timer: object({
      step: nullable(step),
      runningSince: nullable(timestamp),
      spentMs: perStep(timestamp),
      addedMinutes: perStep(int(0, LIMITS.addedMinutesMax)),
    }),
    votesPerPerson: int(LIMITS.votesPerPersonMin, LIMITS.votesPerPersonMax),
    privacyDismissed: listOf(text(100), LIMITS.privacyDismissals),
    ...times,
  },
  summary: {
    id,
    title: text(LIMITS.titleLength),
    description: text(LIMITS.descriptionLength),
    ...times,
    counts: object({
      cardsByStep: perStep(tally),
      checks: tally,
      checksDiscussed: tally,
      openConcerns: tally,
      parked: tally,
      governance: tally,
      governanceDiscussed: tally,
      openActionItems: tally,
    }),
  },
} satisfies Record<string, Shape>;

/** Each kind of record: its plain shape, the fields storage adds to it, and its validator (for everything else). */
const KINDS = {
  card: { shape: SHAPES.card, stored: ['v', 'canvasId'], schema: (s: typeof Schemas) => s.cardSchema },
  check: { shape: SHAPES.check, stored: ['v', 'canvasId', 'key'], schema: (s: typeof Schemas) => s.checkSchema },
  governance: { shape: SHAPES.governance, stored: ['v', 'canvasId', 'key'], schema: (s: typeof Schemas) => s.governanceCheckSchema },
  actionItem: { shape: SHAPES.actionItem, stored: ['v', 'canvasId'], schema: (s: typeof Schemas) => s.actionItemSchema },
  dataset: { shape: SHAPES.dataset, stored: ['v', 'canvasId'], schema: (s: typeof Schemas) => s.datasetSchema },
  meta: { shape: SHAPES.meta, stored: ['v'], schema: (s: typeof Schemas) => s.canvasMetaSchema },
  summary: { shape: SHAPES.summary, stored: ['v'], schema: (s: typeof Schemas) => s.summaryRecordSchema },
} as const;

export type RecordKind = keyof typeof KINDS;
type Output<K extends RecordKind> = NonNullable<ReturnType<ReturnType<(typeof KINDS)[K]['schema']>['safeParse']>['data']>;

/** The record as the validators would read it, when it passes the plain check; undefined otherwise. */
export function readAsWritten<K extends RecordKind>(kind: K, record: unknown): Output<K> | undefined {
  const { shape, stored } = KINDS[kind];
  if (!fits(record, shape, stored) || record.v !== RECORD_VERSION) return undefined;
  const read: Record<string, unknown> = {};
  for (const key in shape) read[key] = record[key];
  return read as Output<K>;
}

let schemas: typeof Schemas | undefined;

/** Loads the validators (once); await it before a transaction that may read records it cannot wait for. */
export async function loadValidators(): Promise<typeof Schemas> {
  schemas ??= await import('../domain/schema');
  return schemas;
}

/** One record read: as written, or else through its validator. Undefined when it cannot be read. */
export async function readRecord<K extends RecordKind>(kind: K, record: unknown): Promise<Output<K> | undefined> {
  const plain = readAsWritten(kind, record);
  if (plain !== undefined) return plain;
  const parsed = KINDS[kind].schema(schemas ?? (await loadValidators())).safeParse(record);
  return parsed.success ? (parsed.data as Output<K>) : undefined;
}

/**
 * Records of one kind, in their order, each as written or else through its
 * validator; a record that cannot be read is left out (and left in storage)
 * and reported once. Loads the validators only if some record needs them.
 */
export async function readRecords<K extends RecordKind>(kind: K, records: readonly unknown[], what: string): Promise<Output<K>[]> {
  const read: (Output<K> | undefined)[] = records.map((record) => readAsWritten(kind, record));
  if (read.some((record) => record === undefined)) {
    const schema = KINDS[kind].schema(schemas ?? (await loadValidators()));
    read.forEach((record, i) => {
      if (record !== undefined) return;
      const parsed = schema.safeParse(records[i]);
      if (parsed.success) read[i] = parsed.data as Output<K>;
    });
  }
  const valid = read.filter((record) => record !== undefined);
  const skipped = records.length - valid.length;
  if (skipped) console.warn(`Outcome Canvas: ${skipped} stored ${what} could not be read and were left untouched.`);
  return valid;
}
