import { expect, test } from './fixtures';

test('undo and redo, with Ctrl+Z / Ctrl+Shift+Z and with the buttons', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Undo');
  await expect(canvas.undoButton).toBeDisabled();
  await expect(canvas.redoButton).toBeDisabled();

  await canvas.addCard('Outcome', 'Alpha');
  await canvas.addCard('Outcome', 'Beta');
  // A later burst of typing in the first card.
  await canvas.editCard('Outcome', 1);
  await page.keyboard.type(' and more');
  await canvas.expectCards('Outcome', ['Alpha and more', 'Beta']);
  await expect(canvas.undoButton).toBeEnabled();

  // The burst undoes in one step, the typing in the second card in another.
  await page.keyboard.press('Control+Z');
  await canvas.expectCards('Outcome', ['Alpha', 'Beta']);
  await page.keyboard.press('Control+Z');
  await canvas.expectCards('Outcome', ['Alpha', '']);
  await expect(canvas.redoButton).toBeEnabled();
  await page.keyboard.press('Control+Shift+Z');
  await canvas.expectCards('Outcome', ['Alpha', 'Beta']);
  await page.keyboard.press('Control+Shift+Z');
  await canvas.expectCards('Outcome', ['Alpha and more', 'Beta']);
  await expect(canvas.redoButton).toBeDisabled();

  // Undo brings a deleted card back, text and all; redo deletes it again.
  await canvas.deleteCard('Outcome', 1);
  await canvas.expectCards('Outcome', ['Beta']);
  await expect(canvas.toast).toContainText('Card deleted.');
  await canvas.undoButton.click();
  await canvas.expectCards('Outcome', ['Alpha and more', 'Beta']);
  // The button keeps focus, to be pressed again; said aloud; and the message offering to bring the card back goes, with nothing left for it to do.
  await expect(page.getByTestId('canvas-announcer')).toHaveText('Undone.');
  await expect(canvas.undoButton).toBeFocused();
  await expect(canvas.toast).toHaveCount(0);
  await canvas.redoButton.click();
  await canvas.expectCards('Outcome', ['Beta']);
  await expect(page.getByTestId('canvas-announcer')).toHaveText('Redone.');
  // The shortcut works wherever focus is, not only in a text box.
  await canvas.addCardButton('Outcome').focus();
  await page.keyboard.press('Control+Z');
  await canvas.expectCards('Outcome', ['Alpha and more', 'Beta']);

  // The toast's own Undo does the same.
  await canvas.deleteCard('Outcome', 2);
  await canvas.expectCards('Outcome', ['Alpha and more']);
  await canvas.toast.getByRole('button', { name: 'Undo', exact: true }).click();
  await canvas.expectCards('Outcome', ['Alpha and more', 'Beta']);
  // Ctrl+Z with focus on a message: the message stays, and focus on it, rather than falling to the page.
  await canvas.deleteCard('Outcome', 2);
  const dismiss = canvas.toast.getByRole('button', { name: 'Dismiss message' });
  await dismiss.focus();
  await page.keyboard.press('Control+Z');
  await canvas.expectCards('Outcome', ['Alpha and more', 'Beta']);
  await expect(dismiss).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(canvas.toast).toHaveCount(0);

  // Undo covers ethics checks and moves too.
  await canvas.setCheck('Outcome', 'Trust', 'Concern raised');
  await canvas.moveWithMenu('Outcome', 1, 'Move down');
  await canvas.expectCards('Outcome', ['Beta', 'Alpha and more']);
  await canvas.undoButton.click();
  await canvas.expectCards('Outcome', ['Alpha and more', 'Beta']);
  await canvas.undoButton.click();
  await expect(canvas.checkRadio('Outcome', 'Trust', 'Not yet discussed')).toBeChecked();
  await expect(canvas.concernsLink).toHaveText('Open concerns (0)');

  // What undo left is what is saved.
  await canvas.expectSaved();
  await canvas.reload();
  await canvas.expectCards('Outcome', ['Alpha and more', 'Beta']);
  await expect(canvas.checkRadio('Outcome', 'Trust', 'Not yet discussed')).toBeChecked();
});
