/**
 * The edges of sharing a canvas live (issue 13).
 */
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { newParticipantId, newSecret, votesDocName } from '../../src/sync/protocol';
import { connectRoom } from '../../src/sync/transport';
import { rawClient } from '../unit/server/rawClient';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import {
  LAPTOP,
  PHONE,
  SYNC_WS,
  credentialsOf,
  expectFits,
  join,
  setPermission,
  shareCanvas,
  syncStatus,
  devicesForEachTest,
} from './sharingDevices';

const device = devicesForEachTest();

/** Counts the WebSocket connections a page opens to the sync server. */
function countConnections(page: Page): () => number {
  let opened = 0;
  page.on('websocket', (socket) => {
    if (socket.url().endsWith('/sync')) opened += 1;
  });
  return () => opened;
}

test('a deletion the facilitator forbade while a participant was offline is put back; the participant’s other edits arrive; no reconnection loop', async ({
  browser,
}) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Changing rules', ['Fewer evictions', 'Fewer exclusions']);
  await setPermission(facilitator, 'Delete cards', true);
  const jo = await device(browser, PHONE);
  const connections = countConnections(jo.page);
  await join(jo, link, 'Jo');
  await expect(jo.page.getByRole('list', { name: 'Not allowed', includeHidden: true })).not.toContainText('Delete cards');

  await jo.context.setOffline(true);
  await expect(syncStatus(jo.page)).toHaveText(/^Offline/);
  await jo.canvas.deleteCard('Outcome', 2);
  const editor = await jo.canvas.editCard('Outcome', 1);
  await editor.press('End');
  await jo.page.keyboard.type(' for good');
  await jo.page.keyboard.press('Escape');
  await jo.canvas.expectCards('Outcome', ['Fewer evictions for good']);
  await setPermission(facilitator, 'Delete cards', false);

  const before = connections();
  await jo.context.setOffline(false);
  await expect(
    jo.page.getByRole('alert').filter({
      hasText: 'Your deletion of “Fewer exclusions” was not kept: the facilitator no longer allows participants to delete cards.',
    }),
  ).toBeVisible({ timeout: 20_000 });
  for (const one of [facilitator, jo]) {
    await expect(syncStatus(one.page)).toHaveText('Shared: in step with everyone', { timeout: 20_000 });
    await one.canvas.expectCards('Outcome', ['Fewer evictions for good', 'Fewer exclusions']);
  }
  const settled = connections();
  expect(settled - before).toBeLessThanOrEqual(2);
  await facilitator.canvas.addCard('Outcome', 'Still in step');
  await facilitator.page.keyboard.press('Escape');
  await jo.canvas.expectCards('Outcome', ['Fewer evictions for good', 'Fewer exclusions', 'Still in step']);
  await expect(syncStatus(jo.page)).toHaveText('Shared: in step with everyone');
  expect(connections()).toBe(settled);
});

test('each person’s dots document opens only on their own device: not the facilitator’s, not another participant’s', async ({
  browser,
}) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Secret ballot', ['Fewer evictions']);
  const sam = await device(browser);
  await join(sam, link, 'Sam');
  await sam.page.getByRole('button', { name: 'Your dots' }).click();
  const dots = sam.page.getByRole('dialog', { name: 'Your dots' });
  await dots.getByRole('button', { name: 'Add a dot to “Fewer evictions”' }).click();
  await expect(dots).toContainText('You have placed 1 of your 3 dots.');

  // Sam's votes document, asked for by hand with the facilitator's own credentials, then with another participant's.
  const sams = await credentialsOf(sam.page);
  const alex = await credentialsOf(facilitator.page);
  const samsVotes = votesDocName(sams.roomId, sams.credentials.participantId);
  const someoneElse = { secret: sams.credentials.secret, participantId: newParticipantId(), participantKey: newSecret() };
  for (const credentials of [alex.credentials, someoneElse]) {
    const snoop = rawClient(SYNC_WS, samsVotes, credentials);
    expect(await snoop.signedIn).toBe('invalid-link');
    snoop.close();
  }
  // The facilitator still sees the totals once revealed: the server adds them up.
  await facilitator.page.getByRole('button', { name: 'Your dots' }).click();
  const theirs = facilitator.page.getByRole('dialog', { name: 'Your dots' });
  await expect(theirs.getByText('All dots')).toHaveCount(0);
  await theirs.getByRole('button', { name: 'Reveal everyone’s dots' }).click();
  await expect(theirs.getByRole('listitem').filter({ hasText: 'Fewer evictions' })).toContainText('All dots: 1');
  await expect(syncStatus(sam.page)).toHaveText('Shared: in step with everyone');
});

