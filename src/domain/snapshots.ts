/**
 * Version history: automatic snapshots of a canvas, the rule for pruning
 * them, and restoring one (as an ordinary, undoable edit).
 */
import { canvasProgress } from './canvas';
import { type IdMap, hasRecord, idMap } from './idMap';
import type { Canvas } from './model';

export const SNAPSHOT_REASONS = ['opened', 'editing', 'before-import', 'before-restore'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

export const SNAPSHOT_REASON_LABELS: Record<SnapshotReason, string> = {
  opened: 'When it was opened',
  editing: 'While editing',
  'before-import': 'Before a backup replaced it',
  'before-restore': 'Before an earlier version was restored',
};

export interface Snapshot {
  id: string;
  canvasId: string;
  takenAt: number;
  reason: SnapshotReason;
  summary: string;
  canvas: Canvas;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A snapshot when a canvas is opened this long after the last one. */
export const OPENED_AFTER_BREAK = 30 * MINUTE;
/** And one every so often while editing. */
export const EDITING_INTERVAL = 10 * MINUTE;

export function summarise(canvas: Canvas): string {
  const progress = canvasProgress(canvas);
  return `${progress.cardCount} ${progress.cardCount === 1 ? 'card' : 'cards'}, ${progress.checksDiscussed} of ${progress.checkCount} checks discussed, ${progress.openConcerns} open ${progress.openConcerns === 1 ? 'concern' : 'concerns'}`;
}

export function makeSnapshot(canvas: Canvas, reason: SnapshotReason, id: string, now: number): Snapshot {
  return { id, canvasId: canvas.id, takenAt: now, reason, summary: summarise(canvas), canvas };
}

/**
 * The pruning rule: keep every snapshot from the last 24 hours (up to 50),
 * then the newest one of each day for 30 days; older ones go. Returns the
 * ids to delete.
 */
export function snapshotsToPrune(snapshots: Pick<Snapshot, 'id' | 'takenAt'>[], now: number): string[] {
  const newestFirst = [...snapshots].sort((a, b) => b.takenAt - a.takenAt);
  const keep = new Set<string>();
  const recent = newestFirst.filter((snapshot) => now - snapshot.takenAt < DAY).slice(0, 50);
  recent.forEach((snapshot) => keep.add(snapshot.id));
  const daysKept = new Set<number>();
  for (const snapshot of newestFirst) {
    const age = now - snapshot.takenAt;
    if (age < DAY || age >= 30 * DAY) continue;
    const day = Math.floor(snapshot.takenAt / DAY);
    if (daysKept.has(day)) continue;
    daysKept.add(day);
    keep.add(snapshot.id);
  }
  return newestFirst.filter((snapshot) => !keep.has(snapshot.id)).map((snapshot) => snapshot.id);
}

/**
 * The canvas as it was in a snapshot, kept under the current canvas's id.
 * Every record it touches gets a new time, so other tabs take it as the
 * newest change; cards, action items and data sets added since are deleted
 * softly, so undo brings them back. The timer keeps running as it is.
 */
export function restoreSnapshot(current: Canvas, snapshot: Canvas, now: number): Canvas {
  const restore = <T extends { id: string; updatedAt: number; deletedAt: number | null }>(now_: IdMap<T>, then: IdMap<T>) => {
    const records: T[] = [];
    for (const record of Object.values(now_)) {
      if (!hasRecord(then, record.id) && record.deletedAt === null) records.push({ ...record, deletedAt: now, updatedAt: now });
      else if (!hasRecord(then, record.id)) records.push(record);
    }
    for (const record of Object.values(then)) records.push({ ...record, updatedAt: now });
    return idMap(records);
  };
  const checks = { ...snapshot.checks };
  for (const key of Object.keys(checks) as (keyof typeof checks)[]) checks[key] = { ...checks[key], updatedAt: now };
  const governance = { ...snapshot.governance };
  for (const key of Object.keys(governance) as (keyof typeof governance)[]) governance[key] = { ...governance[key], updatedAt: now };
  return {
    ...current,
    title: snapshot.title,
    description: snapshot.description,
    facilitation: snapshot.facilitation,
    workshop: snapshot.workshop,
    votesPerPerson: snapshot.votesPerPerson,
    privacyDismissed: [...new Set([...current.privacyDismissed, ...snapshot.privacyDismissed])],
    cards: restore(current.cards, snapshot.cards),
    actionItems: restore(current.actionItems, snapshot.actionItems),
    datasets: restore(current.datasets, snapshot.datasets),
    checks,
    governance,
    updatedAt: now,
  };
}

/** A snapshot without the canvas it holds, for the version history list. */
export type SnapshotListing = Omit<Snapshot, 'canvas'>;

export function listingsNewestFirst(snapshots: readonly (SnapshotListing & { canvas: unknown })[]): SnapshotListing[] {
  return snapshots.map(({ canvas: _canvas, ...listing }) => listing).sort((a, b) => b.takenAt - a.takenAt);
}
