/**
 * Saves at once when the tab is hidden or closed: the wait in autosave is
 * for typing, not for leaving. (Every change is also noted synchronously in
 * localStorage as it is made, so a page torn down before IndexedDB answers
 * loses nothing either.) A tab shown again retries a save that failed.
 */
import { useCanvasStore } from '../state/canvasStore';
import { useRepositoryStore } from '../state/repositoryStore';

/** Returns the function that removes the listeners again. */
export function installLifecycleSaves(): () => void {
  const canvas = () => useCanvasStore.getState();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') void canvas().flush();
    else canvas().retryFailedSave();
  };
  const onPageHide = () => void canvas().flush();
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    void canvas().flush();
    // Only in memory-only mode is closing the tab a real loss (otherwise the
    // unsaved-changes note has it); then ask first.
    if (useRepositoryStore.getState().problem !== null) event.preventDefault();
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}
