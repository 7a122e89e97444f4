/**
 * The golden thread (issue 10 §3) in the browser: cards linked by keyboard
 * and by menu, what each serves and is served by shown on it, the thread as
 * a tree from each outcome down, the loose ends, a link that no longer fits
 * after a move, and all of it after undo, a reload and in the export.
 */
import { expect, test } from './fixtures';

test('linking cards by keyboard: shown on the cards, as a tree, with loose ends; kept after moves, undo, reload and in the export', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Golden thread');
  await canvas.addCard('Outcome', 'Fewer evictions in the borough', { paste: true });
  await canvas.addCard('Outcome', 'Tenants trust the housing service', { paste: true });
  await canvas.openStep('Action');
  await canvas.addCard('Action', 'Early contact with tenants in arrears', { paste: true });
  await canvas.openStep('Insight');
  await canvas.addCard('Insight', 'Arrears by ward, monthly', { paste: true });
  await canvas.openStep('Enablers');
  await canvas.addCard('Enablers', 'A data-sharing agreement with housing', { paste: true });
  await page.keyboard.press('Escape');

  // An Action serves an Outcome: four keys after the card has focus (L, Down, Space, Escape) plus the words to find.
  await canvas.openStep('Action');
  await canvas.linkWithKeyboard('Action', 1, 'evictions', 'This card now serves “Fewer evictions in the borough”.');
  await expect(canvas.card('Action', 1)).toContainText('Serves: “Fewer evictions in the borough”');
  await expect(canvas.card('Action', 1)).toHaveAccessibleDescription(/Serves: “Fewer evictions in the borough”/);

  // An Insight serves an Action; only Actions are offered.
  await canvas.openStep('Insight');
  await canvas.focusCard('Insight', 1);
  await page.keyboard.press('l');
  const dialog = canvas.linkDialog('Insight', 1);
  await expect(dialog.getByRole('group', { name: 'This card serves: Action' })).toBeVisible();
  await expect(dialog.getByRole('group', { name: /This card serves: (Outcome|Enablers)/ })).toHaveCount(0);
  await expect(dialog.getByRole('group', { name: 'Served by: Enablers' }).getByRole('checkbox')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await canvas.linkWithKeyboard('Insight', 1, 'arrears', 'This card now serves “Early contact with tenants in arrears”.');

  // The menu way, from the Outcome: "Served by" lists what may serve it.
  await canvas.openStep('Outcome');
  const menu = await canvas.openCardMenu('Outcome', 1);
  await menu.getByRole('menuitem', { name: /^Link to…/ }).click();
  await expect(canvas.linkDialog('Outcome', 1).getByRole('checkbox', { name: /Early contact with tenants in arrears/ })).toBeChecked();
  await canvas.linkDialog('Outcome', 1).getByRole('button', { name: 'Done' }).click();
  await expect(canvas.card('Outcome', 1)).toBeFocused();
  await expect(canvas.card('Outcome', 1)).toContainText('Served by: “Early contact with tenants in arrears”');

  // The thread, from each outcome down.
  await canvas.threadLink.click();
  const tree = page.getByRole('list', { name: 'The thread from each outcome down' });
  const evictions = tree.getByRole('listitem').filter({ hasText: 'Outcome: Fewer evictions in the borough' }).first();
  await expect(evictions).toContainText('Action: Early contact with tenants in arrears');
  await expect(evictions.getByRole('listitem').filter({ hasText: 'Action: Early contact' }).getByRole('listitem')).toHaveText(
    'Insight: Arrears by ward, monthly',
  );
  // What is loose.
  const loose = page.getByRole('region', { name: /^Loose ends/ });
  await expect(page.getByRole('heading', { name: 'Loose ends (2)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Outcomes nobody acts on yet (1)' })).toBeVisible();
  await expect(loose.getByRole('button', { name: 'Tenants trust the housing service' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Enablers that serve nothing (1)' })).toBeVisible();

  // A loose end takes a person to the card, to link it there.
  await loose.getByRole('button', { name: 'A data-sharing agreement with housing' }).click();
  await canvas.expectOnStep('Enablers');
  await expect(canvas.card('Enablers', 1)).toBeFocused();
  await page.keyboard.press('l');
  await page.keyboard.type('arrears by ward');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(canvas.linkDialog('Enablers', 1).getByRole('status')).toHaveText('This card now serves “Arrears by ward, monthly”.');
  await page.keyboard.press('Escape');

  // A move that breaks the step rule keeps the link, and says it no longer fits; undo puts it right.
  await canvas.openStep('Insight');
  await canvas.moveWithMenu('Insight', 1, 'Move to Outcome');
  await canvas.threadLink.click();
  await expect(page.getByRole('heading', { name: 'Links that no longer fit (1)' })).toBeVisible();
  await canvas.undoButton.click();
  await expect(page.getByRole('heading', { name: /Links that no longer fit/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Loose ends (1)' })).toBeVisible();

  await canvas.expectSaved();
  await canvas.reload();
  await expect(tree.getByRole('listitem').filter({ hasText: 'Insight: Arrears by ward, monthly' }).first()).toContainText(
    'Enablers: A data-sharing agreement with housing',
  );
  await canvas.stepByStepLink.click();
  await canvas.openStep('Action');
  await expect(canvas.card('Action', 1)).toContainText('Serves: “Fewer evictions in the borough”');
  await expect(canvas.card('Action', 1)).toContainText('Served by: “Arrears by ward, monthly”');

  // In the export.
  const exportPage = await canvas.openExport();
  const markdown = await exportPage.showMarkdownText();
  expect(markdown).toContain('## Golden thread');
  expect(markdown).toMatch(/Fewer evictions in the borough[\s\S]*Early contact with tenants in arrears[\s\S]*Arrears by ward, monthly/);
});