test('moves across steps, colours, ethics statuses and notes made on one device appear on the other; a check the facilitator forbids is not offered', async ({
  browser,
}) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Everything travels', ['Fewer evictions', 'Fewer exclusions']);
  await setPermission(facilitator, 'Change ethics and governance checks', true);
  const sam = await device(browser);
  await join(sam, link, 'Sam');
  await expect(sam.canvas.checkRadio('Outcome', 'Trust', 'Concern raised')).toBeEnabled();
  for (const one of [facilitator, sam]) await one.canvas.openWholeBoard();

  // A move across steps by keyboard drag, on the participant's device.
  await sam.canvas.dragWithKeyboard('Outcome', 1, [{ key: 'ArrowRight', over: 'Action, position 1 of 1' }]);
  await facilitator.canvas.expectCards('Outcome', ['Fewer exclusions']);
  await facilitator.canvas.expectCards('Action', ['Fewer evictions']);
  // A colour, on the facilitator's.
  await facilitator.canvas.setColour('Outcome', 1, 'Blue');
  await sam.canvas.expectColour('Outcome', 1, 'Blue');

  // An ethics status and its notes, both ways.
  for (const one of [facilitator, sam]) {
    await one.canvas.stepByStepLink.click();
    await one.canvas.expectOnStep('Outcome');
  }
  await sam.canvas.setCheck('Outcome', 'Trust', 'Concern raised', 'Families may doubt the purpose');
  await expect(facilitator.canvas.checkRadio('Outcome', 'Trust', 'Concern raised')).toBeChecked();
  await expect(facilitator.canvas.checkNotes('Outcome', 'Trust')).toHaveValue('Families may doubt the purpose');
  await facilitator.canvas.setCheck('Outcome', 'Power', 'Not applicable', 'Statutory duty');
  await expect(sam.canvas.checkRadio('Outcome', 'Power', 'Not applicable')).toBeChecked();
  await expect(sam.canvas.checkNotes('Outcome', 'Power')).toHaveValue('Statutory duty');

  // The facilitator takes the checks back: the participant's screen no longer offers them, and says why.
  await setPermission(facilitator, 'Change ethics and governance checks', false);
  for (const status of ['Not yet discussed', 'Discussed, no concern', 'Concern raised', 'Not applicable'] as const)
    await expect(sam.canvas.checkRadio('Outcome', 'Trust', status)).toBeDisabled();
  await expect(sam.canvas.checkNotes('Outcome', 'Trust')).not.toBeEditable();
  await expect(sam.canvas.checkStatus('Outcome', 'Trust')).toHaveAccessibleDescription(
    'In this shared canvas the facilitator has not allowed participants to change ethics and governance checks.',
  );
  await sam.canvas.openConcerns();
  const concern = sam.canvas.concern('Outcome', 'Trust');
  await expect(concern).toBeVisible();
  await expect(concern.getByRole('button', { name: /Mark resolved/ })).toHaveCount(0);
  await expect(concern.getByRole('button', { name: /Create an action/ })).toBeVisible();
  await expect(syncStatus(sam.page)).toHaveText('Shared: in step with everyone');
});

for (const [name, viewport] of [
  ['a phone', PHONE],
  ['a laptop', LAPTOP],
] as const) {
  test(`on ${name}, a participant is offered none of the facilitator’s controls`, async ({ browser }) => {
    const facilitator = await device(browser, LAPTOP);
    const link = await shareCanvas(facilitator, 'Only what I may use', ['Fewer evictions']);
    const jo = await device(browser, viewport);
    await join(jo, link, 'Jo');
    await expectFits(jo.page);

    // The canvas's title and description are the facilitator's (by default).
    await expect(jo.canvas.titleInput).not.toBeEditable();
    await expect(jo.canvas.descriptionInput).not.toBeEditable();
    await expect(facilitator.canvas.titleInput).toBeEditable();
    // No Workshop view (agenda, timer, voting settings, workshop details): the parking lot and the action log instead.
    await expect(jo.canvas.views.getByRole('link', { name: 'Workshop', exact: true })).toHaveCount(0);
    await jo.canvas.views.getByRole('link', { name: 'Parking lot and actions' }).click();
    await expect(jo.page.getByRole('heading', { level: 2, name: 'Parking lot and actions' })).toBeVisible();
    await expect(jo.page.getByRole('heading', { name: 'Parking lot (0)' })).toBeVisible();
    await expect(jo.page.getByRole('heading', { name: /^Action log/ })).toBeVisible();
    for (const facilitatorOnly of ['Agenda and timer', 'Dot voting', 'Workshop details'])
      await expect(jo.page.getByRole('heading', { name: facilitatorOnly })).toHaveCount(0);
    await jo.page.getByRole('textbox', { name: 'What needs doing' }).fill('Ask the data team');
    await jo.page.getByRole('button', { name: 'Add action' }).click();
    await facilitator.canvas.views.getByRole('link', { name: 'Workshop', exact: true }).click();
    await expect(facilitator.page.getByRole('heading', { name: 'Agenda and timer' })).toBeVisible();
    await expect(facilitator.page.getByRole('textbox', { name: 'Action 1', exact: true })).toHaveValue('Ask the data team');
    await expectNoAxeViolations(jo.page, 'the participant’s parking lot and actions');

    // At Insight: the data inventory is shown, not offered; no timer, no facilitator notes.
    await jo.canvas.stepByStepLink.click();
    await jo.canvas.openStep('Insight');
    await expect(jo.page.getByRole('button', { name: '+ Add a data set' })).toHaveCount(0);
    await expect(jo.page.getByText('the facilitator has not allowed participants to edit the data inventory')).toBeVisible();
    await expect(jo.page.getByRole('heading', { name: 'Timer' })).toHaveCount(0);
    await expect(jo.page.getByRole('complementary', { name: 'Facilitator notes and other steps' })).toHaveCount(0);
    await expect(jo.page.getByRole('complementary', { name: 'Other steps' })).toBeVisible();
    await expectFits(jo.page);

    // Presenting mode: no timer, and no timer key among the shortcuts.
    await jo.page.getByRole('button', { name: 'Present' }).click();
    await expect(jo.page).toHaveURL(/\/present\/insight$/);
    await expect(jo.page.getByRole('button', { name: 'Timer' })).toHaveCount(0);
    await jo.page.keyboard.press('?');
    await expect(jo.page.getByRole('dialog', { name: 'Keyboard shortcuts' })).not.toContainText('timer');
  });
}

