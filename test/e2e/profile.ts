/**
 * A second, fresh browser profile in the same test: a new context with empty
 * storage, as on another computer. The fixture's guard watches only the
 * test's own context, so this one gets the same checks: a console error, an
 * uncaught exception or a request to another origin fails the test.
 */
import { type Browser, type Page, test } from '@playwright/test';
import { expect, installGuard, problemsSeen } from './fixtures';

/** Runs `run` with a page in a fresh profile, then closes it; fails if the guard saw anything. */
export async function inFreshProfile<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  // browser.newContext() in the test runner takes the config's `use` options (baseURL, viewport, locale).
  const context = await browser.newContext();
  const guard = installGuard(context);
  try {
    const result = await run(await context.newPage());
    expect(problemsSeen(guard), 'the app in the fresh profile must not log errors, throw, or contact other origins').toEqual([]);
    return result;
  } finally {
    const problems = problemsSeen(guard);
    if (problems.length)
      await test.info().attach('browser problems (fresh profile)', { body: problems.join('\n\n'), contentType: 'text/plain' });
    await context.close();
  }
}
