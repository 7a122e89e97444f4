/**
 * Validators for canvas records wherever they enter the app: read back from
 * IndexedDB now, imported files later. zod/mini keeps them small enough for
 * the first-load bundle.
 */
import * as z from 'zod/mini';
import { CARD_COLOURS, CHECK_STATUSES, LENS_IDS, LIMITS, STEP_IDS } from './model';

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

export const canvasMetaSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  title: z.string().check(z.maxLength(LIMITS.titleLength)),
  description: z.string().check(z.maxLength(LIMITS.descriptionLength)),
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
