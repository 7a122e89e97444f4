import { type ComponentType, lazy } from 'react';

/**
 * `React.lazy` for a screen whose code may already be here (boot.tsx starts fetching the
 * screen of the address opened alongside the app's own code). Once its code has loaded,
 * the screen renders at once. `React.lazy` alone suspends on its first render even then,
 * and React holds a screen back behind its Suspense fallback for up to 300 ms after the
 * fallback shows (its fallback throttle): on opening a canvas that was most of a frame's
 * worth of waiting, several times over.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same constraint as React.lazy's own
export function lazyScreen<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  let loaded: { default: T } | null = null;
  let loading: Promise<{ default: T }> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = null; // a failed fetch (offline, say) is tried again next time
        throw error;
      },
    ));
  // A thenable that has already resolved: React.lazy reads a synchronous resolution on the spot.
  const Screen = lazy(() =>
    loaded ? ({ then: (resolve: (module: { default: T }) => void) => resolve(loaded!) } as Promise<{ default: T }>) : preload(),
  );
  return Object.assign(Screen, { preload, loaded: () => loaded !== null });
}
