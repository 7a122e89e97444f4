/**
 * "Before this goes live" (issue 10 §2): the legal and governance checks at
 * Insight and Enablers, with the same statuses and notes as the ethics
 * checks, in the concerns roll-up (open and resolved), kept after a reload
 * and in the export; consent kept apart from the legal basis.
 */
import { expect, test } from './fixtures';

test('governance checks at Insight and Enablers: statuses, notes, concerns resolved and reopened, all kept and exported', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Governance checks');
  // Not at Outcome or Action.
  await expect(page.getByRole('region', { name: /^Before this goes live/ })).toHaveCount(0);

  await canvas.openStep('Insight');
  await expect(page.getByRole('heading', { name: 'Before this goes live, Insight: 0 of 8 discussed' })).toBeVisible();
  // The legal reference is in "why it matters", and consent is kept apart from the legal basis.
  const lawful = page.getByRole('group', { name: 'Lawful basis', exact: true });
  await expect(lawful).toContainText('UK GDPR article 6');
  await expect(lawful).toContainText('Consent is rarely a suitable basis for a public body');
  await expect(page.getByRole('group', { name: 'Consent', exact: true })).toContainText(
    'Not the legal basis: whether the council may lawfully use the data is its own check, “Lawful basis”',
  );

  await canvas.setGovernance('Lawful basis', 'Concern raised', 'Public task or legal obligation?\nLegal team to confirm');
  await canvas.setGovernance('DPIA screening', 'Discussed, no concern', 'Matching data sets: a DPIA is needed');
  await expect(page.getByRole('heading', { name: 'Before this goes live, Insight: 2 of 8 discussed, 1 concern' })).toBeVisible();
  // The ethics checks' count is their own.
  await expect(page.getByRole('heading', { name: 'Ethics checks for Insight: 0 of 5 discussed' })).toBeVisible();
  await expect(canvas.concernsLink).toHaveText('Open concerns (1)');

  await canvas.openStep('Enablers');
  await canvas.setGovernance('Senior accountable owner', 'Concern raised', 'Nobody named yet');
  await canvas.setCheck('Enablers', 'Trust', 'Concern raised', 'Residents were not asked');
  await expect(canvas.concernsLink).toHaveText('Open concerns (3)');
  await expect(canvas.stepNavLink('Enablers')).toContainText('· 2 concerns');

  await canvas.openConcerns();
  await expect(canvas.concernsList.getByRole('listitem')).toHaveCount(3);
  const lawfulConcern = canvas.concern('Insight', 'Lawful basis (before this goes live)');
  await expect(lawfulConcern).toContainText('Have we named the lawful basis');
  await expect(lawfulConcern).toContainText('Public task or legal obligation?\nLegal team to confirm');
  await expect(canvas.concern('Enablers', 'Trust')).toBeVisible();

  // Resolved by keyboard, with how.
  await lawfulConcern.getByRole('button', { name: 'Mark resolved…' }).press('Enter');
  const how = page.getByRole('textbox', { name: 'How was it resolved?' });
  await expect(how).toBeFocused();
  await how.fill('Legal confirmed: public task');
  await page.getByRole('button', { name: 'Mark resolved', exact: true }).press('Enter');
  await expect(canvas.concernsHeading).toHaveText('Open concerns (2)');
  const resolved = canvas.concern('Insight', 'Lawful basis (before this goes live)', canvas.resolvedConcernsList());
  await expect(resolved).toContainText('How it was resolved: Legal confirmed: public task');
  // Focus goes to the open list's heading, which says how many are left.
  await expect(canvas.concernsHeading).toBeFocused();
  await expect(canvas.concernsLink).toHaveText('Open concerns (2)');

  // Reopened, then resolved again: undo takes back one step at a time.
  await resolved.getByRole('button', { name: 'Reopen' }).click();
  await expect(canvas.concernsHeading).toHaveText('Open concerns (3)');
  await canvas.undoButton.click();
  await expect(canvas.concernsHeading).toHaveText('Open concerns (2)');

  await canvas.expectSaved();
  await canvas.reload();
  await expect(canvas.concernsHeading).toHaveText('Open concerns (2)');
  await expect(canvas.concern('Insight', 'Lawful basis (before this goes live)', canvas.resolvedConcernsList())).toContainText(
    'Legal confirmed: public task',
  );
  // The check itself says it was resolved, where it is.
  await canvas.concern('Enablers', 'Senior accountable owner (before this goes live)').getByRole('link').click();
  await canvas.expectOnStep('Enablers');
  await expect(page.getByRole('group', { name: 'Senior accountable owner', exact: true })).toBeFocused();
  await expect(canvas.governanceRadio('Senior accountable owner', 'Concern raised')).toBeChecked();
  await expect(canvas.governanceNotes('Senior accountable owner')).toHaveValue('Nobody named yet');
  await canvas.openStep('Insight');
  await expect(canvas.governanceRadio('Lawful basis', 'Concern raised')).toBeChecked();
  await expect(page.getByRole('group', { name: 'Lawful basis', exact: true })).toContainText('Resolved: Legal confirmed: public task');
  await expect(canvas.governanceRadio('DPIA screening', 'Discussed, no concern')).toBeChecked();

  // In the export, with the statuses and notes.
  const exportPage = await canvas.openExport();
  const markdown = await exportPage.showMarkdownText();
  expect(markdown).toContain('Lawful basis');
  expect(markdown).toContain('Legal confirmed: public task');
  expect(markdown).toContain('Matching data sets: a DPIA is needed');
  expect(markdown).toContain('Nobody named yet');
});
