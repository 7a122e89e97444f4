/**
 * Breakout groups merging their work by exchanging a file: one laptop saves
 * the whole Yjs state of a shared canvas into a small file of our own
 * (format name and version, the canvas, the room, the title, the state as
 * base64); another laptop holding the same shared canvas merges it with
 * `Y.applyUpdate`, so both groups' cards, words (character by character),
 * moves, votes and checks are kept, as if the two had met over the network.
 * The whole state, not a diff: it merges whatever the receiver already has.
 *
 * Pure: Yjs and the shape only. Every way a file can be wrong gets a human
 * sentence and changes nothing.
 */
import * as Y from 'yjs';
import { LIMITS } from '../domain/model';
import { slugify } from '../domain/text';
import { hasCanvas, plainToCanvas, writeCanvas, type WriteGuard } from './binding';
import { SYNC_LIMITS } from './protocol';
import { type PlainCanvas, type PlainRecord, initCanvasDoc, readCanvasDoc } from './shape';

export const GROUP_FILE_FORMAT = 'outcome-canvas-group-changes';
export const GROUP_FILE_VERSION = 1;

/** Largest file read: the server's largest document, as base64, with room for the wrapper. */
export const GROUP_FILE_MAX_BYTES = Math.ceil((SYNC_LIMITS.documentBytes * 4) / 3) + 64 * 1024;

export interface GroupFile {
  format: typeof GROUP_FILE_FORMAT;
  version: number;
  /** The canvas's id as the shared document knows it (its owner's id), the same on every device. */
  canvasId: string;
  roomId: string;
  title: string;
  /** Who saved it, as they named their group ("Group B"). */
  group: string;
  savedAt: string;
  /** The whole document, `Y.encodeStateAsUpdate`, as base64. */
  state: string;
}

export type Parsed = { ok: true; file: GroupFile; update: Uint8Array } | { ok: false; problem: string };

// ---------------------------------------------------------------------------
// Base64 (the browser's own atob/btoa, in chunks so a large state never overflows the call stack)

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Null when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Saving

/** The file for a shared canvas's document, as text. */
export function encodeGroupFile(doc: Y.Doc, roomId: string, group: string, now = new Date()): string {
  const plain = readCanvasDoc(doc);
  const file: GroupFile = {
    format: GROUP_FILE_FORMAT,
    version: GROUP_FILE_VERSION,
    canvasId: String(plain.meta.canvasId),
    roomId,
    title: String(plain.meta.title),
    group: group.trim().slice(0, LIMITS.shortTextLength),
    savedAt: now.toISOString(),
    state: toBase64(Y.encodeStateAsUpdate(doc)),
  };
  return JSON.stringify(file, null, 1) + '\n';
}

/** "early-help-group-b-changes-2026-03-12-1430.json" */
export function groupFileName(title: string, group: string, now = new Date()): string {
  const slug = (text: string) => slugify(text, 40);
  const stamp = now.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return [slug(title) || 'canvas', slug(group), 'changes', stamp].filter(Boolean).join('-') + '.json';
}

// ---------------------------------------------------------------------------
// Reading

const NOT_OURS =
  'This is not a file of a group’s changes from Outcome Canvas, so nothing was merged. Choose a file saved with “Save changes for another group”.';
const DAMAGED = 'This file of a group’s changes is damaged, so nothing was merged. Ask the group to save their changes again.';

const MB = 1024 * 1024;

/** Whether a file this size may be read at all. */
export function sizeProblem(bytes: number): string | null {
  return bytes > GROUP_FILE_MAX_BYTES
    ? `This file is too large to be a group’s changes (${(bytes / MB).toFixed(1)} MB; a shared canvas holds at most ${SYNC_LIMITS.documentBytes / MB} MB), so nothing was merged.`
    : null;
}

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/** Reads and checks a file's text: our format, a version this app knows, intact state for the canvas it names. */
export function parseGroupFile(text: string): Parsed {
  const tooLarge = sizeProblem(text.length);
  if (tooLarge) return { ok: false, problem: tooLarge };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: NOT_OURS };
  }
  const file = value as Partial<GroupFile> | null;
  if (!file || typeof file !== 'object' || file.format !== GROUP_FILE_FORMAT) return { ok: false, problem: NOT_OURS };
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) return { ok: false, problem: DAMAGED };
  if (file.version > GROUP_FILE_VERSION)
    return {
      ok: false,
      problem: `This file was saved by a newer version of Outcome Canvas (group file version ${file.version}), so it was not merged. Reload the app while online to update it, then merge again.`,
    };
  if (
    !isText(file.canvasId, 100) ||
    !isText(file.roomId, 200) ||
    !isText(file.title, LIMITS.titleLength) ||
    !isText(file.group, LIMITS.shortTextLength) ||
    !isText(file.savedAt, 40) ||
    typeof file.state !== 'string'
  )
    return { ok: false, problem: DAMAGED };
  const update = fromBase64(file.state);
  if (!update || update.length === 0) return { ok: false, problem: DAMAGED };
  // The bytes must be a Yjs document holding the canvas the wrapper names.
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    if (!hasCanvas(doc) || readCanvasDoc(doc).meta.canvasId !== file.canvasId) return { ok: false, problem: DAMAGED };
  } catch {
    return { ok: false, problem: DAMAGED };
  } finally {
    doc.destroy();
  }
  return { ok: true, file: file as GroupFile, update };
}

