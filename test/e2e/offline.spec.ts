/**
 * Offline and updates: after one visit the app opens and works with no
 * network (every lazy chunk and the preset templates are precached by the
 * service worker); a new version waiting in the background is announced and
 * installed only when the user chooses, with their last edit saved first.
 * Nothing in these tests breaks the page's Content-Security-Policy.
 */
import type { Page } from '@playwright/test';
import { watchCsp } from './csp';
import { CanvasPage, type LibraryPage, expect, test } from './fixtures';
import { chooseFromMenu } from './keyboard';
import { ImportPanel } from './pages/ImportPanel';
import { PresentingPage } from './pages/PresentingPage';
import { WorkshopPage } from './pages/WorkshopPage';

watchCsp(test);

/** Waits until the service worker has installed (precached everything) and is active. */
async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

const controllerScript = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);

const MARKDOWN_FILE = {
  name: 'offline-import.md',
  text: [
    '---',
    'format: outcome-canvas',
    'version: 1',
    '---',
    '',
    '# Imported with no network',
    '',
    '## 1. Outcome',
    '',
    '- A card from a file',
    '',
  ].join('\n'),
};

/** One visit, then the network goes: the next load comes from the service worker. */
async function goOfflineAfterOneVisit(page: Page, library: LibraryPage): Promise<void> {
  await library.goto();
  await waitForOfflineReady(page);
  await page.context().setOffline(true);
  await page.reload();
  await expect(library.heading).toBeVisible();
  expect(await controllerScript(page), 'the page is served by the service worker').toMatch(/\/sw\.js$/);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
}

