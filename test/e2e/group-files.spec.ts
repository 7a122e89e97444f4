/**
 * Breakout groups merging their work by exchanging a file (issue 13, point
 * 5): two groups that joined a shared canvas both go offline, each edits
 * (the same card's words included), group A saves its changes to a file,
 * group B merges it and sees both groups' work, then everyone converges once
 * back online, a freshly joined participant included. A wrong file is
 * refused with a sentence and changes nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { SYNC_ORIGIN } from '../../playwright.config';
import { expectNoAxeViolations } from './axe';
import { CanvasPage, expect, type Guard, installGuard, LibraryPage, problemsSeen, test } from './fixtures';

interface Device {
  context: BrowserContext;
  page: Page;
  guard: Guard;
  canvas: CanvasPage;
}

const devices: Device[] = [];

async function device(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<Device> {
  const context = await browser.newContext({ baseURL: SYNC_ORIGIN, viewport, locale: 'en-GB', acceptDownloads: true });
  const guard = await installGuard(context, SYNC_ORIGIN);
  const page = await context.newPage();
  const made = { context, page, guard, canvas: new CanvasPage(page) };
  devices.push(made);
  return made;
}

test.afterEach(async () => {
  const problems = devices.flatMap((one) => problemsSeen(one.guard));
  await Promise.all(devices.splice(0).map((one) => one.context.close()));
  expect(problems, 'no device may log errors, throw, or contact other origins').toEqual([]);
});

const syncStatus = (page: Page) => page.locator('.sync-status').first();
const texts = (one: Device) => one.canvas.cards('Outcome').locator('.card__text');
const sorted = async (one: Device) => (await texts(one).allInnerTexts()).sort();

async function shareCanvas(facilitator: Device, title: string, card: string): Promise<string> {
  const library = new LibraryPage(facilitator.page);
  await library.goto();
  await library.createCanvas(title);
  await facilitator.canvas.addCard('Outcome', card);
  await facilitator.page.getByRole('button', { name: 'Invite people' }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Invite people to this canvas' });
  await dialog.getByRole('textbox', { name: 'Your name, shown to the people who join' }).fill('Alex');
  await dialog.getByRole('button', { name: 'Share this canvas' }).click();
  const link = dialog.getByRole('textbox', { name: 'Invite link' });
  await expect(link).toHaveValue(/#\/join\//);
  const value = await link.inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return value;
}

async function join(one: Device, link: string, name: string): Promise<void> {
  await one.page.goto(link);
  await one.page.getByRole('textbox', { name: 'Your name, shown to the others' }).fill(name);
  await one.page.getByRole('button', { name: 'Join' }).click();
  await one.canvas.waitUntilOpen();
  await expect(syncStatus(one.page)).toHaveText('Shared: in step with everyone');
}

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
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Breakout day', 'Families get help early');
  const groupA = await device(browser);
  const groupB = await device(browser);
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
  const late = await device(browser);
  await join(late, link, 'Late comer');
  const order = await texts(groupB).allInnerTexts();
  for (const one of [facilitator, groupA, late]) await expect(texts(one)).toHaveText(order);
});

test('the merge-by-file dialog reflows at 320 px and a file for another canvas is refused by name', async ({ browser }) => {
  const facilitator = await device(browser);
  const first = await shareCanvas(facilitator, 'First canvas', 'One');
  void first;
  const dialog = await openGroupFiles(facilitator);
  const download = facilitator.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save changes for another group' }).click();
  const saved = await download;
  const file = { name: saved.suggestedFilename(), mimeType: 'application/json', buffer: await readFile((await saved.path())!) };
  await facilitator.page.keyboard.press('Escape');

  // A second shared canvas on a narrow window: the first canvas's file is named and refused.
  await facilitator.page.setViewportSize({ width: 320, height: 700 });
  await shareCanvas(facilitator, 'Second canvas', 'Two');
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
});
