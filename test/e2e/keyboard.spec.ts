/**
 * Keyboard only: these tests never use the mouse. Every action is a key
 * press, and after each one the test checks where focus is: on something
 * sensible (the new screen's heading, the card that took a removed card's
 * place), never on the page body, and never under a message.
 */
import type { Page } from '@playwright/test';
import { type Step, CanvasPage } from './pages/CanvasPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { focusedElement, tabTo } from './keyboard';
import { expect, test } from './fixtures';

/** The toast, if one is showing, does not cover the element that has focus (WCAG 2.2 SC 2.4.11). */
async function expectFocusNotCovered(page: Page): Promise<void> {
  const overlap = await page.evaluate(() => {
    const focused = document.activeElement;
    const toasts = [...document.querySelectorAll('.toast')];
    if (!focused || focused === document.body || !toasts.length) return null;
    const a = focused.getBoundingClientRect();
    for (const toast of toasts) {
      const b = toast.getBoundingClientRect();
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) return toast.textContent;
    }
    return null;
  });
  expect(overlap, 'a toast covers the focused element').toBeNull();
}

async function expectFocusOn(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await expect(locator, `focus is on ${await focusedElement(page)}`).toBeFocused();
}

/** Presses a key in an open menu until the item has focus. */
async function arrowToMenuItem(page: Page, item: ReturnType<Page['locator']>): Promise<void> {
  for (let i = 0; i < 30; i++) {
    if (await item.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${String(item)} was not reached with ArrowDown`);
}

test('a keyboard-only session in the step view: add, edit, move and delete cards, focus always in a sensible place', async ({
  library,
  page,
}) => {
  await library.goto();
  await tabTo(page, library.newTitleInput);
  await page.keyboard.type('Keyboard workshop');
  await page.keyboard.press('Enter');
  const canvas = new CanvasPage(page);
  await canvas.expectOnStep('Outcome');
  // The new screen is announced by moving focus to its heading.
  await expectFocusOn(page, canvas.stepHeading('Outcome'));

  // N adds a card to this step, open for typing. Keys typed into it are text, never shortcuts (SC 2.1.4).
  await page.keyboard.press('n');
  await expectFocusOn(page, canvas.cardEditor('Outcome', 1));
  await page.keyboard.type('Young people stay in school? n[]');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await canvas.expectOnStep('Outcome');
  await page.keyboard.press('Escape');
  await expectFocusOn(page, canvas.card('Outcome', 1));
  await canvas.expectCards('Outcome', ['Young people stay in school? n[]']);

  await page.keyboard.press('n');
  await expectFocusOn(page, canvas.cardEditor('Outcome', 2));
  await page.keyboard.type('Fewer exclusions');
  await page.keyboard.press('Escape');
  await expectFocusOn(page, canvas.card('Outcome', 2));

  // Arrow keys, Home and End move between cards.
  await page.keyboard.press('ArrowLeft');
  await expectFocusOn(page, canvas.card('Outcome', 1));
  await page.keyboard.press('End');
  await expectFocusOn(page, canvas.card('Outcome', 2));
  await page.keyboard.press('Home');
  await expectFocusOn(page, canvas.card('Outcome', 1));
  await page.keyboard.press('ArrowRight');
  await expectFocusOn(page, canvas.card('Outcome', 2));

  // Enter edits with the cursor at the end; Escape stops editing and keeps the text.
  await page.keyboard.press('Enter');
  await expectFocusOn(page, canvas.cardEditor('Outcome', 2));
  await page.keyboard.type(' from school');
  await page.keyboard.press('Escape');
  await expectFocusOn(page, canvas.card('Outcome', 2));
  await canvas.expectCards('Outcome', ['Young people stay in school? n[]', 'Fewer exclusions from school']);

  // The cards are one Tab stop: Tab leaves them for "Add card", Shift+Tab comes back to the card last used.
  await page.keyboard.press('Tab');
  await expectFocusOn(page, canvas.addCardButton('Outcome'));
  await page.keyboard.press('Shift+Tab');
  await expectFocusOn(page, canvas.card('Outcome', 2));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expectFocusOn(page, canvas.cardEditor('Outcome', 3));
  await page.keyboard.type('A card to delete');
  await page.keyboard.press('Escape');
  await expectFocusOn(page, canvas.card('Outcome', 3));

  // Keyboard drag within the step: focus stays on the moved card.
  await page.keyboard.press('Space');
  await expect(canvas.dragAnnouncement).toContainText('is over Outcome, position 3 of 3');
  await page.keyboard.press('ArrowUp');
  await expect(canvas.dragAnnouncement).toContainText('is over Outcome, position 2 of 3');
  await page.keyboard.press('Space');
  await expect(canvas.dragAnnouncement).toHaveText('Dropped. Card “A card to delete” is now in Outcome, position 2 of 3.');
  await canvas.expectCards('Outcome', ['Young people stay in school? n[]', 'A card to delete', 'Fewer exclusions from school']);
  await expectFocusOn(page, canvas.card('Outcome', 2));

  // Delete removes the card; focus goes to the card that took its place, and the message does not cover it.
  await page.keyboard.press('Delete');
  await canvas.expectCards('Outcome', ['Young people stay in school? n[]', 'Fewer exclusions from school']);
  await expect(canvas.toast).toContainText('Card deleted.');
  await expectFocusOn(page, canvas.card('Outcome', 2));
  await expectFocusNotCovered(page);
  await page.keyboard.press('Control+Z');
  await canvas.expectCards('Outcome', ['Young people stay in school? n[]', 'A card to delete', 'Fewer exclusions from school']);
  await expectFocusOn(page, canvas.card('Outcome', 3));

  // An undo that removes the focused card: focus goes to its neighbour.
  await page.keyboard.press('n');
  await page.keyboard.type('Undone');
  await page.keyboard.press('Escape');
  await expectFocusOn(page, canvas.card('Outcome', 4));
  await page.keyboard.press('Control+Z'); // the typing
  await page.keyboard.press('Control+Z'); // the card itself
  await canvas.expectCards('Outcome', ['Young people stay in school? n[]', 'A card to delete', 'Fewer exclusions from school']);
  await expectFocusOn(page, canvas.card('Outcome', 3));
  // ...and a redo that brings it back leaves focus where it is.
  await page.keyboard.press('Control+Shift+Z');
  await canvas.expectCards('Outcome', ['Young people stay in school? n[]', 'A card to delete', 'Fewer exclusions from school', '']);
  await expectFocusOn(page, canvas.card('Outcome', 3));

  // M opens the card's actions: a colour, then a move to another step.
  await page.keyboard.press('Home');
  await page.keyboard.press('m');
  const menu = canvas.cardMenu('Outcome', 1);
  await expect(menu).toBeVisible();
  await expectFocusOn(page, menu.getByRole('menuitem', { name: 'Edit text' }));
  await arrowToMenuItem(page, menu.getByRole('menuitemradio', { name: 'Blue' }));
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expectFocusOn(page, canvas.card('Outcome', 1));
  await canvas.expectColour('Outcome', 1, 'Blue');

  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await arrowToMenuItem(page, menu.getByRole('menuitem', { name: 'Move to Enablers' }));
  await page.keyboard.press('Enter');
  await expect(canvas.toast).toContainText('Card moved to Enablers, position 1 of 1.');
  await expectFocusOn(page, canvas.card('Outcome', 1));
  await expectFocusNotCovered(page);

  // Keyboard drag into another step: Right twice reaches Insight; focus goes to the card that took its place.
  await page.keyboard.press('Space');
  await expect(canvas.dragAnnouncement).toContainText('is over Outcome, position 1 of 3');
  await page.keyboard.press('ArrowRight');
  await expect(canvas.dragAnnouncement).toContainText('is over Action, position 1 of 1');
  await page.keyboard.press('ArrowRight');
  await expect(canvas.dragAnnouncement).toContainText('is over Insight, position 1 of 1');
  await page.keyboard.press('Space');
  await expect(canvas.dragAnnouncement).toHaveText('Dropped. Card “A card to delete” is now in Insight, position 1 of 1.');
  await canvas.expectCards('Outcome', ['Fewer exclusions from school', '']);
  await expectFocusOn(page, canvas.card('Outcome', 1));

  // ] and [ go to the next and previous step; focus starts at the step's heading.
  await page.keyboard.press(']');
  await canvas.expectOnStep('Action');
  await expectFocusOn(page, canvas.stepHeading('Action'));
  await page.keyboard.press(']');
  await canvas.expectOnStep('Insight');
  await canvas.expectCards('Insight', ['A card to delete']);
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await canvas.expectOnStep('Outcome');
  await expectFocusOn(page, canvas.stepHeading('Outcome'));

  // The last card of a step deleted: focus goes to "Add card".
  await tabTo(page, canvas.card('Outcome', 1));
  await page.keyboard.press('Delete');
  await page.keyboard.press('Delete');
  await canvas.expectCards('Outcome', []);
  await expectFocusOn(page, canvas.addCardButton('Outcome'));

  await canvas.expectSaved();
  await canvas.reload();
  await canvas.expectCards('Outcome', []);
  await canvas.openStep('Enablers');
  await canvas.expectCards('Enablers', ['Young people stay in school? n[]']);
  await canvas.expectColour('Enablers', 1, 'Blue');
});

test('a keyboard-only session on the whole board: arrows cross columns, drags and menu moves keep focus on the card', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Keyboard board');
  const cards: Record<Step, string[]> = { Outcome: ['O1', 'O2', 'O3'], Action: ['A1'], Insight: [], Enablers: ['E1', 'E2'] };
  for (const step of ['Outcome', 'Action', 'Enablers'] as const) {
    await canvas.openStep(step);
    for (const text of cards[step]) await canvas.addCard(step, text, { paste: true });
  }
  await page.keyboard.press('Escape');
  await tabTo(page, canvas.wholeBoardLink);
  await page.keyboard.press('Enter');
  await expect(canvas.wholeBoardLink).toHaveAttribute('aria-current', 'page');
  // Switching views leaves focus on the view's link, and the new screen is announced.
  await expectFocusOn(page, canvas.wholeBoardLink);
  await expect(page.getByRole('status').filter({ hasText: /^Whole board – Keyboard board/ })).toBeAttached();

  // From the top of the page (a fresh load), "Skip to cards" is among the first Tab stops.
  await canvas.reload();
  const skip = page.getByRole('link', { name: 'Skip to cards' });
  expect(await tabTo(page, skip, { max: 4 })).toBeLessThanOrEqual(4);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, canvas.card('Outcome', 1));

  // Right goes to the next column with cards (Insight has none), keeping the row as far as it can.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expectFocusOn(page, canvas.card('Outcome', 3));
  await page.keyboard.press('ArrowRight');
  await expectFocusOn(page, canvas.card('Action', 1));
  await page.keyboard.press('ArrowRight');
  await expectFocusOn(page, canvas.card('Enablers', 2));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expectFocusOn(page, canvas.card('Outcome', 3));

  // Keyboard drag across two columns; focus stays on the moved card.
  await page.keyboard.press('Space');
  await expect(canvas.dragAnnouncement).toContainText('is over Outcome, position 3 of 3');
  await page.keyboard.press('ArrowRight');
  await expect(canvas.dragAnnouncement).toContainText('is over Action, position 2 of 2');
  await page.keyboard.press('ArrowRight');
  await expect(canvas.dragAnnouncement).toContainText('is over Insight, position 1 of 1');
  await page.keyboard.press('Enter');
  await expect(canvas.dragAnnouncement).toHaveText('Dropped. Card “O3” is now in Insight, position 1 of 1.');
  await canvas.expectCards('Insight', ['O3']);
  await expectFocusOn(page, canvas.card('Insight', 1));

  // A move from the actions menu: focus follows the card.
  await page.keyboard.press('ContextMenu');
  const menu = canvas.cardMenu('Insight', 1);
  await expect(menu).toBeVisible();
  await arrowToMenuItem(page, menu.getByRole('menuitem', { name: 'Move to Enablers' }));
  await page.keyboard.press('Enter');
  await canvas.expectCards('Enablers', ['E1', 'E2', 'O3']);
  await expectFocusOn(page, canvas.card('Enablers', 3));
  await expectFocusNotCovered(page);

  // Undo with the toolbar button: when it has nothing left to undo it stays focusable, so focus is not lost.
  await tabTo(page, canvas.undoButton, { backwards: true });
  for (let i = 0; i < 60 && !(await canvas.undoButton.isDisabled()); i++) await page.keyboard.press('Enter');
  await expect(canvas.undoButton).toBeDisabled();
  await expectFocusOn(page, canvas.undoButton);
  await page.keyboard.press('Tab');
  await expectFocusOn(page, canvas.redoButton);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, canvas.redoButton);
});

test('after creating from a template, reviewing concerns, saving a template and deleting a canvas, focus lands on the next thing', async ({
  library,
  page,
}) => {
  await library.goto();
  const templates = new TemplatesPage(page);
  await tabTo(page, templates.headerLink);
  await page.keyboard.press('Enter');
  await expect(templates.heading).toBeVisible();
  await expectFocusOn(page, templates.heading);

  // "Use this template" from the gallery: the new canvas opens at its first step, focus on its heading.
  await tabTo(page, templates.useButtonFor('Tackling Racial Inequality'));
  await page.keyboard.press('Enter');
  await templates.createCanvas();
  const canvas = new CanvasPage(page);
  await canvas.expectOnStep('Outcome');
  await expectFocusOn(page, canvas.stepHeading('Outcome'));
  await expect(templates.toast).toBeVisible();
  // While the message shows, the way on is not hidden under it.
  await tabTo(page, canvas.nextLink);
  await expectFocusNotCovered(page);

  // On the last step, "Review open concerns" leads to the concerns, focus on their heading.
  for (let i = 0; i < 3; i++) await page.keyboard.press(']');
  await canvas.expectOnStep('Enablers');
  await tabTo(page, page.getByRole('link', { name: 'Review open concerns →' }));
  await page.keyboard.press('Enter');
  await expectFocusOn(page, canvas.concernsHeading);

  // Save as template: the saved template opens, focus on its name.
  await tabTo(page, canvas.saveAsTemplateLink, { backwards: true });
  await page.keyboard.press('Enter');
  const save = page.getByRole('button', { name: 'Save template' });
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, page.getByRole('heading', { level: 1, name: 'Tackling racial inequality' }));

  // Delete a canvas from the library: focus goes to the next canvas in the list.
  await tabTo(page, page.getByRole('link', { name: 'Canvases', exact: true }), { backwards: true });
  await page.keyboard.press('Enter');
  await expectFocusOn(page, library.heading);
  await tabTo(page, library.newTitleInput);
  await page.keyboard.type('Second canvas');
  await page.keyboard.press('Enter');
  await canvas.waitUntilOpen();
  await tabTo(page, canvas.allCanvasesLink, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(library.canvasTitles()).toHaveText(['Second canvas', 'Tackling racial inequality']);
  await tabTo(page, page.getByRole('button', { name: 'Delete Second canvas', exact: true }));
  await page.keyboard.press('Enter');
  await expect(library.canvasTitles()).toHaveText(['Tackling racial inequality']);
  await expectFocusOn(page, page.getByRole('link', { name: 'Tackling racial inequality', exact: true }));
  await expectFocusNotCovered(page);
  // The last one deleted: focus goes to the empty list's heading.
  await tabTo(page, page.getByRole('button', { name: 'Delete Tackling racial inequality', exact: true }));
  await page.keyboard.press('Enter');
  await expectFocusOn(page, library.emptyState);
});

test('shortcuts: “?” lists them, Escape closes the list, and none fires while typing', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Shortcuts');
  await canvas.addCard('Outcome', 'A card', { paste: true });
  await page.keyboard.press('Escape');
  await expectFocusOn(page, canvas.card('Outcome', 1));

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const shortcut of ['New card in this step', 'Next step', 'Previous step', 'Undo', 'Redo', 'Edit the card', 'Delete the card']) {
    await expect(sheet.getByRole('row', { name: new RegExp(shortcut) })).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expectFocusOn(page, canvas.card('Outcome', 1));

  // The toolbar button opens the same list.
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await expect(button).toHaveAttribute('aria-keyshortcuts', '?');
  await tabTo(page, button, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expectFocusOn(page, button);

  // In any text field, the same keys are text.
  await tabTo(page, canvas.descriptionInput, { backwards: true });
  await page.keyboard.type('n?[]');
  await expect(canvas.descriptionInput).toHaveValue('n?[]');
  await expect(sheet).toBeHidden();
  await canvas.expectCards('Outcome', ['A card']);
  await canvas.expectOnStep('Outcome');
});

test('cards cost one Tab stop, and skip links reach the cards, “Add card” and the ethics checks', async ({ library, page }) => {
  await library.goto();
  // A blank canvas, at Insight.
  const blank = await library.createCanvas('Blank');
  await blank.openStep('Insight');
  await page.reload();
  await blank.waitUntilOpen();
  const blankTabs = await tabTo(page, blank.addCardButton('Insight'));

  // The Tackling Racial Inequality canvas, at Insight, with its cards there.
  const templates = new TemplatesPage(page);
  await templates.open();
  await templates.useButtonFor('Tackling Racial Inequality').click();
  await templates.createCanvas();
  const tri = new CanvasPage(page);
  await tri.waitUntilOpen();
  await tri.openStep('Insight');
  // Many cards in Insight (the template's own).
  await expect(tri.cards('Insight').nth(5)).toBeAttached();
  await page.reload();
  await tri.waitUntilOpen();
  const triTabs = await tabTo(page, tri.addCardButton('Insight'));
  // All of them cost one Tab stop.
  expect(triTabs).toBe(blankTabs + 1);

  // The skip links come first on the page, and each lands where it says.
  await page.reload();
  await tri.waitUntilOpen();
  await tabTo(page, page.getByRole('link', { name: 'Skip to cards' }), { max: 4 });
  await page.keyboard.press('Enter');
  await expectFocusOn(page, tri.card('Insight', 1));

  await page.reload();
  await tri.waitUntilOpen();
  await tabTo(page, page.getByRole('link', { name: 'Skip to “Add card”' }), { max: 4 });
  await page.keyboard.press('Enter');
  await expectFocusOn(page, tri.addCardButton('Insight'));

  await page.reload();
  await tri.waitUntilOpen();
  const skipToChecks = page.getByRole('link', { name: 'Skip to ethics checks' });
  const toSkip = await tabTo(page, skipToChecks, { max: 4 });
  await page.keyboard.press('Enter');
  await expectFocusOn(page, page.getByRole('heading', { name: /^Ethics checks for Insight/ }));
  // The third check (Power) is then five Tab stops away: Trust, its notes, Consent, its notes, Power.
  const toPower = await tabTo(page, tri.checkStatus('Insight', 'Power').getByRole('radio').first(), { max: 6 });
  expect(toSkip + 1 + toPower).toBeLessThanOrEqual(10);
});
