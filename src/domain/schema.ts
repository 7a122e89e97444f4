/**
 * Validators for canvas records wherever they enter the app: read back from
 * IndexedDB now, imported files later. zod/mini keeps them small enough for
 * the first-load bundle.
 */
import * as z from 'zod/mini';
import { CARD_COLOURS, CHECK_STATUSES, LENS_IDS, LIMITS, STEP_IDS, emptyFacilitation } from './model';
import { SNAPSHOT_REASONS } from './snapshots';

const timestamp = z.number().check(z.int(), z.nonnegative());

export const cardSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  step: z.enum(STEP_IDS),
  order: z.string().check(z.minLength(1), z.maxLength(200)),
  text: z.string().check(z.maxLength(LIMITS.cardTextLength)),
  colour: z.enum(CARD_COLOURS),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: z.nullable(timestamp),
});

export const checkSchema = z.object({
  step: z.enum(STEP_IDS),
  lens: z.enum(LENS_IDS),
  status: z.enum(CHECK_STATUSES),
  notes: z.string().check(z.maxLength(LIMITS.notesLength)),
  updatedAt: timestamp,
});

const facilitatorNoteSchema = z.object({
  minutes: z.nullable(z.number().check(z.int(), z.nonnegative(), z.lte(1000))),
  notes: z.string().check(z.maxLength(LIMITS.notesLength)),
});

export const facilitationSchema = z.object({
  outcome: facilitatorNoteSchema,
  action: facilitatorNoteSchema,
  insight: facilitatorNoteSchema,
  enablers: facilitatorNoteSchema,
});

export const canvasMetaSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  title: z.string().check(z.maxLength(LIMITS.titleLength)),
  description: z.string().check(z.maxLength(LIMITS.descriptionLength)),
  // Records and backups from before facilitator notes existed have none.
  facilitation: z._default(facilitationSchema, () => emptyFacilitation()),
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

const cardContentSchema = z.object({
  text: z.string().check(z.maxLength(LIMITS.cardTextLength)),
  colour: z.enum(CARD_COLOURS),
});

const checkContentSchema = z.object({
  status: z.enum(CHECK_STATUSES),
  notes: z.string().check(z.maxLength(LIMITS.notesLength)),
});

const detail = z.string().check(z.maxLength(LIMITS.titleLength * 5));

/** A template as stored or backed up. */
export const templateSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  name: detail,
  summary: detail,
  audience: detail,
  duration: detail,
  preset: z.boolean(),
  content: z.object({
    title: z.string().check(z.maxLength(LIMITS.titleLength)),
    description: z.string().check(z.maxLength(LIMITS.descriptionLength)),
    facilitation: facilitationSchema,
    cards: z.object({
      outcome: z.array(cardContentSchema),
      action: z.array(cardContentSchema),
      insight: z.array(cardContentSchema),
      enablers: z.array(cardContentSchema),
    }),
    checks: z.record(z.templateLiteral([z.enum(STEP_IDS), ':', z.enum(LENS_IDS)]), checkContentSchema),
  }),
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

const count = z.number().check(z.int(), z.nonnegative());

/** A canvas's library summary as stored (`summary.ts`): its listed fields and its counts. */
export const summaryRecordSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  title: z.string().check(z.maxLength(LIMITS.titleLength)),
  description: z.string().check(z.maxLength(LIMITS.descriptionLength)),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: z.nullable(timestamp),
  counts: z.object({
    cardsByStep: z.object({ outcome: count, action: count, insight: count, enablers: count }),
    checks: count,
    checksDiscussed: count,
    openConcerns: count,
  }),
});
