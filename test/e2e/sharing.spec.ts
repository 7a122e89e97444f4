/**
 * Sharing a canvas live (issue 13): a facilitator shares, participants join
 * from their own browsers (one phone-sized), and what anyone does appears on
 * every device; two people typing in one card both keep their words; a
 * device that goes offline keeps working and merges when it is back; a
 * wrong or revoked link is refused with words a person understands. Each
 * device is a separate browser context on the sync server's origin (as
 * `npm start` serves it), with the same guard as every other test.
 */
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

async function device(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Device> {
  const context = await browser.newContext({ baseURL: SYNC_ORIGIN, viewport, locale: 'en-GB' });
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

/** The facilitator's device with a new canvas, shared; resolves to the invite link. */
async function shareCanvas(facilitator: Device, title: string, cards: string[] = []): Promise<string> {
  const library = new LibraryPage(facilitator.page);
  await library.goto();
  await library.createCanvas(title);
  for (const text of cards) await facilitator.canvas.addCard('Outcome', text);
  await facilitator.page.getByRole('button', { name: 'Invite people' }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Invite people to this canvas' });
  await expect(dialog).toContainText(`sync server at ${SYNC_ORIGIN}`);
  await expect(dialog).toContainText('nothing about this canvas has left this device');
  await dialog.getByRole('textbox', { name: 'Your name, shown to the people who join' }).fill('Alex');
  await dialog.getByRole('button', { name: 'Share this canvas' }).click();
  const link = dialog.getByRole('textbox', { name: 'Invite link' });
  await expect(link).toHaveValue(/#\/join\//);
  await expect(dialog.getByRole('img', { name: 'QR code of the invite link' })).toBeVisible();
  await expect(dialog.getByText('Shared: in step with everyone')).toBeVisible();
  const value = await link.inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return value;
}

async function join(participant: Device, link: string, name: string): Promise<void> {
  await participant.page.goto(link);
  await expect(participant.page.getByRole('heading', { level: 1, name: 'Join a shared canvas' })).toBeVisible();
  await participant.page.getByRole('textbox', { name: 'Your name, shown to the others' }).fill(name);
  await participant.page.getByRole('button', { name: 'Join' }).click();
  await participant.canvas.waitUntilOpen();
  await expect(syncStatus(participant.page)).toHaveText('Shared: in step with everyone');
}

const cardTexts = (canvas: CanvasPage) => canvas.cards('Outcome').locator('.card__text');

test('a facilitator shares a canvas; two participants join and work on it together', async ({ browser }) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Family support', ['Fewer evictions']);
  const sam = await device(browser);
  const jo = await device(browser, { width: 390, height: 844 });
  await join(sam, link, 'Sam');
  await join(jo, link, 'Jo');
  for (const one of [sam, jo]) {
    await expect(one.canvas.titleInput).toHaveValue('Family support');
    await expect(cardTexts(one.canvas)).toHaveText(['Fewer evictions']);
  }

  // Who is here: names and count, on every device.
  await expect(facilitator.page.getByText('3 people here')).toBeVisible();
  await facilitator.page.getByText('3 people here').click();
  const here = facilitator.page.getByRole('list', { name: 'Who is here' }).getByRole('listitem');
  await expect.poll(async () => (await here.allInnerTexts()).sort()).toEqual(['Alex (facilitator)', 'Jo', 'Sam']);

  // A card added and typed on one device appears on the others.
  await sam.canvas.addCard('Outcome', 'More tenants stay housed');
  for (const one of [facilitator, jo]) await expect(cardTexts(one.canvas)).toHaveText(['Fewer evictions', 'More tenants stay housed']);

  // Two people typing in the same card both keep their words.
  const mine = await facilitator.canvas.editCard('Outcome', 1);
  const theirs = await sam.canvas.editCard('Outcome', 1);
  await mine.press('End');
  await theirs.press('Home');
  await facilitator.page.keyboard.type(' this year');
  await sam.page.keyboard.type('Far ');
  for (const one of [facilitator, sam]) await one.page.keyboard.press('Escape');
  for (const one of [facilitator, sam, jo])
    await expect(cardTexts(one.canvas)).toHaveText(['Far Fewer evictions this year', 'More tenants stay housed']);

  // The participant's own list of canvases holds it, marked as shared.
  await sam.canvas.allCanvasesLink.click();
  await expect(sam.page.getByRole('listitem').filter({ hasText: 'Family support' })).toContainText('Shared with you');
});

test('a participant who goes offline keeps working, and every edit reaches every device when it is back', async ({ browser }) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Youth services', ['Young people feel safe']);
  const jo = await device(browser, { width: 390, height: 844 });
  await join(jo, link, 'Jo');

  await jo.context.setOffline(true);
  await expect(syncStatus(jo.page)).toHaveText(/^Offline/);
  await jo.canvas.addCard('Outcome', 'Written offline');
  const editor = await jo.canvas.editCard('Outcome', 1);
  await editor.press('End');
  await jo.page.keyboard.type(' at night');
  await jo.page.keyboard.press('Escape');
  await expect(syncStatus(jo.page)).toHaveText(/^Offline: \d+ changes? waiting/);
  // Meanwhile the facilitator types in the same card and adds one of their own.
  const mine = await facilitator.canvas.editCard('Outcome', 1);
  await mine.press('Home');
  await facilitator.page.keyboard.type('All ');
  await facilitator.page.keyboard.press('Escape');
  await facilitator.canvas.addCard('Outcome', 'Written online');

  await jo.context.setOffline(false);
  for (const one of [facilitator, jo]) {
    await expect(syncStatus(one.page)).toHaveText('Shared: in step with everyone', { timeout: 20_000 });
    await expect(cardTexts(one.canvas)).toHaveText(['All Young people feel safe at night', 'Written offline', 'Written online'], {
      timeout: 10_000,
    });
  }
  // And it is all still there after a reload.
  await jo.canvas.reload();
  await expect(cardTexts(jo.canvas)).toHaveText(['All Young people feel safe at night', 'Written offline', 'Written online']);
});

test('a wrong link, an unknown room and a revoked link are refused with a clear message', async ({ browser }) => {
  const stranger = await device(browser);
  await stranger.page.goto('/#/join/not-a-link');
  await expect(stranger.page.getByRole('alert')).toHaveText(/This invite link is not valid/);
  await expect(stranger.page.getByRole('link', { name: 'Go to your canvases' })).toBeVisible();

  await stranger.page.goto(`/#/join/${'A'.repeat(22)}.${'B'.repeat(43)}`);
  await stranger.page.getByRole('textbox', { name: 'Your name, shown to the others' }).fill('Guess');
  await stranger.page.getByRole('button', { name: 'Join' }).click();
  await expect(stranger.page.getByRole('alert')).toHaveText(/This invite link is not valid, or sharing has ended/);

  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Revoked soon');
  const sam = await device(browser);
  await join(sam, link, 'Sam');
  await facilitator.page.getByRole('button', { name: 'Invite link' }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Invite people to this canvas' });
  await dialog.getByRole('button', { name: 'New link' }).click();
  await facilitator.page.getByRole('dialog', { name: 'Make a new invite link?' }).getByRole('button', { name: 'Make a new link' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Invite link' })).not.toHaveValue(link);
  // Sam, connected with the old link, is cut off and told why.
  await expect(syncStatus(sam.page)).toHaveText(/Not shared: The facilitator issued a new invite link/);
  // Someone new with the old link is refused.
  await stranger.page.goto(link);
  await stranger.page.getByRole('textbox', { name: 'Your name, shown to the others' }).fill('Late');
  await stranger.page.getByRole('button', { name: 'Join' }).click();
  await expect(stranger.page.getByRole('alert')).toHaveText(/This invite link is not valid, or sharing has ended/);
});

test('the invite dialog and the join screen pass axe and reflow at 320 px', async ({ browser }) => {
  const facilitator = await device(browser, { width: 320, height: 800 });
  const library = new LibraryPage(facilitator.page);
  await library.goto();
  await library.createCanvas('Narrow');
  await facilitator.page.getByRole('button', { name: 'Invite people' }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Invite people to this canvas' });
  await expect(dialog.getByRole('textbox', { name: 'Your name, shown to the people who join' })).toBeFocused();
  await expectNoAxeViolations(facilitator.page, 'the invite dialog before sharing');
  await dialog.getByRole('button', { name: 'Share this canvas' }).click();
  await expect(dialog.getByRole('button', { name: 'Copy link' })).toBeFocused();
  await expect(dialog.getByText('Shared: in step with everyone')).toBeVisible();
  await expectNoAxeViolations(facilitator.page, 'the invite dialog with its link');
  await expectFits(facilitator.page);
  const link = await dialog.getByRole('textbox', { name: 'Invite link' }).inputValue();
  await facilitator.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(facilitator.page.getByRole('button', { name: 'Invite link' })).toBeFocused();

  const phone = await device(browser, { width: 320, height: 700 });
  await phone.page.goto(link);
  await expect(phone.page.getByRole('textbox', { name: 'Your name, shown to the others' })).toBeFocused();
  await expectNoAxeViolations(phone.page, 'the join screen');
  await expectFits(phone.page);
  // No name: the screen says what to do instead of joining nameless.
  await phone.page.getByRole('button', { name: 'Join' }).click();
  await expect(phone.page.getByText('Enter a name, so the others know who you are.')).toBeVisible();
  await expectNoAxeViolations(phone.page, 'the join screen with its message');
});

async function expectFits(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test('two tabs of one shared canvas stay in step offline, and every edit arrives once', async ({ browser }) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Two tabs', ['Shared card']);
  const sam = await device(browser);
  await join(sam, link, 'Sam');
  const second = new CanvasPage(await sam.context.newPage());
  await second.page.goto(sam.page.url());
  await second.waitUntilOpen();
  await expect(syncStatus(second.page)).toHaveText('Shared: in step with everyone');

  await sam.context.setOffline(true);
  await expect(syncStatus(sam.page)).toHaveText(/^Offline/);
  const editor = await sam.canvas.editCard('Outcome', 1);
  await editor.press('End');
  await sam.page.keyboard.type(' from tab one');
  await sam.page.keyboard.press('Escape');
  await expect(cardTexts(second)).toHaveText(['Shared card from tab one']);
  // Long enough for both tabs to save and take in each other's save.
  await sam.canvas.expectSaved();
  await second.expectSaved();

  await sam.context.setOffline(false);
  for (const one of [facilitator.canvas, sam.canvas, second]) {
    await expect(syncStatus(one.page)).toHaveText('Shared: in step with everyone', { timeout: 20_000 });
    await expect(cardTexts(one)).toHaveText(['Shared card from tab one']);
  }
});
