/**
 * The first screen is prerendered into index.html at build time, so it is
 * painted before any JavaScript has run; the app then replaces it with the
 * live screen for whatever address was opened.
 */
import { expect, test } from './fixtures';

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
  // Everything the page's main area says until the canvas shows, recorded from the very first paint.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { mainTexts: string[] }).mainTexts = seen;
    new MutationObserver(() => {
      const main = document.querySelector('#root > main');
      if (main) seen.push(main.textContent ?? '');
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto('about:blank'); // a new page load, not a change of the address's hash
  await page.goto(address);
  await expect(page.getByRole('list', { name: 'Cards in Outcome' })).toBeVisible();
  const texts = await page.evaluate(() => (window as unknown as { mainTexts: string[] }).mainTexts);
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.filter((text) => text.startsWith('Loading…'))).toEqual([]);
});
