/**
 * Full backups: every canvas (with its deleted records, so nothing is lost),
 * each canvas's version history, and the trainer's own templates, in one
 * JSON file with a format marker and version. Reading one bounds the work
 * before parsing, validates the whole file record by record (stopping early,
 * so a hostile file costs little), then builds canvases with maps that have
 * no prototype, so any id is safe. Every problem is one sentence.
 *
 * Version 1 (before workshop mode, governance, the action log and the data
 * inventory) still restores: every field it lacks takes its default.
 */
import * as z from 'zod/mini';
import { assembleCanvas, partsOf } from './assemble';
import { EMPTY_FILE, isBlankText } from './fileText';
import { dismissalsToExport } from './privacyPlaces';
import { SNAPSHOT_REASON_LABELS, type Snapshot, type SnapshotReason } from './snapshots';
import { type Canvas, LIMITS, checkKey } from './model';
import {
  actionItemSchema,
  canvasMetaSchema,
  cardSchema,
  checkSchema,
  datasetSchema,
  governanceCheckSchema,
  templateSchema,
} from './schema';
import type { Template } from './templates';
import { cleanText } from './text';

export const BACKUP_FORMAT = 'outcome-canvas-backup';
export const BACKUP_VERSION = 2;
/** Versions this app restores. */
export const READABLE_BACKUP_VERSIONS: readonly number[] = [1, 2];
/** Backups carry version history, so they may be larger than a canvas file. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** Bounds checked on the raw text before JSON.parse (see jsonShapeProblem). */
export const BACKUP_BOUNDS = {
  depth: 24,
  /** Objects and arrays in the whole file. */
  containers: 1_000_000,
  canvases: 2_000,
  /** Card records per canvas, deleted ones included. */
  recordsPerCanvas: 50_000,
  snapshotsPerCanvas: 500,
  templates: 1_000,
} as const;

/** What a backup holds, in words, written into the file and shown by the app. */
export const BACKUP_HOLDS =
  'Every canvas (including those in Recently deleted, and deleted cards, actions and data sets), each canvas’s version history, and your own templates. Not included: the app’s preset templates, which come with the app.';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const snapshotHeaderSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  takenAt: z.number().check(z.int(), z.nonnegative()),
  reason: z.enum(Object.keys(SNAPSHOT_REASON_LABELS) as [SnapshotReason, ...SnapshotReason[]]),
  summary: z.string().check(z.maxLength(1000)),
});

export type BackupRead =
  { ok: true; version: number; canvases: Canvas[]; templates: Template[]; snapshots: Snapshot[] } | { ok: false; problems: string[] };

type BackedUpCanvas = ReturnType<typeof canvasRecords>;

/** A canvas as a backup holds it: its own fields with its records as lists. */
function canvasRecords(canvas: Canvas) {
  const { cards: _c, checks: _k, governance: _g, actionItems: _a, datasets: _d, ...meta } = canvas;
  // Dismissed privacy warnings whose text is gone stay behind (see dismissalsToExport).
  return { ...meta, privacyDismissed: dismissalsToExport(canvas), ...partsOf(canvas) };
}

export function createBackup(canvases: Canvas[], templates: Template[], exportedAt: Date, snapshots: Snapshot[] = []): string {
  const history = new Map<string, Snapshot[]>();
  for (const snapshot of snapshots) history.set(snapshot.canvasId, [...(history.get(snapshot.canvasId) ?? []), snapshot]);
  const backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    holds: BACKUP_HOLDS,
    canvases: canvases.map((canvas): BackedUpCanvas & { history: unknown[] } => ({
      ...canvasRecords(canvas),
      history: (history.get(canvas.id) ?? [])
        .sort((a, b) => a.takenAt - b.takenAt)
        .map(({ id, takenAt, reason, summary, canvas: then }) => ({ id, takenAt, reason, summary, canvas: canvasRecords(then) })),
    })),
    templates: templates.filter((template) => !template.preset),
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export function backupFileName(date: Date): string {
  return `outcome-canvas-backup-${date.toISOString().slice(0, 10)}.json`;
}

/**
 * One pass over the raw JSON text before it is parsed: how deep it nests and
 * how many objects and arrays it holds (counted outside strings), so a
 * million `{}` or thousands of nested brackets are refused at once, never
 * parsed; and whether it stops part-way (inside a string or with brackets
 * open), decided from the text itself since browsers word JSON errors
 * differently.
 */
export function scanJson(text: string): { problem: string | null; endsPartWay: boolean } {
  let depth = 0;
  let containers = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92)
        i++; // backslash: skip the escaped character
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) {
      if (++depth > BACKUP_BOUNDS.depth)
        return {
          problem: `The file nests its data more than ${BACKUP_BOUNDS.depth} levels deep; a backup never does, so it was not read.`,
          endsPartWay: false,
        };
      if (++containers > BACKUP_BOUNDS.containers)
        return {
          problem: `The file holds more than ${BACKUP_BOUNDS.containers.toLocaleString('en-GB')} records and lists, far more than a backup, so it was not read.`,
          endsPartWay: false,
        };
    } else if (code === 125 || code === 93) depth--;
  }
  return { problem: null, endsPartWay: inString || depth > 0 };
}

