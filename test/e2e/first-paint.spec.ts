/**
 * At a whole board's address, the board is painted from storage before the app's code has loaded
 * (src/app/firstPaint.ts), and the live board then takes its place. These tests hold the app's
 * code back (so the service worker is blocked: requests it served would not reach `page.route`).
 */
import type { Page } from '@playwright/test';
import { CanvasPage, expect, test } from './fixtures';
import { paintedBoxesOf } from './painted';

test.use({ serviceWorkers: 'block' });

/** Holds back the requests for one of the app's chunks until released. */
async function holdChunk(page: Page, name: string): Promise<{ requested: Promise<void>; release: () => void }> {
  let release!: () => void;
  let requested!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const asked = new Promise<void>((resolve) => (requested = resolve));
  await page.route(new RegExp(`/assets/${name}-[\\w-]+\\.js$`), async (route) => {
    requested();
    await held;
    await route.continue();
  });
  return { requested: asked, release };
}

/** Records, from the page's first moment, whether a picture of the board was ever painted. */
async function watchForPicture(page: Page): Promise<() => Promise<boolean>> {
  await page.addInitScript(() => {
    const seen = { painted: false };
    (window as unknown as { firstPaintSeen: typeof seen }).firstPaintSeen = seen;
    new MutationObserver(() => {
      if (document.querySelector('#root > [data-first-paint]')) seen.painted = true;
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-first-paint'] });
  });
  return () => page.evaluate(() => (window as unknown as { firstPaintSeen: { painted: boolean } }).firstPaintSeen.painted);
}

const HOSTILE = '<img src=x onerror="window.hacked = 1">';

test('the board shows from storage before the app loads, then the live board takes its place without moving a card', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Painted first');
  await canvas.openWholeBoard();
  await canvas.addCard('Outcome', 'Fewer evictions');
  await canvas.addCard('Outcome', HOSTILE);
  await canvas.addCard('Action', 'Housing officers get a weekly list');
  await page.keyboard.press('Escape');
  await canvas.expectSaved();

  const app = await holdChunk(page, 'boot');
  await page.reload();
  const picture = page.locator('#root > .prerendered[data-first-paint]');
  await expect(picture).toBeVisible();
  await app.requested; // the app's code is on its way, and held: this is the picture alone
  // A picture: hidden from assistive technology and out of reach until the live board replaces it.
  await expect(picture).toHaveAttribute('inert', '');
  await expect(picture).toHaveAttribute('aria-hidden', 'true');
  await expect(picture.locator('.step__title')).toHaveText(['Outcome', 'Action', 'Insight', 'Enablers']);
  await expect(picture.locator('.card-list[data-step="outcome"] .card__text')).toHaveText(['Fewer evictions', HOSTILE]);
  await expect(picture.locator('.card-list[data-step="action"] .card__text')).toHaveText(['Housing officers get a weekly list']);
  await expect(picture.locator('.canvas-title-input')).toHaveValue('Painted first');
  await expect(page).toHaveTitle('Whole board – Painted first – Outcome Canvas');
  // User text is text: no image made of it, no script run.
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  const boxes = () => paintedBoxesOf(page.locator('[data-card-id]'));
  const painted = await boxes();

  app.release();
  await expect(picture).toHaveCount(0);
  await expect(canvas.cards('Outcome')).toHaveCount(2);
  expect(await boxes()).toEqual(painted);
  // Live: a card takes an edit, and the edit survives a reload (now with the app's code let through).
  await canvas.setCardText('Action', 1, 'Housing officers get a weekly list, checked by a named officer');
  await page.keyboard.press('Escape');
  await canvas.expectSaved();
  await page.reload();
  await canvas.expectCards('Action', ['Housing officers get a weekly list, checked by a named officer']);
  await canvas.expectCards('Outcome', ['Fewer evictions', HOSTILE]);
});

test('an edit made in another tab while the board is painted from storage shows on the live board, not the painted text', async ({
  library,
  page,
  context,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Two tabs');
  await canvas.openWholeBoard();
  await canvas.addCard('Outcome', 'Written in this tab');
  await page.keyboard.press('Escape');
  await canvas.expectSaved();

  const app = await holdChunk(page, 'boot');
  await page.reload();
  const picture = page.locator('#root > .prerendered[data-first-paint]');
  await expect(picture.locator('.card-list[data-step="outcome"] .card__text')).toHaveText(['Written in this tab']);
  await app.requested; // the app's code is held: the canvas was read, and the app has not read it yet

  // Meanwhile, in another tab of the same browser, someone changes the card.
  const other = await context.newPage();
  await other.goto(page.url());
  const second = new CanvasPage(other);
  await second.setCardText('Outcome', 1, 'Changed in the other tab');
  await other.keyboard.press('Escape');
  await second.expectSaved();

  app.release();
  await expect(picture).toHaveCount(0);
  await canvas.expectCards('Outcome', ['Changed in the other tab']);
  await other.close();
  // And it is what stays: this tab's next edit keeps the other tab's text.
  await canvas.addCard('Outcome', 'Added after');
  await page.keyboard.press('Escape');
  await canvas.expectSaved();
  await page.reload();
  await canvas.expectCards('Outcome', ['Changed in the other tab', 'Added after']);
});

test('nothing is painted, and no database made, at a canvas address in a browser that has none', async ({ page }) => {
  const painted = await watchForPicture(page);
  // Storage's code (Dexie) held back: whatever made a database before it loads would be the first paint's read.
  const storage = await holdChunk(page, 'openRepository');
  await page.goto('/#/canvas/nowhere/board');
  await storage.requested;
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).toEqual([]);
  storage.release();
  await expect(page.getByRole('heading', { name: 'Canvas not found' })).toBeVisible();
  expect(await painted()).toBe(false);
});

test('nothing is painted for a missing canvas or a damaged record, and the app opens as it always does', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Damaged later');
  await canvas.openWholeBoard();
  await canvas.addCard('Outcome', 'Kept card');
  await page.keyboard.press('Escape');
  await canvas.expectSaved();
  const address = page.url();
  const painted = await watchForPicture(page);

  // As it is, the canvas is painted first (a new page load each time, not a change of the address's hash).
  await page.goto('about:blank');
  await page.goto(address);
  await expect(canvas.cards('Outcome')).toHaveCount(1);
  expect(await painted()).toBe(true);

  await page.goto('about:blank');
  await page.goto(address.replace(/canvas\/[^/]+/, 'canvas/not-this-one'));
  await expect(page.getByRole('heading', { name: 'Canvas not found' })).toBeVisible();
  expect(await painted()).toBe(false);

  // A card record this version would never write (an unknown colour), beside the good one.
  await page.evaluate(
    ({ canvasId }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('outcome-canvas');
        request.onsuccess = () => {
          const db = request.result;
          const cards = db.transaction('cards', 'readwrite').objectStore('cards');
          const index = cards.index('canvasId').getAll(canvasId);
          index.onsuccess = () => {
            const [card] = index.result as Record<string, unknown>[];
            cards.put({ ...card, id: 'damaged', colour: 'plaid' });
            cards.transaction.oncomplete = () => {
              db.close();
              resolve();
            };
          };
        };
        request.onerror = () => reject(request.error);
      }),
    { canvasId: /canvas\/([^/]+)/.exec(address)![1]! },
  );
  await page.goto('about:blank');
  await page.goto(address);
  await expect(canvas.cards('Outcome').first()).toBeVisible();
  await canvas.expectCards('Outcome', ['Kept card']);
  expect(await painted()).toBe(false);
});
