/**
 * Files and versions of a shared canvas (issue 13).
 * - Breakout groups merging their work by exchanging a file (point 5): two
 *   groups that joined a shared canvas both go offline, each edits (the same
 *   card's words included), group A saves its changes to a file, group B
 *   merges it and sees both groups' work, then everyone converges once back
 *   online, a freshly joined participant included. A wrong file is refused
 *   with a sentence and changes nothing.
 * - Restoring an earlier version of a shared canvas is ordinary edits that
 *   everyone sees (and Undo takes back); a participant who may not make them
 *   is told why and offered a copy. A backup never replaces a shared canvas:
 *   its version comes in as a copy, and the message says so.
 */
import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations } from './axe';
import { HistoryPanel } from './pages/HistoryPanel';
import { ImportPanel, streetLightingFile } from './pages/ImportPanel';
import { LibraryPage, expect, test } from './fixtures';
import { type Device, LAPTOP, devicesForEachTest, join, shareCanvas, shareOpenCanvas, syncStatus } from './sharingDevices';

const device = devicesForEachTest();
const texts = (one: Device) => one.canvas.cards('Outcome').locator('.card__text');
const sorted = async (one: Device) => (await texts(one).allInnerTexts()).sort();

async function openGroupFiles(one: Device) {
  await one.page.getByRole('button', { name: 'Merge by file' }).click();
  return one.page.getByRole('dialog', { name: 'Breakout groups: merge by file' });
}

/** Picks a file in the dialog's "Merge a group's changes…" as a person does, through the file chooser. */
async function mergeFile(one: Device, file: { name: string; mimeType: string; buffer: Buffer }) {
  const dialog = one.page.getByRole('dialog', { name: 'Breakout groups: merge by file' });
  const chooser = one.page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Merge a group’s changes…' }).click();
  await (await chooser).setFiles(file);
}

