/**
 * One canvas open in two tabs of the same browser, both editing at once:
 * both say so, each shows the other's edits within a second or two, and
 * after both reload nothing from either is lost.
 */
import type { Locator, Page } from '@playwright/test';
import { watchCsp } from './csp';
import { CanvasPage, LibraryPage, expect, test } from './fixtures';
import { ImportPanel, downloadedText } from './pages/ImportPanel';
import type { Step } from './pages/CanvasPage';

watchCsp(test);

/** "Within ~1–2 s": the autosave delay (300 ms), the write, the message and the merge, on a busy 2-core machine. */
const SOON = { timeout: 3_000 };

const presenceNotice = (page: Page): Locator =>
  page.getByRole('status').filter({ hasText: 'This canvas is also open in another tab or window.' });

/** The texts of a step's cards, whatever their order. */
async function cardValues(canvas: CanvasPage, step: Step): Promise<string[]> {
  return (await canvas.cardValues(step)).sort();
}

/**
 * Adds a card and types into it, as a person does, while the other tab may
 * be adding cards too: the new card takes focus, but its position is not
 * known in advance (a card from the other tab can arrive at the same moment).
 */
async function addCardWhileOthersEdit(canvas: CanvasPage, step: Step, text: string): Promise<void> {
  await canvas.addCardButton(step).click();
  const focusedCard = canvas.cardList(step).getByRole('textbox').and(canvas.page.locator(':focus'));
  await expect(focusedCard).toHaveValue('');
  await canvas.page.keyboard.type(text);
  await expect(focusedCard).toHaveValue(text);
}

test('two tabs editing one canvas at once: both are told, each sees the other’s edits, nothing is lost', async ({
  library,
  page,
  context,
}) => {
  await library.goto();
  const a = await library.createCanvas('Two tabs');
  await a.addCard('Outcome', 'Written before the second tab opened', { paste: true });
  await a.expectSaved();

  const pageB = await context.newPage();
  await pageB.goto(page.url());
  const b = new CanvasPage(pageB);
  await b.waitUntilOpen();
  await b.expectCards('Outcome', ['Written before the second tab opened']);

  await expect(presenceNotice(page)).toBeVisible();
  await expect(presenceNotice(pageB)).toBeVisible();
  await expect(presenceNotice(pageB)).toContainText('Edits from all of them are kept');

  // Both at once, typing key by key: A adds a card and raises a concern;
  // B edits the first card, adds one of its own and records another check.
  await Promise.all([
    (async () => {
      await addCardWhileOthersEdit(a, 'Outcome', 'Added in tab A');
      await a.setCheck('Outcome', 'Trust', 'Concern raised', 'Noted in tab A');
    })(),
    (async () => {
      await b.editCard('Outcome', 1);
      await pageB.keyboard.type(', edited in tab B');
      await addCardWhileOthersEdit(b, 'Outcome', 'Added in tab B');
      await b.setCheck('Outcome', 'Consent', 'Discussed, no concern', 'Noted in tab B');
    })(),
  ]);

  const everything = ['Added in tab A', 'Added in tab B', 'Written before the second tab opened, edited in tab B'];
  for (const canvas of [a, b]) {
    await expect.poll(() => cardValues(canvas, 'Outcome'), SOON).toEqual(everything);
    await expect(canvas.checkRadio('Outcome', 'Trust', 'Concern raised')).toBeChecked(SOON);
    await expect(canvas.checkNotes('Outcome', 'Trust')).toHaveValue('Noted in tab A', SOON);
    await expect(canvas.checkRadio('Outcome', 'Consent', 'Discussed, no concern')).toBeChecked(SOON);
    await expect(canvas.checkNotes('Outcome', 'Consent')).toHaveValue('Noted in tab B', SOON);
    await expect(canvas.concernsLink).toHaveText('Open concerns (1)');
    await canvas.expectSaved();
  }
  // Both tabs show the cards in the same order.
  const orderInA = await a.cardValues('Outcome');
  await b.expectCards('Outcome', orderInA);

  // One more round, the other way: B's title change reaches A, A's new card in Action reaches B.
  await b.setTitle('Two tabs, renamed in B');
  await a.openStep('Action');
  await a.addCard('Action', 'An action from tab A');
  await expect(a.titleInput).toHaveValue('Two tabs, renamed in B', SOON);
  await b.openStep('Action');
  await expect.poll(() => cardValues(b, 'Action'), SOON).toEqual(['An action from tab A']);

  // After reloading both, everything from both is there, in both.
  await a.expectSaved();
  await b.expectSaved();
  for (const canvas of [a, b]) {
    await canvas.reload();
    await expect(canvas.titleInput).toHaveValue('Two tabs, renamed in B');
    await canvas.expectCards('Action', ['An action from tab A']);
    await canvas.openStep('Outcome');
    expect(await cardValues(canvas, 'Outcome')).toEqual(everything);
    await expect(canvas.checkNotes('Outcome', 'Trust')).toHaveValue('Noted in tab A');
    await expect(canvas.checkNotes('Outcome', 'Consent')).toHaveValue('Noted in tab B');
  }
  // The notice goes when the other tab closes.
  await pageB.close();
  await expect(presenceNotice(page)).toBeHidden({ timeout: 5_000 });
});

test('a card added in one tab and taken back with Undo also goes from the other tab', async ({ library, page, context }) => {
  await library.goto();
  const a = await library.createCanvas('Undo in one of two tabs');
  await a.addCard('Outcome', 'Stays');
  await a.expectSaved();
  const pageB = await context.newPage();
  await pageB.goto(page.url());
  const b = new CanvasPage(pageB);
  await b.waitUntilOpen();
  await expect(presenceNotice(pageB)).toBeVisible();

  await a.addCard('Outcome', 'Added by mistake');
  await b.expectCards('Outcome', ['Stays', 'Added by mistake']);
  // Undo the typing, then the new card itself.
  await a.undoButton.click();
  await a.expectCards('Outcome', ['Stays', '']);
  await a.undoButton.click();
  await a.expectCards('Outcome', ['Stays']);
  await a.expectSaved();

  await expect(b.cards('Outcome')).toHaveCount(1, SOON);
  await b.expectCards('Outcome', ['Stays']);
});

test('a backup restored with “Replace the ones here” replaces the canvas in a tab that has it open', async ({ library, page, context }) => {
  await library.goto();
  const canvas = await library.createCanvas('Restored elsewhere');
  await canvas.addCard('Outcome', 'As in the backup', { paste: true });
  await canvas.expectSaved();
  await canvas.allCanvasesLink.click();
  const panel = new ImportPanel(page);
  const backup = await downloadedText(await panel.downloadBackup());

  // In another tab the canvas is open, and changes after the backup.
  const pageB = await context.newPage();
  const libraryB = new LibraryPage(pageB);
  await libraryB.goto();
  const b = await libraryB.open('Restored elsewhere');
  await b.setCardText('Outcome', 1, 'Changed after the backup');
  await b.addCard('Outcome', 'Added after the backup', { paste: true });
  await b.expectSaved();

  // The first tab restores the backup over it.
  await panel.importFile({ name: 'backup.json', text: backup });
  await panel.replaceButton.click();
  await expect(panel.result).toHaveText('Restored 1 canvas: 1 replaced.');

  // The open tab shows the canvas as restored, as a reload would.
  await expect(b.cards('Outcome')).toHaveCount(1, SOON);
  await b.expectCards('Outcome', ['As in the backup']);
});
