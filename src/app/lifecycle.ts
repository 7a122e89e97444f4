/**
 * Saves at once when the tab is hidden or closed: the wait in autosave is
 * for typing, not for leaving. (Every change is also noted synchronously in
 * localStorage as it is made, so a page torn down before IndexedDB answers
 * loses nothing either.) A tab shown again retries a save that failed.
 */
import { flushCanvas, retryFailedSave } from '../state/canvasStore';
import { useRepositoryStore } from '../state/repositoryStore';

export function installLifecycleSaves(): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushCanvas();
    else retryFailedSave();
  });
  window.addEventListener('pagehide', () => void flushCanvas());
  window.addEventListener('beforeunload', (event) => {
    void flushCanvas();
    // Only in memory-only mode is closing the tab a real loss (otherwise the
    // unsaved-changes note has it); then ask first.
    if (useRepositoryStore.getState().problem !== null) event.preventDefault();
  });
}
