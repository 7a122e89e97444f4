/**
 * Autosave for the open canvas.
 *
 * - Every change is first noted synchronously in localStorage (this tab's
 *   note, `storage/journal.ts`), so a crash a moment later loses nothing.
 * - It is written to IndexedDB 300 ms after typing pauses, and at the latest
 *   750 ms after the first change not yet written, so steady typing reaches
 *   IndexedDB at least once a second.
 * - Writes go one at a time, each as the difference from what is known to be
 *   stored, checked against what is really stored: when another tab has
 *   changed the same records, the canvas store merges first (`onConflict`).
 * - A failed write (a full disk) keeps everything in the tab and in the note
 *   and is retried by itself, sooner when storage may have room again
 *   (`retryNow`).
 *
 * The saver is created only with a canvas that has been loaded, so it can
 * never write an empty or half-loaded canvas over saved data.
 */
import { diffCanvas, isEmptyChange, metaOf } from '../domain/diff';
import type { Canvas } from '../domain/model';
import { clearNote, writeNote } from '../storage/journal';
import { type WriteProblem, writeProblemOf } from '../storage/problems';
import type { CanvasRepository } from '../storage/repository';

export const SAVE_DELAY_MS = 300;
/** The longest a change waits while typing goes on without a pause. */
export const SAVE_MAX_WAIT_MS = 750;
/** After a failed write, the next tries come after these waits, then every last one. */
export const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000];
/** Merged and retried this often in a row, a save then writes whatever is stored (never endlessly). */
const MAX_CONFLICTS = 5;

export type SaveState = 'saved' | 'saving' | 'error';

export interface AutosaverOptions {
  repository: CanvasRepository;
  loaded: Canvas;
  /** Whose unsaved-changes note this is. */
  tabId: string;
  onSaved?: (canvas: Canvas) => void;
  /**
   * Another tab changed records this save would write: merge what is stored
   * into the canvas on screen (ending with `rebase`). Runs between writes.
   */
  onConflict?: () => Promise<void>;
  /** `savedAgain` is true when this save follows failed ones. */
  onStatus?: (state: SaveState, problem: WriteProblem | null, savedAgain: boolean) => void;
}

export interface Autosaver {
  schedule(next: Canvas): void;
  /** Writes any pending change now (the tab is being hidden or closed, or the canvas left). */
  flush(): Promise<void>;
  /** True while a change has not yet reached IndexedDB. */
  hasUnsaved(): boolean;
  /** What is known to be in storage. */
  stored(): Canvas;
  /** Runs a task between writes, never during one. */
  exclusive(task: () => Promise<void>): Promise<void>;
  /** Another tab saved: `stored` is what storage holds now, `latest` what this tab shows. */
  rebase(stored: Canvas, latest: Canvas): void;
  /** Storage may have room again: try a failed write now rather than at the next retry. */
  retryNow(): void;
  /** The canvas is closed: stop the timers (call after a last `flush`). */
  dispose(): void;
}

export function createAutosaver({ repository, loaded, tabId, onSaved, onConflict, onStatus }: AutosaverOptions): Autosaver {
  let stored = loaded;
  let latest = loaded;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet being written was made. */
  let firstPendingAt: number | null = null;
  let failures = 0;
  let queue: Promise<void> = Promise.resolve();
  const canvasId = loaded.id;

  /** Makes this tab's note hold exactly what is not yet stored. Synchronous, so it is done before anything can go wrong. */
  function updateNote(): void {
    // Only IndexedDB is there after a restart to recover into.
    if (repository.kind !== 'indexeddb') return;
    if (latest === stored) clearNote(tabId, canvasId);
    else writeNote(tabId, { canvasId, changes: diffCanvas(stored, latest), metaBase: metaOf(stored) });
  }

  function startTimer(now: number): void {
    firstPendingAt ??= now;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), Math.max(0, Math.min(SAVE_DELAY_MS, firstPendingAt + SAVE_MAX_WAIT_MS - now)));
  }

  async function writeLatest(): Promise<void> {
    for (let conflicts = 0; ;) {
      const target = latest;
      firstPendingAt = null;
      if (target === stored) return;
      const changes = diffCanvas(stored, target);
      let outcome: 'saved' | 'conflict' = 'saved';
      try {
        if (!isEmptyChange(changes))
          outcome = await repository.saveChanges(canvasId, changes, conflicts < MAX_CONFLICTS ? stored : undefined);
      } catch (error) {
        // `stored` is unchanged, so the next attempt writes everything still missing.
        console.warn('Outcome Canvas: save failed', error);
        failures++;
        onStatus?.('error', writeProblemOf(error), false);
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => void flush(), RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length) - 1]);
        return;
      }
      if (outcome === 'conflict') {
        conflicts++;
        await onConflict?.();
        continue;
      }
      stored = target;
      const savedAgain = failures > 0;
      failures = 0;
      clearTimeout(retryTimer);
      updateNote();
      onSaved?.(target);
      if (latest === stored) onStatus?.('saved', null, savedAgain);
      return;
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    queue = queue.then(writeLatest);
    return queue;
  }

  return {
    schedule(next) {
      if (next === latest) return;
      latest = next;
      updateNote();
      // While writes are failing, the retry timer writes this too; the message stays until one works.
      if (failures > 0) return;
      onStatus?.('saving', null, false);
      startTimer(Date.now());
    },
    flush,
    hasUnsaved: () => latest !== stored,
    stored: () => stored,
    exclusive(task) {
      queue = queue.then(task).catch((error: unknown) => console.warn('Outcome Canvas: merge failed', error));
      return queue;
    },
    rebase(nextStored, nextLatest) {
      stored = nextStored;
      latest = nextLatest;
      updateNote();
      if (latest !== stored && failures === 0) startTimer(Date.now());
    },
    retryNow() {
      if (failures > 0) void flush();
    },
    dispose() {
      clearTimeout(timer);
      clearTimeout(retryTimer);
    },
  };
}
