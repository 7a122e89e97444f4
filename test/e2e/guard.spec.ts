/**
 * The fixture's guard is what fails a test on console errors, uncaught
 * exceptions and requests to other origins: check that it notices them.
 */
import { expect, problemsSeen, test } from './fixtures';

test('the guard sees console errors, uncaught exceptions and requests to other origins', async ({ library, page, guard }) => {
  await library.goto();
  expect(problemsSeen(guard)).toEqual([]);
  await page.evaluate(() => {
    console.error('a console error');
    setTimeout(() => {
      throw new Error('an uncaught exception');
    });
    new Image().src = 'https://example.org/tracker.png';
  });
  // These are the lines that fail a test when it ends.
  await expect.poll(() => problemsSeen(guard).join('\n')).toContain('console error: a console error');
  await expect.poll(() => problemsSeen(guard).join('\n')).toContain('uncaught exception: Error: an uncaught exception');
  await expect.poll(() => problemsSeen(guard)).toContain('request to another origin: GET https://example.org/tracker.png');

  // Seen; clear them so that this test itself passes.
  guard.consoleErrors.length = 0;
  guard.pageErrors.length = 0;
  guard.foreignRequests.length = 0;
});