export function readBackup(text: string): BackupRead {
  if (new Blob([text]).size > MAX_BACKUP_BYTES) return fail('The file is larger than 50 MB, so it was not read.');
  if (isBlankText(text)) return fail(EMPTY_FILE);
  const scan = scanJson(text);
  if (scan.problem) return fail(scan.problem);

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
    return fail(
      scan.endsPartWay
        ? 'The file is cut off: it ends part-way through. It may not have finished downloading or copying.'
        : 'The file is not a backup: it is not valid JSON. Choose a file made with "Download backup".',
    );
  }
  if (forbidden.size) {
    return fail(
      `The file contains the key ${[...forbidden].map((key) => `"${key}"`).join(', ')}, which a backup never has. It was not imported, for safety.`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return fail('This is not an Outcome Canvas backup: it has no "format": "outcome-canvas-backup" marker.');
  }
  const root = data as Record<string, unknown>;
  const versionProblem = backupVersionProblem(root.version);
  if (versionProblem) return fail(versionProblem);
  return new BackupReader(root).read();
}

function backupVersionProblem(version: unknown): string | null {
  if (version === undefined) return 'The backup does not say which version of the format it uses, so it was not read.';
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION)
    return `The backup was made by a newer version of Outcome Canvas (format version ${version}; this app reads up to ${BACKUP_VERSION}). Update the app, then restore it again.`;
  if (typeof version !== 'number' || !READABLE_BACKUP_VERSIONS.includes(version))
    return `The backup says it is format version ${JSON.stringify(version)}, which is not a version of the backup format. This app restores versions ${READABLE_BACKUP_VERSIONS.join(' and ')}.`;
  return null;
}

const MAX_PROBLEMS = 10;

class StopReading extends Error {}

/** Validates a parsed backup part by part, stopping after a few problems. */
class BackupReader {
  private readonly problems: string[] = [];
  private readonly cardIds = new Set<string>();

  constructor(private readonly root: Record<string, unknown>) {}

  read(): BackupRead {
    try {
      const canvases = this.list(this.root.canvases, 'canvases', BACKUP_BOUNDS.canvases, true);
      const templateList =
        this.root.templates === undefined ? [] : this.list(this.root.templates, 'templates', BACKUP_BOUNDS.templates, false);
      const canvasIds = new Set<string>();
      const read: Canvas[] = [];
      const snapshots: Snapshot[] = [];
      canvases.forEach((value, i) => {
        const where = `canvases[${i + 1}]`;
        const canvas = this.canvas(value, where, true);
        if (!canvas) return;
        if (canvasIds.has(canvas.id))
          this.problem(`Two canvases in the file share the id "${canvas.id}", so it is not clear which is which.`);
        canvasIds.add(canvas.id);
        read.push(canvas);
        const history = (value as Record<string, unknown>).history;
        if (history === undefined) return;
        this.list(history, `${where}.history`, BACKUP_BOUNDS.snapshotsPerCanvas, false).forEach((entry, n) => {
          const snapshot = this.snapshot(entry, canvas.id, `${where}.history[${n + 1}]`);
          // A saved version belongs to the canvas it is filed under, so two with one id are not ambiguous: the import plan renames one.
          if (snapshot) snapshots.push(snapshot);
        });
      });
      const templates: Template[] = [];
      const templateIds = new Set<string>();
      templateList.forEach((value, i) => {
        const parsed = templateSchema.safeParse(value);
        if (!parsed.success) return this.issue(parsed.error, `templates[${i + 1}]`);
        if (templateIds.has(parsed.data.id)) this.problem(`Two templates in the file share the id "${parsed.data.id}".`);
        templateIds.add(parsed.data.id);
        templates.push(parsed.data as Template);
      });
      if (this.problems.length) return { ok: false, problems: this.problems };
      return { ok: true, version: this.root.version as number, canvases: read, templates, snapshots };
    } catch (error) {
      if (error instanceof StopReading) return { ok: false, problems: this.problems };
      throw error;
    }
  }

