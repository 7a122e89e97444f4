/**
 * Long columns and long libraries: every card and canvas is on the page, so
 * find-in-page (Ctrl+F, here `window.find`), screen-reader counts and the
 * keyboard reach all of them, even where the browser skips drawing what is
 * off screen.
 */
import { CanvasPage, LibraryPage, expect, test } from './fixtures';
import { ImportPanel } from './pages/ImportPanel';

const CARDS_IN_ACTION = 400;
const NEEDLE = 'zebra crossing audit';
/** Card 390 of Action carries a phrase no other card has. */
const cardTextAt = (n: number) =>
  n === 390 ? `Ask the road safety team for the ${NEEDLE}` : `Action card ${n}: who could do what differently`;

function longCanvasMarkdown(): string {
  const lines = ['# A long workshop', '', '## Outcome', '', '- Safer streets near schools', '', '## Action', ''];
  for (let n = 1; n <= CARDS_IN_ACTION; n++) lines.push(`- ${cardTextAt(n)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Scrolls the page to its end, a window's height at a time less a quarter, as a person pages down a long list; the
 * page's length at each step, once what came on screen is drawn. Scrolled from the page itself: a board of 400
 * cards is ~57,000 px, and a wheel event and a read from the test per step took most of the test's time limit on a
 * slow machine. How the browser draws what scrolls on screen is the same however the page is scrolled.
 */
function lengthsWhileScrolling(page: CanvasPage['page']): Promise<number[]> {
  return page.evaluate(async () => {
    const drawn = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const root = document.documentElement;
    const lengths: number[] = [];
    for (;;) {
      await drawn();
      lengths.push(root.scrollHeight);
      if (window.scrollY + window.innerHeight >= root.scrollHeight - 1) return lengths;
      const before = window.scrollY;
      window.scrollBy(0, Math.round(window.innerHeight * 0.75));
      // A page that no longer scrolls short of its end fails here and says where, rather than running out the test's time.
      if (window.scrollY === before) {
        throw new Error(`the page stopped scrolling at ${before} px of ${root.scrollHeight} (window ${window.innerHeight} px high)`);
      }
    }
  });
}

/**
 * How far the page's length strayed from its first, as a share of it. Were each card or canvas off screen given a
 * height far from its own, the page would grow or shrink as they are drawn, and the scrollbar jump under the pointer.
 */
const drift = (lengths: number[]) => Math.max(...lengths.map((length) => Math.abs(length - lengths[0]!) / lengths[0]!));

/** Selects the next match of `text` in the page, as Ctrl+F does; returns the text of the card it is in. */
function findInPage(page: CanvasPage['page'], text: string): Promise<string | null> {
  return page.evaluate((needle) => {
    window.getSelection()?.removeAllRanges();
    // The browser's find bar also searches `content-visibility: auto` content that has never been laid out, and shows
    // the one holding the match (that is what the property promises); window.find, its scriptable stand-in, skips such
    // content. So, as the find bar does, the elements whose text holds the match are shown for the search.
    const holding = [...document.querySelectorAll<HTMLElement>('*')].filter(
      (element) =>
        getComputedStyle(element).contentVisibility === 'auto' && element.textContent!.toLowerCase().includes(needle.toLowerCase()),
    );
    for (const element of holding) element.style.contentVisibility = 'visible';
    // window.find(string, caseSensitive, backwards, wrapAround)
    const found = (window as unknown as { find: (...args: unknown[]) => boolean }).find(needle, false, false, true);
    for (const element of holding) element.style.contentVisibility = '';
    if (!found) return null;
    const node = window.getSelection()?.anchorNode;
    const element = node instanceof Element ? node : node?.parentElement;
    return element?.closest('[data-card-id], .canvas-item')?.textContent ?? '(found outside a card)';
  }, text);
}

test('a column of 400 cards: the page keeps its length while scrolled, find-in-page finds a card far down, the list counts them all, the keyboard reaches the end', async ({
  library,
  page,
}) => {
  await library.goto();
  await new ImportPanel(page).pasteMarkdown(longCanvasMarkdown());
  const canvas = new CanvasPage(page);
  await expect(canvas.titleInput).toHaveValue('A long workshop');

  for (const view of ['board', 'step'] as const) {
    if (view === 'board') await canvas.openWholeBoard();
    else {
      await canvas.stepByStepLink.click();
      await canvas.openStep('Action');
    }
    await expect(canvas.cards('Action')).toHaveCount(CARDS_IN_ACTION);
    await page.evaluate(() => window.scrollTo(0, 0));
    if (view === 'board') {
      // Scrolled down the whole column, the page keeps its length: cards not yet drawn take the room drawn ones do
      // (7rem for one-line cards 6rem high made it about a tenth longer at the top than at the end).
      expect(drift(await lengthsWhileScrolling(page)), 'the page keeps its length while scrolled').toBeLessThan(0.03);
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    expect(await findInPage(page, NEEDLE), `find-in-page on the ${view}`).toContain(NEEDLE);
    await expect(canvas.card('Action', 390), `the found card is scrolled into view on the ${view}`).toBeInViewport();
    // The card's name is its text, so a screen reader's list of items reads it too.
    await expect(canvas.card('Action', 390)).toHaveAccessibleName(cardTextAt(390));
  }

  // On the step view: End goes to the last card, and a keyboard drag there works.
  await canvas.focusCard('Action', 1);
  await page.keyboard.press('End');
  await expect(canvas.card('Action', CARDS_IN_ACTION)).toBeFocused();
  await expect(canvas.card('Action', CARDS_IN_ACTION)).toBeInViewport();
  await canvas.dragWithKeyboard('Action', CARDS_IN_ACTION, [
    { key: 'ArrowUp', over: `Action, position ${CARDS_IN_ACTION - 1} of ${CARDS_IN_ACTION}` },
  ]);
  await expect(canvas.card('Action', CARDS_IN_ACTION - 1)).toBeFocused();
  await expect(canvas.card('Action', CARDS_IN_ACTION - 1)).toHaveAccessibleName(cardTextAt(CARDS_IN_ACTION));
  await expect(canvas.card('Action', CARDS_IN_ACTION)).toHaveAccessibleName(cardTextAt(CARDS_IN_ACTION - 1));
});

/** Restores a backup of 150 empty canvases, the last (oldest) titled `OLDEST`, and reloads the library. */
const OLDEST = 'The oldest canvas, about allotments';
async function restoreLongLibrary(page: CanvasPage['page']): Promise<LibraryPage> {
  const now = Date.parse('2026-11-01T09:00:00Z');
  const canvases = Array.from({ length: 150 }, (_, i) => ({
    id: `long-library-${i}`,
    title: i === 149 ? OLDEST : `Workshop canvas ${i + 1}`,
    description: '',
    createdAt: now - i * 60_000,
    updatedAt: now - i * 60_000,
    deletedAt: null,
    cards: [],
    checks: [],
  }));
  const backup = { format: 'outcome-canvas-backup', version: 1, exportedAt: new Date(now).toISOString(), canvases };
  const panel = new ImportPanel(page);
  await panel.importFile({ name: 'backup.json', text: JSON.stringify(backup) });
  await expect(panel.result).toContainText('150');
  await page.reload();
  const reloaded = new LibraryPage(page);
  await expect(reloaded.listHeading).toHaveText('150 canvases');
  return reloaded;
}

test('a library of 150 canvases lists every one, and find-in-page finds the last', async ({ library, page }) => {
  await library.goto();
  const reloaded = await restoreLongLibrary(page);
  await expect(reloaded.canvasTitles()).toHaveCount(150);
  expect(await findInPage(page, 'about allotments')).toContain(OLDEST);
  await expect(reloaded.canvas(OLDEST)).toBeInViewport();
});

test('scrolling a library of 150 canvases, the page keeps its length: canvases not yet drawn take the room drawn ones do', async ({
  library,
  page,
}) => {
  await library.goto();
  const reloaded = await restoreLongLibrary(page);
  await expect(reloaded.canvasTitles()).toHaveCount(150);
  // 9rem for items 6.4rem high made the page a fifth longer at the top than at the end.
  expect(drift(await lengthsWhileScrolling(page))).toBeLessThan(0.03);
});
