/**
 * Full backups: "Download backup of all canvases", restoring it into a fresh
 * profile and where the canvases already are (Keep both, Replace, Cancel),
 * and a restore that cannot finish storing nothing at all.
 */
import type { Page } from '@playwright/test';
import { ImportPanel, downloadedText } from './pages/ImportPanel';
import { inFreshProfile } from './profile';
import { LibraryPage, expect, test } from './fixtures';

/** Two canvases with some work in them (more in the first when `detailed`); returns to the library. */
async function makeTwoCanvases(library: LibraryPage, { detailed = true } = {}): Promise<void> {
  await library.goto();
  let canvas = await library.createCanvas('Homelessness prevention');
  await canvas.addCard('Outcome', 'Families stay housed', { paste: true });
  if (detailed) {
    await canvas.descriptionInput.fill('Families at risk of eviction');
    await canvas.setColour('Outcome', 1, 'Blue');
    await canvas.addCard('Outcome', 'A card deleted before the backup', { paste: true });
    await canvas.deleteCard('Outcome', 2);
    await canvas.expectCards('Outcome', ['Families stay housed']);
    await canvas.setCheck('Outcome', 'Trust', 'Concern raised', 'Landlords may see the list');
    await canvas.openStep('Action');
    await canvas.addCard('Action', 'Housing officers call at the first missed payment', { paste: true });
  }
  await canvas.expectSaved();
  await canvas.allCanvasesLink.click();
  canvas = await library.createCanvas('School readiness');
  await canvas.addCard('Outcome', 'Children are ready for school at five', { paste: true });
  await canvas.expectSaved();
  await canvas.allCanvasesLink.click();
  await expect(library.canvasTitles()).toHaveText(['School readiness', 'Homelessness prevention']);
}

interface BackupFile {
  format: string;
  version: number;
  canvases: Array<{ id: string; title: string; cards: Array<{ id: string; colour: string; text: string }> }>;
}

