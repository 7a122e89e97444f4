/**
 * Choosing cards (issue 9, item 3): dot votes entered by a scribe from the
 * keyboard (+, -, V for a number), the Agreed mark (A), sorting a step by
 * votes; all of it kept through a reload, a second tab, undo and redo, the
 * Markdown file and a backup.
 */
import type { Page } from '@playwright/test';
import { focusedElement } from './keyboard';
import { CanvasPage } from './pages/CanvasPage';
import { ImportPanel } from './pages/ImportPanel';
import { WorkshopPage } from './pages/WorkshopPage';
import { inFreshProfile } from './profile';
import { LibraryPage, expect, test } from './fixtures';

async function expectFocusOn(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await expect(locator, `focus is on ${await focusedElement(page)}`).toBeFocused();
}

const votesOn = (canvas: CanvasPage, n: number) => canvas.card('Outcome', n).getByTestId('card-votes');
const agreedOn = (canvas: CanvasPage, n: number) => canvas.card('Outcome', n).getByText('✓ Agreed');

async function threeOutcomes(library: LibraryPage): Promise<CanvasPage> {
  await library.goto();
  const canvas = await library.createCanvas('Choosing outcomes');
  for (const text of ['Families stay housed', 'Children ready for school', 'Cleaner air near schools'])
    await canvas.addCard('Outcome', text, { paste: true });
  await canvas.page.keyboard.press('Escape');
  return canvas;
}

