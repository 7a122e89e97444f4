/**
 * The shared test fixture. Every spec imports `test` and `expect` from here.
 *
 * It fails a test when, anywhere in the test's browser context (every page,
 * including pages opened during the test):
 * - the app logs a console error or throws an uncaught exception;
 * - anything asks for a URL on another origin than the app's own. The
 *   browser cannot reach such a URL (the config's host resolver rule), so the
 *   test sees the app working offline.
 *
 * Problems are recorded as they happen and asserted when the test ends, so
 * the report lists all of them, not just the first.
 */
import { type BrowserContext, test as base, expect } from '@playwright/test';
import { APP_ORIGIN } from '../../playwright.config';
import { CanvasPage } from './pages/CanvasPage';
import { LibraryPage } from './pages/LibraryPage';

export { APP_ORIGIN };

/** blob: and data: URLs are made in the page itself; they are not requests to another origin. */
function originOf(url: string, own: string): string {
  if (url.startsWith('data:') || url.startsWith('about:')) return own;
  try {
    return new URL(url).origin; // blob:http://127.0.0.1:4322/... has the app's origin
  } catch {
    return `unparseable: ${url}`;
  }
}

export interface Guard {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
}

/** Records a context's problems; `origin` is the app's own (the sync server's for the sharing specs). */
export function installGuard(context: BrowserContext, origin = APP_ORIGIN): Guard {
  const guard: Guard = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  context.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      guard.consoleErrors.push(`${message.text()}${url ? ` (at ${url}:${lineNumber})` : ''}`);
    }
  });
  context.on('weberror', (error) => guard.pageErrors.push(String(error.error().stack ?? error.error())));
  // A listener, not a route: routing pauses every request for the test runner and turns the HTTP cache off,
  // which on a busy 2-core machine cost a sixth of the sharing specs' CPU time.
  context.on('request', (request) => {
    if (originOf(request.url(), origin) !== origin) guard.foreignRequests.push(`${request.method()} ${request.url()}`);
  });
  return guard;
}

/** What the guard saw, one line each: a test passes only when this is empty. */
export function problemsSeen(guard: Guard): string[] {
  return [
    ...guard.consoleErrors.map((text) => `console error: ${text}`),
    ...guard.pageErrors.map((text) => `uncaught exception: ${text}`),
    ...guard.foreignRequests.map((text) => `request to another origin: ${text}`),
  ];
}

interface Fixtures {
  /** Records console errors, uncaught exceptions and requests to other origins; fails the test if any. */
  guard: Guard;
  library: LibraryPage;
}

export const test = base.extend<Fixtures>({
  guard: [
    async ({ context }, provide, testInfo) => {
      const guard = installGuard(context);
      await provide(guard);
      const problems = problemsSeen(guard);
      if (problems.length) await testInfo.attach('browser problems', { body: problems.join('\n\n'), contentType: 'text/plain' });
      expect(problems, 'the app must not log errors, throw, or contact other origins').toEqual([]);
    },
    { auto: true },
  ],
  // (Named `provide`, not `use`, so the React hooks lint rule does not mistake it for React's `use`.)
  library: async ({ page }, provide) => {
    await provide(new LibraryPage(page));
  },
});

export { expect, CanvasPage, LibraryPage };