test('a backup of all canvases restores every canvas into a fresh profile', async ({ library, page, browser }, testInfo) => {
  await makeTwoCanvases(library);
  const panel = new ImportPanel(page);
  const download = await panel.downloadBackup();
  expect(download.suggestedFilename()).toMatch(/^outcome-canvas-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(library.toast).toContainText('Backup of 2 canvases downloaded.');
  const backup = JSON.parse(await downloadedText(download)) as BackupFile;
  expect(backup.format).toBe('outcome-canvas-backup');
  expect(backup.version).toBe(2);
  expect(backup.canvases.map((canvas) => canvas.title).sort()).toEqual(['Homelessness prevention', 'School readiness']);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  await inFreshProfile(browser, async (fresh) => {
    const freshLibrary = new LibraryPage(fresh);
    await freshLibrary.goto();
    await expect(freshLibrary.emptyState).toBeVisible();
    const freshPanel = new ImportPanel(fresh);
    await freshPanel.importFile(file);
    await expect(freshPanel.result).toHaveText('Restored 2 canvases: 2 added.');
    await expect(freshLibrary.canvasTitles()).toHaveText(['School readiness', 'Homelessness prevention']);
    await expect(freshLibrary.progress('Homelessness prevention')).toContainText('Cards: 2');
    await expect(freshLibrary.progress('Homelessness prevention')).toContainText('Open concerns: 1');
    await expect(freshLibrary.progress('School readiness')).toContainText('Cards: 1');

    const restored = await freshLibrary.open('Homelessness prevention');
    await expect(restored.descriptionInput).toHaveValue('Families at risk of eviction');
    await restored.expectCards('Outcome', ['Families stay housed']);
    await restored.expectColour('Outcome', 1, 'Blue');
    await expect(restored.checkRadio('Outcome', 'Trust', 'Concern raised')).toBeChecked();
    await expect(restored.checkNotes('Outcome', 'Trust')).toHaveValue('Landlords may see the list');
    await restored.openStep('Action');
    await restored.expectCards('Action', ['Housing officers call at the first missed payment']);
  });
});

test('restoring where the canvases already are: Cancel, Replace the ones here, Keep both', async ({ library, page }, testInfo) => {
  await makeTwoCanvases(library, { detailed: false });
  const panel = new ImportPanel(page);
  const download = await panel.downloadBackup();
  const fileName = download.suggestedFilename();
  const file = testInfo.outputPath(fileName);
  await download.saveAs(file);

  // After the backup, one canvas changes: new title, a card edited, a card added.
  const changed = await library.open('Homelessness prevention');
  await changed.setTitle('Homelessness (edited)');
  await changed.setCardText('Outcome', 1, 'Changed after the backup');
  await changed.addCard('Outcome', 'Added after the backup', { paste: true });
  await changed.expectSaved();
  await changed.allCanvasesLink.click();
  const titlesNow = ['Homelessness (edited)', 'School readiness'];
  await expect(library.canvasTitles()).toHaveText(titlesNow);

  // The backup's canvases are already here: the app asks what to do.
  await panel.importFile(file);
  await expect(panel.conflict).toContainText(`2 of the 2 canvases and templates in ${fileName} are already in this browser.`);
  await expect(panel.keepBothButton).toBeVisible();
  await expect(panel.replaceButton).toBeVisible();
  await expect(panel.cancelButton).toBeVisible();

  // Cancel: nothing changes.
  await panel.cancelButton.click();
  await expect(panel.conflict).toBeHidden();
  await expect(panel.result).toHaveText('Restore cancelled. Nothing was changed.');
  await expect(library.canvasTitles()).toHaveText(titlesNow);
  await expect(library.progress('Homelessness (edited)')).toContainText('Cards: 2');

  // Replace: still two canvases, and the changed one is as it was in the backup.
  await panel.importFile(file);
  await panel.replaceButton.click();
  await expect(panel.result).toHaveText('Restored 2 canvases: 2 replaced.');
  await expect(library.listHeading).toHaveText('2 canvases');
  await expect(library.canvas('Homelessness (edited)')).toHaveCount(0);
  await expect(library.progress('Homelessness prevention')).toContainText('Cards: 1');
  const replaced = await library.open('Homelessness prevention');
  await replaced.expectCards('Outcome', ['Families stay housed']);
  await replaced.reload();
  await replaced.expectCards('Outcome', ['Families stay housed']);
  await replaced.allCanvasesLink.click();

  // Keep both: the backup's canvases come in as copies beside the ones here, named as copies.
  await panel.importFile(file);
  await expect(panel.conflict).toBeVisible();
  await panel.keepBothButton.click();
  await expect(panel.result).toHaveText('Restored 2 canvases: 2 added as copies next to the ones already here.');
  await expect(library.listHeading).toHaveText('4 canvases');
  for (const title of ['Homelessness prevention', 'School readiness']) {
    await expect(library.canvas(title)).toHaveCount(1);
    await expect(library.canvas(`${title} (copy)`)).toHaveCount(1);
  }
  await page.reload();
  await expect(library.listHeading).toHaveText('4 canvases');
});

/**
 * A backup of "Kept canvas" turned into one holding two new canvases, "First
 * from backup" and "Second from backup"; `spoil` may break the second.
 */
async function twoCanvasBackup(library: LibraryPage, page: Page, spoil?: (second: BackupFile['canvases'][number]) => void) {
  await library.goto();
  const kept = await library.createCanvas('Kept canvas');
  await kept.addCard('Outcome', 'Still here', { paste: true });
  await kept.addCard('Outcome', 'And this', { paste: true });
  await kept.expectSaved();
  await kept.allCanvasesLink.click();
  const backup = JSON.parse(await downloadedText(await new ImportPanel(page).downloadBackup())) as BackupFile;
  const [source] = backup.canvases;
  const copy = (n: number, title: string) => ({
    ...source!,
    id: `restored-${n}`,
    title,
    cards: source!.cards.map((card, i) => ({ ...card, id: `restored-${n}-card-${i}` })),
  });
  const good = { ...backup, canvases: [copy(1, 'First from backup'), copy(2, 'Second from backup')] };
  const bad = structuredClone(good);
  spoil?.(bad.canvases[1]!);
  return { good: JSON.stringify(good, null, 2), bad: JSON.stringify(bad, null, 2) };
}

test('a backup whose second canvas is invalid imports nothing, not half', async ({ library, page }) => {
  const files = await twoCanvasBackup(library, page, (second) => {
    second.cards[1]!.colour = 'turquoise';
  });
  const panel = new ImportPanel(page);
  await panel.importFile({ name: 'two-canvases.json', text: files.bad });
  await expect(panel.error).toContainText('two-canvases.json was not imported. Nothing in this browser was changed.');
  await expect(panel.error.getByRole('listitem')).toHaveText(['canvases[2].cards[2].colour has a value the app does not know.']);
  await expect(library.canvasTitles()).toHaveText(['Kept canvas']);
  await page.reload();
  await expect(library.canvasTitles()).toHaveText(['Kept canvas']);

  // The same file with the field put right brings in both.
  await panel.importFile({ name: 'two-canvases.json', text: files.good });
  await expect(panel.result).toHaveText('Restored 2 canvases: 2 added.');
  await expect(library.listHeading).toHaveText('3 canvases');
});

test('a restore the browser stops halfway (storage fails on the second canvas) stores nothing', async ({ library, page }) => {
  // The browser refuses to store the second canvas, as when the disk fills mid-way.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'canvases' && (value as { title?: unknown } | null)?.title === 'Second from backup') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.call(this, value, key);
    };
  });
  const files = await twoCanvasBackup(library, page);
  const panel = new ImportPanel(page);
  await panel.importFile({ name: 'two-canvases.json', text: files.good });
  await expect(panel.error).toContainText('two-canvases.json was not imported. Nothing in this browser was changed.');
  await expect(panel.error).toContainText('Nothing was imported; what was here is unchanged.');
  await expect(library.canvasTitles()).toHaveText(['Kept canvas']);
  await page.reload();
  await expect(library.canvasTitles()).toHaveText(['Kept canvas']);
  await expect(library.progress('Kept canvas')).toContainText('Cards: 2');
  const kept = await library.open('Kept canvas');
  await kept.expectCards('Outcome', ['Still here', 'And this']);
});