test('a scribe enters votes and marks a card agreed from the keyboard, then sorts the step by votes', async ({ library, page }) => {
  const canvas = await threeOutcomes(library);
  const card = await canvas.focusCard('Outcome', 3);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('=');
  await expect(votesOn(canvas, 3)).toHaveText('3 votes');
  await expect(card).toHaveAccessibleDescription(/3 votes/);
  await expect(page.getByTestId('canvas-announcer')).toHaveText(/Card 3 in Outcome: 3 votes\./);
  await page.keyboard.press('-');
  await expect(votesOn(canvas, 3)).toHaveText('2 votes');
  await expectFocusOn(page, card);

  // A number read off the paper: V opens a box for it; too many is refused in words.
  await page.keyboard.press('ArrowLeft');
  await expectFocusOn(page, canvas.card('Outcome', 2));
  await page.keyboard.press('v');
  const dialog = page.getByRole('dialog', { name: 'Votes on card 2 in Outcome' });
  const number = dialog.getByRole('spinbutton', { name: 'Number of votes (0 to 999)' });
  await expectFocusOn(page, number);
  await page.keyboard.type('1000');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('A card can hold at most 999 votes; 1,000 is more than that.');
  await expectFocusOn(page, number);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expectFocusOn(page, canvas.card('Outcome', 2));
  await expect(votesOn(canvas, 2)).toHaveText('1 vote');

  // Agreed, by key and in the menu (a checked item).
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('a');
  await expect(agreedOn(canvas, 3)).toBeVisible();
  await expect(canvas.card('Outcome', 3)).toHaveAccessibleDescription(/agreed/);
  await page.keyboard.press('m');
  await expect(canvas.cardMenu('Outcome', 3).getByRole('menuitemcheckbox', { name: 'Agreed' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expectFocusOn(page, canvas.card('Outcome', 3));

  // Sort by votes: most first, one undoable step; the button keeps focus.
  const sort = page.getByRole('button', { name: 'Sort by votes in Outcome' });
  await expect(page.getByText('3 votes in this step.')).toBeVisible();
  await sort.focus();
  await page.keyboard.press('Enter');
  await canvas.expectCards('Outcome', ['Cleaner air near schools', 'Children ready for school', 'Families stay housed']);
  await expectFocusOn(page, page.getByRole('button', { name: 'Sorted by votes in Outcome' }));
  await page.keyboard.press('Control+z');
  await canvas.expectCards('Outcome', ['Families stay housed', 'Children ready for school', 'Cleaner air near schools']);
});

test('votes and agreed marks survive a reload, reach a second tab, undo and redo, the Markdown file and a backup', async ({
  library,
  page,
  context,
  browser,
}, testInfo) => {
  const canvas = await threeOutcomes(library);
  await canvas.focusCard('Outcome', 1);
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await page.keyboard.press('a');
  await expect(votesOn(canvas, 1)).toHaveText('4 votes');

  // Undo and redo take the mark and the votes back and forth.
  await page.keyboard.press('Control+z');
  await expect(agreedOn(canvas, 1)).toBeHidden();
  await page.keyboard.press('Control+z');
  await expect(votesOn(canvas, 1)).toHaveText('3 votes');
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(votesOn(canvas, 1)).toHaveText('4 votes');
  await expect(agreedOn(canvas, 1)).toBeVisible();
  await canvas.expectSaved();

  await canvas.reload();
  await expect(votesOn(canvas, 1)).toHaveText('4 votes');
  await expect(agreedOn(canvas, 1)).toBeVisible();

  // A second tab sees what the first does.
  const other = await context.newPage();
  await other.goto(page.url());
  const second = new CanvasPage(other);
  await second.waitUntilOpen();
  await expect(votesOn(second, 1)).toHaveText('4 votes');
  await canvas.focusCard('Outcome', 2);
  await page.keyboard.press('+');
  await page.keyboard.press('a');
  await expect(votesOn(second, 2)).toHaveText('1 vote', { timeout: 3000 });
  await expect(agreedOn(second, 2)).toBeVisible({ timeout: 3000 });
  await other.close();
  await canvas.expectSaved();

  // The Markdown file carries them into a fresh profile.
  const exportView = await canvas.openExport();
  const [download] = await Promise.all([page.waitForEvent('download'), exportView.downloadButton.click()]);
  const file = testInfo.outputPath('choosing.md');
  await download.saveAs(file);
  await inFreshProfile(browser, async (fresh) => {
    const freshLibrary = new LibraryPage(fresh);
    await freshLibrary.goto();
    await new ImportPanel(fresh).importFile(file);
    const imported = new CanvasPage(fresh);
    await imported.waitUntilOpen();
    await expect(votesOn(imported, 1)).toHaveText('4 votes');
    await expect(agreedOn(imported, 1)).toBeVisible();
    await expect(votesOn(imported, 2)).toHaveText('1 vote');
    await expect(agreedOn(imported, 2)).toBeVisible();
    await expect(votesOn(imported, 3)).toBeHidden();
  });
  // A backup of all canvases, from the library, restores them too.
  await canvas.allCanvasesLink.click();
  const backupDownload = await new ImportPanel(page).downloadBackup();
  const backupFile = testInfo.outputPath(backupDownload.suggestedFilename());
  await backupDownload.saveAs(backupFile);
  await inFreshProfile(browser, async (fresh) => {
    const freshLibrary = new LibraryPage(fresh);
    await freshLibrary.goto();
    await new ImportPanel(fresh).importFile(backupFile);
    const restored = await freshLibrary.open('Choosing outcomes');
    await expect(votesOn(restored, 1)).toHaveText('4 votes');
    await expect(agreedOn(restored, 2)).toBeVisible();
  });
});

test('clearing every vote for a new round says how many went, and its Undo puts them back', async ({ library, page }) => {
  const canvas = await threeOutcomes(library);
  await canvas.focusCard('Outcome', 1);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await canvas.focusCard('Outcome', 3);
  await page.keyboard.press('+');
  await expect(votesOn(canvas, 1)).toHaveText('2 votes');

  const workshop = new WorkshopPage(page);
  await workshop.open();
  await expect(page.getByText('3 votes on the canvas.')).toBeVisible();
  const clear = page.getByRole('button', { name: 'Clear all votes for a new round' });
  await clear.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('0 votes on the canvas.')).toBeVisible();
  await expect(canvas.toast).toContainText('3 votes cleared for a new round.');
  // The button has nothing left to clear, and keeps focus.
  await expect(clear).toHaveAttribute('aria-disabled', 'true');
  await expectFocusOn(page, clear);

  await canvas.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('3 votes on the canvas.')).toBeVisible();
  await canvas.stepByStepLink.click();
  await expect(votesOn(canvas, 1)).toHaveText('2 votes');
  await expect(votesOn(canvas, 3)).toHaveText('1 vote');
});
