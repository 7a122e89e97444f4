import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

test('axe: the library, empty and full (with recently deleted), and the not-found page', async ({ library, page }) => {
  await library.goto();
  await expect(library.emptyState).toBeVisible();
  await expectNoAxeViolations(page, 'the empty library');

  let canvas = await library.createCanvas('Kept');
  await canvas.addCard('Outcome', 'A card', { paste: true });
  await canvas.setCheck('Outcome', 'Trust', 'Concern raised');
  await canvas.allCanvasesLink.click();
  canvas = await library.createCanvas('Thrown away');
  await canvas.allCanvasesLink.click();
  await library.delete('Thrown away');
  await expect(library.deletedCanvas('Thrown away')).toBeVisible();
  await expectNoAxeViolations(page, 'the library with a canvas and one recently deleted');

  await page.getByRole('button', { name: 'Rename Kept', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'New title for “Kept”' })).toBeFocused();
  await expectNoAxeViolations(page, 'the library with a rename form open');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: 'New title for “Kept”' })).toBeHidden();

  await library.filter('kep');
  await expect(library.listHeading).toHaveText('1 of 1 canvases match');
  await expectNoAxeViolations(page, 'the library while filtering');

  await library.emptyRecentlyDeletedButton.click();
  await expect(library.confirmDialog).toBeVisible();
  await expectNoAxeViolations(page, 'the “Empty recently deleted?” dialog');
  await page.keyboard.press('Escape');

  await page.goto('/#/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectNoAxeViolations(page, 'the not-found page');
});

test('axe: the guided step with cards and open menus', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Accessible canvas');
  await canvas.addCard('Outcome', 'First card', { paste: true });
  await canvas.addCard('Outcome', 'Second card', { paste: true });
  await canvas.setCheck('Outcome', 'Trust', 'Concern raised', 'Worried about trust');
  await canvas.setCheck('Outcome', 'Power', 'Discussed, no concern');
  await canvas.openCardMenu('Outcome', 1);
  await expectNoAxeViolations(page, 'the guided Outcome step with cards and a card’s actions menu open');
  await page.keyboard.press('Escape');

  // The menu shows the colours as checked radio-like items, named as a group.
  const menu = await canvas.openCardMenu('Outcome', 2);
  await expect(menu.getByRole('group', { name: 'Colour' }).getByRole('menuitemradio', { name: /Yellow/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();

  // A card being edited, and the keyboard shortcuts sheet.
  await canvas.editCard('Outcome', 1);
  await expectNoAxeViolations(page, 'the guided step with a card being edited');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoAxeViolations(page, 'the keyboard shortcuts sheet');
  await page.keyboard.press('Escape');
});

test('axe: the whole board and the open concerns', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Accessible board');
  await canvas.addCard('Outcome', 'First card', { paste: true });
  await canvas.setCheck('Outcome', 'Trust', 'Concern raised', 'Worried about trust');
  await canvas.setCheck('Outcome', 'Power', 'Discussed, no concern');
  await canvas.openStep('Action');
  await canvas.addCard('Action', 'An action', { paste: true });

  await canvas.openWholeBoard();
  await expect(canvas.step('Enablers')).toBeVisible();
  await expectNoAxeViolations(page, 'the whole board');
  await page.getByText(/^Ethics checks for Outcome: 2 of 5 discussed/).click();
  await expect(canvas.checkNotes('Outcome', 'Trust')).toBeVisible();
  await expectNoAxeViolations(page, 'the whole board with a step’s ethics checks open');

  await canvas.openConcerns();
  await expect(canvas.concern('Outcome', 'Trust')).toBeVisible();
  await expectNoAxeViolations(page, 'the open concerns');
});

test('axe: the export, preview and Markdown text', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Export me');
  await canvas.addCard('Outcome', 'A card\nwith two lines', { paste: true });
  await canvas.setCheck('Outcome', 'Consent', 'Concern raised', 'Consent notes');
  const exportView = await canvas.openExport();
  await exportView.showPreview();
  await expectNoAxeViolations(page, 'the export preview');
  await exportView.showMarkdownText();
  await expectNoAxeViolations(page, 'the export Markdown text');
});
