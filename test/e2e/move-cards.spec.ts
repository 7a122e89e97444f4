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

  test('with the keyboard: pick up, arrow keys, drop', async () => {
    // Across columns on the whole board: Outcome one goes to the top of Action.
    await canvas.openWholeBoard();
    await canvas.dragWithKeyboard('Outcome', 1, [{ key: 'ArrowRight', over: 'Action, position 1 of 2' }]);
    await expect(canvas.dragAnnouncement).toHaveText('Dropped. Card “Outcome one” is now in Action, position 1 of 2.');
    await canvas.expectCards('Outcome', ['Outcome two', 'Outcome three']);
    await canvas.expectCards('Action', ['Outcome one', 'Action one']);
    // Focus stays on the moved card's handle, which now has its new name.
    await expect(canvas.dragHandle('Action', 1)).toBeFocused();

    // Within a step in the guided view, where cards sit side by side: Outcome two goes after Outcome three.
    await canvas.stepByStepLink.click();
    await canvas.expectOnStep('Outcome');
    await canvas.dragWithKeyboard('Outcome', 1, [{ key: 'ArrowRight', over: 'Outcome, position 2 of 2' }]);
    await canvas.expectCards('Outcome', ['Outcome three', 'Outcome two']);

    await canvas.expectSaved();
    await canvas.reload();
    await canvas.expectCards('Outcome', ['Outcome three', 'Outcome two']);
    await canvas.openWholeBoard();
    await canvas.expectCards('Action', ['Outcome one', 'Action one']);
  });

  test('with the keyboard, Escape puts the card back where it was', async ({ page }) => {
    await canvas.openWholeBoard();
    const handle = canvas.dragHandle('Outcome', 2);
    await handle.focus();
    await page.keyboard.press('Space');
    await expect(handle).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.dragAnnouncement).toContainText('is over Outcome, position 2 of 3');
    await page.keyboard.press('ArrowRight');
    await expect(canvas.dragAnnouncement).toContainText('is over Action');
    await page.keyboard.press('Escape');
    await expect(canvas.dragAnnouncement).toHaveText('Move cancelled. Card “Outcome two” is back in Outcome, position 2 of 3.');
    await canvas.expectCards('Outcome', ['Outcome one', 'Outcome two', 'Outcome three']);
    await canvas.expectCards('Action', ['Action one']);
  });

  test('with the “Move to…” menu: to another step, and down within a step', async ({ page }) => {
    await canvas.openStep('Outcome');

    // The menu offers the moves that make sense for the first card.
    const menu = await canvas.openMoveMenu('Outcome', 1);
    await expect(menu.getByRole('menuitem', { name: 'Move up' })).toHaveAttribute('aria-disabled', 'true');
    await expect(menu.getByRole('menuitem', { name: 'Move to Outcome' })).toHaveCount(0);
    await expect(menu.getByRole('menuitem', { name: 'Move down' })).toBeFocused();
    await expect(menu.getByRole('menuitem', { name: 'Move to Insight' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(canvas.moveMenuButton('Outcome', 1)).toBeFocused();

    await canvas.moveWithMenu('Outcome', 1, 'Move to Insight');
    await expect(canvas.toast).toContainText('Card moved to Insight, position 1 of 1.');
    // The card has left this step's view; a keyboard user must not be dropped
    // back at the top of the page (soft, so the rest still runs).
    await expect
      .configure({ soft: true })
      .poll(() => page.evaluate(() => document.activeElement?.tagName), {
        message: 'focus stays in the canvas after a card moves to another step',
      })
      .not.toBe('BODY');
    await canvas.expectCards('Outcome', ['Outcome two', 'Outcome three']);
    await expect(canvas.stepNavLink('Insight')).toContainText('1 card');

    await canvas.moveWithMenu('Outcome', 1, 'Move down');
    await expect(canvas.toast).toContainText('Card moved to Outcome, position 2 of 2.');
    await canvas.expectCards('Outcome', ['Outcome three', 'Outcome two']);
    // Focus follows the card to its new place, so the next move is one key away.
    await expect(canvas.moveMenuButton('Outcome', 2)).toBeFocused();

    await canvas.expectSaved();
    await canvas.reload();
    await canvas.expectCards('Outcome', ['Outcome three', 'Outcome two']);
    await canvas.openStep('Insight');
    await canvas.expectCards('Insight', ['Outcome one']);
    await canvas.openStep('Action');
    await canvas.expectCards('Action', ['Action one']);
  });
});
