import type { CanvasPage } from './pages/CanvasPage';
import { expect, test } from './fixtures';

test.describe('moving cards', () => {
  let canvas: CanvasPage;

  test.beforeEach(async ({ library }) => {
    await library.goto();
    canvas = await library.createCanvas('Moving cards');
    await canvas.addCard('Outcome', 'Outcome one', { paste: true });
    await canvas.addCard('Outcome', 'Outcome two', { paste: true });
    await canvas.addCard('Outcome', 'Outcome three', { paste: true });
    await canvas.goToNextStep();
    await canvas.addCard('Action', 'Action one', { paste: true });
  });

  test('with the keyboard, keys pressed the instant the card is picked up are not lost', async () => {
    await canvas.openWholeBoard();
    const card = await canvas.focusCard('Outcome', 1);
    // Space, Right and Space in one go, before the page has had a moment to itself: a quick hand on a busy laptop.
    await card.evaluate((element) => {
      for (const code of ['Space', 'ArrowRight', 'Space'])
        element.ownerDocument.activeElement?.dispatchEvent(
          new KeyboardEvent('keydown', { key: code === 'Space' ? ' ' : code, code, bubbles: true, cancelable: true }),
        );
    });
    await expect(canvas.dragAnnouncement).toHaveText('Dropped. Card “Outcome one” is now in Action, position 1 of 2.');
    await canvas.expectCards('Outcome', ['Outcome two', 'Outcome three']);
    await canvas.expectCards('Action', ['Outcome one', 'Action one']);
  });

  test('with the keyboard on the whole board: left and right to the next column, up and down within it', async () => {
    await canvas.openWholeBoard();
    await canvas.dragWithKeyboard('Outcome', 1, [{ key: 'ArrowRight', over: 'Action, position 1 of 2' }]);
    await expect(canvas.dragAnnouncement).toHaveText('Dropped. Card “Outcome one” is now in Action, position 1 of 2.');
    await canvas.expectCards('Outcome', ['Outcome two', 'Outcome three']);
    await canvas.expectCards('Action', ['Outcome one', 'Action one']);
    // Focus stays on the moved card, in its new place, so the next move is one key away.
    await expect(canvas.card('Action', 1)).toBeFocused();
    for (const [step, n] of [
      ['Action', 1],
      ['Action', 2],
      ['Outcome', 1],
      ['Outcome', 2],
    ] as const)
      await canvas.expectPlaceSaid(step, n);

    // Down past the card below, then on to Insight (empty) and back: Enablers is one step too far and never skipped to.
    await canvas.dragWithKeyboard('Action', 1, [
      { key: 'ArrowDown', over: 'Action, position 2 of 2' },
      { key: 'ArrowRight', over: 'Insight, position 1 of 1' },
      { key: 'ArrowLeft', over: 'Action, position 2 of 2' },
    ]);
    await canvas.expectCards('Action', ['Action one', 'Outcome one']);
    await expect(canvas.card('Action', 2)).toBeFocused();

    await canvas.expectSaved();
    await canvas.reload();
    await canvas.expectCards('Outcome', ['Outcome two', 'Outcome three']);
    await canvas.expectCards('Action', ['Action one', 'Outcome one']);
  });

  test('with the keyboard in the step-by-step view: up and down stay in the step, left and right reach every other step', async ({
    page,
  }) => {
    // Cards sit side by side here; Up and Down still move through the step's order and never leave it.
    await canvas.openStep('Outcome');
    await canvas.dragWithKeyboard('Outcome', 3, [
      { key: 'ArrowUp', over: 'Outcome, position 2 of 3' },
      { key: 'ArrowUp', over: 'Outcome, position 1 of 3' },
      { key: 'ArrowUp', over: 'Outcome, position 1 of 3' },
    ]);
    await canvas.expectCards('Outcome', ['Outcome three', 'Outcome one', 'Outcome two']);
    await expect(canvas.card('Outcome', 1)).toBeFocused();
    await canvas.dragWithKeyboard('Outcome', 1, [{ key: 'ArrowDown', over: 'Outcome, position 2 of 3' }]);
    await canvas.expectCards('Outcome', ['Outcome one', 'Outcome three', 'Outcome two']);
    await expect(canvas.card('Outcome', 2)).toBeFocused();

    // From Action, every other step can be reached: Outcome to the left, Insight and Enablers to the right.
    await canvas.openStep('Action');
    await canvas.addCard('Action', 'Action two', { paste: true });
    await canvas.dragWithKeyboard('Action', 1, [
      { key: 'ArrowLeft', over: 'Outcome, position 4 of 4' },
      { key: 'ArrowLeft', over: 'Outcome, position 4 of 4' },
      { key: 'ArrowRight', over: 'Action, position 1 of 2' },
      { key: 'ArrowRight', over: 'Insight, position 1 of 1' },
      { key: 'ArrowRight', over: 'Enablers, position 1 of 1' },
      { key: 'ArrowLeft', over: 'Insight, position 1 of 1' },
    ]);
    await expect(canvas.dragAnnouncement).toHaveText('Dropped. Card “Action one” is now in Insight, position 1 of 1.');
    // The card has left this step's view: focus goes to the card that took its place, not to the page.
    await canvas.expectCards('Action', ['Action two']);
    await expect(canvas.card('Action', 1)).toBeFocused();
    await expect(canvas.stepNavLink('Insight')).toContainText('1 card');

    // The last card of a step leaves: focus goes to "Add card".
    await canvas.dragWithKeyboard('Action', 1, [{ key: 'ArrowLeft', over: 'Outcome, position 4 of 4' }]);
    await canvas.expectCards('Action', []);
    await expect(canvas.addCardButton('Action')).toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');

    await canvas.expectSaved();
    await canvas.reload();
    await canvas.openStep('Insight');
    await canvas.expectCards('Insight', ['Action one']);
    await canvas.openStep('Outcome');
    await canvas.expectCards('Outcome', ['Outcome one', 'Outcome three', 'Outcome two', 'Action two']);
  });

  test('with the keyboard, Escape puts the card back where it was', async ({ page }) => {
    await canvas.openWholeBoard();
    await canvas.pickUpWithKeyboard('Outcome', 2);
    await page.keyboard.press('ArrowRight');
    await expect(canvas.dragAnnouncement).toContainText('is over Action');
    await page.keyboard.press('Escape');
    await expect(canvas.dragAnnouncement).toHaveText('Move cancelled. Card “Outcome two” is back in Outcome, position 2 of 3.');
    await canvas.expectCards('Outcome', ['Outcome one', 'Outcome two', 'Outcome three']);
    await canvas.expectCards('Action', ['Action one']);
    await expect(canvas.card('Outcome', 2)).toBeFocused();
  });

  test('with the card’s actions menu: to another step, and down within a step', async ({ page }) => {
    await canvas.openStep('Outcome');

    // The menu offers the moves that make sense for the first card.
    const menu = await canvas.openCardMenu('Outcome', 1);
    await expect(menu.getByRole('menuitem', { name: 'Move up' })).toHaveAttribute('aria-disabled', 'true');
    await expect(menu.getByRole('menuitem', { name: 'Move to Outcome' })).toHaveCount(0);
    await expect(menu.getByRole('menuitem', { name: 'Edit text' })).toBeFocused();
    await expect(menu.getByRole('menuitem', { name: 'Move to Insight' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    // Back on the card: one Tab stop, with its actions on keys.
    await expect(canvas.card('Outcome', 1)).toBeFocused();

    await canvas.moveWithMenu('Outcome', 1, 'Move to Insight');
    await expect(canvas.toast).toContainText('Card moved to Insight, position 1 of 1.');
    // The card has left this step's view; focus goes to the card that took its place, not to the top of the page.
    await expect(canvas.card('Outcome', 1)).toBeFocused();
    await canvas.expectCards('Outcome', ['Outcome two', 'Outcome three']);
    await expect(canvas.stepNavLink('Insight')).toContainText('1 card');

    await canvas.moveWithMenu('Outcome', 1, 'Move down');
    await expect(canvas.toast).toContainText('Card moved to Outcome, position 2 of 2.');
    await canvas.expectCards('Outcome', ['Outcome three', 'Outcome two']);
    // Focus follows the card to its new place, so the next move is one key away.
    await expect(canvas.card('Outcome', 2)).toBeFocused();

    await canvas.expectSaved();
    await canvas.reload();
    await canvas.expectCards('Outcome', ['Outcome three', 'Outcome two']);
    await canvas.openStep('Insight');
    await canvas.expectCards('Insight', ['Outcome one']);
    await canvas.openStep('Action');
    await canvas.expectCards('Action', ['Action one']);
  });

  test('with the mouse: the card moves under the pointer and drops where it is let go', async ({ page }) => {
    await canvas.openWholeBoard();
    // Part of the way, then over the top half of Action's first card.
    const target = await canvas.carryWithMouse('Outcome', 1, { step: 'Action', n: 1 });
    // A copy of the card, large and lifted, is under the pointer, and the card's place is held.
    const overlay = page.locator('.drag-overlay');
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('Outcome one');
    const box = (await overlay.boundingBox())!;
    expect(target.x).toBeGreaterThan(box.x);
    expect(target.x).toBeLessThan(box.x + box.width);
    expect(target.y).toBeGreaterThan(box.y);
    expect(target.y).toBeLessThan(box.y + box.height);
    await expect(canvas.dragAnnouncement).toContainText('is over Action, position 1 of 2');
    // Frame by frame from the drop: what is on screen where the card was let go, and which card heads Action.
    await page.evaluate(() => {
      const frames: { copy: string | null; putDown: boolean; actionFirst: string | null }[] = [];
      (window as unknown as { dropFrames: typeof frames }).dropFrames = frames;
      const record = () => {
        const copy = document.querySelector('.drag-overlay');
        const first = document.querySelector('[data-card-list][data-step="action"] > [data-card-id] .card__text');
        frames.push({
          copy: copy?.textContent ?? null,
          putDown: copy?.classList.contains('drag-overlay--landed') ?? false,
          actionFirst: first?.textContent ?? null,
        });
        // On until five frames after the card shows in Action (however long the drop takes on a busy machine).
        const since = frames.findIndex((frame) => frame.actionFirst === 'Outcome one');
        if (since === -1 || frames.length - since < 5) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    await page.mouse.up();
    await expect(overlay).toBeHidden();
    await canvas.expectCards('Outcome', ['Outcome two', 'Outcome three']);
    await canvas.expectCards('Action', ['Outcome one', 'Action one']);
    await expect(canvas.dragAnnouncement).toContainText('Dropped. Card “Outcome one” is now in Action, position 1 of 2.');
    // Let go, the copy is put down flat at once, and stays until the card shows in its new place: no frame shows neither.
    type Frame = { copy: string | null; putDown: boolean; actionFirst: string | null };
    const recorded = () => page.evaluate(() => (window as unknown as { dropFrames: Frame[] }).dropFrames);
    const landedAt = (frames: Frame[]) => frames.findIndex((frame) => frame.actionFirst === 'Outcome one');
    await expect
      .poll(async () => {
        const frames = await recorded();
        return landedAt(frames) >= 0 && frames.length - landedAt(frames) >= 5;
      })
      .toBe(true);
    const frames = await recorded();
    const landed = landedAt(frames);
    expect(frames.slice(0, landed).every((frame) => frame.copy === 'Outcome one')).toBe(true);
    expect(frames.slice(0, landed).some((frame) => frame.putDown)).toBe(true);
    expect(frames.slice(landed).every((frame) => frame.copy === null && frame.actionFirst === 'Outcome one')).toBe(true);
    // Focus went with the card, not to the card that took its old place: the keyboard can move it on.
    await expect(canvas.card('Action', 1)).toBeFocused();
    // A screen reader hears every card's new place: the moved card, the card it now stands before, the cards that moved up.
    await canvas.expectPlaceSaid('Action', 1);
    await canvas.expectPlaceSaid('Action', 2);
    await canvas.expectPlaceSaid('Outcome', 1);
    await canvas.expectPlaceSaid('Outcome', 2);
  });

  test('with touch: press the handle and drag a card to another column', async ({ page }) => {
    await canvas.openWholeBoard();
    const handle = canvas.card('Outcome', 2).getByTitle(/^Drag to move/);
    // Both cards mid-screen, clear of the edges where dragging scrolls the page.
    await handle.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const from = (await handle.boundingBox())!;
    const to = (await canvas.card('Action', 1).boundingBox())!;
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    const end = { x: to.x + to.width / 2, y: to.y + to.height * 0.75 };
    // Real touch input through the browser's own touch pipeline (it makes pointer events of type "touch").
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', point?: { x: number; y: number }) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: point ? [{ x: point.x, y: point.y }] : [] });
    await touch('touchStart', start);
    for (let i = 1; i <= 8; i++)
      await touch('touchMove', { x: start.x + ((end.x - start.x) * i) / 8, y: start.y + ((end.y - start.y) * i) / 8 });
    await expect(page.locator('.drag-overlay')).toBeVisible();
    await expect(canvas.dragAnnouncement).toContainText('is over Action, position 2 of 2');
    await touch('touchEnd');
    await canvas.expectCards('Outcome', ['Outcome one', 'Outcome three']);
    await canvas.expectCards('Action', ['Action one', 'Outcome two']);
  });
});