  private problem(message: string): void {
    this.problems.push(message);
    if (this.problems.length >= MAX_PROBLEMS) throw new StopReading();
  }

  private issue(error: z.core.$ZodError, where: string): void {
    // One problem, one message: the first issue of a record names what is wrong with it.
    this.problem(describeIssue(error.issues[0]!, where));
  }

  private list(value: unknown, where: string, max: number, required: boolean): unknown[] {
    if (value === undefined && !required) return [];
    if (!Array.isArray(value)) {
      this.problem(`${where} should be a list.`);
      return [];
    }
    if (value.length > max) {
      this.problem(`${where} has ${value.length.toLocaleString('en-GB')} entries; a backup holds at most ${max.toLocaleString('en-GB')}.`);
      return [];
    }
    return value;
  }

  /** One canvas, validated record by record; null after a problem. */
  private canvas(value: unknown, where: string, live: boolean): Canvas | null {
    const meta = canvasMetaSchema.safeParse(value);
    if (!meta.success) {
      this.issue(meta.error, where);
      return null;
    }
    const record = value as Record<string, unknown>;
    const title = meta.data.title || 'Untitled canvas';
    const records = <T>(field: string, schema: z.ZodMiniType<T>, required: boolean): T[] | null => {
      const items = this.list(record[field], `${where}.${field}`, BACKUP_BOUNDS.recordsPerCanvas, required);
      const out: T[] = [];
      for (const [i, item] of items.entries()) {
        const parsed = schema.safeParse(item);
        if (!parsed.success) {
          this.issue(parsed.error, `${where}.${field}[${i + 1}]`);
          return null;
        }
        out.push(parsed.data);
      }
      return out;
    };
    const cards = records('cards', cardSchema, true);
    const checks = records('checks', checkSchema, true);
    const governance = records('governance', governanceCheckSchema, false);
    const actionItems = records('actionItems', actionItemSchema, false);
    const datasets = records('datasets', datasetSchema, false);
    if (!cards || !checks || !governance || !actionItems || !datasets) return null;
    const liveCount = cards.filter((card) => card.deletedAt === null).length;
    if (live && liveCount > LIMITS.cardsPerCanvas)
      this.problem(`The canvas "${title}" has ${liveCount} cards; one canvas can hold at most ${LIMITS.cardsPerCanvas}.`);
    if (live) {
      for (const card of cards) {
        if (this.cardIds.has(card.id)) this.problem(`Two cards in the file share the id "${card.id}".`);
        this.cardIds.add(card.id);
      }
    }
    const duplicate = (ids: string[], what: string) => {
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id)) this.problem(`The canvas "${title}" has the ${what} "${id}" twice.`);
        seen.add(id);
      }
    };
    duplicate(
      checks.map((check) => checkKey(check.step, check.lens)),
      'check',
    );
    duplicate(
      governance.map((check) => check.id),
      'check',
    );
    duplicate(
      actionItems.map((item) => item.id),
      'action with the id',
    );
    duplicate(
      datasets.map((dataset) => dataset.id),
      'data set with the id',
    );
    return assembleCanvas(meta.data, { cards, checks, governance, actionItems, datasets });
  }

  private snapshot(value: unknown, canvasId: string, where: string): Snapshot | null {
    const header = snapshotHeaderSchema.safeParse(value);
    if (!header.success) {
      this.issue(header.error, where);
      return null;
    }
    const canvas = this.canvas((value as Record<string, unknown>).canvas, `${where}.canvas`, false);
    if (!canvas) return null;
    return { ...header.data, canvasId, canvas: { ...canvas, id: canvasId } };
  }
}

function fail(problem: string): BackupRead {
  return { ok: false, problems: [problem] };
}

function describeIssue(issue: z.core.$ZodIssue, prefix: string): string {
  const path = [prefix, ...issue.path.map((part) => (typeof part === 'number' ? `[${part + 1}]` : `.${String(part)}`))].join('');
  const where = path.replace(/^\./, '') || 'The file';
  switch (issue.code) {
    case 'too_big':
      return `${where} is too long: at most ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : 'items'} are allowed.`;
    case 'too_small':
      return `${where} is too short or too small.`;
    case 'invalid_type':
      return `${where} should be ${article(issue.expected)}.`;
    case 'invalid_value':
      return `${where} has a value the app does not know.`;
    default:
      return `${where} is not valid.`;
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
