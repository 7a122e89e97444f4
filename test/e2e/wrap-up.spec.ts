/**
 * The wrap-up (issue 9, item 6) and the workshop details (item 7): the
 * closing view lists what is still missing, per step what was agreed and
 * what is open, the parking lot and the action log, and LOTI's lessons;
 * the details are in the export. A title of emoji and right-to-left text
 * goes through all of it.
 */
import { expectNoAxeViolations } from './axe';
import { focusedElement } from './keyboard';
import { WorkshopPage } from './pages/WorkshopPage';
import { expect, test } from './fixtures';

const TITLE = '🌍🤝 خدمات الأسرة Family help';

test('the wrap-up shows what is agreed, open and missing, and the workshop details reach the export', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas(TITLE);
  await expect(canvas.titleInput).toHaveValue(TITLE);
  for (const text of ['Families get help before crisis', 'Fewer evictions']) await canvas.addCard('Outcome', text, { paste: true });
  await page.keyboard.press('Escape');
  await canvas.focusCard('Outcome', 1);
  await page.keyboard.press('a');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await canvas.setCheck('Outcome', 'Trust', 'Concern raised', 'Families distrust police data');

  const workshop = new WorkshopPage(page);
  await workshop.open();
  await page.getByLabel('Date held').fill('2026-11-20');
  await page.getByLabel('Organisation or borough').fill('London Borough of Lambeth');
  await page.getByLabel('Facilitator').fill('Sam Okafor');
  await page.getByLabel('Who took part').fill('Two social workers\nA data analyst');
  await page.getByRole('textbox', { name: 'What needs doing' }).fill('Book a DPIA screening');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByRole('textbox', { name: 'Park something' }).fill('Ask about school data');
  await page.getByRole('button', { name: 'Park it' }).click();

  const wrapUpLink = canvas.views.getByRole('link', { name: 'Wrap-up', exact: true });
  await wrapUpLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/wrap-up$/);
  // The view links keep focus, as tabs do; the new screen is announced.
  await expect(wrapUpLink, `focus is on ${await focusedElement(page)}`).toBeFocused();
  await expect(page).toHaveTitle(`Wrap-up – ${TITLE} – Outcome Canvas`);
  await expect(page.getByRole('heading', { level: 2, name: 'Wrap-up' })).toBeVisible();
  await expect(page.getByText('Held on 20 November 2026 · London Borough of Lambeth · facilitated by Sam Okafor')).toBeVisible();

  const missing = page.getByRole('region', { name: /^Still to settle before taking this forward/ });
  await expect(missing.getByRole('listitem')).toContainText([
    'Outcome: 4 ethics checks not yet discussed.',
    'Outcome: 1 open concern with no action yet.',
    'Action: no cards yet.',
  ]);
  await expect(missing).toContainText('Action log: 1 action with no owner yet.');
  const steps = page
    .getByRole('list', { name: 'Steps' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) });
  const outcome = steps.filter({ has: page.getByRole('heading', { name: 'Outcome', exact: true }) });
  await expect(outcome).toContainText('2 cards, 1 agreed · 1 of 5 checks discussed · 1 open concern');
  await expect(outcome.getByRole('list').first()).toHaveText('Families get help before crisis (2 votes)');
  await expect(outcome).toContainText('Outcome, Trust');
  await expect(page.getByRole('region', { name: 'Parking lot (1)' })).toContainText('Ask about school data (from Outcome)');
  const actionTable = page.getByRole('region', { name: 'Action log (1 open, 0 done)' }).getByRole('table');
  await expect(actionTable.getByRole('row').nth(1)).toHaveText(/Book a DPIA screening.*No owner yet.*No date/);
  await expect(page.getByRole('heading', { name: 'LOTI’s four lessons' })).toBeVisible();
  await expectNoAxeViolations(page, 'the wrap-up');

  await page.setViewportSize({ width: 320, height: 640 });
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0], 'the wrap-up scrolls sideways at 320 px').toBeLessThanOrEqual(widths[1]!);
  await expectNoAxeViolations(page, 'the wrap-up at 320 px');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The details are in the canvas file, and the title survives as typed.
  const exportView = await canvas.openExport();
  const markdown = await exportView.showMarkdownText();
  expect(markdown).toContain(`# ${TITLE}`);
  expect(markdown).toContain('## Workshop');
  expect(markdown).toContain('- Date held: 2026-11-20');
  expect(markdown).toContain('- Organisation: London Borough of Lambeth');
  expect(markdown).toContain('- Facilitator: Sam Okafor');
  expect(markdown).toMatch(/- Who took part: Two social workers\\\n\s+A data analyst/);
  await canvas.allCanvasesLink.click();
  await expect(library.canvasTitles()).toHaveText([TITLE]);
});

test('the workshop details survive a reload', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Details');
  const workshop = new WorkshopPage(page);
  await workshop.open();
  await page.getByLabel('Facilitator').fill('Sam Okafor');
  await page.getByLabel('Who took part').fill('Parents’ forum, two analysts');
  await canvas.expectSaved();
  await canvas.reload();
  await expect(page.getByLabel('Facilitator')).toHaveValue('Sam Okafor');
  await expect(page.getByLabel('Who took part')).toHaveValue('Parents’ forum, two analysts');
});
