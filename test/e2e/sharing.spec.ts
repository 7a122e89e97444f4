/**
 * Sharing a canvas live (issue 13): a facilitator shares, participants join
 * from their own browsers (one phone-sized), and what anyone does appears on
 * every device; two people typing in one card both keep their words; a
 * device that goes offline keeps working and merges when it is back; a
 * wrong or revoked link is refused with words a person understands. Each
 * device is a separate browser context on the sync server's origin (as
 * `npm start` serves it), with the same guard as every other test.
 */
import type { Locator } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { canvasDocName, REFUSALS } from '../../src/sync/protocol';
import { connectRoom } from '../../src/sync/transport';
import { rawClient } from '../unit/server/rawClient';
import { expectNoAxeViolations } from './axe';
import { CanvasPage, expect, LibraryPage, test } from './fixtures';
import {
  type Device,
  PHONE,
  SYNC_WS,
  credentialsOf,
  expectFits,
  join,
  shareCanvas,
  syncStatus,
  devicesForEachTest,
} from './sharingDevices';

const device = devicesForEachTest();

const cardTexts = (canvas: CanvasPage) => canvas.cards('Outcome').locator('.card__text');

test('a facilitator shares a canvas; two participants join and work on it together', async ({ browser }) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Family support', ['Fewer evictions']);
  const sam = await device(browser);
  const jo = await device(browser, PHONE);
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
  const jo = await device(browser, PHONE);
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
  await facilitator.page.keyboard.press('Escape');

  await jo.context.setOffline(false);
  // Both new cards went to the end of the step on their own device; which comes first is the same everywhere.
  const everything = ['All Young people feel safe at night', 'Written offline', 'Written online'];
  const sorted = async (canvas: CanvasPage) => (await cardTexts(canvas).allInnerTexts()).sort();
  for (const one of [facilitator, jo]) {
    await expect(syncStatus(one.page)).toHaveText('Shared: in step with everyone', { timeout: 20_000 });
    await expect.poll(() => sorted(one.canvas), { timeout: 10_000 }).toEqual(everything);
  }
  const order = await cardTexts(facilitator.canvas).allInnerTexts();
  await expect(cardTexts(jo.canvas)).toHaveText(order);
  // And it is all still there after a reload.
  await jo.canvas.reload();
  await expect(cardTexts(jo.canvas)).toHaveText(order);
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
  // Sam keeps the canvas as an ordinary one of their own.
  await sam.page.getByRole('button', { name: 'Keep it as my own copy' }).click();
  await expect(syncStatus(sam.page)).toHaveCount(0);
  await expect(sam.page.getByRole('button', { name: 'Invite people' })).toBeVisible();
  await sam.canvas.addCard('Outcome', 'Mine now');
  await sam.canvas.reload();
  await expect(cardTexts(sam.canvas)).toHaveText(['Mine now']);
  await expect(syncStatus(sam.page)).toHaveCount(0);
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

test('a participant cannot do what the facilitator forbade, by the screen or by sending the change directly', async ({ browser }) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Rules of the room', ['Fewer evictions']);
  // The facilitator's choices, in the invite dialog: participants may not change checks or delete cards (the defaults).
  await facilitator.page.getByRole('button', { name: 'Invite link' }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Invite people to this canvas' });
  const choices = dialog.getByRole('group', { name: 'What participants may do' });
  await expect(choices.getByRole('checkbox', { name: 'Add cards' })).toBeChecked();
  await expect(choices.getByRole('checkbox', { name: 'Delete cards' })).not.toBeChecked();
  await expect(choices.getByRole('checkbox', { name: 'Change ethics and governance checks' })).not.toBeChecked();
  await expectNoAxeViolations(facilitator.page, 'the invite dialog with the permissions');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const sam = await device(browser);
  await join(sam, link, 'Sam');
  // The screen says so: the checks are locked, with the reason beside them.
  await expect(sam.canvas.checkRadio('Outcome', 'Trust', 'Concern raised')).toBeDisabled();
  await expect(
    sam.page.getByText('the facilitator has not allowed participants to change ethics and governance checks').first(),
  ).toBeVisible();
  await sam.page.getByText('What you can do').click();
  await expect(sam.page.getByRole('list', { name: 'Not allowed' })).toContainText('Delete cards');
  await sam.page.getByText('What you can do').click();

  // What is not allowed is not offered: the card menu has no Delete.
  await sam.canvas.addCard('Outcome', 'Sam’s own card');
  let menu = await sam.canvas.openCardMenu('Outcome', 1);
  await expect(menu.getByRole('menuitem', { name: 'Delete card' })).toHaveCount(0);
  await sam.page.keyboard.press('Escape');
  // A forbidden change made anyway (here, the facilitator takes Delete away while Sam's menu offers it) is put
  // back, with a message, and the device stays in step.
  await facilitator.page.getByRole('button', { name: 'Invite link' }).click();
  await choices.getByRole('checkbox', { name: 'Delete cards' }).check();
  const notAllowed = sam.page.getByRole('list', { name: 'Not allowed', includeHidden: true });
  await expect(notAllowed).not.toContainText('Delete cards');
  menu = await sam.canvas.openCardMenu('Outcome', 1);
  await expect(menu.getByRole('menuitem', { name: 'Delete card' })).toBeVisible();
  await choices.getByRole('checkbox', { name: 'Delete cards' }).uncheck();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(notAllowed).toContainText('Delete cards');
  await menu.getByRole('menuitem', { name: 'Delete card', exact: true }).click();
  await expect(
    sam.page.getByRole('alert').filter({ hasText: 'Put back: the facilitator has not allowed this here (delete cards).' }),
  ).toBeVisible();
  await expect(cardTexts(sam.canvas)).toHaveText(['Fewer evictions', 'Sam’s own card']);
  await expect(syncStatus(sam.page)).toHaveText('Shared: in step with everyone');
  await expect(cardTexts(facilitator.canvas)).toHaveText(['Fewer evictions', 'Sam’s own card']);

  // The same device's credentials, and an update made by hand: the server refuses it and nobody sees it.
  const { roomId, credentials } = await credentialsOf(sam.page);
  const doc = new Y.Doc();
  const reader = connectRoom({ roomId, credentials, canvas: doc, url: SYNC_WS, WebSocketPolyfill: WebSocket });
  await reader.whenSynced();
  reader.destroy();
  const before = Y.encodeStateVector(doc);
  doc.getMap<Y.Map<unknown>>('checks').get('outcome:trust')!.set('status', 'concern');
  const attacker = rawClient(SYNC_WS, canvasDocName(roomId), credentials);
  expect(await attacker.signedIn).toBeNull();
  attacker.sendUpdate(Y.encodeStateAsUpdate(doc, before));
  expect(await attacker.closed).toBe(REFUSALS['forbidden-change'].code);
  doc.destroy();
  await facilitator.canvas.addCard('Outcome', 'Still in step');
  for (const one of [facilitator, sam]) {
    await expect(cardTexts(one.canvas)).toHaveText(['Fewer evictions', 'Sam’s own card', 'Still in step']);
    await expect(one.canvas.checkRadio('Outcome', 'Trust', 'Not yet discussed')).toBeChecked();
  }
});

test('a change refused by the server after an offline spell is undone on that device, and its other edits kept', async ({ browser }) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Changing rules', ['Fewer evictions']);
  const jo = await device(browser, PHONE);
  await join(jo, link, 'Jo');

  await jo.context.setOffline(true);
  await expect(syncStatus(jo.page)).toHaveText(/^Offline/);
  // While Jo is away, the facilitator stops participants adding cards.
  await facilitator.page.getByRole('button', { name: 'Invite link' }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Invite people to this canvas' });
  await dialog.getByRole('checkbox', { name: 'Add cards' }).uncheck();
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Jo, not knowing, adds a card and edits another.
  await jo.canvas.addCard('Outcome', 'Added offline');
  const editor = await jo.canvas.editCard('Outcome', 1);
  await editor.press('End');
  await jo.page.keyboard.type(' for good');
  await jo.page.keyboard.press('Escape');

  await jo.context.setOffline(false);
  await expect(
    jo.page.getByRole('alert').filter({
      hasText: 'Your new card “Added offline” was not kept: the facilitator no longer allows participants to add cards.',
    }),
  ).toBeVisible({ timeout: 20_000 });
  for (const one of [facilitator, jo]) {
    await expect(syncStatus(one.page)).toHaveText('Shared: in step with everyone', { timeout: 20_000 });
    await expect(cardTexts(one.canvas)).toHaveText(['Fewer evictions for good']);
  }
  // And after a reload, Jo's device still agrees.
  await jo.canvas.reload();
  await expect(cardTexts(jo.canvas)).toHaveText(['Fewer evictions for good']);
  await expect(syncStatus(jo.page)).toHaveText('Shared: in step with everyone');
});

test('each participant votes with dots of their own, hidden from the others until the facilitator reveals them', async ({ browser }) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Choosing', ['Fewer evictions', 'Fewer exclusions']);
  const sam = await device(browser);
  const jo = await device(browser, PHONE);
  await join(sam, link, 'Sam');
  await join(jo, link, 'Jo');

  const dots = (one: Device) => one.page.getByRole('dialog', { name: 'Your dots' });
  const openDots = async (one: Device) => {
    await one.page.getByRole('button', { name: 'Your dots' }).click();
    await expect(dots(one)).toBeVisible();
  };
  await openDots(sam);
  await expect(dots(sam)).toContainText('You have placed 0 of your 3 dots. Nobody else sees your dots until the facilitator reveals them.');
  await dots(sam).getByRole('button', { name: 'Add a dot to “Fewer evictions”' }).click();
  await dots(sam).getByRole('button', { name: 'Add a dot to “Fewer evictions”' }).click();
  await dots(sam).getByRole('button', { name: 'Add a dot to “Fewer exclusions”' }).click();
  await dots(sam).getByRole('button', { name: 'Add a dot to “Fewer exclusions”' }).click();
  await expect(dots(sam).getByRole('status')).toHaveText('You have used all 3 of your dots. Take one off a card to move it.');
  await expect(dots(sam)).toContainText('You have placed 3 of your 3 dots.');
  await expectNoAxeViolations(sam.page, 'the dots dialog');

  await openDots(jo);
  await dots(jo).getByRole('button', { name: 'Add a dot to “Fewer exclusions”' }).click();
  // Nobody sees another's dots, nor any total, before the reveal.
  await expect(dots(jo).getByText('All dots')).toHaveCount(0);
  await expect(dots(jo).getByRole('listitem').filter({ hasText: 'Fewer evictions' })).toContainText('Your dots: 0');
  await openDots(facilitator);
  await expect(dots(facilitator).getByText('All dots')).toHaveCount(0);

  await dots(facilitator).getByRole('button', { name: 'Reveal everyone’s dots' }).click();
  for (const one of [facilitator, sam, jo]) {
    await expect(dots(one).getByRole('listitem').filter({ hasText: 'Fewer evictions' })).toContainText('All dots: 2');
    await expect(dots(one).getByRole('listitem').filter({ hasText: 'Fewer exclusions' })).toContainText('All dots: 2');
  }
  // The totals become the cards' votes, the scribe's count that sorting and the exports use.
  await dots(facilitator).getByRole('button', { name: 'Put the totals on the cards' }).click();
  await expect(dots(facilitator).getByRole('status')).toHaveText('The totals are now the votes on 2 cards.');
  await dots(facilitator).getByRole('button', { name: 'Done' }).click();
  await expect(facilitator.page.getByRole('button', { name: 'Your dots' })).toBeFocused();
  await expect(facilitator.canvas.card('Outcome', 1)).toContainText('2 votes');
});

