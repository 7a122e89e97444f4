/**
 * Saves at once when the tab is hidden or closed: the debounce in autosave
 * is for typing, not for leaving.
 */
import { flushCanvasOnExit } from '../state/canvasStore';
import { useRepositoryStore } from '../state/repositoryStore';

export function installLifecycleSaves(): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushCanvasOnExit();
  });
  window.addEventListener('pagehide', () => void flushCanvasOnExit());
  window.addEventListener('beforeunload', (event) => {
    void flushCanvasOnExit();
    // Only in memory-only mode is closing the tab a real loss (otherwise the
    // unsaved-changes note above has it); then ask first.
    if (useRepositoryStore.getState().problem !== null) event.preventDefault();
  });
}
