/**
 * Never lose a keystroke (issue 8): steady typing, a renderer crash inside
 * the save window, the same card typed in two tabs in the same second, and a
 * full disk with two tabs open. Each case failed before the fix.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { APP_ORIGIN, CanvasPage, expect, test } from './fixtures';

/** Opens `url` in a new tab of the same browser profile and waits for the canvas. */
async function reopen(context: BrowserContext, url: string): Promise<CanvasPage> {
  const again = await context.newPage();
  await again.goto(url);
  const canvas = new CanvasPage(again);
  await canvas.waitUntilOpen();
  return canvas;
}

/** Crashes the tab's renderer, as a browser bug or an out-of-memory kill does: no pagehide, no beforeunload. */
async function crashRenderer(page: Page): Promise<void> {
  const crashed = page.waitForEvent('crash');
  const cdp = await page.context().newCDPSession(page);
  // Not awaited: the answer never comes, the renderer is gone.
  void cdp.send('Page.crash').catch(() => {});
  await crashed;
}

/** The card texts stored in IndexedDB right now, read from another tab (what a crash this instant would keep in IndexedDB). */
async function storedCardTexts(context: BrowserContext): Promise<string[]> {
  const reader = await context.newPage();
  await reader.goto('/robots.txt');
  const texts = await reader.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('outcome-canvas');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('cards').objectStore('cards').getAll();
          all.onsuccess = () => {
            resolve((all.result as { text: string }[]).map((card) => card.text));
            request.result.close();
          };
        };
      }),
  );
  await reader.close();
  return texts;
}

/**
 * A disk that fills up, through Chromium's storage quota for the app's
 * origin. Chromium's IndexedDB keeps the space it has left in a cache for
 * some 30 s and asks again only when a write needs more than that; so the
 * quota starts at 20 MB (set before the app loads), and filling the disk
 * lowers it to one byte and asks for more than is cached.
 */
class Disk {
  private constructor(private readonly cdp: CDPSession) {}

  private async send(quotaSize?: number): Promise<void> {
    await this.cdp.send(
      'Storage.overrideQuotaForOrigin',
      quotaSize === undefined ? { origin: APP_ORIGIN } : { origin: APP_ORIGIN, quotaSize },
    );
  }

  /**
   * Call before the app first loads in this browser context. The override
   * lasts as long as the DevTools session that set it, so that session
   * lives on a blank page of its own, which outlives the app's tabs.
   */
  static async limit(context: BrowserContext): Promise<Disk> {
    const keeper = await context.newPage();
    const disk = new Disk(await context.newCDPSession(keeper));
    await disk.send(20 * 1024 * 1024);
    return disk;
  }

  async fill(page: Page): Promise<void> {
    await this.send(1);
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('test-disk-filler');
          request.onupgradeneeded = () => request.result.createObjectStore('filler');
          request.onsuccess = () => {
            const tx = request.result.transaction('filler', 'readwrite');
            tx.objectStore('filler').put('x'.repeat(30 * 1024 * 1024), 1);
            tx.oncomplete = () => resolve('stored');
            tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
          };
        }),
    );
    expect(outcome, 'the disk is full').toBe('QuotaExceededError');
  }

  async free(): Promise<void> {
    await this.send();
  }
}

