/**
 * The first screen is prerendered into index.html at build time, so it is
 * painted before any JavaScript has run; the app then replaces it with the
 * live screen for whatever address was opened.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Everything the page's main area shows, recorded from the very first paint of each page load (`innerText`:
 * React keeps the screen being left on the page, hidden, beside "Loading…").
 */
async function recordMainTexts(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { mainTexts: string[] }).mainTexts = seen;
    new MutationObserver(() => {
      const main = document.querySelector('#root > main');
      if (main instanceof HTMLElement) seen.push(main.innerText);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}
/** The texts recorded that show the app's "Loading…" (a line of its own). */
const loadingShown = async (page: Page) => (await mainTexts(page)).filter((text) => /^Loading…$/m.test(text));
const mainTexts = (page: Page) => page.evaluate(() => (window as unknown as { mainTexts: string[] }).mainTexts);

test.describe('before any JavaScript runs', () => {
  test.use({ javaScriptEnabled: false });

  test('the library’s first screen is already on the page, styled, and not yet usable', async ({ page }) => {
    await page.goto('/');
    // Hidden from assistive technology until it is live, so these are found by their tags, not their roles.
    await expect(page.locator('h1')).toHaveText('Your canvases');
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('header nav a')).toHaveText(['Canvases', 'Templates', 'Storage', 'Sources']);
    await expect(page.getByText('Loading your canvases…')).toBeVisible();
    // The header is laid out as a bar (shell.css), so the page's own styles apply before any script.
    const header = await page.locator('header').boundingBox();
    const link = await page.locator('header a').first().boundingBox();
    const nav = await page.locator('header nav').boundingBox();
    expect(Math.abs(link!.y - nav!.y)).toBeLessThan(header!.height);
    // The app's code comes after this paint, yet the styles of what it shows first are already here (its save dot).
    const dot = page.locator('.save-indicator__dot');
    expect(await dot.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect((await dot.boundingBox())!.width).toBeGreaterThan(0);
    // A picture until the app is live: nothing in it takes focus or a click.
    await expect(page.locator('#root > .prerendered')).toHaveAttribute('inert', '');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#root') ?? null)).toBeNull();
  });
});

test('the app replaces the prerendered screen with the live one', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your canvases' })).toBeVisible();
  await expect(page.locator('.prerendered')).toHaveCount(0);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'No canvases yet' })).toBeVisible();
  // Live: the first Tab reaches the skip link, and the form works.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.getByLabel('New canvas title').fill('Prerendered, then live');
  await page.getByRole('button', { name: 'Create canvas' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Prerendered, then live');
});

test('the library’s first screen is on the screen before any of the app’s code is fetched', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your canvases' })).toBeVisible();
  await expect(page.locator('.prerendered')).toHaveCount(0);
  // The first paint's time is when its frame reached the screen; the app's code (boot) is fetched after that,
  // so on a slow network the first screen never shares the line with it.
  const { firstPaint, appCode } = await page.evaluate(() => ({
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    appCode:
      performance
        .getEntriesByType('resource')
        .filter((entry) => /\/assets\/boot-[\w-]+\.js$/.test(entry.name))
        .map((entry) => entry.startTime)[0] ?? null,
  }));
  expect(firstPaint, 'the first contentful paint is reported').not.toBeNull();
  expect(appCode, 'the app’s code was fetched').not.toBeNull();
  expect(appCode!).toBeGreaterThanOrEqual(firstPaint!);
});

test('an address other than the library opens its own screen, with nothing of the library left', async ({ page }) => {
  await page.goto('/#/sources');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Your canvases');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('.prerendered')).toHaveCount(0);
});

test('a link straight to a canvas shows the canvas with no “Loading…” in between', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('New canvas title').fill('Opened by its address');
  await page.getByRole('button', { name: 'Create canvas' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Opened by its address');
  const address = page.url().replace('/step/outcome', '/board');
  await recordMainTexts(page);
  await page.goto('about:blank'); // a new page load, not a change of the address's hash
  await page.goto(address);
  await expect(page.getByRole('list', { name: 'Cards in Outcome' })).toBeVisible();
  const texts = await mainTexts(page);
  expect(texts.length).toBeGreaterThan(0);
  expect(await loadingShown(page)).toEqual([]);
});

test.describe('opening a canvas from the library', () => {
  /** A canvas made, then the library in a new page load, recorded from its first paint: the canvas screen's code is not here yet. */
  async function libraryWithCanvas(page: Page, title: string) {
    await page.goto('/');
    await page.getByLabel('New canvas title').fill(title);
    await page.getByRole('button', { name: 'Create canvas' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
    await recordMainTexts(page);
    await page.goto('about:blank');
    await page.goto('/');
  }

  test('a click the moment the list shows opens the canvas with no “Loading…” in between', async ({ page }) => {
    await libraryWithCanvas(page, 'Opened from the list');
    await page.getByRole('link', { name: 'Opened from the list' }).click();
    await expect(page.getByRole('list', { name: 'Cards in Outcome' })).toBeVisible();
    await expect(page).toHaveURL(/#\/canvas\/[^/]+\/step\/outcome$/);
    const texts = await mainTexts(page);
    expect(texts.some((text) => text.includes('Opened from the list'))).toBe(true);
    expect(await loadingShown(page)).toEqual([]);
  });

  test('from the keyboard, and back and forth, never with “Loading…”', async ({ page }) => {
    await libraryWithCanvas(page, 'Opened by keyboard');
    await page.getByRole('link', { name: 'Opened by keyboard' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Opened by keyboard');
    await page.getByRole('link', { name: 'Canvases', exact: true }).click();
    await page.getByRole('link', { name: 'Opened by keyboard' }).click();
    await expect(page.getByRole('list', { name: 'Cards in Outcome' })).toBeVisible();
    expect(await loadingShown(page)).toEqual([]);
  });

  test('the canvas screen’s code is fetched once a person is there, not during a page load nobody watches', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (/\/CanvasScreen-[^/]*\.js$/.test(request.url())) fetched.push(request.url());
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'No canvases yet' })).toBeVisible();
    // A page load nobody interacts with (a Lighthouse run) leaves it: evaluating it is a long task.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300))));
    expect(fetched).toEqual([]);
    const request = page.waitForRequest(/\/CanvasScreen-[^/]*\.js$/);
    await page.mouse.move(200, 300);
    await request;
  });
});