test('the facilitator’s notes never leave the facilitator’s device: not in what the server holds, not on a participant’s screen', async ({
  browser,
}) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Private notes', ['Fewer evictions']);
  const rail = facilitator.canvas.facilitatorRail();
  await rail.getByText('Facilitator notes', { exact: true }).click();
  await rail.getByText('Edit notes for Outcome').click();
  await rail.getByRole('textbox', { name: 'Notes' }).fill('The DPO is sceptical: ask her first');
  await facilitator.canvas.addCard('Outcome', 'Written after the note');
  await facilitator.page.keyboard.press('Escape');
  const sam = await device(browser);
  await join(sam, link, 'Sam');
  await sam.canvas.expectCards('Outcome', ['Fewer evictions', 'Written after the note']);
  await expect(sam.page.getByText('DPO is sceptical')).toHaveCount(0);

  // What any device in the room receives: the whole shared document, read with the participant's own credentials.
  const { roomId, credentials } = await credentialsOf(sam.page);
  const doc = new Y.Doc();
  const reader = connectRoom({ roomId, credentials, canvas: doc, url: SYNC_WS, WebSocketPolyfill: WebSocket });
  await reader.whenSynced();
  reader.destroy();
  // Every part of it, whatever fields it holds.
  const received = JSON.stringify(Object.fromEntries([...doc.share.keys()].map((name) => [name, doc.getMap(name).toJSON()])));
  expect(received).toContain('Written after the note');
  expect(received).not.toContain('sceptical');
  doc.destroy();
  // The facilitator still has them.
  await facilitator.canvas.reload();
  await expect(facilitator.canvas.facilitatorRail()).toContainText('The DPO is sceptical: ask her first');
});

test('dots placed offline beyond a limit the facilitator lowered meanwhile: the rest are kept, the device says so and is back in step', async ({
  browser,
}) => {
  const facilitator = await device(browser);
  const link = await shareCanvas(facilitator, 'Fewer dots', ['Fewer evictions', 'Fewer exclusions']);
  const jo = await device(browser, PHONE);
  await join(jo, link, 'Jo');
  // Once online first, as in the room: the dialog's code is then on the device.
  await jo.page.getByRole('button', { name: 'Your dots' }).click();
  const dots = jo.page.getByRole('dialog', { name: 'Your dots' });
  await dots.getByRole('button', { name: 'Done' }).click();
  await jo.context.setOffline(true);
  await expect(syncStatus(jo.page)).toHaveText(/^Offline/);
  await jo.page.getByRole('button', { name: 'Your dots' }).click();
  await dots.getByRole('button', { name: 'Add a dot to “Fewer evictions”' }).click();
  await dots.getByRole('button', { name: 'Add a dot to “Fewer exclusions”' }).click();
  await dots.getByRole('button', { name: 'Add a dot to “Fewer exclusions”' }).click();
  await expect(dots).toContainText('You have placed 3 of your 3 dots.');
  await dots.getByRole('button', { name: 'Done' }).click();
  // Meanwhile the facilitator gives everyone 2 dots.
  await facilitator.canvas.views.getByRole('link', { name: 'Workshop', exact: true }).click();
  await facilitator.page.getByRole('spinbutton', { name: 'Votes per person' }).fill('2');

  await jo.context.setOffline(false);
  await expect(jo.page.getByRole('alert').filter({ hasText: '1 of your dots was not kept: each person now has 2.' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(syncStatus(jo.page)).toHaveText('Shared: in step with everyone', { timeout: 20_000 });
  await jo.page.getByRole('button', { name: 'Your dots' }).click();
  await expect(dots).toContainText('You have placed 2 of your 2 dots.');
  // The facilitator's reveal counts what was kept.
  await facilitator.canvas.stepByStepLink.click();
  await facilitator.page.getByRole('button', { name: 'Your dots' }).click();
  const theirs = facilitator.page.getByRole('dialog', { name: 'Your dots' });
  await theirs.getByRole('button', { name: 'Reveal everyone’s dots' }).click();
  await expect(theirs.getByRole('listitem').filter({ hasText: 'Fewer evictions' })).toContainText('All dots: 1');
  await expect(theirs.getByRole('listitem').filter({ hasText: 'Fewer exclusions' })).toContainText('All dots: 1');
});