test('steady typing that never pauses reaches IndexedDB every second, and a crash at any moment loses none of it', async ({
  library,
  page,
  context,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Steady typing');
  await canvas.addCard('Outcome', 'Families', { paste: true });
  await canvas.expectSaved();
  const url = page.url();
  await canvas.editCard('Outcome', 1);

  // Five keys a second, never a pause long enough for the 300 ms autosave wait.
  const typed = ' in temporary housing get a home';
  let written = 0;
  for (const [i, key] of [...typed].entries()) {
    await page.keyboard.type(key);
    await page.waitForTimeout(200);
    if (i === 15) {
      // Three seconds in: most of it is in IndexedDB already, not only on screen.
      const [stored] = await storedCardTexts(context);
      written = stored!.length - 'Families'.length;
    }
  }
  expect(written).toBeGreaterThanOrEqual(10);
  // And the renderer crashes the moment the last key is in.
  await crashRenderer(page);

  const reopened = await reopen(context, url);
  await reopened.expectCards('Outcome', [`Families${typed}`]);
  await reopened.expectSaved();
});

for (const after of [0, 50, 100]) {
  test(`a renderer crash ${after} ms after the last key loses nothing`, async ({ library, page, context }) => {
    await library.goto();
    const canvas = await library.createCanvas(`Crash after ${after} ms`);
    await canvas.addCard('Outcome', 'Saved long ago', { paste: true });
    await canvas.expectSaved();
    const url = page.url();

    await canvas.editCard('Outcome', 1);
    await page.keyboard.type(', and typed just before the crash');
    await canvas.descriptionInput.click();
    await page.keyboard.type('A description typed last');
    if (after) await page.waitForTimeout(after);
    await crashRenderer(page);

    const reopened = await reopen(context, url);
    await reopened.expectCards('Outcome', ['Saved long ago, and typed just before the crash']);
    await expect(reopened.descriptionInput).toHaveValue('A description typed last');
    await reopened.expectSaved();
    // Stored, not only recovered on screen: a reload still has it.
    await reopened.reload();
    await reopened.expectCards('Outcome', ['Saved long ago, and typed just before the crash']);
  });
}

/** Opens the canvas at `page` in a second tab, both with the cursor at the end of the first Outcome card. */
async function secondTab(page: Page, a: CanvasPage): Promise<CanvasPage> {
  const pageB = await page.context().newPage();
  await pageB.goto(page.url());
  const b = new CanvasPage(pageB);
  await b.waitUntilOpen();
  await b.expectCards('Outcome', ['Shared card.']);
  for (const canvas of [a, b]) await canvas.editCard('Outcome', 1);
  return b;
}

/** The notice about a text changed in two places at once. */
const notice = (page: Page) => page.getByRole('status').filter({ hasText: 'Changed in two places at once: card 1 in Outcome.' });
const undoButton = (page: Page) => notice(page).getByRole('button', { name: 'Undo: keep only this tab’s version' });

test('two tabs typing in one card in the same second: both tabs end with every word of both, and both say so', async ({
  library,
  page,
}) => {
  await library.goto();
  const a = await library.createCanvas('One card, two tabs');
  await a.addCard('Outcome', 'Shared card.', { paste: true });
  await a.expectSaved();
  const b = await secondTab(page, a);

  // Key by key, at once, for longer than a save takes to come round: each tab saves, and takes in the other's, while typing.
  const typedInA = ' Hackney residents who wait longest for a home come first.';
  const typedInB = ' Ask the families how they want to be contacted.';
  await Promise.all([page.keyboard.type(typedInA, { delay: 30 }), b.page.keyboard.type(typedInB, { delay: 30 })]);

  // Both tabs settle on one text holding each tab's sentence whole.
  for (const canvas of [a, b]) {
    await expect(canvas.cardEditor('Outcome', 1)).toHaveValue(new RegExp(typedInA.slice(1)), { timeout: 5_000 });
    await expect(canvas.cardEditor('Outcome', 1)).toHaveValue(new RegExp(typedInB.slice(1)), { timeout: 5_000 });
    await expect(canvas.cardEditor('Outcome', 1)).toHaveValue(/^Shared card\./);
    await canvas.expectSaved();
  }
  await expect(b.cardEditor('Outcome', 1)).toHaveValue(await a.cardEditor('Outcome', 1).inputValue());
  // Nothing silent: both tabs say what happened.
  for (const canvas of [a, b]) await expect(notice(canvas.page)).toContainText('both versions are kept');

  const merged = await a.cardEditor('Outcome', 1).inputValue();
  for (const canvas of [a, b]) {
    await canvas.reload();
    await canvas.expectCards('Outcome', [merged]);
  }
});

test('the tab that kept both texts can undo it, and the other tab follows', async ({ library, page }) => {
  await library.goto();
  const a = await library.createCanvas('Undo a combined card');
  await a.addCard('Outcome', 'Shared card.', { paste: true });
  await a.expectSaved();
  const b = await secondTab(page, a);

  // A word each, in the same instant: neither tab has saved when the other types.
  await Promise.all([page.keyboard.insertText(' From A.'), b.page.keyboard.insertText(' From B.')]);
  for (const canvas of [a, b]) {
    await expect(canvas.cardEditor('Outcome', 1)).toHaveValue(/From A\./, { timeout: 5_000 });
    await expect(canvas.cardEditor('Outcome', 1)).toHaveValue(/From B\./, { timeout: 5_000 });
    await expect(notice(canvas.page)).toBeVisible();
  }

  // Only the tab that put them together can undo it; the other was told.
  expect([await undoButton(page).count(), await undoButton(b.page).count()].sort()).toEqual([0, 1]);
  const [undoer, other] = (await undoButton(page).count()) ? [a, b] : [b, a];
  const own = `Shared card. From ${undoer === a ? 'A' : 'B'}.`;
  await undoButton(undoer.page).click();
  await undoer.expectCardText('Outcome', 1, own);
  await expect(notice(undoer.page)).toBeHidden();
  await other.expectCardText('Outcome', 1, own, { timeout: 5_000 });
  await notice(other.page).getByRole('button', { name: 'OK' }).click();
  await expect(notice(other.page)).toBeHidden();

  for (const canvas of [a, b]) {
    await canvas.reload();
    await canvas.expectCards('Outcome', [own]);
  }
});

test('a full disk with two tabs open: both tabs’ edits survive closing both, and come back when there is space', async ({
  library,
  page,
  context,
}) => {
  const disk = await Disk.limit(page.context());
  await library.goto();
  const a = await library.createCanvas('Full disk, two tabs');
  await a.addCard('Outcome', 'Card for tab A', { paste: true });
  await a.addCard('Outcome', 'Card for tab B', { paste: true });
  await a.expectSaved();
  const url = page.url();
  const pageB = await context.newPage();
  await pageB.goto(url);
  const b = new CanvasPage(pageB);
  await b.waitUntilOpen();

  await disk.fill(page);
  await a.setCardText('Outcome', 1, 'Changed in tab A when the disk was full');
  await b.setCardText('Outcome', 2, 'Changed in tab B when the disk was full');
  for (const p of [page, pageB]) {
    await expect(p.getByRole('alert').filter({ hasText: 'storage space' })).toContainText('Outcome Canvas keeps trying to save them');
  }
  // Tab B saves nothing either; tab A is closed first, then B.
  await page.close({ runBeforeUnload: true });
  await pageB.close({ runBeforeUnload: true });

  // Later there is space again, and the canvas is opened.
  await disk.free();
  const reopened = await reopen(context, url);
  await reopened.expectCards('Outcome', ['Changed in tab A when the disk was full', 'Changed in tab B when the disk was full']);
  await reopened.expectSaved();
  await reopened.reload();
  await reopened.expectCards('Outcome', ['Changed in tab A when the disk was full', 'Changed in tab B when the disk was full']);
});

test('a full disk: when space comes back, the edit is saved by itself, with no further edit, and the app says so', async ({
  library,
  page,
}) => {
  const disk = await Disk.limit(page.context());
  await library.goto();
  const canvas = await library.createCanvas('Space comes back');
  await canvas.addCard('Outcome', 'Saved while there was space', { paste: true });
  await canvas.expectSaved();
  await disk.fill(page);

  await canvas.setCardText('Outcome', 1, 'Typed when the disk was full');
  const warning = page.getByRole('alert').filter({ hasText: 'storage space' });
  await expect(warning).toBeVisible();
  await expect(canvas.saveStatus).toHaveText(/^Not saved/);

  // Space again; nobody touches anything.
  await disk.free();
  await expect(
    page.getByRole('status').filter({ hasText: 'Storage is working again: all your changes are saved in this browser.' }),
  ).toBeVisible({
    timeout: 15_000,
  });
  await expect(warning).toBeHidden();
  await canvas.expectSaved();
  await canvas.reload();
  await canvas.expectCards('Outcome', ['Typed when the disk was full']);
});
