/**
 * Registers the service worker after the app has started (so it never slows
 * the first paint) and says when a new version is waiting. Reloading into it
 * first writes any unsaved change, so an update never loses an edit.
 */
import { create } from 'zustand';
import { useCanvasStore } from '../state/canvasStore';

interface UpdateState {
  /** A new version has been downloaded and waits for a reload. */
  waiting: boolean;
  offlineReady: boolean;
  reload: (() => Promise<void>) | null;
}

export const useUpdateState = create<UpdateState>(() => ({ waiting: false, offlineReady: false, reload: null }));

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const register = () => {
    void import('virtual:pwa-register').then(({ registerSW }) => {
      const update = registerSW({
        onNeedRefresh: () =>
          useUpdateState.setState({
            waiting: true,
            reload: async () => {
              await useCanvasStore.getState().flush();
              await update(true);
            },
          }),
        onOfflineReady: () => useUpdateState.setState({ offlineReady: true }),
        onRegisterError: (error: unknown) => console.warn('Outcome Canvas: offline support could not start', error),
      });
    });
  };
  // The app may start after the page's load event (main.tsx fetches it after the first paint).
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
