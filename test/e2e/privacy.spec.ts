/**
 * The privacy check where text arrives (issue 10 §5): typing in a card or a
 * check's notes, and a file coming in. It warns and never blocks; a
 * dismissal is for that exact text, saved with the canvas and undoable.
 */
import { expectNoAxeViolations } from './axe';
import { CanvasPage } from './pages/CanvasPage';
import { ImportPanel, downloadedText } from './pages/ImportPanel';
import { WorkshopPage } from './pages/WorkshopPage';
import { inFreshProfile } from './profile';
import { LibraryPage, expect, test } from './fixtures';

test('a card that names a person warns as it is typed, says why, and the warning goes when the text is fixed', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Privacy in cards');
  await canvas.addCard('Outcome', 'Families in Ward 3 get help sooner');
  const card = canvas.card('Outcome', 1);
  await expect(canvas.privacyWarning(card)).toHaveCount(0);

  const editor = canvas.cardEditor('Outcome', 1);
  await page.keyboard.type(', like Mrs Begum on 07700 900123');
  const warning = canvas.privacyWarning(card, 'Possible personal data in this card: a person’s name and a phone number.');
  await expect(warning).toBeVisible();
  // The text box says so too, for a screen reader, while the warning stands.
  await expect(editor).toHaveAccessibleDescription(/Possible personal data in this card/);
  // Never blocks: the text is kept as typed.
  await expect(editor).toHaveValue('Families in Ward 3 get help sooner, like Mrs Begum on 07700 900123');
  // Why, and what to write instead, one step away inside the card.
  await card.getByText('Why, and what to write instead').first().click();
  await expect(card.getByText('Try instead:').first()).toBeVisible();

  await canvas.setCardText('Outcome', 1, 'Families in Ward 3 get help sooner, like the family we heard from');
  await expect(warning).toBeHidden();
  await expect(canvas.privacyWarning(card)).toHaveCount(0);
  await expect(page.getByText('The privacy warning has gone.')).toBeAttached();
});

test('a dismissed warning stays gone after a reload; undo brings it back; other text still warns', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Dismissing a warning');
  await canvas.openStep('Action');
  await canvas.addCard('Action', 'Ask dr.patel@hackney-gp.nhs.uk for the referral counts');
  await page.keyboard.press('Escape');
  const card = canvas.card('Action', 1);
  await expect(canvas.privacyWarning(card, 'Possible personal data in this card: an email address.')).toBeVisible();
  // The canvas lists the place too.
  const review = page.getByText('Possible personal data in 1 place on this canvas');
  await expect(review).toBeVisible();

  // Keyboard: Tab from the card reaches the warning's button.
  await canvas.focusCard('Action', 1);
  await page.keyboard.press('Tab');
  const dismiss = card.getByRole('button', { name: 'It’s fine, dismiss' });
  await expect(dismiss).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(canvas.privacyWarning(card)).toHaveCount(0);
  await expect(review).toBeHidden();
  // Focus is not lost: it goes back to the card.
  await expect(card).toBeFocused();

  // Dismissing is an ordinary edit: undo shows the warning again, redo dismisses it again.
  await canvas.undoButton.click();
  await expect(canvas.privacyWarning(card, 'Possible personal data in this card: an email address.')).toBeVisible();
  await canvas.redoButton.click();
  await expect(canvas.privacyWarning(card)).toHaveCount(0);

  await canvas.expectSaved();
  await canvas.reload();
  await canvas.openStep('Action');
  await canvas.expectCards('Action', ['Ask dr.patel@hackney-gp.nhs.uk for the referral counts']);
  await expect(canvas.privacyWarning(canvas.card('Action', 1))).toHaveCount(0);

  // A different text with the same kind of finding still warns.
  await canvas.setCardText('Action', 1, 'Ask sam.jones@gmail.com for the counts');
  await expect(canvas.privacyWarning(canvas.card('Action', 1), 'Possible personal data in this card: an email address.')).toBeVisible();
});

