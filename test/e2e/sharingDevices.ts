/**
 * Devices for the sharing specs: each one a browser context of its own on
 * the sync server's origin (as `npm start` serves it), with the same guard
 * as every other test, and the steps a person takes to share a canvas and
 * to join one.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { SYNC_ORIGIN } from '../../playwright.config';
import type { Credentials } from '../../src/sync/protocol';
import { CanvasPage, expect, type Guard, installGuard, LibraryPage, problemsSeen, test } from './fixtures';

export interface Device {
  context: BrowserContext;
  page: Page;
  guard: Guard;
  canvas: CanvasPage;
}

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 768 };

/** Opens devices for one spec file's tests, and closes them after each test, failing it on any problem a device saw. */
export function devicesForEachTest(): (browser: Browser, viewport?: { width: number; height: number }) => Promise<Device> {
  const devices: Device[] = [];
  test.afterEach(async () => {
    const problems = devices.flatMap((one) => problemsSeen(one.guard));
    await Promise.all(devices.splice(0).map((one) => one.context.close()));
    expect(problems, 'no device may log errors, throw, or contact other origins').toEqual([]);
  });
  return async (browser, viewport = { width: 1280, height: 800 }) => {
    const context = await browser.newContext({ baseURL: SYNC_ORIGIN, viewport, locale: 'en-GB' });
    const guard = installGuard(context, SYNC_ORIGIN);
    const page = await context.newPage();
    const made = { context, page, guard, canvas: new CanvasPage(page) };
    devices.push(made);
    return made;
  };
}

export const syncStatus = (page: Page) => page.locator('.sync-status').first();

/** The facilitator's device with a new canvas, shared; resolves to the invite link. */
export async function shareCanvas(facilitator: Device, title: string, cards: string[] = []): Promise<string> {
  const library = new LibraryPage(facilitator.page);
  await library.goto();
  await library.createCanvas(title);
  for (const text of cards) await facilitator.canvas.addCard('Outcome', text);
  return shareOpenCanvas(facilitator);
}

/** Shares the canvas open on the facilitator's device; resolves to the invite link. */
export async function shareOpenCanvas(facilitator: Device): Promise<string> {
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

export async function join(participant: Device, link: string, name: string): Promise<void> {
  await participant.page.goto(link);
  await expect(participant.page.getByRole('heading', { level: 1, name: 'Join a shared canvas' })).toBeVisible();
  await participant.page.getByRole('textbox', { name: 'Your name, shown to the others' }).fill(name);
  await participant.page.getByRole('button', { name: 'Join' }).click();
  await participant.canvas.waitUntilOpen();
  await expect(syncStatus(participant.page)).toHaveText('Shared: in step with everyone');
}

/** The facilitator allows (or stops) something participants may do, in the invite dialog, e.g. "Delete cards". */
export async function setPermission(facilitator: Device, name: string, allowed: boolean): Promise<void> {
  await facilitator.page.getByRole('button', { name: 'Invite link' }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Invite people to this canvas' });
  const box = dialog.getByRole('group', { name: 'What participants may do' }).getByRole('checkbox', { name, exact: true });
  await box.setChecked(allowed);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/** The credentials a device keeps for the shared canvas it has open (what its own app signs in with). */
export async function credentialsOf(page: Page): Promise<{ roomId: string; credentials: Credentials }> {
  const record = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('outcome-canvas:shared:'))!;
    return JSON.parse(localStorage.getItem(key)!) as { roomId: string; secret: string; participantId: string; participantKey: string };
  });
  return {
    roomId: record.roomId,
    credentials: { secret: record.secret, participantId: record.participantId, participantKey: record.participantKey },
  };
}

export const SYNC_WS = `${SYNC_ORIGIN.replace('http', 'ws')}/sync`;

/** Whether the page is no wider than the window (nothing to scroll sideways). */
export async function expectFits(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}
