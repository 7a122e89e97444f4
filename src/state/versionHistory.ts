/**
 * Automatic snapshots for version history: when a canvas is opened after a
 * break, every ten minutes of editing, and before a restore replaces it.
 * Snapshot writes never block editing; a failed one is only logged.
 */
import { countLiveCards } from '../domain/cards';
import { EDITING_INTERVAL, OPENED_AFTER_BREAK, type SnapshotReason, makeSnapshot, restoreSnapshot } from '../domain/snapshots';
import { newId } from '../domain/ids';
import type { Canvas } from '../domain/model';
import { repository } from './repositoryStore';

const lastSnapshotAt = new Map<string, number>();

async function take(canvas: Canvas, reason: SnapshotReason, now = Date.now()): Promise<void> {
  try {
    await (await repository()).addSnapshot(makeSnapshot(canvas, reason, newId(), now));
    lastSnapshotAt.set(canvas.id, now);
  } catch (error) {
    console.warn('Outcome Canvas: a version-history snapshot could not be saved', error);
  }
}

const worthKeeping = (canvas: Canvas) => countLiveCards(canvas) > 0 || canvas.title.trim() !== '' || canvas.description.trim() !== '';

export async function noteCanvasOpened(canvas: Canvas, now = Date.now()): Promise<void> {
  if (!worthKeeping(canvas)) return;
  const last = await (await repository()).latestSnapshotAt(canvas.id).catch(() => null);
  if (last !== null) lastSnapshotAt.set(canvas.id, last);
  if (last === null || now - last >= OPENED_AFTER_BREAK) await take(canvas, 'opened', now);
}

export function noteCanvasSaved(canvas: Canvas, now = Date.now()): void {
  const last = lastSnapshotAt.get(canvas.id) ?? 0;
  if (now - last >= EDITING_INTERVAL && worthKeeping(canvas)) void take(canvas, 'editing', now);
}

/**
 * Restores a version as one undoable edit (through the canvas store's
 * `edit`), keeping the current state in the history first.
 */
export async function restoreVersion(
  snapshotId: string,
  current: Canvas,
  edit: (change: (canvas: Canvas, now: number) => Canvas) => void,
): Promise<boolean> {
  const snapshot = await (await repository()).loadSnapshot(snapshotId);
  if (!snapshot || snapshot.canvasId !== current.id) return false;
  await take(current, 'before-restore');
  edit((canvas, now) => restoreSnapshot(canvas, snapshot.canvas, now));
  return true;
}

export async function listVersions(canvasId: string) {
  return (await repository()).listSnapshots(canvasId);
}

export async function loadVersion(snapshotId: string) {
  return (await repository()).loadSnapshot(snapshotId);
}
