/**
 * The parking lot and the action log (issue 9, items 4 and 5), by keyboard:
 * park a card from its menu, write a parked item, bring one back; actions
 * made directly and from an open concern, which is then marked resolved;
 * open actions counted in the library; all of it kept through a reload, a
 * second tab, undo and redo, the Markdown file and a backup.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { chooseFromMenu, focusedElement } from './keyboard';
import { CanvasPage } from './pages/CanvasPage';
import { ImportPanel } from './pages/ImportPanel';
import { WorkshopPage } from './pages/WorkshopPage';
import { inFreshProfile } from './profile';
import { LibraryPage, expect, test } from './fixtures';

async function expectFocusOn(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await expect(locator, `focus is on ${await focusedElement(page)}`).toBeFocused();
}

const parked = (page: Page) => page.getByRole('list', { name: 'Parked items' }).getByRole('listitem');
const actions = (page: Page) => page.getByRole('list', { name: 'Actions', exact: true }).getByRole('listitem');

test('park a card from its menu, write a parked item, bring one back: focus stays on something sensible', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Parking');
  for (const text of ['Families stay housed', 'Ask about school data', 'Cleaner air'])
    await canvas.addCard('Outcome', text, { paste: true });
  await page.keyboard.press('Escape');

  await canvas.focusCard('Outcome', 2);
  await page.keyboard.press('m');
  await chooseFromMenu(page, 'Park this card');
  await canvas.expectCards('Outcome', ['Families stay housed', 'Cleaner air']);
  // The card that took its place has focus.
  await expectFocusOn(page, canvas.card('Outcome', 2));
  await expect(canvas.toast).toContainText('Card 2 in Outcome parked.');

  const workshop = new WorkshopPage(page);
  await workshop.open();
  await expect(page.getByRole('heading', { name: 'Parking lot (1)' })).toBeVisible();
  const write = page.getByRole('textbox', { name: 'Park something' });
  await write.focus();
  await page.keyboard.press('Enter'); // a line break only: nothing written yet
  await page.getByRole('button', { name: 'Park it' }).click();
  await expect(page.getByRole('alert')).toHaveText('Write what to park first.');
  await expectFocusOn(page, write);
  await write.fill('Check the youth panel’s dates');
  await page.getByRole('combobox', { name: 'It came up in' }).selectOption('Insight');
  await page.getByRole('button', { name: 'Park it' }).focus();
  await page.keyboard.press('Enter');
  await expect(parked(page)).toHaveCount(2);
  await expect(parked(page).nth(1)).toContainText('Check the youth panel’s dates');
  await expect(parked(page).nth(1)).toContainText('From Insight');
  await expectFocusOn(page, write);
  await expect(write).toHaveValue('');
  await expectNoAxeViolations(page, 'the Workshop view with a parking lot');

  const bringBack = parked(page)
    .first()
    .getByRole('button', { name: /^Bring back to Outcome/ });
  await bringBack.focus();
  await page.keyboard.press('Enter');
  await expect(parked(page)).toHaveCount(1);
  // Focus goes to the item that took its place.
  await expectFocusOn(
    page,
    parked(page)
      .first()
      .getByRole('button', { name: /^Bring back to Insight/ }),
  );
  await canvas.stepByStepLink.click();
  await canvas.expectCards('Outcome', ['Families stay housed', 'Cleaner air', 'Ask about school data']);
});

test('the first card of a step, parked while the parking lot is empty, leaves the step at once, and its count', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Parking the first');
  await canvas.openStep('Action');
  for (const text of ['Housing officers call first', 'A weekly list']) await canvas.addCard('Action', text, { paste: true });
  await page.keyboard.press('Escape');
  await expect(canvas.stepNavLink('Action')).toContainText('2 cards');

  await canvas.focusCard('Action', 1);
  await page.keyboard.press('m');
  await chooseFromMenu(page, 'Park this card');
  await expect(canvas.toast).toContainText('Card 1 in Action parked.');
  await canvas.expectCards('Action', ['A weekly list']);
  await expect(canvas.stepNavLink('Action')).toContainText('1 card ·');
  await expectFocusOn(page, canvas.card('Action', 1));
});

test('actions: made directly with no owner or a past date (flagged, not refused), and from an open concern that is then resolved', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Actions');
  await canvas.addCard('Outcome', 'Families stay housed', { paste: true });
  await canvas.setCheck('Outcome', 'Consent', 'Concern raised', 'Nobody asked the families');
  await expect(canvas.concernsLink).toHaveText('Open concerns (1)');

  const workshop = new WorkshopPage(page);
  await workshop.open();
  const what = page.getByRole('textbox', { name: 'What needs doing' });
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('alert')).toHaveText('Write what needs doing first.');
  await expectFocusOn(page, what);
  await what.fill('Draft the data sharing agreement');
  await page.getByLabel('Due', { exact: true }).fill('2020-01-31');
  await expect(
    page.getByText('No owner yet: it will be listed as needing one. 31 January 2020 has passed: the action will show as overdue.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Add action' }).focus();
  await page.keyboard.press('Enter');
  await expect(actions(page)).toHaveCount(1);
  await expectFocusOn(page, what);
  const first = actions(page).first();
  await expect(first.getByRole('textbox', { name: 'Action 1', exact: true })).toHaveValue('Draft the data sharing agreement');
  await expect(first).toContainText('No owner yet');
  await expect(first).toContainText('Overdue since 31 January 2020');
  await first.getByRole('textbox', { name: 'Owner of action 1' }).fill('Priya, information governance');
  await expect(first).not.toContainText('No owner yet');
  await expect(page.getByRole('heading', { name: 'Action log (1 open of 1)' })).toBeVisible();

  // From the concern: an action tied to it, then the concern marked resolved with a note.
  await canvas.openConcerns();
  const create = page.getByRole('button', { name: 'Create an action for this concern about Outcome, Consent' });
  await create.focus();
  await page.keyboard.press('Enter');
  const concernAction = page
    .getByRole('list', { name: 'Actions for Outcome, Consent' })
    .getByRole('textbox', { name: 'Action 1', exact: true });
  await expectFocusOn(page, concernAction);
  await page.keyboard.type('Ask three families what they expect');
  await page.getByRole('button', { name: 'Mark resolved… Outcome, Consent' }).focus();
  await page.keyboard.press('Enter');
  await expectFocusOn(page, page.getByRole('textbox', { name: 'How was it resolved?' }));
  await page.keyboard.type('Families were asked; consent wording agreed');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(canvas.concernsHeading).toHaveText('Open concerns (0)');
  await expectFocusOn(page, canvas.concernsHeading);

  await workshop.open();
  await expect(actions(page)).toHaveCount(2);
  await expect(actions(page).nth(1)).toContainText('For the concern: Outcome, Consent');
  await actions(page).first().getByRole('checkbox', { name: 'Done (action 1)' }).check();
  await expect(page.getByRole('heading', { name: 'Action log (1 open of 2)' })).toBeVisible();
  await canvas.expectSaved();
  await canvas.allCanvasesLink.click();
  await expect(library.progress('Actions')).toContainText('Open actions: 1');
});

test('a resolved concern is reopened where it is listed: in the concerns view and at its check in the step, focus kept', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Reopening');
  await canvas.setCheck('Outcome', 'Consent', 'Concern raised', 'Nobody asked the families');
  const resolve = async () => {
    await canvas.openConcerns();
    await page.getByRole('button', { name: 'Mark resolved… Outcome, Consent' }).click();
    await page.getByRole('textbox', { name: 'How was it resolved?' }).fill('Families were asked');
    await page.getByRole('button', { name: 'Mark resolved', exact: true }).click();
    await expect(canvas.concernsHeading).toHaveText('Open concerns (0)');
  };
  await resolve();

  // In the concerns view: "Reopen" on the resolved one; it moves back to the open list with focus on its name.
  const resolvedList = page.getByRole('region', { name: 'Resolved concerns (1)' });
  await expect(resolvedList).toContainText('How it was resolved: Families were asked');
  await resolvedList.getByRole('button', { name: 'Reopen' }).focus();
  await page.keyboard.press('Enter');
  await expect(canvas.concernsHeading).toHaveText('Open concerns (1)');
  await expectFocusOn(page, page.getByRole('heading', { level: 3, name: 'Outcome: Consent' }));
  await expect(page.getByRole('button', { name: 'Mark resolved… Outcome, Consent' })).toBeVisible();
  await expect(canvas.concernsLink).toHaveText('Open concerns (1)');

  // At the check itself, in its step: the resolution is shown with a way to reopen it.
  await resolve();
  await page.getByRole('region', { name: 'Resolved concerns (1)' }).getByRole('link', { name: 'Go to Consent in Outcome' }).click();
  const check = page.getByRole('group', { name: 'Consent', exact: true });
  await expectFocusOn(page, check);
  await expect(check).toContainText('Resolved: Families were asked');
  await check.getByRole('button', { name: 'Reopen the concern on Consent for Outcome' }).focus();
  await page.keyboard.press('Enter');
  await expect(check).not.toContainText('Resolved:');
  await expectFocusOn(page, check);
  await expect(canvas.checkRadio('Outcome', 'Consent', 'Concern raised')).toBeChecked();
  await expect(canvas.concernsLink).toHaveText('Open concerns (1)');
  await expectNoAxeViolations(page, 'a step after reopening a concern');
  // Reopening is one undoable edit.
  await page.keyboard.press('Control+z');
  await expect(check).toContainText('Resolved: Families were asked');
  await expect(canvas.concernsLink).toHaveText('Open concerns (0)');
});

test('parking lot and actions survive a reload, reach a second tab, undo and redo, the Markdown file and a backup', async ({
  library,
  page,
  context,
  browser,
}, testInfo) => {
  await library.goto();
  const canvas = await library.createCanvas('Kept workshop');
  await canvas.addCard('Outcome', 'To be parked', { paste: true });
  await page.keyboard.press('Escape');
  await canvas.focusCard('Outcome', 1);
  await page.keyboard.press('m');
  await chooseFromMenu(page, 'Park this card');
  const workshop = new WorkshopPage(page);
  await workshop.open();
  await page.getByRole('textbox', { name: 'What needs doing' }).fill('Book a DPIA screening');
  await page.getByLabel('Owner', { exact: true }).fill('Priya');
  await page.getByLabel('Due', { exact: true }).fill('2026-12-01');
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(actions(page)).toHaveCount(1);

  // Undo takes the action away, redo brings it back; the parked card likewise.
  await canvas.undoButton.click();
  await expect(actions(page)).toHaveCount(0);
  await canvas.undoButton.click();
  await expect(parked(page)).toHaveCount(0);
  await canvas.redoButton.click();
  await canvas.redoButton.click();
  await expect(parked(page)).toHaveCount(1);
  await expect(actions(page)).toHaveCount(1);
  await canvas.expectSaved();

  await canvas.reload();
  await expect(parked(page)).toHaveCount(1);
  await expect(actions(page).first().getByRole('textbox', { name: 'Owner of action 1' })).toHaveValue('Priya');

  const other = await context.newPage();
  await other.goto(page.url());
  await new CanvasPage(other).waitUntilOpen();
  await expect(parked(other)).toHaveCount(1);
  await other.getByRole('textbox', { name: 'Park something' }).fill('Parked in the second tab');
  await other.getByRole('button', { name: 'Park it' }).click();
  await expect(parked(page)).toHaveCount(2, { timeout: 3000 });
  await other.close();
  await canvas.expectSaved();

  const exportView = await canvas.openExport();
  const [download] = await Promise.all([page.waitForEvent('download'), exportView.downloadButton.click()]);
  const file = testInfo.outputPath('kept.md');
  await download.saveAs(file);
  await inFreshProfile(browser, async (fresh) => {
    await new LibraryPage(fresh).goto();
    await new ImportPanel(fresh).importFile(file);
    const imported = new CanvasPage(fresh);
    await imported.waitUntilOpen();
    await new WorkshopPage(fresh).open();
    await expect(parked(fresh)).toHaveCount(2);
    await expect(parked(fresh).nth(1)).toContainText('Parked in the second tab');
    await expect(actions(fresh).first().getByRole('textbox', { name: 'Action 1', exact: true })).toHaveValue('Book a DPIA screening');
    await expect(actions(fresh).first().getByLabel('Due date of action 1')).toHaveValue('2026-12-01');
  });

  await canvas.allCanvasesLink.click();
  const backup = await new ImportPanel(page).downloadBackup();
  const backupFile = testInfo.outputPath(backup.suggestedFilename());
  await backup.saveAs(backupFile);
  await inFreshProfile(browser, async (fresh) => {
    const freshLibrary = new LibraryPage(fresh);
    await freshLibrary.goto();
    await new ImportPanel(fresh).importFile(backupFile);
    await expect(freshLibrary.progress('Kept workshop')).toContainText('Open actions: 1');
    await freshLibrary.open('Kept workshop');
    await new WorkshopPage(fresh).open();
    await expect(parked(fresh)).toHaveCount(2);
    await expect(actions(fresh)).toHaveCount(1);
  });
});

test('a parking lot of 500 items opens, counts and brings one back', async ({ library, page }) => {
  const items = Array.from({ length: 500 }, (_, i) => `- Parked idea ${i + 1}<!-- card: step=action -->`);
  const text = [
    '---',
    'format: outcome-canvas',
    'version: 2',
    '---',
    '',
    '# Five hundred parked',
    '',
    '## Parking lot',
    '',
    ...items,
    '',
  ].join('\n');
  await library.goto();
  await new ImportPanel(page).importFile({ name: 'five-hundred.md', text });
  const canvas = new CanvasPage(page);
  await canvas.waitUntilOpen();
  const workshop = new WorkshopPage(page);
  await workshop.open();
  await expect(page.getByRole('heading', { name: 'Parking lot (500)' })).toBeVisible();
  await expect(parked(page)).toHaveCount(500);
  await parked(page).nth(499).getByRole('button').click();
  await expect(page.getByRole('heading', { name: 'Parking lot (499)' })).toBeVisible();
  await canvas.stepByStepLink.click();
  await canvas.openStep('Action');
  await canvas.expectCards('Action', ['Parked idea 500']);
});
