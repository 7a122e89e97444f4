import { expect, test } from './fixtures';

test('ethics checks: statuses and notes, the open concerns, all kept after a reload', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Ethics checks');
  await expect(canvas.concernsLink).toHaveText('Open concerns (0)');
  await expect(canvas.page.getByRole('heading', { name: 'Ethics checks for Outcome: 0 of 5 discussed' })).toBeVisible();
  // Every check starts as "Not yet discussed".
  await expect(canvas.checkRadio('Outcome', 'Trust', 'Not yet discussed')).toBeChecked();

  await canvas.setCheck('Outcome', 'Trust', 'Concern raised', 'Residents may not trust\nhow the data is used');
  await canvas.setCheck('Outcome', 'Consent', 'Discussed, no concern', 'Covered by the privacy notice');
  await canvas.setCheck('Outcome', 'Power', 'Not applicable');
  await expect(page.getByRole('heading', { name: 'Ethics checks for Outcome: 3 of 5 discussed, 1 concern' })).toBeVisible();
  await expect(canvas.concernsLink).toHaveText('Open concerns (1)');

  await canvas.openStep('Insight');
  await canvas.setCheck('Insight', 'Inclusivity', 'Concern raised', 'Digitally excluded residents are missing');
  await canvas.setCheck('Insight', 'Transparency', 'Concern raised');
  // A concern resolved after discussion no longer counts.
  await canvas.setCheck('Insight', 'Transparency', 'Discussed, no concern');
  await expect(canvas.concernsLink).toHaveText('Open concerns (2)');
  await expect(canvas.stepNavLink('Outcome')).toContainText('3 of 5 checks · 1 concern');
  await expect(canvas.stepNavLink('Insight')).toContainText('2 of 5 checks · 1 concern');

  await canvas.openConcerns();
  await expect(canvas.concernsHeading).toHaveText('Open concerns (2)');
  await expect(canvas.concernsList.getByRole('listitem')).toHaveCount(2);
  await expect(canvas.concern('Outcome', 'Trust')).toContainText('Residents may not trust\nhow the data is used');
  await expect(canvas.concern('Insight', 'Inclusivity')).toContainText('Digitally excluded residents are missing');

  // Each concern links back to its step.
  await canvas.concern('Insight', 'Inclusivity').getByRole('link', { name: 'Go to Inclusivity in Insight' }).click();
  await canvas.expectOnStep('Insight');
  await expect(canvas.checkNotes('Insight', 'Inclusivity')).toHaveValue('Digitally excluded residents are missing');
  // ...and to the check itself, which takes focus so reading starts there.
  await expect(page.getByRole('group', { name: 'Inclusivity', exact: true })).toBeFocused();
  await expect(canvas.checkNotes('Insight', 'Inclusivity')).toBeInViewport();

  await canvas.expectSaved();
  await canvas.reload();
  await canvas.expectOnStep('Insight');
  await expect(canvas.checkRadio('Insight', 'Inclusivity', 'Concern raised')).toBeChecked();
  await expect(canvas.checkRadio('Insight', 'Transparency', 'Discussed, no concern')).toBeChecked();
  await expect(canvas.checkRadio('Insight', 'Trust', 'Not yet discussed')).toBeChecked();
  await expect(canvas.concernsLink).toHaveText('Open concerns (2)');

  await canvas.openStep('Outcome');
  await expect(canvas.checkRadio('Outcome', 'Trust', 'Concern raised')).toBeChecked();
  await expect(canvas.checkNotes('Outcome', 'Trust')).toHaveValue('Residents may not trust\nhow the data is used');
  await expect(canvas.checkRadio('Outcome', 'Consent', 'Discussed, no concern')).toBeChecked();
  await expect(canvas.checkNotes('Outcome', 'Consent')).toHaveValue('Covered by the privacy notice');
  await expect(canvas.checkRadio('Outcome', 'Power', 'Not applicable')).toBeChecked();

  await canvas.openConcerns();
  await expect(canvas.concernsList.getByRole('listitem')).toHaveCount(2);
  await canvas.concern('Outcome', 'Trust').getByRole('link', { name: 'Go to Trust in Outcome' }).click();
  await canvas.expectOnStep('Outcome');
});
