/**
 * Templates in a workshop (issue 9, item 8): "Use this template" asks for
 * the new canvas's title; the template's example cards are labelled as
 * examples on screen, in print and in the export, and go in one action
 * (one undo brings them back). Keyboard only, focus checked after each step.
 */
import type { Page } from '@playwright/test';
import { focusedElement, tabTo } from './keyboard';
import { CanvasPage } from './pages/CanvasPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { expect, test } from './fixtures';

async function expectFocusOn(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await expect(locator, `focus is on ${await focusedElement(page)}`).toBeFocused();
}

const TITLE = '🌍 عدالة Race equality in Lambeth';
const EXAMPLE = 'Young people from the most over-represented ethnic groups are diverted away from court and custody.';

test('Use this template asks for a title, and example cards are labelled and removed in one action', async ({ library, page }) => {
  await library.goto();
  const templates = new TemplatesPage(page);
  await templates.open();
  await tabTo(page, templates.useButtonFor('Tackling Racial Inequality'));
  await page.keyboard.press('Enter');
  const dialog = templates.newCanvasDialog();
  const title = dialog.getByRole('textbox', { name: 'Title of the new canvas' });
  await expectFocusOn(page, title);
  await expect(title).toHaveValue('Tackling racial inequality');
  // Escape cancels: nothing made, focus back on the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expectFocusOn(page, templates.useButtonFor('Tackling Racial Inequality'));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type(TITLE);
  await page.keyboard.press('Enter');

  const canvas = new CanvasPage(page);
  await canvas.expectOnStep('Outcome');
  await expectFocusOn(page, canvas.stepHeading('Outcome'));
  await expect(canvas.titleInput).toHaveValue(TITLE);
  await expect(page).toHaveTitle(`Outcome – ${TITLE} – Outcome Canvas`);

  // The examples: a label on the card, said in its description, and a way to remove them all.
  const example = canvas.cards('Outcome').filter({ hasText: EXAMPLE });
  await expect(example.getByText('Example', { exact: true })).toBeVisible();
  await expect(example).toHaveAttribute('data-example', 'true');
  await expect(example).toHaveAccessibleDescription(/an example from the template/);
  const banner = page.getByRole('region', { name: 'Example cards' });
  await expect(banner).toContainText('4 cards are examples from the template');

  // "Keep as our own card" from the card's menu: that one stays.
  await example.focus();
  await page.keyboard.press('m');
  const keep = page.getByRole('menu').getByRole('menuitem', { name: 'Keep as our own card' });
  for (let i = 0; i < 12 && !(await keep.evaluate((element) => element === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expectFocusOn(page, example);
  await expect(example.getByText('Example', { exact: true })).toBeHidden();
  await expect(banner).toContainText('3 cards are examples from the template');

  // Print and export label the other three as examples.
  await canvas.printLink.click();
  const printed = page.getByRole('article', { name: TITLE });
  await expect(printed.getByRole('listitem').filter({ hasText: 'Care home residents from the ethnic groups worst hit' })).toContainText(
    'Example',
  );
  await expect(printed.getByRole('listitem').filter({ hasText: EXAMPLE })).not.toContainText('Example');
  const exportView = await canvas.openExport();
  const markdown = await exportView.showMarkdownText();
  expect(markdown).toMatch(
    /Care home residents from the ethnic groups worst hit by Covid-19 are better protected from serious illness\. \(Example\)<!-- card: [^>]*example/,
  );

  // One action removes all three; focus goes to the step's heading; Undo brings them back.
  await canvas.stepByStepLink.click();
  const before = await canvas.cards('Outcome').count();
  const remove = page.getByRole('button', { name: 'Remove all 3 examples' });
  await tabTo(page, remove);
  await page.keyboard.press('Enter');
  await expect(canvas.cards('Outcome')).toHaveCount(before - 3);
  await expect(banner).toBeHidden();
  await expectFocusOn(page, canvas.stepHeading('Outcome'));
  await expect(canvas.toast).toContainText('3 example cards removed.');
  await canvas.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(canvas.cards('Outcome')).toHaveCount(before);
  await expect(banner).toContainText('3 cards are examples');
});
