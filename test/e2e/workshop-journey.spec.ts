/**
 * A whole workshop driven by the keyboard alone (issue 9's Tests): create
 * from a template, present, run the timer, add and edit cards in every step,
 * move cards to the other steps by keyboard drag in the step view and on the
 * board, vote, mark agreed, park and bring back, set every ethics check,
 * turn a concern into an action, wrap up and export. The spec never uses the
 * mouse, asserts where focus is after each action, and counts the keys.
 */
import type { Locator } from '@playwright/test';
import { focusedElement, tabTo } from './keyboard';
import { CanvasPage, LENSES, STEPS, type Step } from './pages/CanvasPage';
import { ExportPage } from './pages/ExportPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { expect, test } from './fixtures';

test('a whole workshop by keyboard alone, focus checked after every action', async ({ library, page }, testInfo) => {
  test.setTimeout(180_000);
  let keys = 0;
  const press = async (key: string, times = 1) => {
    for (let i = 0; i < times; i++) {
      await page.keyboard.press(key);
      keys++;
    }
  };
  const tab = async (target: Locator, options?: { backwards?: boolean; max?: number }) => {
    keys += await tabTo(page, target, options);
  };
  const focusOn = async (locator: Locator) => expect(locator, `focus is on ${await focusedElement(page)}`).toBeFocused();
  const canvas = new CanvasPage(page);

  // Create from a template, named as the facilitator wants.
  await library.goto();
  const templates = new TemplatesPage(page);
  await tab(templates.headerLink);
  await press('Enter');
  await focusOn(templates.heading);
  await tab(templates.useButtonFor('Blank canvas with guidance'));
  await press('Enter');
  await focusOn(templates.newCanvasDialog().getByRole('textbox', { name: 'Title of the new canvas' }));
  await press('Control+a');
  await page.keyboard.type('Keyboard workshop');
  await press('Enter');
  await canvas.expectOnStep('Outcome');
  await focusOn(canvas.stepHeading('Outcome'));

  // Every step: two cards added and one edited, then every ethics check set (one concern raised).
  for (const [index, step] of STEPS.entries()) {
    for (const n of [1, 2]) {
      await press('n');
      await focusOn(canvas.cardEditor(step, n));
      await page.keyboard.type(`${step} idea ${n}`);
      await press('Escape');
      await focusOn(canvas.card(step, n));
    }
    await press('ArrowLeft');
    await press('Enter');
    await focusOn(canvas.cardEditor(step, 1));
    await page.keyboard.type(' (edited)');
    await press('Escape');
    await focusOn(canvas.card(step, 1));
    for (const lens of LENSES) {
      await tab(canvas.checkStatus(step, lens).getByRole('radio', { checked: true }));
      const concern = step === 'Outcome' && lens === 'Consent';
      await press('ArrowDown', concern ? 2 : 1);
      await expect(canvas.checkRadio(step, lens, concern ? 'Concern raised' : 'Discussed, no concern')).toBeChecked();
    }
    await canvas.expectCards(step, [`${step} idea 1 (edited)`, `${step} idea 2`]);
    if (index < STEPS.length - 1) {
      await press(']');
      await focusOn(canvas.stepHeading(STEPS[index + 1]!));
    }
  }
  await expect(canvas.concernsLink).toHaveText('Open concerns (1)');
  for (let i = 0; i < 3; i++) await press('[');
  await focusOn(canvas.stepHeading('Outcome'));

  // Presenting: P in, the timer started with T, Right to the next step, Escape out.
  await press('p');
  const presenting = page.getByRole('heading', { level: 1, name: '1/4 Outcome' });
  await focusOn(presenting);
  await press('t');
  await press('ArrowRight');
  await focusOn(page.getByRole('heading', { level: 1, name: '2/4 Action' }));
  await press('ArrowLeft');
  await focusOn(presenting);
  await press('Escape');
  await canvas.expectOnStep('Outcome');
  await focusOn(page.getByRole('button', { name: 'Present', exact: true }));
  await expect(canvas.facilitatorRail().getByRole('button', { name: 'Pause the timer for Outcome' })).toBeVisible();

  // Keyboard drag in the step view: Outcome's second card to Action, then to Insight.
  await tab(canvas.card('Outcome', 1));
  await press('ArrowRight');
  await focusOn(canvas.card('Outcome', 2));
  await press('Space');
  await expect(canvas.dragAnnouncement).toContainText('is over Outcome, position 2 of 2');
  await press('ArrowRight');
  await expect(canvas.dragAnnouncement).toContainText('is over Action');
  await press('Space');
  await expect(canvas.dragAnnouncement).toContainText('Dropped.');
  await canvas.expectCards('Outcome', ['Outcome idea 1 (edited)']);
  await focusOn(canvas.card('Outcome', 1));
  await press('Space');
  await expect(canvas.dragAnnouncement).toContainText('Picked up Card “Outcome idea 1 (edited)”');
  await press('ArrowRight');
  await expect(canvas.dragAnnouncement).toContainText('is over Action');
  await press('ArrowRight');
  await expect(canvas.dragAnnouncement).toContainText('is over Insight');
  await press('Space');
  await expect(canvas.dragAnnouncement).toContainText('Dropped.');
  await canvas.expectCards('Outcome', []);
  await focusOn(canvas.addCardButton('Outcome'));

  // On the whole board: Action's first card to Enablers, then one back to Outcome.
  await tab(canvas.wholeBoardLink, { backwards: true });
  await press('Enter');
  await focusOn(canvas.wholeBoardLink);
  await tab(canvas.card('Action', 1));
  await press('Space');
  await expect(canvas.dragAnnouncement).toContainText('Picked up Card “Action idea 1 (edited)”');
  await press('ArrowRight');
  await expect(canvas.dragAnnouncement).toContainText('is over Insight');
  await press('ArrowRight');
  await expect(canvas.dragAnnouncement).toContainText('is over Enablers');
  await press('Space');
  await expect(canvas.dragAnnouncement).toContainText('Dropped.');
  await focusOn(canvas.cards('Enablers').filter({ hasText: 'Action idea 1 (edited)' }));
  await press('Space');
  await expect(canvas.dragAnnouncement).toContainText('Picked up Card “Action idea 1 (edited)”. It is over Enablers');
  for (const over of ['Insight', 'Action', 'Outcome'] as Step[]) {
    await press('ArrowLeft');
    await expect(canvas.dragAnnouncement).toContainText(`is over ${over}`);
  }
  await press('Space');
  await expect(canvas.dragAnnouncement).toContainText('Dropped.');
  await canvas.expectCards('Outcome', ['Action idea 1 (edited)']);
  await focusOn(canvas.card('Outcome', 1));

  // Votes and Agreed on the focused card.
  await press('+', 3);
  await press('a');
  await expect(canvas.card('Outcome', 1)).toHaveAccessibleDescription(/3 votes, agreed/);
  await focusOn(canvas.card('Outcome', 1));

  // Park a card from its menu; focus goes to the card that took its place.
  await press('ArrowRight');
  await focusOn(canvas.card('Action', 1));
  await press('m');
  const park = canvas.cardMenu('Action', 1).getByRole('menuitem', { name: 'Park this card' });
  for (let i = 0; i < 12 && !(await park.evaluate((element) => element === document.activeElement)); i++) await press('ArrowDown');
  await press('Enter');
  await focusOn(canvas.card('Action', 1));

  // Bring it back from the parking lot in the Workshop view.
  const workshopLink = canvas.views.getByRole('link', { name: 'Workshop', exact: true });
  await tab(workshopLink, { backwards: true });
  await press('Enter');
  await focusOn(workshopLink);
  const bringBack = page.getByRole('list', { name: 'Parked items' }).getByRole('button', { name: /^Bring back to Action/ });
  await tab(bringBack);
  await press('Enter');
  await focusOn(page.getByRole('textbox', { name: 'Park something' }));

  // The concern becomes an action.
  await tab(canvas.concernsLink, { backwards: true });
  await press('Enter');
  await focusOn(canvas.concernsLink);
  await tab(page.getByRole('button', { name: 'Create an action for this concern about Outcome, Consent' }));
  await press('Enter');
  await focusOn(page.getByRole('list', { name: 'Actions for Outcome, Consent' }).getByRole('textbox', { name: 'Action 1', exact: true }));
  await page.keyboard.type('Ask three families what they expect');
  await press('Tab');
  await focusOn(page.getByRole('textbox', { name: 'Owner of action 1' }));
  await page.keyboard.type('Sam');

  // Wrap up.
  const wrapUpLink = canvas.views.getByRole('link', { name: 'Wrap-up', exact: true });
  await tab(wrapUpLink, { backwards: true });
  await press('Enter');
  await focusOn(wrapUpLink);
  const outcome = page
    .getByRole('list', { name: 'Steps' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Outcome' }) })
    .first();
  await expect(outcome).toContainText('1 card, 1 agreed · 5 of 5 checks discussed · 1 open concern');
  await expect(page.getByRole('region', { name: /^Action log \(1 open/ }).first()).toContainText('Ask three families what they expect');

  // Export the canvas file.
  await tab(canvas.exportLink);
  await press('Enter');
  await focusOn(canvas.exportLink);
  const exportView = new ExportPage(page);
  await tab(exportView.downloadButton);
  const [download] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
  expect(download.suggestedFilename()).toBe('keyboard-workshop.md');
  await focusOn(exportView.downloadButton);

  testInfo.annotations.push({ type: 'figures', description: `the whole workshop by keyboard: ${keys} key presses besides the text typed` });
  console.log(testInfo.annotations.at(-1)?.description);
});
