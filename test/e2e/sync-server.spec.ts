/**
 * The app served by the sync server (server/), as `npm start` serves it: the
 * page and the sync endpoint share one origin, the page's policy lets it open
 * WebSockets to that origin and nowhere else, and a canvas nobody shared
 * never talks to the server.
 */
import type { Browser, BrowserContext } from '@playwright/test';
import { SYNC_ORIGIN } from '../../playwright.config';
import { expect, LibraryPage, test } from './fixtures';

/** A context on the sync server's origin that records console errors and every request. */
async function syncContext(browser: Browser) {
  const context: BrowserContext = await browser.newContext({ baseURL: SYNC_ORIGIN });
  const errors: string[] = [];
  const requests: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  context.on('weberror', (error) => errors.push(String(error.error())));
  context.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  const page = await context.newPage();
  return { context, page, errors, requests };
}

test('the sync server serves the app with its policy as a header too', async ({ request }) => {
  const response = await request.get(`${SYNC_ORIGIN}/`);
  expect(response.status()).toBe(200);
  const header = response.headers()['content-security-policy'];
  expect(header).toContain("connect-src 'self'");
  expect(header).toContain("frame-ancestors 'none'");
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(await response.text())?.[1];
  expect(header?.startsWith(meta!)).toBe(true);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  // With nosniff, every file goes out with its type; the page names favicon.ico as the tab's icon.
  const page = await response.text();
  const icon = /<link rel="icon" href="([^"]+)"/.exec(page)?.[1];
  expect(icon).toBe('/favicon.ico');
  for (const [path, type] of [
    [icon, 'image/x-icon'],
    ['/manifest.webmanifest', 'application/manifest+json'],
    ['/sw.js', 'text/javascript'],
  ]) {
    const file = await request.get(`${SYNC_ORIGIN}${path}`);
    expect(`${path}: ${file.status()} ${file.headers()['content-type']}`).toBe(`${path}: 200 ${type}`);
  }
});

test('the page may open a WebSocket to its own origin and to no other', async ({ browser }) => {
  const { context, page, errors } = await syncContext(browser);
  await new LibraryPage(page).goto();
  const own = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`);
        socket.onopen = () => {
          socket.close();
          resolve('open');
        };
        socket.onerror = () => resolve('error');
      }),
  );
  expect(own).toBe('open');
  expect(errors).toEqual([]);

  const foreign = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(`blocked by ${event.effectiveDirective}`), { once: true });
        try {
          new WebSocket('ws://127.0.0.1:9/sync');
        } catch {
          resolve('blocked by connect-src (thrown)');
        }
      }),
  );
  expect(foreign).toMatch(/blocked by connect-src/);
  // The only error is the browser reporting that refusal.
  expect(errors.every((text) => /Content Security Policy/.test(text))).toBe(true);
  await context.close();
});

test('a canvas nobody shared never talks to the sync server', async ({ browser }) => {
  const { context, page, errors, requests } = await syncContext(browser);
  const library = new LibraryPage(page);
  await library.goto();
  const canvas = await library.createCanvas('Kept on this device');
  await canvas.addCard('Outcome', 'Fewer families reach crisis');
  // Nor does the page load the sharing code (Yjs, the provider, the QR code); the service worker
  // may precache it for offline use, which is not the page running it.
  const sharingCode = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /sharedSession|InviteDialog|DotsDialog/.test(name)),
    );
  expect(await sharingCode()).toEqual([]);
  await canvas.reload();
  expect(await sharingCode()).toEqual([]);
  await expect(page.getByRole('heading', { level: 1, name: 'Kept on this device' })).toBeVisible();
  expect(requests.filter((line) => /\/(sync|api)\b/.test(line))).toEqual([]);

  expect(errors).toEqual([]);
  await context.close();
});
