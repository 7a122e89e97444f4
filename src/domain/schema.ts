/**
 * Validators for canvas records wherever they enter the app: read back from
 * IndexedDB, the unsaved-changes note, backups and template records.
 * zod/mini keeps them small enough for the first-load bundle.
 *
 * Every field added after the first release has a default, so records,
 * backups and files written before it existed read as if it had its
 * default value (the storage upgrade writes the same defaults).
 */
import * as z from 'zod/mini';
import { readStoredCanvas } from './assemble';
import { isIsoDate } from './dates';
import { GOVERNANCE_IDS } from './governanceKeys';
import {
  ACTION_ITEM_STATUSES,
  ANSWERS,
  CARD_COLOURS,
  CHECK_STATUSES,
  DEFAULT_VOTES_PER_PERSON,
  DPIA_STATES,
  LAWFUL_BASES,
  LENS_IDS,
  LIMITS,
  SHARING_AGREEMENTS,
  STEP_IDS,
  emptyFacilitation,
  emptyWorkshop,
  perStep,
  stoppedTimer,
} from './model';
import { SNAPSHOT_REASONS } from './snapshots';

const timestamp = z.number().check(z.int(), z.nonnegative());
const id = z.string().check(z.minLength(1), z.maxLength(100));
const text = (max: number) => z.string().check(z.maxLength(max));
const shortText = text(LIMITS.shortTextLength);
const longText = text(LIMITS.longTextLength);
const withDefault = <T extends z.core.SomeType>(schema: T, value: z.core.output<T>) =>
  z._default(schema, () => structuredClone(value) as never);
const count = (max: number) => z.number().check(z.int(), z.nonnegative(), z.lte(max));
const isoDateOrEmpty = z.string().check(z.refine((value) => value === '' || isIsoDate(value), 'must be a date written YYYY-MM-DD'));
const ids = (max: number) => z.array(id).check(z.maxLength(max));
const perStepOf = <T extends z.core.SomeType>(schema: T) =>
  z.object({ outcome: schema, action: schema, insight: schema, enablers: schema });
/** A check key: `step:lens` or `governance:<id>`. */
const anyCheckKey = z.union([
  z.templateLiteral([z.enum(STEP_IDS), ':', z.enum(LENS_IDS)]),
  z.templateLiteral(['governance:', z.enum(GOVERNANCE_IDS)]),
]);

export const cardSchema = z.object({
  id,
  step: z.enum(STEP_IDS),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
  text: text(LIMITS.cardTextLength),
  colour: z.enum(CARD_COLOURS),
  votes: withDefault(count(LIMITS.votesPerCard), 0),
  agreed: withDefault(z.boolean(), false),
  parkedAt: withDefault(z.nullable(timestamp), null),
  example: withDefault(z.boolean(), false),
  source: withDefault(shortText, ''),
  serves: withDefault(ids(LIMITS.linksPerCard), []),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: z.nullable(timestamp),
});

const checkStateFields = {
  status: z.enum(CHECK_STATUSES),
  notes: text(LIMITS.notesLength),
  resolvedAt: withDefault(z.nullable(timestamp), null),
  resolution: withDefault(text(LIMITS.notesLength), ''),
  updatedAt: timestamp,
};

export const checkSchema = z.object({ step: z.enum(STEP_IDS), lens: z.enum(LENS_IDS), ...checkStateFields });

export const governanceCheckSchema = z.object({ id: z.enum(GOVERNANCE_IDS), ...checkStateFields });

export const actionItemSchema = z.object({
  id,
  text: longText,
  owner: shortText,
  due: isoDateOrEmpty,
  status: z.enum(ACTION_ITEM_STATUSES),
  concern: z.nullable(anyCheckKey),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: z.nullable(timestamp),
});

const answer = withDefault(z.enum(ANSWERS), 'unknown');

export const datasetSchema = z.object({
  id,
  name: shortText,
  holder: withDefault(shortText, ''),
  contents: withDefault(longText, ''),
  personal: answer,
  specialCategory: answer,
  criminalOffence: answer,
  children: answer,
  lawfulBasis: withDefault(z.union([z.enum(LAWFUL_BASES), z.literal('')]), ''),
  sharingAgreement: withDefault(z.union([z.enum(SHARING_AGREEMENTS), z.literal('')]), ''),
  dpia: withDefault(z.union([z.enum(DPIA_STATES), z.literal('')]), ''),
  qualityProblems: withDefault(longText, ''),
  whoIsMissing: withDefault(longText, ''),
  retention: withDefault(shortText, ''),
  usedBy: withDefault(ids(LIMITS.linksPerCard), []),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: z.nullable(timestamp),
});

const facilitatorNoteSchema = z.object({
  minutes: z.nullable(z.number().check(z.int(), z.nonnegative(), z.lte(1000))),
  notes: text(LIMITS.notesLength),
});

export const facilitationSchema = perStepOf(facilitatorNoteSchema);

export const workshopSchema = z.object({
  heldOn: withDefault(isoDateOrEmpty, ''),
  organisation: withDefault(shortText, ''),
  facilitator: withDefault(shortText, ''),
  participants: withDefault(text(LIMITS.notesLength), ''),
});

export const timerSchema = z.object({
  step: z.nullable(z.enum(STEP_IDS)),
  runningSince: z.nullable(timestamp),
  spentMs: withDefault(perStepOf(timestamp), perStep(0)),
  addedMinutes: withDefault(perStepOf(count(LIMITS.addedMinutesMax)), perStep(0)),
});

