/**
 * Automatic snapshots for version history: when a canvas is opened after a
 * break, every ten minutes of editing, and before a restore replaces it.
 * Snapshot writes never block editing; a failed one is only logged.
 */
import { countLiveCards } from '../domain/cards';
import { EDITING_INTERVAL, OPENED_AFTER_BREAK, type SnapshotReason, makeSnapshot, restoreSnapshot } from '../domain/snapshots';
import { newId } from '../domain/ids';
import type { Canvas } from '../domain/model';
import type { CanvasRepository } from '../storage/repository';
import { repository as appRepository } from './repositoryStore';

export interface VersionHistory {
  /** A canvas was opened: snapshot it when the last snapshot is `OPENED_AFTER_BREAK` old (or there is none). */
  noteOpened(canvas: Canvas, now?: number): Promise<void>;
  /** A canvas was saved: snapshot it when the last snapshot is `EDITING_INTERVAL` old. */
  noteSaved(canvas: Canvas, now?: number): void;
  /**
   * Restores a version as one undoable edit (through the canvas store's
   * `edit`), keeping the current state in the history first.
   */
  restore(snapshotId: string, current: Canvas, edit: (change: (canvas: Canvas, now: number) => Canvas) => void): Promise<boolean>;
  list(canvasId: string): ReturnType<CanvasRepository['listSnapshots']>;
  load(snapshotId: string): ReturnType<CanvasRepository['loadSnapshot']>;
}

export function createVersionHistory({ repository }: { repository: () => Promise<CanvasRepository> }): VersionHistory {
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

  return {
    async noteOpened(canvas, now = Date.now()) {
      if (!worthKeeping(canvas)) return;
      const last = await (await repository()).latestSnapshotAt(canvas.id).catch(() => null);
      if (last !== null) lastSnapshotAt.set(canvas.id, last);
      if (last === null || now - last >= OPENED_AFTER_BREAK) await take(canvas, 'opened', now);
    },

    noteSaved(canvas, now = Date.now()) {
      const last = lastSnapshotAt.get(canvas.id) ?? 0;
      if (now - last >= EDITING_INTERVAL && worthKeeping(canvas)) void take(canvas, 'editing', now);
    },

    async restore(snapshotId, current, edit) {
      const snapshot = await (await repository()).loadSnapshot(snapshotId);
      if (!snapshot || snapshot.canvasId !== current.id) return false;
      await take(current, 'before-restore');
      edit((canvas, now) => restoreSnapshot(canvas, snapshot.canvas, now));
      return true;
    },

    list: async (canvasId) => (await repository()).listSnapshots(canvasId),
    load: async (snapshotId) => (await repository()).loadSnapshot(snapshotId),
  };
}

/** The running app's version history. */
export const versionHistory = createVersionHistory({ repository: appRepository });