test('on a phone, a participant follows the facilitator’s step and presenting view, writes cards, and has no facilitator controls', async ({
  browser,
}) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Following', ['Fewer evictions']);
  const jo = await device(browser, PHONE);
  await join(jo, link, 'Jo');
  await expectFits(jo.page);
  // No facilitator controls: no invite link, no timer, no facilitator notes.
  await expect(jo.page.getByRole('button', { name: 'Invite link' })).toHaveCount(0);
  await expect(jo.page.getByRole('heading', { name: 'Timer' })).toHaveCount(0);
  await expect(facilitator.page.getByRole('heading', { name: 'Timer' })).toBeVisible();

  const follow = jo.page.getByRole('button', { name: 'Follow the facilitator' });
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await facilitator.canvas.openStep('Action');
  await jo.canvas.expectOnStep('Action');
  // The participant writes a card where the facilitator is.
  await jo.canvas.addCard('Action', 'Housing officers call first');
  await jo.page.keyboard.press('Escape');
  await expect(facilitator.canvas.cards('Action').locator('.card__text')).toHaveText(['Housing officers call first']);
  // What the facilitator has not allowed (deleting cards, marking them agreed, the scribe's votes) is not offered.
  const menu = await jo.canvas.openCardMenu('Action', 1);
  await expect(menu.getByRole('menuitem', { name: 'Move to Insight' })).toBeVisible();
  const offered = (menu: Locator) => [
    menu.getByRole('menuitem', { name: 'Delete card' }),
    menu.getByRole('menuitemcheckbox', { name: 'Agreed' }),
    menu.getByRole('menuitem', { name: 'Add a vote' }),
  ];
  for (const item of offered(menu)) await expect(item).toHaveCount(0);
  await jo.page.keyboard.press('Escape');
  const factMenu = await facilitator.canvas.openCardMenu('Action', 1);
  for (const item of offered(factMenu)) await expect(item).toBeVisible();
  await facilitator.page.keyboard.press('Escape');

  await facilitator.page.getByRole('button', { name: 'Present' }).click();
  await expect(jo.page).toHaveURL(/\/present\/action$/);
  await expect(jo.page.getByText('Housing officers call first')).toBeVisible();
  await expectNoAxeViolations(jo.page, 'presenting mode followed on a phone');
  // Leaving presenting mode on one's own stops following.
  await jo.page.keyboard.press('Escape');
  await jo.canvas.expectOnStep('Action');
  await expect(jo.page.getByRole('button', { name: 'Follow the facilitator' })).toHaveAttribute('aria-pressed', 'false');
  await facilitator.page.keyboard.press('Escape');
  await facilitator.canvas.openStep('Insight');
  await expect(facilitator.page).toHaveURL(/\/step\/insight$/);
  await jo.canvas.expectOnStep('Action');
});