export const canvasMetaSchema = z.object({
  id,
  title: text(LIMITS.titleLength),
  description: text(LIMITS.descriptionLength),
  // Records and backups from before facilitator notes existed have none.
  facilitation: z._default(facilitationSchema, () => emptyFacilitation()),
  workshop: z._default(workshopSchema, () => emptyWorkshop()),
  timer: z._default(timerSchema, () => stoppedTimer()),
  votesPerPerson: withDefault(
    z.number().check(z.int(), z.gte(LIMITS.votesPerPersonMin), z.lte(LIMITS.votesPerPersonMax)),
    DEFAULT_VOTES_PER_PERSON,
  ),
  privacyDismissed: withDefault(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(LIMITS.privacyDismissals)), []),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: z.nullable(timestamp),
});

/** A short, human description of why a value failed, for logs and messages. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`)
    .join('; ');
}

// Template content: a canvas's content without ids or times (content.ts).
const ref = z.string().check(z.minLength(1), z.maxLength(20));
const refs = withDefault(z.array(ref).check(z.maxLength(LIMITS.linksPerCard)), []);

const cardContentSchema = z.object({
  text: text(LIMITS.cardTextLength),
  colour: z.enum(CARD_COLOURS),
  votes: withDefault(count(LIMITS.votesPerCard), 0),
  agreed: withDefault(z.boolean(), false),
  example: withDefault(z.boolean(), false),
  source: withDefault(shortText, ''),
  serves: refs,
});

const checkContentSchema = z.object({
  status: z.enum(CHECK_STATUSES),
  notes: text(LIMITS.notesLength),
  resolved: withDefault(z.boolean(), false),
  resolution: withDefault(text(LIMITS.notesLength), ''),
});

const noCheckContent = { status: 'not-discussed', notes: '', resolved: false, resolution: '' } as const;
const emptyGovernanceContent = () =>
  Object.fromEntries(GOVERNANCE_IDS.map((governanceId) => [governanceId, { ...noCheckContent }])) as z.output<
    typeof governanceContentSchema
  >;
const governanceContentSchema = z.object(
  Object.fromEntries(GOVERNANCE_IDS.map((governanceId) => [governanceId, withDefault(checkContentSchema, noCheckContent)])) as {
    [K in (typeof GOVERNANCE_IDS)[number]]: ReturnType<typeof withDefault<typeof checkContentSchema>>;
  },
);

const actionItemContentSchema = z.object({
  text: longText,
  owner: shortText,
  due: isoDateOrEmpty,
  status: z.enum(ACTION_ITEM_STATUSES),
  concern: z.nullable(anyCheckKey),
});

const datasetContentSchema = z.extend(z.omit(datasetSchema, { id: true, order: true, createdAt: true, updatedAt: true, deletedAt: true }), {
  usedBy: refs,
});

export const contentSchema = z.object({
  title: text(LIMITS.titleLength),
  description: text(LIMITS.descriptionLength),
  facilitation: facilitationSchema,
  workshop: z._default(workshopSchema, () => emptyWorkshop()),
  votesPerPerson: withDefault(
    z.number().check(z.int(), z.gte(LIMITS.votesPerPersonMin), z.lte(LIMITS.votesPerPersonMax)),
    DEFAULT_VOTES_PER_PERSON,
  ),
  cards: perStepOf(z.array(cardContentSchema)),
  parked: withDefault(z.array(z.object({ ...cardContentSchema.shape, step: z.enum(STEP_IDS) })), []),
  checks: z.record(z.templateLiteral([z.enum(STEP_IDS), ':', z.enum(LENS_IDS)]), checkContentSchema),
  governance: z._default(governanceContentSchema, () => emptyGovernanceContent()),
  actionItems: withDefault(z.array(actionItemContentSchema).check(z.maxLength(LIMITS.actionItemsPerCanvas)), []),
  datasets: withDefault(z.array(datasetContentSchema).check(z.maxLength(LIMITS.datasetsPerCanvas)), []),
});

const detail = z.string().check(z.maxLength(LIMITS.templateDetailLength));

/** A template as stored or backed up. */
export const templateSchema = z.object({
  id,
  name: detail,
  summary: detail,
  audience: detail,
  duration: detail,
  preset: z.boolean(),
  content: contentSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A version-history snapshot's own fields; the canvas it holds is checked record by record. */
export const snapshotSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  canvasId: z.string().check(z.minLength(1), z.maxLength(100)),
  takenAt: timestamp,
  reason: z.enum(SNAPSHOT_REASONS),
  summary: z.string().check(z.maxLength(1000)),
  canvas: z.object({ cards: z.record(z.string(), z.unknown()), checks: z.record(z.string(), z.unknown()) }),
});

const tally = z.number().check(z.int(), z.nonnegative());

/** A canvas's library summary as stored (`summary.ts`): its listed fields and its counts. */
export const summaryRecordSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  title: z.string().check(z.maxLength(LIMITS.titleLength)),
  description: z.string().check(z.maxLength(LIMITS.descriptionLength)),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: z.nullable(timestamp),
  counts: z.object({
    cardsByStep: z.object({ outcome: tally, action: tally, insight: tally, enablers: tally }),
    checks: tally,
    checksDiscussed: tally,
    openConcerns: tally,
    // Counted since workshop mode and governance checks; a summary without them is counted again (database version 5).
    parked: z._default(tally, 0),
    governance: z._default(tally, 0),
    governanceDiscussed: z._default(tally, 0),
    openActionItems: z._default(tally, 0),
  }),
});

/** A whole canvas kept in memory form (a version-history snapshot), read with defaults: see readStoredCanvas. */
export function readCanvasObject(value: unknown) {
  return readStoredCanvas(value, {
    meta: canvasMetaSchema,
    card: cardSchema,
    check: checkSchema,
    governance: governanceCheckSchema,
    actionItem: actionItemSchema,
    dataset: datasetSchema,
  } as Parameters<typeof readStoredCanvas>[1]);
}