test('check notes and the description warn too, and the warning goes when the text is fixed', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Privacy in notes');
  const notes = canvas.checkNotes('Outcome', 'Trust');
  await notes.fill('Raised by the resident with NI number QQ 12 34 56 C');
  // "QQ" is never a real prefix; a real-looking one warns.
  await expect(canvas.privacyWarning(page.locator('body'), /Possible personal data in these notes/)).toHaveCount(0);
  await notes.fill('Raised by the resident with NI number JT 48 22 91 B');
  const warning = canvas.privacyWarning(page.locator('body'), 'Possible personal data in these notes: a National Insurance number.');
  await expect(warning).toBeVisible();
  await expect(notes).toHaveAccessibleDescription(/Possible personal data in these notes/);
  await notes.fill('Raised by a resident at the drop-in');
  await expect(warning).toBeHidden();

  // The canvas's description too.
  await canvas.descriptionInput.fill('Lead: Dr Amara Osei, 020 7946 0123');
  await expect(
    canvas.privacyWarning(page.locator('body'), 'Possible personal data in the description: a person’s name and a phone number.'),
  ).toBeVisible();
  await expect(canvas.descriptionInput).toHaveAccessibleDescription(/Possible personal data in the description/);
  await canvas.descriptionInput.fill('Lead: the early help service manager');
  await expect(canvas.privacyWarning(page.locator('body'))).toHaveCount(0);
  await canvas.expectSaved();
});

test('an imported canvas is let in whole, then lists where its text looks like personal data', async ({ library, page }) => {
  await library.goto();
  const imports = new ImportPanel(page);
  await imports.importFile({
    name: 'casework.md',
    text: [
      '---',
      'format: outcome-canvas',
      'version: 1',
      '---',
      '',
      '# Casework notes',
      '',
      '## 1. Outcome',
      '',
      '- Fewer evictions in the borough',
      '',
      '## 2. Action',
      '',
      '- Call Mr Okafor on 020 7946 0018 about his arrears',
      '',
      '## 3. Insight',
      '',
      '- Arrears by ward, counted monthly',
      '',
    ].join('\n'),
  });
  const canvas = new CanvasPage(page);
  await canvas.waitUntilOpen();
  await expect(canvas.titleInput).toHaveValue('Casework notes');
  // Nothing refused: every card came in.
  await canvas.openStep('Action');
  await canvas.expectCards('Action', ['Call Mr Okafor on 020 7946 0018 about his arrears']);

  const review = page.getByRole('group').filter({ hasText: 'Possible personal data in 1 place on this canvas' });
  await review.getByText('Possible personal data in 1 place on this canvas').click();
  await expect(review.getByRole('listitem')).toHaveText('Card 1 in Action: a person’s name and a phone number');
  // The place takes a person to the card, whose warning says why and how to rephrase.
  await canvas.openStep('Outcome');
  await review.getByRole('button', { name: 'Card 1 in Action' }).click();
  await canvas.expectOnStep('Action');
  await expect(canvas.card('Action', 1)).toBeFocused();
  await expect(canvas.privacyWarning(canvas.card('Action', 1), 'Possible personal data in this card')).toBeVisible();
});

