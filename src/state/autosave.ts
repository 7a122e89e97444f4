/**
 * Autosave for the open canvas. Writes go out 300 ms after the last change,
 * at once on `flush()` (tab hidden or closed, canvas closed), and one at a
 * time, each as the difference from what is known to be stored. The saver
 * is created only with a canvas that has been loaded, so it can never write
 * an empty or half-loaded canvas over saved data.
 */
import type { Canvas } from '../domain/model';
import { type CanvasRepository, describeWriteError } from '../storage/repository';
import { setSaveStatus } from './saveStatus';

export const SAVE_DELAY_MS = 300;

export interface Autosaver {
  schedule(next: Canvas): void;
  flush(): Promise<void>;
  /** True while a change has not yet reached storage. */
  hasUnsaved(): boolean;
}

export function createAutosaver(repository: CanvasRepository, loaded: Canvas): Autosaver {
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
        await repository.saveChanges(stored, target);
        stored = target;
        if (latest === stored) setSaveStatus('saved');
      } catch (error) {
        // `stored` is unchanged, so the next attempt writes everything still missing.
        console.warn('Outcome Canvas: save failed', error);
        setSaveStatus('error', describeWriteError(error));
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
    hasUnsaved: () => latest !== stored,
  };
}
