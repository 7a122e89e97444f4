/**
 * Where the guidance comes from: the Sources page (full references, the
 * abbreviations spelled out, LOTI's lenses and the app's use of them, every
 * claim with its source sentence) and LOTI's closing lessons where a team
 * finishes. What the page shows is checked against the source documents in
 * docs/sources/, not against copies of the app's own text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectNoAxeViolations } from './axe';
import { SourcesPage, closingLessons } from './pages/SourcesPage';
import { expect, test } from './fixtures';

const slides = readFileSync(fileURLToPath(new URL('../../docs/sources/loti-a-caveat-on-data-slides.txt', import.meta.url)), 'utf8');
const brief = readFileSync(
  fileURLToPath(new URL('../../docs/sources/parents-views-on-data-linkage-policy-brief.txt', import.meta.url)),
  'utf8',
);

/** LOTI's "To summerise" slide, as the slides have it: "- 1. Data is an enabler" and so on. */
const LOTI_LESSONS = [...slides.slice(slides.indexOf('To summerise')).matchAll(/^- \d\. (.+)$/gm)].map((match) => match[1]!.trim());

test('the Sources page: full references, abbreviations spelled out, the lenses as LOTI meant them, and back to the step', async ({
  library,
  page,
}) => {
  expect(LOTI_LESSONS).toHaveLength(4);
  await library.goto();
  const canvas = await library.createCanvas('Where it comes from');
  await canvas.openStep('Insight');

  // Beside LOTI's question for the step, a link to where it comes from.
  await canvas.step('Insight').getByRole('link', { name: 'About the sources' }).first().click();
  const sources = new SourcesPage(page);
  await sources.expectOpen();
  await expect(sources.headerLink).toHaveAttribute('aria-current', 'page');

  // The brief's full reference, with its DOI, as the brief asks to be cited.
  const doi = /DOI: \[([^\]]+)\]/.exec(brief)![1]!;
  await expect(sources.documents.getByRole('heading', { level: 3 })).toHaveText([
    'A Caveat on Data',
    'Parents’ views on administrative data linkage and analytics',
  ]);
  await expect(sources.documents).toContainText('Edwards, R., Gillies, V., Gorin, S. and Ducasse, H. V. (2023)');
  await expect(sources.documents).toContainText('University of Southampton');
  await expect(sources.documents.getByRole('link', { name: doi })).toHaveAttribute('href', `https://doi.org/${doi}`);
  await expect(sources.documents).toContainText('London Office of Technology & Innovation (LOTI)');

  // Abbreviations: LOTI's is spelled out on the slides; CELC is not, and the page says so.
  expect(slides).toContain('London Office of Technology & Innovation');
  expect(slides).not.toContain('Chief Executives');
  await expect(sources.definitionOf('LOTI')).toContainText('London Office of Technology & Innovation. Spelled out on the slides.');
  await expect(sources.definitionOf('CELC')).toContainText('Chief Executives’ London Committee. Not spelled out on the slides.');
  await expect(sources.definitionOf('CELC')).toContainText('That reading is ours, not LOTI’s.');
  await expect(sources.definitionOf('DPIA')).toContainText('data protection impact assessment');

  // The five lenses: LOTI's "biases in data collection", then the app's use of them as ethics questions.
  expect(slides).toContain('Biases in data collection');
  await expect(sources.lenses).toContainText('under the heading “Biases in data collection”');
  await expect(sources.lenses).toContainText('“may impact the quality and reliability”');
  await expect(sources.lenses).toContainText('are the app’s own, not LOTI’s');
  const rows = sources.lenses.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(6);
  await expect(rows.getByRole('rowheader')).toHaveText(['Trust', 'Consent', 'Power', 'Transparency', 'Inclusivity']);
  await expect(rows.filter({ hasText: 'Consent' })).toContainText('separate from the legal basis');

  // LOTI's lessons, word for word from the slides.
  await expect(closingLessons(page).getByRole('listitem')).toHaveText(LOTI_LESSONS);

  // Every claim, with the exact sentence of the source it rests on.
  await expect(sources.ours).toContainText('Written for this app');
  const claims = sources.ours.getByRole('listitem');
  await expect(claims.first()).toBeHidden();
  await sources.evidenceSummary.click();
  const black28 = claims.filter({ hasText: 'Only 28% of Black parents “had trust' });
  await expect(black28).toHaveCount(1);
  const sentence = 'Only 28% of Black parents had trust in the linking of police and criminal justice data.';
  expect(brief).toContain(sentence);
  await expect(black28.getByRole('blockquote')).toContainText(sentence);
  await expect(black28.getByRole('blockquote')).toContainText('Edwards et al., 2023');

  await expectNoAxeViolations(page, 'the Sources page with every claim shown');

  // Back to the same step, in one click.
  await sources.backLink.click();
  await canvas.expectOnStep('Insight');
});

