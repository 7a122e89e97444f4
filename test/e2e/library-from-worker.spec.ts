/**
 * A returning visitor's library comes in the page itself: the service worker writes the first
 * screenful of canvases from IndexedDB into the page it serves, so they show before any of the
 * app's code has arrived. Here the app's code is held back (taken out of the service worker's
 * cache and its requests held) to see the page as it is before the app runs.
 */
import type { BrowserContext, Page, Route } from '@playwright/test';
import { CanvasPage, expect, test } from './fixtures';
import { paintedBoxesAt, paintedBoxesOf } from './painted';

const APP_CODE = /\/assets\/[^/]+\.js$/;

/**
 * Holds every request for the app's JavaScript (or for the files `code` matches) until `release`; the
 * service worker's cached copies are removed first, or it would serve them.
 */
async function holdAppCode(page: Page, context: BrowserContext, code = APP_CODE): Promise<{ release: () => Promise<void> }> {
  await page.evaluate(async (source) => {
    const pattern = new RegExp(source);
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) if (pattern.test(new URL(request.url).pathname)) await cache.delete(request);
    }
  }, code.source);
  const held: Route[] = [];
  const hold = (route: Route) => void held.push(route);
  await context.route(code, hold);
  return {
    release: async () => {
      await context.unroute(code, hold);
      await Promise.all(held.map((route) => route.fallback()));
    },
  };
}

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** The list the service worker wrote, while the app has not run (the picture is still in the page). */
const servedTitles = (page: Page) => page.locator('#root > .prerendered .canvas-list > li h3');

