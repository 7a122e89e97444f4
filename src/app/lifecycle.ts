/**
 * Saves at once when the tab is hidden or closed: the debounce in autosave
 * is for typing, not for leaving.
 */
import { flushCanvas, hasUnsavedCanvas } from '../state/canvasStore';
import { useStorageState } from '../state/storage';

export function installLifecycleSaves(): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushCanvas();
  });
  window.addEventListener('pagehide', () => void flushCanvas());
  window.addEventListener('beforeunload', (event) => {
    void flushCanvas();
    // Only in memory-only mode is closing the tab a real loss; then ask first.
    if (useStorageState.getState().problem !== null || hasUnsavedCanvas()) event.preventDefault();
  });
}