test('the Sources page is reached by keyboard from the header, and reflows at 320 px', async ({ library, page }) => {
  await library.goto();
  const sources = new SourcesPage(page);
  await sources.headerLink.focus();
  await page.keyboard.press('Enter');
  await sources.expectOpen();
  // Without a step to go back to, the way out is the list of canvases.
  await expect(page.getByRole('link', { name: '← All canvases' })).toBeVisible();

  await page.setViewportSize({ width: 320, height: 640 });
  await sources.evidenceSummary.click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('LOTI’s four lessons where a team finishes: the end of Enablers and the open concerns, not earlier steps', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Closing');
  await expect(closingLessons(page)).toHaveCount(0);

  await canvas.openStep('Enablers');
  const lessons = closingLessons(canvas.step('Enablers'));
  await expect(lessons.getByRole('heading', { level: 3, name: 'LOTI’s four lessons' })).toBeVisible();
  await expect(lessons.getByRole('listitem')).toHaveText(LOTI_LESSONS);
  await expect(lessons).toContainText('quoted word for word');
  // After the five checks, where the step ends.
  const checksBox = await canvas.step('Enablers').getByRole('region', { name: 'Ethics checks for Enablers' }).boundingBox();
  const lessonsBox = await lessons.boundingBox();
  expect(lessonsBox!.y).toBeGreaterThan(checksBox!.y + checksBox!.height - 1);
  await expectNoAxeViolations(page, 'the Enablers step with LOTI’s lessons');
  // On a phone-width screen the checks and the lessons reflow: nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  await expect(lessons.getByRole('listitem')).toHaveText(LOTI_LESSONS);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Not on the whole board, where the four steps sit side by side.
  await canvas.openWholeBoard();
  await expect(closingLessons(page)).toHaveCount(0);

  // Under the open concerns, with or without any.
  await canvas.openConcerns();
  await expect(closingLessons(page).getByRole('listitem')).toHaveText(LOTI_LESSONS);
  await canvas.stepByStepLink.click();
  await canvas.openStep('Action');
  await canvas.setCheck('Action', 'Power', 'Concern raised', 'Nobody can appeal');
  await canvas.openConcerns();
  await expect(canvas.concernsList.getByRole('listitem')).toHaveCount(1);
  await expect(closingLessons(page).getByRole('listitem')).toHaveText(LOTI_LESSONS);
  await expectNoAxeViolations(page, 'the open concerns with LOTI’s lessons');
});

test('each ethics check asks one question, says why it matters, and shows what the sources found, cited', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Evidence');

  // Action: LOTI's own question about the intervention, quoted and attributed; no data-set prompts here.
  await canvas.openStep('Action');
  const prompts = canvas.step('Action').getByRole('list').first().getByRole('listitem');
  await expect(prompts.filter({ hasText: "“What's the intervention?” (LOTI)" })).toHaveCount(1);
  expect(slides).toContain('"What\'s the intervention?"');
  await expect(prompts.filter({ hasText: /new data sets|combined data sets/i })).toHaveCount(0);

  // Insight: the four kinds of data need are prompts here.
  await canvas.openStep('Insight');
  await expect(canvas.step('Insight')).toContainText('new data sets, combined data sets, data sharing and data analysis');

  // The 28% figure sits under Trust, the lens it measures, with its source named.
  const trust = page.getByRole('group', { name: 'Trust', exact: true });
  await expect(trust).toContainText(
    'From the sources: Only 28% of Black parents “had trust in the linking of police and criminal justice data”',
  );
  await expect(trust).toContainText('(Edwards et al., 2023)');
  await expect(page.getByRole('group', { name: 'Inclusivity', exact: true })).not.toContainText('28%');
});
