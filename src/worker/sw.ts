/**
 * The service worker (built by vite-plugin-pwa, `injectManifest`): it precaches the whole app, so
 * after one visit it opens and works with no network, and it answers every navigation with
 * index.html, into which it writes the library's first screenful from IndexedDB (`libraryPage.ts`),
 * so a returning visitor sees their canvases before the app's code has arrived.
 * A new version waits until the page asks it to take over (the update banner's "Reload").
 */
/// <reference lib="webworker" />
import { addRoute, cleanupOutdatedCaches, createHandlerBoundToURL, precache } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { fillLibraryPage, GUARD_SCRIPT, GUARD_SCRIPT_PATH } from './libraryPage';
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
registerRoute(
  new NavigationRoute(async (options) => {
    const [page, summaries] = await Promise.all([indexHtml(options), readSummaries()]);
    if (!summaries || !page.ok) return page;
    const filled = fillLibraryPage(await page.clone().text(), summaries, Date.now());
    if (filled === null) return page;
    const headers = new Headers(page.headers);
    headers.delete('Content-Length');
    return new Response(filled, { status: page.status, statusText: page.statusText, headers });
  }),
);
// After the navigations (the first route that matches answers: the precache's would answer "/" itself).
addRoute();