test('a restored backup says which canvases have text that looks personal, and keeps what was dismissed', async ({
  library,
  page,
  browser,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Casework to tidy');
  await canvas.addCard('Outcome', 'Ring Mr Okafor on 07700 900456', { paste: true });
  await canvas.addCard('Outcome', 'Write to jo.bloggs@gmail.com', { paste: true });
  await page.keyboard.press('Escape');
  // One warning dismissed here: it stays dismissed in the other profile.
  await canvas.card('Outcome', 2).getByRole('button', { name: 'It’s fine, dismiss' }).click();
  await expect(canvas.privacyWarning(canvas.card('Outcome', 2))).toHaveCount(0);
  await canvas.expectSaved();
  await canvas.allCanvasesLink.click();
  await library.createCanvas('Nothing personal');
  await canvas.allCanvasesLink.click();
  const backup = await downloadedText(await new ImportPanel(page).downloadBackup());

  await inFreshProfile(browser, async (fresh) => {
    const freshLibrary = new LibraryPage(fresh);
    await freshLibrary.goto();
    const panel = new ImportPanel(fresh);
    await panel.importFile({ name: 'outcome-canvas-backup.json', text: backup });
    await expect(panel.result).toHaveText(
      'Restored 2 canvases: 2 added. Text that may be personal data about one person is in 1 of them: “Casework to tidy” (1). Each canvas lists where, with why and how to rephrase.',
    );
    const restored = await freshLibrary.open('Casework to tidy');
    await expect(restored.privacyWarning(restored.card('Outcome', 1), 'Possible personal data in this card')).toBeVisible();
    await expect(restored.privacyWarning(restored.card('Outcome', 2))).toHaveCount(0);
  });
});

test('action items and the parking lot warn under their text as a card does, and never block', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Privacy in the workshop');
  const workshop = new WorkshopPage(page);
  await workshop.open();
  const body = page.locator('body');

  // Writing a new action, and its owner.
  const what = page.getByRole('textbox', { name: 'What needs doing' });
  await what.fill('Call Mrs Begum on 07700 900123 about the referral');
  await expect(canvas.privacyWarning(body, 'Possible personal data in this action: a person’s name and a phone number.')).toBeVisible();
  await expect(what).toHaveAccessibleDescription(/Possible personal data in this action/);
  const owner = page.getByRole('textbox', { name: 'Owner', exact: true });
  await owner.fill('amara.osei@lambeth.gov.uk');
  await expect(canvas.privacyWarning(body, /Possible personal data in this owner: an email address/)).toBeVisible();
  await expect(owner).toHaveAccessibleDescription(/Possible personal data in this owner/);
  await page.getByRole('button', { name: 'Add action' }).click();

  // The action in the log keeps warning until its text is fixed; nothing was refused.
  const action = page.getByRole('list', { name: 'Actions', exact: true }).getByRole('listitem').first();
  const text = action.getByRole('textbox', { name: 'Action 1', exact: true });
  await expect(text).toHaveValue('Call Mrs Begum on 07700 900123 about the referral');
  await expect(text).toHaveAccessibleDescription(/Possible personal data in this action/);
  await expect(canvas.privacyWarning(action, /Possible personal data in this action/)).toBeVisible();
  await text.fill('Call the family about the referral');
  await expect(canvas.privacyWarning(action, /Possible personal data in this action/)).toBeHidden();
  await action.getByRole('textbox', { name: 'Owner of action 1' }).fill('Early help team');
  await expect(canvas.privacyWarning(action)).toHaveCount(0);

  // The parking lot: while writing, and on the parked item.
  const park = page.getByRole('textbox', { name: 'Park something' });
  await park.fill('Ask Dr Amara Osei for the ward figures');
  await expect(canvas.privacyWarning(body, 'Possible personal data in this item: a person’s name.')).toBeVisible();
  await expect(park).toHaveAccessibleDescription(/Possible personal data in this item/);
  await page.getByRole('button', { name: 'Park it' }).click();
  const parked = page.getByRole('list', { name: 'Parked items' }).getByRole('listitem').first();
  await expect(parked).toContainText('Ask Dr Amara Osei for the ward figures');
  await expect(canvas.privacyWarning(parked, /Possible personal data in this item/)).toBeVisible();
  // The box for the next item is empty again, and so warns no more.
  await expect(park).toHaveValue('');
  await expect(canvas.privacyWarning(page.locator('.parking-form'))).toHaveCount(0);
  await expectNoAxeViolations(page, 'the Workshop view with privacy warnings');
  await canvas.expectSaved();
});