test('offline from the first reload on: open, create, edit and export', async ({ library, page }) => {
  await goOfflineAfterOneVisit(page, library);
  // The page from the cache has the same policy as the one from the server.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'self'/);
  // The icon the page names for its tab, and the one a browser asks for when a page names none (a text file of the
  // site, a bookmark), are there too, not a 404.
  const icons = await page.evaluate(async () => {
    const named = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? 'no icon named';
    return Promise.all(
      [named, '/favicon.ico'].map(async (url) => {
        const response = await fetch(url);
        return `${response.status} ${response.headers.get('content-type')}`;
      }),
    );
  });
  expect(icons).toEqual([expect.stringMatching(/^200 image\//), expect.stringMatching(/^200 image\//)]);

  // Create and edit (the canvas screen is a lazy chunk).
  const canvas = await library.createCanvas('Made offline');
  await canvas.addCard('Outcome', 'Typed with no network');
  await canvas.setCheck('Outcome', 'Trust', 'Concern raised', 'Raised offline');
  await canvas.expectSaved();

  // Export (a lazy chunk): preview, text and download.
  const exportView = await canvas.openExport();
  await exportView.showPreview();
  await expect(exportView.preview).toContainText('Typed with no network');
  const markdown = await exportView.showMarkdownText();
  expect(markdown).toContain('# Made offline');
  expect(markdown).toContain('- Typed with no network');
  expect((await exportView.download()).text).toBe(markdown);

  // Still offline, a reload brings it back.
  await canvas.allCanvasesLink.click();
  await page.reload();
  await expect(library.progress('Made offline')).toContainText('Cards: 1');
  await expect(library.progress('Made offline')).toContainText('Open concerns: 1');
});

test('offline from the first reload on: the templates gallery and importing a file work', async ({ library, page }) => {
  await goOfflineAfterOneVisit(page, library);

  // Templates (a lazy chunk, and the presets are bundled chunks of their own): use one.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  const presets = page.getByRole('region', { name: 'Ready-made templates' }).getByRole('listitem');
  await expect(presets).toHaveCount(3);
  await presets
    .filter({ hasText: 'Tackling Racial Inequality' })
    .getByRole('button', { name: /^Use this template/ })
    .click();
  await page
    .getByRole('dialog', { name: /^New canvas from “/ })
    .getByRole('button', { name: 'Create canvas' })
    .click();
  const fromTemplate = new CanvasPage(page);
  await expect(fromTemplate.titleInput).toHaveValue('Tackling racial inequality');
  await expect(fromTemplate.cardText('Outcome', 1)).toHaveText(/ethnic group/);

  // Import a Markdown file with the file picker (the parser is a lazy chunk).
  await library.goto();
  await new ImportPanel(page).importFile(MARKDOWN_FILE);
  const imported = new CanvasPage(page);
  await expect(imported.titleInput).toHaveValue('Imported with no network');
  await imported.expectCards('Outcome', ['A card from a file']);

  // The storage screen (a lazy chunk) opens too, and says where the canvases are.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Storage' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Storage and backups' })).toBeVisible();
  await expect(page.getByText('In this browser, on this computer (IndexedDB).')).toBeVisible();

  await library.goto();
  await page.reload();
  await expect(library.canvasTitles()).toHaveText(['Imported with no network', 'Tackling racial inequality']);
});

test('offline from the first reload on: a whole workshop runs (present, timer, votes, agreed, park, actions, wrap-up)', async ({
  library,
  page,
}) => {
  await goOfflineAfterOneVisit(page, library);
  const canvas = await library.createCanvas('Workshop with no network');
  for (const text of ['Families stay housed', 'Fewer exclusions']) await canvas.addCard('Outcome', text, { paste: true });
  await page.keyboard.press('Escape');

  // Presenting mode, the timer, a vote, Agreed and a park, by keyboard.
  await canvas.focusCard('Outcome', 1);
  await page.keyboard.press('p');
  const presenting = new PresentingPage(page);
  await presenting.expectOnStep('Outcome', 1);
  await page.keyboard.press('t');
  await canvas.card('Outcome', 1).focus();
  await page.keyboard.press('+');
  await page.keyboard.press('a');
  await expect(canvas.card('Outcome', 1)).toContainText('✓ Agreed');
  await canvas.card('Outcome', 2).focus();
  await page.keyboard.press('m');
  await chooseFromMenu(page, 'Park this card');
  await canvas.expectCards('Outcome', ['Families stay housed']);
  await page.keyboard.press('Escape');

  // The Workshop view: the timer runs, the parked card is listed, an action is added.
  const workshop = new WorkshopPage(page);
  await workshop.open();
  await expect(workshop.timer('Outcome').getByRole('button', { name: /^Pause/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Parking lot (1)' })).toBeVisible();
  await page.getByRole('textbox', { name: 'What needs doing' }).fill('Ask the youth panel');
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('heading', { name: 'Action log (1 open of 1)' })).toBeVisible();

  // The wrap-up, then a reload with still no network: all of it is there, the timer still running.
  await canvas.views.getByRole('link', { name: 'Wrap-up', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Wrap-up' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Families stay housed');
  await canvas.expectSaved();
  await page.reload();
  await workshop.open();
  await expect(workshop.timer('Outcome').getByRole('button', { name: /^Pause/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Parking lot (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Action log (1 open of 1)' })).toBeVisible();
});

test('a new version deployed while a canvas is open: announced, installed on request, and the last edit is kept', async ({
  library,
  page,
}) => {
  await library.goto();
  await waitForOfflineReady(page);
  // A second load, so that the page is controlled by the service worker (as on every visit after the first).
  await page.reload();
  await expect(library.heading).toBeVisible();
  expect(await controllerScript(page)).toMatch(/\/sw\.js$/);

  const canvas = await library.createCanvas('Open during an update');
  await canvas.addCard('Outcome', 'Saved before the update', { paste: true });
  await canvas.expectSaved();

  // "Deploying a new version": a new service worker script for the same
  // scope is installed in the background. The server cannot be rebuilt
  // mid-test, and the browser fetches a worker's script outside Playwright's
  // routing, so the new version is the same build under a new script URL.
  // To the page this is what a real deploy looks like when found later than
  // just after load: an update found outside workbox-window's own register.
  await page.evaluate(() => navigator.serviceWorker.register('/sw.js?deploy=2'));
  const banner = page.getByRole('status').filter({ hasText: 'A new version of Outcome Canvas is ready.' });
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText('Your work is saved first.');
  // Nothing changes until the user chooses: still the old worker, still editing.
  expect(await controllerScript(page)).toMatch(/\/sw\.js$/);

  // An edit typed just before choosing to update (inside the autosave delay).
  await canvas.editCard('Outcome', 1);
  await page.keyboard.type(', and this');
  const reloaded = page.waitForEvent('load');
  await banner.getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;

  await canvas.waitUntilOpen();
  expect(await controllerScript(page), 'the new version now runs the page').toMatch(/\/sw\.js\?deploy=2$/);
  await canvas.expectCards('Outcome', ['Saved before the update, and this']);
  await canvas.expectSaved();
});
