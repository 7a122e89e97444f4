/**
 * Autosave for the open canvas. Writes go out 300 ms after the last change,
 * at once on `flush()` (tab hidden or closed, canvas closed), and one at a
 * time, each as the difference from what is known to be stored. The saver
 * is created only with a canvas that has been loaded, so it can never write
 * an empty or half-loaded canvas over saved data.
 */
import type { Canvas } from '../domain/model';
import { diffCanvas, isEmptyChange } from '../domain/diff';
import { clearJournal, writeJournal } from '../storage/journal';
import { writeProblemOf } from '../storage/problems';
import type { CanvasRepository } from '../storage/repository';
import { setSaveStatus } from './saveStatusStore';

export const SAVE_DELAY_MS = 300;

export interface Autosaver {
  schedule(next: Canvas): void;
  flush(): Promise<void>;
  /**
   * For a tab being hidden or closed: notes unsaved changes synchronously
   * (they survive even if the page dies before IndexedDB answers), then flushes.
   */
  flushOnExit(): Promise<void>;
  /** True while a change has not yet reached storage. */
  hasUnsaved(): boolean;
  /** What is known to be in storage. */
  stored(): Canvas;
  /** Runs a task between writes, never during one. */
  exclusive(task: () => Promise<void>): Promise<void>;
  /** Another tab saved: `stored` is what storage holds now, `latest` what this tab shows. */
  rebase(stored: Canvas, latest: Canvas): void;
}

export function createAutosaver(repository: CanvasRepository, loaded: Canvas, onSaved: (canvas: Canvas) => void = () => {}): Autosaver {
  let stored = loaded;
  let latest = loaded;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    queue = queue.then(async () => {
      const target = latest;
      if (target === stored) return;
      try {
        const changes = diffCanvas(stored, target);
        if (!isEmptyChange(changes)) await repository.saveChanges(target.id, changes);
        stored = target;
        onSaved(target);
        if (latest === stored) {
          setSaveStatus('saved');
          clearJournal(target.id);
        }
      } catch (error) {
        // `stored` is unchanged, so the next attempt writes everything still missing.
        console.warn('Outcome Canvas: save failed', error);
        setSaveStatus('error', writeProblemOf(error));
      }
    });
    return queue;
  }

  return {
    schedule(next) {
      if (next === latest) return;
      latest = next;
      setSaveStatus('saving');
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    flush,
    flushOnExit() {
      if (latest !== stored && repository.kind === 'indexeddb') writeJournal(latest.id, diffCanvas(stored, latest));
      return flush();
    },
    hasUnsaved: () => latest !== stored,
    stored: () => stored,
    exclusive(task) {
      queue = queue.then(task).catch((error: unknown) => console.warn('Outcome Canvas: merge failed', error));
      return queue;
    },
    rebase(nextStored, nextLatest) {
      stored = nextStored;
      latest = nextLatest;
      if (latest !== stored) {
        clearTimeout(timer);
        timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
      }
    },
  };
}