// ---------------------------------------------------------------------------
// Merging

export interface MergeSummary {
  newCards: number;
  changedCards: number;
  removedCards: number;
  changedChecks: number;
  newActions: number;
  changedActions: number;
  newDatasets: number;
  changedDatasets: number;
  /** Title, description, workshop details, agenda, timer. */
  detailsChanged: boolean;
}

export type MergePlan = { ok: true; summary: MergeSummary; message: string } | { ok: false; problem: string };

const live = (record: PlainRecord | undefined) => !!record && (record.deletedAt ?? null) === null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function countRecords(before: Record<string, PlainRecord>, after: Record<string, PlainRecord>) {
  let added = 0;
  let changed = 0;
  let removed = 0;
  for (const [id, record] of Object.entries(after)) {
    const old = before[id];
    if (!old || (!live(old) && live(record))) {
      if (live(record)) added++;
    } else if (live(old) && !live(record)) removed++;
    else if (live(record) && !same(old, record)) changed++;
  }
  return { added, changed, removed };
}

/** The canvas's details, leaving out when it was last touched (every edit sets that). */
const details = ({ updatedAt: _touched, ...meta }: PlainRecord) => meta;

/** What merging changed, between the document before and after. */
export function describeMerge(before: PlainCanvas, after: PlainCanvas): MergeSummary {
  const cards = countRecords(before.cards, after.cards);
  const actions = countRecords(before.actionItems, after.actionItems);
  const datasets = countRecords(before.datasets, after.datasets);
  const changedChecks = Object.keys(after.checks).filter((key) => !same(before.checks[key], after.checks[key])).length;
  return {
    newCards: cards.added,
    changedCards: cards.changed,
    removedCards: cards.removed,
    changedChecks,
    newActions: actions.added,
    changedActions: actions.changed + actions.removed,
    newDatasets: datasets.added,
    changedDatasets: datasets.changed + datasets.removed,
    detailsChanged: !same(details(before.meta), details(after.meta)) || !same(before.facilitation, after.facilitation),
  };
}

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** "Merged Group B’s changes: 7 new cards, 3 cards changed." */
export function mergeMessage(group: string, summary: MergeSummary): string {
  const whose = group.trim() ? `${group.trim()}’s changes` : 'the group’s changes';
  const parts = [
    summary.newCards && count(summary.newCards, 'new card', 'new cards'),
    summary.changedCards && count(summary.changedCards, 'card changed', 'cards changed'),
    summary.removedCards && count(summary.removedCards, 'card removed', 'cards removed'),
    summary.changedChecks && count(summary.changedChecks, 'check changed', 'checks changed'),
    summary.newActions && count(summary.newActions, 'new action', 'new actions'),
    summary.changedActions && count(summary.changedActions, 'action changed', 'actions changed'),
    summary.newDatasets && count(summary.newDatasets, 'new data set', 'new data sets'),
    summary.changedDatasets && count(summary.changedDatasets, 'data set changed', 'data sets changed'),
    summary.detailsChanged && 'the canvas’s details changed',
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length === 0) return `Nothing new in ${whose}: this canvas already had all of it.`;
  return `Merged ${whose}: ${parts.join(', ')}.`;
}

/**
 * Checks a group's changes against this device's document without touching
 * it: which canvas, and (for a participant) whether the facilitator allows
 * everything the file would change, since the server would refuse it.
 * The caller then applies `update` to the document.
 */
export function planMerge(doc: Y.Doc, file: GroupFile, update: Uint8Array, guard: WriteGuard | null): MergePlan {
  const before = readCanvasDoc(doc);
  if (before.meta.canvasId !== file.canvasId)
    return {
      ok: false,
      problem: `This file holds changes to “${file.title || 'Untitled canvas'}”, which is a different canvas from the one open here, so nothing was merged.`,
    };
  const merged = new Y.Doc();
  try {
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(merged, update);
    const after = readCanvasDoc(merged);
    if (guard) {
      const problem = forbidden(before, after, guard);
      if (problem) return { ok: false, problem };
    }
    const summary = describeMerge(before, after);
    return { ok: true, summary, message: mergeMessage(file.group, summary) };
  } catch {
    return { ok: false, problem: DAMAGED };
  } finally {
    merged.destroy();
  }
}

/** A participant may merge only what they could have done themselves; the server would refuse the rest. */
function forbidden(before: PlainCanvas, after: PlainCanvas, guard: WriteGuard): string | null {
  const facilitatorOnly =
    'This file holds changes only the facilitator may make here (for example to what participants may do), so nothing was merged. Ask the facilitator to merge it on their laptop.';
  if (!same(before.room, after.room) || !same(before.tally, after.tally)) return facilitatorOnly;
  const scratch = new Y.Doc();
  try {
    // The same rules a participant's own edits go through (and the server checks).
    initCanvasDoc(scratch, before);
    const local = { id: String(before.meta.canvasId) };
    const refused = writeCanvas(scratch, plainToCanvas(before, local), plainToCanvas(after, local), 'check', Date.now(), guard);
    if (refused.length === 0) return null;
    return 'This file holds changes the facilitator has not allowed participants to make (such as deleting cards or changing ethics checks), so nothing was merged. Ask the facilitator to merge it on their laptop.';
  } finally {
    scratch.destroy();
  }
}
