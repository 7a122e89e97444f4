/**
 * Version history: automatic snapshots of a canvas, the rule for pruning
 * them, and restoring one (as an ordinary, undoable edit).
 */
import { canvasProgress } from './canvas';
import type { Canvas, Card } from './model';

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
 * newest change; cards added since are deleted softly, so undo brings them back.
 */
export function restoreSnapshot(current: Canvas, snapshot: Canvas, now: number): Canvas {
  const cards: Record<string, Card> = {};
  for (const card of Object.values(current.cards)) {
    if (!(card.id in snapshot.cards) && card.deletedAt === null) cards[card.id] = { ...card, deletedAt: now, updatedAt: now };
    else cards[card.id] = card;
  }
  for (const card of Object.values(snapshot.cards)) cards[card.id] = { ...card, updatedAt: now };
  const checks = { ...snapshot.checks };
  for (const key of Object.keys(checks) as (keyof typeof checks)[]) checks[key] = { ...checks[key], updatedAt: now };
  return {
    ...current,
    title: snapshot.title,
    description: snapshot.description,
    facilitation: snapshot.facilitation,
    cards,
    checks,
    updatedAt: now,
  };
}

/** A snapshot without the canvas it holds, for the version history list. */
export type SnapshotListing = Omit<Snapshot, 'canvas'>;

export function listingsNewestFirst(snapshots: readonly (SnapshotListing & { canvas: unknown })[]): SnapshotListing[] {
  return snapshots.map(({ canvas: _canvas, ...listing }) => listing).sort((a, b) => b.takenAt - a.takenAt);
}
