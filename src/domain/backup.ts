/**
 * Full backups: every canvas (with its deleted cards, so nothing is lost) in
 * one JSON file with a format marker and version. Reading one validates the
 * whole file before anything is imported; every problem is a sentence.
 */
import * as z from 'zod/mini';
import { LIMITS, type Canvas, type Card, type CheckKey, type EthicsCheck, checkKey, emptyChecks } from './model';
import { canvasMetaSchema, cardSchema, checkSchema, templateSchema } from './schema';
import type { Template } from './templates';
import { cleanText } from './text';

export const BACKUP_FORMAT = 'outcome-canvas-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_BYTES = 10 * 1024 * 1024;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const backedUpCanvasSchema = z.object({
  ...canvasMetaSchema.shape,
  cards: z.array(cardSchema),
  checks: z.array(checkSchema),
});

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().check(z.int()),
  exportedAt: z.string(),
  canvases: z.array(backedUpCanvasSchema),
  // Trainers' own templates; backups made before templates existed have none.
  templates: z.optional(z.array(templateSchema)),
});

type BackedUpCanvas = z.infer<typeof backedUpCanvasSchema>;

export type BackupRead = { ok: true; canvases: Canvas[]; templates: Template[] } | { ok: false; problems: string[] };

export function createBackup(canvases: Canvas[], templates: Template[], exportedAt: Date): string {
  const backup: z.infer<typeof backupSchema> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    canvases: canvases.map(({ cards, checks, ...meta }) => ({ ...meta, cards: Object.values(cards), checks: Object.values(checks) })),
    templates: templates.filter((template) => !template.preset),
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export function backupFileName(date: Date): string {
  return `outcome-canvas-backup-${date.toISOString().slice(0, 10)}.json`;
}

export function readBackup(text: string): BackupRead {
  if (new Blob([text]).size > MAX_BACKUP_BYTES) return fail('The file is larger than 10 MB, so it was not read.');

  const forbidden = new Set<string>();
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''), (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) {
        forbidden.add(key);
        return undefined;
      }
      return typeof value === 'string' ? cleanText(value) : value;
    });
  } catch {
    const cutOff = endsPartWay(text);
    return fail(
      cutOff
        ? 'The file is cut off: it ends part-way through. It may not have finished downloading or copying.'
        : 'The file is not a backup: it is not valid JSON. Choose a file made with "Download backup".',
    );
  }
  if (forbidden.size) {
    return fail(
      `The file contains the key ${[...forbidden].map((key) => `"${key}"`).join(', ')}, which a backup never has. It was not imported, for safety.`,
    );
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return fail('This is not an Outcome Canvas backup: it has no "format": "outcome-canvas-backup" marker.');
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return fail(
      `The backup was made by a newer version of Outcome Canvas (format version ${version}; this app reads up to ${BACKUP_VERSION}). Update the app, then restore it again.`,
    );
  }

  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 10).map(describeIssue) };
  }

  const problems = [...duplicateProblems(parsed.data.canvases)];
  for (const canvas of parsed.data.canvases) {
    const live = canvas.cards.filter((card) => card.deletedAt === null).length;
    if (live > LIMITS.cardsPerCanvas)
      problems.push(
        `The canvas "${canvas.title || 'Untitled canvas'}" has ${live} cards; one canvas can hold at most ${LIMITS.cardsPerCanvas}.`,
      );
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, 10) };
  const templateIds = new Set<string>();
  for (const template of parsed.data.templates ?? []) {
    if (templateIds.has(template.id)) problems.push(`Two templates in the file share the id "${template.id}".`);
    templateIds.add(template.id);
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, 10) };
  return { ok: true, canvases: parsed.data.canvases.map(toCanvas), templates: parsed.data.templates ?? [] };
}

/**
 * Whether JSON text stops part-way: inside a string or with brackets still
 * open. Decided from the text itself, since browsers word JSON errors differently.
 */
export function endsPartWay(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return inString || depth > 0;
}

function fail(problem: string): BackupRead {
  return { ok: false, problems: [problem] };
}

function* duplicateProblems(canvases: BackedUpCanvas[]): Generator<string> {
  const canvasIds = new Set<string>();
  const cardIds = new Set<string>();
  for (const canvas of canvases) {
    if (canvasIds.has(canvas.id)) yield `Two canvases in the file share the id "${canvas.id}", so it is not clear which is which.`;
    canvasIds.add(canvas.id);
    for (const card of canvas.cards) {
      if (cardIds.has(card.id)) yield `Two cards in the file share the id "${card.id}".`;
      cardIds.add(card.id);
    }
    const checkKeys = new Set<string>();
    for (const check of canvas.checks) {
      const key = checkKey(check.step, check.lens);
      if (checkKeys.has(key))
        yield `The canvas "${canvas.title || 'Untitled canvas'}" has the ${check.lens} check for ${check.step} twice.`;
      checkKeys.add(key);
    }
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? formatPath(issue.path) : 'The file';
  switch (issue.code) {
    case 'too_big':
      return `${where} is too long: at most ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : 'items'} are allowed.`;
    case 'invalid_type':
      return `${where} should be ${article(issue.expected)}.`;
    case 'invalid_value':
      return `${where} has a value the app does not know.`;
    default:
      return `${where} is not valid.`;
  }
}

function formatPath(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part + 1}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function toCanvas(backedUp: BackedUpCanvas): Canvas {
  const { cards, checks, ...meta } = backedUp;
  const cardMap: Record<string, Card> = {};
  for (const card of cards) cardMap[card.id] = card;
  const checkMap: Record<CheckKey, EthicsCheck> = emptyChecks(meta.createdAt);
  for (const check of checks) checkMap[checkKey(check.step, check.lens)] = check;
  return { ...meta, cards: cardMap, checks: checkMap };
}
