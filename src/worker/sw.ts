/**
 * The service worker (built by vite-plugin-pwa, `injectManifest`): it precaches the whole app, so
 * after one visit it opens and works with no network, and it answers every navigation with
 * index.html, into which, at the library's address, it writes the library's first screenful from
 * IndexedDB (`libraryPage.ts`), so a returning visitor sees their canvases before the app's code
 * has arrived. The page is streamed (workbox-streams): its head goes at once, so its styles and
 * scripts load while IndexedDB is read, and its body when the list is written.
 * A new version waits until the page asks it to take over (the update banner's "Reload").
 */
/// <reference lib="webworker" />
import { addRoute, cleanupOutdatedCaches, createHandlerBoundToURL, precache } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { concatenateToResponse } from 'workbox-streams';
import { atLibrary } from '../lib/libraryAddress';
import { fillLibraryPage, GUARD_SCRIPT, GUARD_SCRIPT_PATH, liveFrame, splitServedPage } from './libraryPage';
import { readSummaries } from './readSummaries';

declare const self: ServiceWorkerGlobalScope;

precache(self.__WB_MANIFEST);
cleanupOutdatedCaches();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname === GUARD_SCRIPT_PATH,
  async () => new Response(GUARD_SCRIPT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } }),
);

const indexHtml = createHandlerBoundToURL('index.html');

/** Whether the browser has promised to keep this site's data (null when it cannot say): the backup reminder is due only when not. */
const persisted = (): Promise<boolean | null> => self.navigator.storage?.persisted?.().catch(() => null) ?? Promise.resolve(null);

registerRoute(
  new NavigationRoute(async (options) => {
    // The navigation's URL keeps the address's hash (a request's URL does, in the Fetch standard), so
    // the list is read only where it shows: at a canvas's address the body goes at once, and opening a
    // board never waits on reading every canvas's summary (~40 ms with 1,000 canvases at 1x). Where a
    // browser leaves the hash out, the list is read as before and the guard script hides it.
    const listing = atLibrary(options.url.hash) ? Promise.all([readSummaries(), persisted()]).catch(() => [null, null] as const) : null;
    const page = await indexHtml(options);
    const parts = page.ok ? splitServedPage(await page.clone().text()) : null;
    if (!parts) return page;
    const body = listing
      ? listing.then(
          ([summaries, kept]) =>
            (summaries && fillLibraryPage(parts.body, summaries, Date.now(), { reminder: kept === false })) ?? parts.body,
        )
      : Promise.resolve(liveFrame(parts.body) ?? parts.body);
    const headers = new Headers(page.headers);
    headers.delete('Content-Length');
    const { done, response } = concatenateToResponse([Promise.resolve(parts.head), body], headers);
    options.event.waitUntil(done);
    return response;
  }),
);
// After the navigations (the first route that matches answers: the precache's would answer "/" itself).
addRoute();