test('a returning visitor’s canvases are listed before the app runs, user text as text, and a title opens its canvas', async ({
  library,
  page,
  context,
}) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  await library.goto();
  for (const title of ['Street lighting', '<img src=x onerror=alert(1)>', '"&\'<>']) {
    await library.createCanvas(title);
    await library.goto();
  }
  await expect(library.canvasTitles()).toHaveCount(3);
  await waitForServiceWorker(page);

  const app = await holdAppCode(page, context);
  await page.reload({ waitUntil: 'commit' });
  // Most recently edited first, as the library lists them, with the real count.
  await expect(servedTitles(page)).toHaveText(['"&\'<>', '<img src=x onerror=alert(1)>', 'Street lighting']);
  await expect(library.listHeading).toHaveText('3 canvases');
  await expect(page.locator('#root img')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '<img src=x onerror=alert(1)>', exact: true })).toBeVisible();
  // What cannot work before the app runs cannot be reached: the keyboard goes from title to title.
  await page.getByRole('link', { name: '<img src=x onerror=alert(1)>', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Street lighting', exact: true })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  await expect(page.locator('header a[href="#/sources"]')).toBeFocused(); // past the form, back to the main navigation

  // The title is a plain link: followed before the app runs, the app then opens that canvas.
  await page.getByRole('link', { name: 'Street lighting', exact: true }).click();
  await expect(page).toHaveURL(/#\/canvas\/[^/]+\/step\/outcome$/);
  await app.release();
  const canvas = new CanvasPage(page);
  await expect(canvas.titleInput).toHaveValue('Street lighting');
});

test('a title pressed while the app arrives still opens its canvas when released', async ({ library, page, context }) => {
  await library.goto();
  await library.createCanvas('Pressed as the app arrives');
  await library.goto();
  await waitForServiceWorker(page);
  const app = await holdAppCode(page, context);
  await page.reload({ waitUntil: 'commit' });
  const served = page.locator('#root > .prerendered .canvas-list > li h3 a');
  await expect(served).toHaveText(['Pressed as the app arrives']);
  const box = (await served.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // The app's code arrives and is ready to replace the served list while the button is still down: a
  // second's press, as a hesitant or slow hand makes. Replacing the link under the press would lose the click.
  const bootCode = page.waitForResponse(/\/assets\/boot-[^/]+\.js$/);
  await app.release();
  await bootCode;
  await page.waitForTimeout(1000);
  await page.mouse.up();
  await expect(page).toHaveURL(/#\/canvas\/[^/]+\/step\/outcome$/);
  await expect(new CanvasPage(page).titleInput).toHaveValue('Pressed as the app arrives');
});

test('after the app runs the list is the live one, and a reload serves what was changed', async ({ library, page, context }) => {
  await library.goto();
  await library.createCanvas('Before the rename');
  await library.goto();
  await waitForServiceWorker(page);
  await page.reload();
  // The app replaced the served list with the live one: its buttons work.
  await library.rename('Before the rename', 'After the rename');
  await expect(library.canvasTitles()).toHaveText(['After the rename']);

  const app = await holdAppCode(page, context);
  await page.reload({ waitUntil: 'commit' });
  await expect(servedTitles(page)).toHaveText(['After the rename']);
  await app.release();
  await expect(page.locator('.prerendered')).toHaveCount(0);
  await expect(library.canvasTitles()).toHaveText(['After the rename']);
});

test('the live list replaces the served one without moving it', async ({ library, page, context }) => {
  await library.goto();
  for (const title of ['First', 'Second']) {
    await library.createCanvas(title);
    await library.goto();
  }
  // The backup reminder, when due, comes in above the list after the app's first render (it moves
  // the live list as much): put off here, as a user does with "Not now".
  await page.getByRole('button', { name: 'Not now' }).click();
  await waitForServiceWorker(page);
  const app = await holdAppCode(page, context);
  await page.reload({ waitUntil: 'commit' });
  await expect(servedTitles(page)).toHaveCount(2);
  const boxes = () =>
    paintedBoxesAt(page, [
      'h1',
      '#canvas-list-heading',
      '#canvas-filter',
      '.canvas-list > li:nth-child(1)',
      '.canvas-list > li:nth-child(2)',
      '.canvas-list h3 a',
    ]);
  const served = await boxes();
  // Watched until the live list is in: the served list never gives way to "Loading…" or to nothing.
  await page.evaluate(() => {
    const watch = window as unknown as { listGone?: boolean };
    new MutationObserver(() => {
      if (document.querySelectorAll('.canvas-list > li').length === 0 || document.body.textContent!.includes('Loading your canvases'))
        watch.listGone = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await app.release();
  await expect(page.locator('.prerendered')).toHaveCount(0);
  await expect(library.canvasTitles()).toHaveText(['Second', 'First']);
  expect(await boxes()).toEqual(served);
  expect(await page.evaluate(() => (window as unknown as { listGone?: boolean }).listGone ?? false)).toBe(false);
});

/** Where the reminder, the list's heading and its first canvas are on the page. */
const reminderAndList = (page: Page) =>
  paintedBoxesAt(page, ['h1', '#backup-reminder-heading', '.banner .button-row', '#canvas-list-heading', '.canvas-list > li:nth-child(1)']);

test('the backup reminder, when due, is in the served page in its place: nothing moves when the app takes over', async ({
  library,
  page,
  context,
}) => {
  await library.goto();
  await library.createCanvas('Needs a backup');
  await library.goto();
  const reminder = page.getByRole('region', { name: 'Keep a copy of your canvases' });
  await expect(reminder).toContainText('You have not downloaded a backup yet.');
  await waitForServiceWorker(page);

  const app = await holdAppCode(page, context);
  await page.reload({ waitUntil: 'commit' });
  await expect(servedTitles(page)).toHaveText(['Needs a backup']);
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText('You have not downloaded a backup yet.');
  await expect(reminder.getByRole('button', { name: 'Not now' })).toBeVisible();
  const served = await reminderAndList(page);
  // Every layout shift from now on (what a person sees as the page jumping).
  await page.evaluate(() => {
    const watch = window as unknown as { shifted?: number };
    watch.shifted = 0;
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) watch.shifted! += (entry as PerformanceEntry & { value: number }).value;
    }).observe({ type: 'layout-shift' });
  });
  await app.release();
  await expect(page.locator('.prerendered')).toHaveCount(0);
  await expect(reminder.getByRole('button', { name: 'Not now' })).toBeEnabled();
  expect(await reminderAndList(page)).toEqual(served);
  expect(await page.evaluate(() => (window as unknown as { shifted?: number }).shifted)).toBe(0);

  // Put off: the next served page has no reminder, and neither has the app.
  await reminder.getByRole('button', { name: 'Not now' }).click();
  await expect(reminder).toHaveCount(0);
  const again = await holdAppCode(page, context);
  await page.reload({ waitUntil: 'commit' });
  await expect(servedTitles(page)).toHaveText(['Needs a backup']);
  await expect(reminder).toBeHidden();
  const withoutReminder = await page.locator('#canvas-list-heading').boundingBox();
  await again.release();
  await expect(page.locator('.prerendered')).toHaveCount(0);
  await expect(library.canvasTitles()).toHaveText(['Needs a backup']);
  await expect(reminder).toHaveCount(0);
  expect(await page.locator('#canvas-list-heading').boundingBox()).toEqual(withoutReminder);
});

test('a shared canvas is marked in the served list as in the live one', async ({ library, page, context }) => {
  await library.goto();
  for (const title of ['Shared by me', 'Shared with me', 'Not shared']) {
    await library.createCanvas(title);
    await library.goto();
  }
  await page.getByRole('button', { name: 'Not now' }).click();
  // What sharing leaves on the device (src/storage/sharing.ts): one record per shared canvas.
  await page.evaluate(() => {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('.canvas-list h3 a')) {
      const canvasId = /#\/canvas\/([^/]+)\//.exec(link.getAttribute('href')!)![1]!;
      const role = { 'Shared by me': 'facilitator', 'Shared with me': 'participant' }[link.textContent!];
      if (!role) continue;
      localStorage.setItem(
        `outcome-canvas:shared:${canvasId}`,
        JSON.stringify({
          canvasId,
          roomId: `room-${canvasId}`,
          role,
          secret: 'secret',
          inviteSecret: role === 'facilitator' ? 'invite' : null,
          participantId: 'me',
          participantKey: 'key',
          sharedAt: Date.now(),
        }),
      );
    }
  });
  await waitForServiceWorker(page);
  const app = await holdAppCode(page, context);
  await page.reload({ waitUntil: 'commit' });
  const served = page.locator('#root > .prerendered .canvas-list > li');
  await expect(served).toHaveCount(3);
  await expect(served.filter({ hasText: 'Shared by me' }).locator('.canvas-item__meta')).toContainText('· Shared by you');
  await expect(served.filter({ hasText: 'Shared with me' }).locator('.canvas-item__meta')).toContainText('· Shared with you');
  await expect(served.filter({ hasText: 'Not shared' }).locator('.canvas-item__meta')).not.toContainText('Shared');
  const metas = () => page.locator('.canvas-list .canvas-item__meta').allTextContents();
  const boxes = () => paintedBoxesOf(page.locator('.canvas-list > li'));
  const [servedMetas, servedBoxes] = [await metas(), await boxes()];
  await app.release();
  await expect(page.locator('.prerendered')).toHaveCount(0);
  await expect(library.canvasTitles()).toHaveText(['Not shared', 'Shared with me', 'Shared by me']);
  expect(await metas()).toEqual(servedMetas);
  expect(await boxes()).toEqual(servedBoxes);
});

test('at another address the served page holds none of the list, and shows none of the library', async ({ library, page, context }) => {
  await library.goto();
  await library.createCanvas('Not at the sources page');
  await library.goto();
  await waitForServiceWorker(page);
  const app = await holdAppCode(page, context);
  await page.goto('about:blank');
  await page.goto('/#/sources', { waitUntil: 'commit' });
  await expect(page.locator('#root > .prerendered h1')).toHaveText('Your canvases');
  await page.waitForFunction(() => document.readyState !== 'loading');
  // The worker sees the address and reads no list for it: the page goes out without waiting for one,
  // its links live as plain links.
  await expect(page.locator('#root > .prerendered')).toContainText('Loading your canvases…');
  await expect(page.locator('#root > .prerendered .canvas-list')).toHaveCount(0);
  await expect(page.getByText('Not at the sources page')).toHaveCount(0);
  await expect(page.locator('#root > .prerendered')).not.toHaveAttribute('inert');
  // Nothing of the library shows: not its heading; the header alone until the app comes.
  await expect(page.locator('#root > .prerendered h1')).toBeHidden();
  await expect(page.locator('#root > .prerendered header')).toBeVisible();
  await app.release();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Your canvases');
});

test('at a board’s address the board painted from storage shows in the served page, and none of the library', async ({
  library,
  page,
  context,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Painted in the served page');
  await canvas.openWholeBoard();
  await canvas.addCard('Outcome', 'Fewer evictions');
  await page.keyboard.press('Escape');
  await canvas.expectSaved();
  const board = page.url();
  await waitForServiceWorker(page);
  // Only the app's own code held back: the picture's code runs.
  const app = await holdAppCode(page, context, /\/assets\/boot-[^/]+\.js$/);
  await page.goto('about:blank');
  await page.goto(board, { waitUntil: 'commit' });
  const picture = page.locator('#root > .prerendered[data-first-paint]');
  await expect(picture.locator('.card-list[data-step="outcome"] .card__text')).toHaveText(['Fewer evictions']);
  await expect(picture.locator('.card-list[data-step="outcome"] .card__text')).toBeVisible();
  await expect(page.getByText('Your canvases')).toBeHidden();
  // A picture: nothing in it takes focus or a click, and assistive technology does not read it twice.
  await expect(picture).toHaveAttribute('inert', '');
  await expect(picture).toHaveAttribute('aria-hidden', 'true');
  await app.release();
  await expect(picture).toHaveCount(0);
  await canvas.expectCards('Outcome', ['Fewer evictions']);
});

test('no database: the plain page, and the service worker creates none', async ({ library, page, context }) => {
  await library.goto();
  await waitForServiceWorker(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('outcome-canvas');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  const app = await holdAppCode(page, context);
  await page.reload({ waitUntil: 'commit' });
  await expect(page.locator('#root > .prerendered')).toHaveAttribute('inert', '');
  await expect(page.locator('#root > .prerendered').getByText('Loading your canvases…')).toBeAttached();
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).not.toContain('outcome-canvas');
  await app.release();
  await expect(library.emptyState).toBeVisible();
});

test('a damaged summary: the plain page, and the app still lists the canvas', async ({ library, page, context }) => {
  await library.goto();
  await library.createCanvas('Summary damaged');
  await library.goto();
  await waitForServiceWorker(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('outcome-canvas');
        open.onsuccess = () => {
          const db = open.result;
          const summaries = db.transaction('summaries', 'readwrite').objectStore('summaries');
          const all = summaries.getAll();
          all.onsuccess = () => {
            summaries.put({ ...all.result[0], title: 42, counts: 'lots' });
            summaries.transaction.oncomplete = () => {
              db.close();
              resolve();
            };
          };
        };
        open.onerror = () => reject(open.error);
      }),
  );
  const app = await holdAppCode(page, context);
  await page.reload({ waitUntil: 'commit' });
  await expect(page.locator('#root > .prerendered').getByText('Loading your canvases…')).toBeAttached();
  await expect(servedTitles(page)).toHaveCount(0);
  await app.release();
  await expect(library.canvasTitles()).toHaveText(['Summary damaged']);
});
