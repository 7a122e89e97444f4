/**
 * The data inventory at Insight (issue 10 §4): data sets filled in by
 * keyboard, linked to the insights that use them, their gaps shown, the
 * privacy check on their text; kept after a reload, in the export, and back
 * again when the exported file is imported.
 */
import { CanvasPage } from './pages/CanvasPage';
import { ImportPanel } from './pages/ImportPanel';
import { expect, test } from './fixtures';

test('a data set filled in by keyboard, linked to an insight, with its gaps; kept after reload, exported and imported back', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Data inventory');
  await canvas.openStep('Insight');
  await canvas.addCard('Insight', 'Arrears by ward, monthly', { paste: true });
  await canvas.addCard('Insight', 'Who is missing from the arrears data', { paste: true });
  await page.keyboard.press('Escape');

  const inventory = page.getByRole('region', { name: /^Data inventory/ });
  await expect(inventory.getByRole('heading', { name: 'Data inventory (0 data sets)' })).toBeVisible();
  await inventory.getByRole('button', { name: '+ Add a data set' }).press('Enter');
  const record = page.getByRole('article', { name: /^Data set 1:/ });
  // The new data set's name takes focus: type straight away.
  await expect(record.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await page.keyboard.type('Rent account records');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Housing income team');
  await expect(record.getByRole('heading', { name: 'Data set 1: Rent account records' })).toBeVisible();
  // Before anything is decided, the gaps say what is missing.
  await expect(record).toContainText('Nobody has said yet whether it holds personal data.');
  await expect(record).toContainText('It is not linked to any insight.');

  await record.getByRole('textbox', { name: 'What it contains' }).fill('Balances and payments per tenancy');
  await record.getByRole('combobox', { name: 'Does it hold personal data?' }).selectOption({ label: 'Yes' });
  await record.getByRole('combobox', { name: 'Lawful basis (UK GDPR article 6)' }).selectOption({ label: 'Public task (article 6(1)(e))' });
  await record.getByRole('combobox', { name: 'Data-sharing agreement' }).selectOption({ label: 'Being drafted' });
  await record.getByRole('combobox', { name: 'Data protection impact assessment (DPIA)' }).selectOption({ label: 'Needed' });
  await record.getByRole('textbox', { name: 'Who is missing, miscounted or over-represented in it' }).fill('Private renters are not in it');
  await record.getByRole('textbox', { name: 'How long it is kept, and when it is deleted' }).fill('Six years after the tenancy ends');
  // Linked to the insight that uses it, by keyboard.
  await record.getByRole('checkbox', { name: /Arrears by ward, monthly/ }).press('Space');
  await expect(record.getByRole('checkbox', { name: /Arrears by ward, monthly/ })).toBeChecked();

  await expect(record).toContainText('Still to settle (2):');
  await expect(record).toContainText('A DPIA is needed and is not done yet.');
  await expect(record).toContainText('The data-sharing agreement is still being drafted.');
  await expect(record).not.toContainText('It is not linked to any insight.');
  const table = inventory.getByRole('table', { name: 'Data sets at a glance' });
  await expect(table.getByRole('row', { name: /Rent account records/ })).toContainText('Public task (article 6(1)(e))');
  await expect(table.getByRole('row', { name: /Rent account records/ })).toContainText('1 insight');

  // The privacy check on its text: a warning appears and goes.
  const holder = record.getByRole('textbox', { name: 'Held by (team, service or organisation)' });
  await holder.fill('Housing income team (ask sam.jones@gmail.com)');
  await expect(canvas.privacyWarning(record, 'Possible personal data in this field: an email address.')).toBeVisible();
  await expect(holder).toHaveAccessibleDescription(/Possible personal data in this field/);
  await holder.fill('Housing income team');
  await expect(canvas.privacyWarning(record)).toHaveCount(0);

  // A second data set, deleted and brought back with Undo.
  await inventory.getByRole('button', { name: '+ Add a data set' }).click();
  await page.keyboard.type('Council tax support claims');
  await page
    .getByRole('article', { name: /^Data set 2:/ })
    .getByRole('button', { name: 'Delete data set 2' })
    .click();
  await expect(page.getByRole('article', { name: /^Data set 2:/ })).toHaveCount(0);
  await canvas.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('article', { name: 'Data set 2: Council tax support claims' })).toBeVisible();

  await canvas.expectSaved();
  await canvas.reload();
  await expect(inventory.getByRole('heading', { name: 'Data inventory (2 data sets)' })).toBeVisible();
  await expect(record.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Rent account records');
  await expect(record.getByRole('combobox', { name: 'Lawful basis (UK GDPR article 6)' })).toHaveValue('public-task');
  await expect(record.getByRole('combobox', { name: 'Data protection impact assessment (DPIA)' })).toHaveValue('needed');
  await expect(record.getByRole('textbox', { name: 'How long it is kept, and when it is deleted' })).toHaveValue(
    'Six years after the tenancy ends',
  );
  await expect(record.getByRole('checkbox', { name: /Arrears by ward, monthly/ })).toBeChecked();

  // In the export, and back again from the file.
  const exportPage = await canvas.openExport();
  const markdown = await exportPage.showMarkdownText();
  expect(markdown).toContain('## Data inventory');
  expect(markdown).toContain('Rent account records');
  expect(markdown).toContain('Private renters are not in it');
  const file = await exportPage.download();

  await canvas.allCanvasesLink.click();
  await new ImportPanel(page).importFile({ name: file.fileName, text: file.text });
  const copy = new CanvasPage(page);
  await copy.waitUntilOpen();
  await copy.openStep('Insight');
  const imported = page.getByRole('article', { name: 'Data set 1: Rent account records' });
  await expect(imported.getByRole('combobox', { name: 'Lawful basis (UK GDPR article 6)' })).toHaveValue('public-task');
  await expect(imported.getByRole('textbox', { name: 'Who is missing, miscounted or over-represented in it' })).toHaveValue(
    'Private renters are not in it',
  );
  await expect(imported.getByRole('checkbox', { name: /Arrears by ward, monthly/ })).toBeChecked();
  await expect(page.getByRole('article', { name: 'Data set 2: Council tax support claims' })).toBeVisible();
});