test('two breakout groups offline merge their work by a file, and everyone converges once back online', async ({ browser }) => {
  const facilitator = await device(browser, LAPTOP);
  const link = await shareCanvas(facilitator, 'Breakout day', ['Families get help early']);
  const groupA = await device(browser, LAPTOP);
  const groupB = await device(browser, LAPTOP);
  await join(groupA, link, 'Group A');
  await join(groupB, link, 'Group B');

  for (const group of [groupA, groupB]) {
    await group.context.setOffline(true);
    await expect(syncStatus(group.page)).toHaveText(/^Offline/);
  }
  // Each group adds a card and types in the same card: A at its end, B at its start.
  await groupA.canvas.addCard('Outcome', 'Idea from group A');
  await groupA.page.keyboard.press('Escape');
  await (await groupA.canvas.editCard('Outcome', 1)).press('End');
  await groupA.page.keyboard.type(' at first contact');
  await groupA.page.keyboard.press('Escape');
  await groupB.canvas.addCard('Outcome', 'Idea from group B');
  await groupB.page.keyboard.press('Escape');
  await (await groupB.canvas.editCard('Outcome', 1)).press('Home');
  await groupB.page.keyboard.type('All ');
  await groupB.page.keyboard.press('Escape');
  await expect(texts(groupA)).toHaveText(['Families get help early at first contact', 'Idea from group A']);
  await expect(texts(groupB)).toHaveText(['All Families get help early', 'Idea from group B']);

  // Group A saves its changes to a file.
  const dialogA = await openGroupFiles(groupA);
  await expect(dialogA.getByRole('textbox', { name: /Your group’s name/ })).toHaveValue('Group A');
  const download = groupA.page.waitForEvent('download');
  await dialogA.getByRole('button', { name: 'Save changes for another group' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^breakout-day-group-a-changes-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  await expect(dialogA.getByRole('status')).toContainText(`Saved “${saved.suggestedFilename()}”`);
  const file = { name: saved.suggestedFilename(), mimeType: 'application/json', buffer: await readFile((await saved.path())!) };
  await dialogA.getByRole('button', { name: 'Done' }).click();
  await expect(groupA.page.getByRole('button', { name: 'Merge by file' })).toBeFocused();

  // Group B first picks a wrong file: a sentence, and nothing changes.
  const dialogB = await openGroupFiles(groupB);
  await mergeFile(groupB, { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":"world"}') });
  await expect(dialogB.getByRole('alert')).toHaveText(
    /^This is not a file of a group’s changes from Outcome Canvas, so nothing was merged/,
  );
  await expectNoAxeViolations(groupB.page, 'the merge-by-file dialog with a refusal');
  // Then group A's file: both groups' work, the same card's words from both.
  await mergeFile(groupB, file);
  await expect(dialogB.getByRole('status')).toHaveText('Merged Group A’s changes: 1 new card, 1 card changed.');
  await dialogB.getByRole('button', { name: 'Done' }).click();
  const everything = ['All Families get help early at first contact', 'Idea from group A', 'Idea from group B'];
  await expect.poll(() => sorted(groupB)).toEqual(everything);
  await expect(syncStatus(groupB.page)).toHaveText(/^Offline: \d+ changes? waiting/);

  // Back online: the merged canvas reaches the facilitator, group A and someone who joins now, in the same order.
  await groupB.context.setOffline(false);
  await expect(syncStatus(groupB.page)).toHaveText('Shared: in step with everyone');
  await expect.poll(() => sorted(facilitator)).toEqual(everything);
  await groupA.context.setOffline(false);
  await expect(syncStatus(groupA.page)).toHaveText('Shared: in step with everyone');
  await expect.poll(() => sorted(groupA)).toEqual(everything);
  const late = await device(browser, LAPTOP);
  await join(late, link, 'Late comer');
  const order = await texts(groupB).allInnerTexts();
  for (const one of [facilitator, groupA, late]) await expect(texts(one)).toHaveText(order);
});

test('the merge-by-file dialog reflows at 320 px and a file for another canvas is refused by name', async ({ browser }) => {
  const facilitator = await device(browser, LAPTOP);
  const first = await shareCanvas(facilitator, 'First canvas', ['One']);
  void first;
  const dialog = await openGroupFiles(facilitator);
  const download = facilitator.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save changes for another group' }).click();
  const saved = await download;
  const file = { name: saved.suggestedFilename(), mimeType: 'application/json', buffer: await readFile((await saved.path())!) };
  await facilitator.page.keyboard.press('Escape');

  // A second shared canvas on a narrow window: the first canvas's file is named and refused.
  await facilitator.page.setViewportSize({ width: 320, height: 700 });
  await shareCanvas(facilitator, 'Second canvas', ['Two']);
  const second = await openGroupFiles(facilitator);
  await mergeFile(facilitator, file);
  await expect(second.getByRole('alert')).toHaveText(
    'This file holds changes to “First canvas”, which is not open here. Open “First canvas” from your canvases, then merge the file there.',
  );
  await expectNoAxeViolations(facilitator.page, 'the merge-by-file dialog at 320 px');
  const { scrollWidth, innerWidth } = await facilitator.page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await expect(texts(facilitator)).toHaveText(['Two']);

  // Dropped on the window instead, the same file gets the same sentence, and the canvas stays open.
  await facilitator.page.keyboard.press('Escape');
  await new ImportPanel(facilitator.page).dropFile({ name: file.name, text: file.buffer.toString('utf8') });
  await expect(facilitator.canvas.toast).toContainText('This file holds changes to “First canvas”, which is not open here.');
  await expect(facilitator.canvas.titleInput).toHaveValue('Second canvas');
});

test('restoring an earlier version of a shared canvas is edits everyone sees; a participant who may not is offered a copy', async ({
  browser,
}) => {
  const facilitator = await device(browser, LAPTOP);
  await new LibraryPage(facilitator.page).goto();
  // Imported, so opening it keeps its first version ("When it was opened").
  await new ImportPanel(facilitator.page).importFile(streetLightingFile(1));
  await expect(facilitator.canvas.titleInput).toHaveValue('Street lighting');
  const link = await shareOpenCanvas(facilitator);
  const jo = await device(browser, LAPTOP);
  await join(jo, link, 'Jo');

  await facilitator.canvas.setCardText('Outcome', 1, 'The earlier card, rewritten');
  await facilitator.canvas.addCard('Outcome', 'A newer card', { paste: true });
  const newer = ['The earlier card, rewritten', 'A newer card'];
  await expect(texts(jo)).toHaveText(newer);

  // The facilitator restores the first version: Jo's screen shows it too; Undo brings the newer content back everywhere.
  const history = await HistoryPanel.open(facilitator.canvas);
  await history.restoreButton(history.version('When it was opened')).click();
  await expect(facilitator.canvas.toast).toContainText(/^Restored the version from /);
  await expect(texts(jo)).toHaveText(['The earlier card']);
  // The toast's Undo, pressed where it is (on the History view): the press must not move it away.
  await facilitator.canvas.toast.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(texts(jo)).toHaveText(newer);
  await facilitator.canvas.redoButton.click();
  await expect(texts(jo)).toHaveText(['The earlier card']);
  await facilitator.canvas.undoButton.click();
  await expect(texts(jo)).toHaveText(newer);

  // Jo's device kept the version from when Jo joined (one card). Restoring it would delete a card, which Jo may not do.
  const joHistory = await HistoryPanel.open(jo.canvas);
  await joHistory.restoreButton(joHistory.version('When it was opened')).click();
  const refusal = jo.page.getByRole('alert').filter({ hasText: 'Restore as a separate copy' });
  await expect(refusal).toContainText('In this shared canvas the facilitator has not allowed participants to delete cards.');
  await expect(refusal).toContainText('so nothing was changed');
  await expectNoAxeViolations(jo.page, 'version history refusing a participant’s restore');
  await refusal.getByRole('button', { name: 'Restore as a separate copy' }).click();
  const copied = jo.page.getByRole('alert').filter({ hasText: 'is now a canvas of your own' });
  await expect(copied).toContainText('“Street lighting (copy)”; the shared canvas is unchanged.');
  await facilitator.canvas.stepByStepLink.click();
  await expect(texts(facilitator)).toHaveText(newer);
  await copied.getByRole('link', { name: 'Open the copy' }).click();
  await expect(jo.canvas.titleInput).toHaveValue('Street lighting (copy)');
  await expect(texts(jo)).toHaveText(['The earlier card']);
  // The copy is Jo's own: not shared. The shared canvas on Jo's device is unchanged.
  await expect(jo.page.getByRole('button', { name: 'Invite people' })).toBeVisible();
  await jo.canvas.allCanvasesLink.click();
  await new LibraryPage(jo.page).open('Street lighting');
  await expect(texts(jo)).toHaveText(newer);
});

test('restoring a backup over a shared canvas never replaces it: the backup’s version comes in as a copy, and says so', async ({
  browser,
}, testInfo) => {
  const facilitator = await device(browser, LAPTOP);
  const link = await shareCanvas(facilitator, 'Family hubs', ['In the backup']);
  await facilitator.canvas.allCanvasesLink.click();
  const panel = new ImportPanel(facilitator.page);
  const download = await panel.downloadBackup();
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  const jo = await device(browser, LAPTOP);
  await join(jo, link, 'Jo');
  await jo.canvas.addCard('Outcome', 'Added after the backup');

  await panel.importFile(file);
  await panel.replaceButton.click();
  await expect(panel.result).toContainText(
    '“Family hubs” is shared with other people, so it was not replaced: the backup’s version is beside it as a copy, and the shared canvas is unchanged.',
  );
  const library = new LibraryPage(facilitator.page);
  await expect(library.canvas('Family hubs (copy)')).toHaveCount(1);
  const copy = await library.open('Family hubs (copy)');
  await expect(texts(facilitator)).toHaveText(['In the backup']);
  await copy.allCanvasesLink.click();
  await library.open('Family hubs');
  await expect(syncStatus(facilitator.page)).toHaveText('Shared: in step with everyone');
  const both = ['In the backup', 'Added after the backup'];
  await expect(texts(facilitator)).toHaveText(both);
  await expect(texts(jo)).toHaveText(both);
});
