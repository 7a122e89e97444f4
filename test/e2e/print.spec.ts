/**
 * The print view: the whole canvas as a document, without the app's buttons
 * on paper, and a PDF that holds every card and concern.
 *
 * The PDF's text is read with `pdftotext` (Debian package poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { CanvasPage, Step } from './pages/CanvasPage';
import { type LibraryPage, expect, test } from './fixtures';

const TITLE = 'Youth justice & data';
const DESCRIPTION = 'Fewer young Black Londoners drawn into the justice system.';
/** A long web address with no spaces: it must wrap inside its card, not run off the page. */
const LONG_ADDRESS = `https://data.london.gov.uk/dataset/${'youth-justice-diversions-by-ward-and-ethnic-group-'.repeat(3)}2026.csv`;
const CARDS: Record<Step, string[]> = {
  Outcome: ['Young people are diverted from custody', 'Families feel heard by the youth panel'],
  Action: ['Youth workers get a weekly list of young people at risk'],
  Insight: ['A ward map of diversions, refreshed monthly', `Source: ${LONG_ADDRESS}`],
  Enablers: ['A data sharing agreement with the police'],
};
const CONCERN_NOTE = 'Families distrust police data';
const ETHICS_NOTE = 'Parents agreed at the forum';

async function makeCanvas(library: LibraryPage): Promise<CanvasPage> {
  await library.goto();
  const canvas = await library.createCanvas(TITLE);
  await canvas.descriptionInput.fill(DESCRIPTION);
  for (const step of ['Outcome', 'Action', 'Insight', 'Enablers'] as const) {
    if (step !== 'Outcome') await canvas.openStep(step);
    for (const text of CARDS[step]) await canvas.addCard(step, text, { paste: true });
  }
  await canvas.setCheck('Enablers', 'Transparency', 'Not applicable');
  await canvas.openStep('Outcome');
  await canvas.setCheck('Outcome', 'Trust', 'Concern raised', CONCERN_NOTE);
  await canvas.setColour('Outcome', 2, 'Blue');
  await canvas.openStep('Action');
  await canvas.setCheck('Action', 'Consent', 'Discussed, no concern', ETHICS_NOTE);
  await canvas.expectSaved();
  return canvas;
}

async function openPrint(canvas: CanvasPage, page: Page) {
  await canvas.printLink.click();
  await expect(canvas.printLink).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle(`Print – ${TITLE} – Outcome Canvas`);
  const printDocument = page.getByRole('article', { name: TITLE });
  await expect(printDocument).toBeVisible();
  return printDocument;
}

const allCards = () => Object.values(CARDS).flat();

test('the print view shows the whole canvas, and on paper only the document', async ({ library, page }) => {
  const canvas = await makeCanvas(library);
  const printDocument = await openPrint(canvas, page);

  // On screen: the document, with a button for the browser's print dialogue.
  await expect(printDocument.getByRole('heading', { level: 3 })).toHaveText([
    '1. Outcome',
    '2. Action',
    '3. Insight',
    '4. Enablers',
    'Open concerns',
    'Checks not yet discussed',
    'Still to settle',
    'Sources',
  ]);
  await expect(printDocument.getByText(DESCRIPTION)).toBeVisible();
  await expect(printDocument.locator('.print-card')).toHaveText(allCards());
  await expect(printDocument.getByRole('table', { name: 'Ethics checks: Action' }).getByRole('row', { name: /^Consent/ })).toHaveText(
    `ConsentDiscussed, no concern${ETHICS_NOTE}`,
  );
  await expect(
    printDocument.getByRole('table', { name: 'Ethics checks: Enablers' }).getByRole('row', { name: /^Transparency/ }),
  ).toContainText('Not applicable');
  const concerns = printDocument.locator('section').filter({ has: page.getByRole('heading', { name: 'Open concerns' }) });
  await expect(concerns.getByRole('listitem')).toHaveText([`Outcome, Trust: ${CONCERN_NOTE}`]);
  const printButton = page.getByRole('button', { name: 'Print or save as PDF' });
  await expect(printButton).toBeVisible();
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-print-asked', 'yes');
  });
  await printButton.click();
  await expect(page.locator('body')).toHaveAttribute('data-print-asked', 'yes');

  // On paper (print media, an A4 page's width of 180 mm = 680 CSS px inside the margins):
  // no app header, canvas toolbar or buttons; every card shown whole.
  await page.setViewportSize({ width: 680, height: 960 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeHidden();
  await expect(canvas.titleInput).toBeHidden();
  await expect(canvas.views).toBeHidden();
  await expect(canvas.undoButton).toBeHidden();
  await expect(printButton).toBeHidden();
  // Hidden elements are not in the accessibility tree: on paper there is nothing to press or follow.
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('link')).toHaveCount(0);
  await expect(printDocument).toBeVisible();
  const cards = printDocument.locator('.print-card');
  await expect(cards).toHaveCount(allCards().length);
  for (const card of await cards.all()) {
    await expect(card).toBeVisible();
    const box = await card.boundingBox();
    expect(box, 'each card has a box on the page').not.toBeNull();
    expect(box!.x, 'the card starts on the page').toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `“${await card.textContent()}” ends inside the page width`).toBeLessThanOrEqual(680);
    // Nothing cut off inside the card: its text fits its box.
    const clipped = await card.evaluate((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight);
    expect(clipped, `“${await card.textContent()}” is not clipped`).toBe(false);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow, 'nothing makes the page wider than A4').toBeLessThanOrEqual(680);
});

test('the PDF of the print view holds every card and the concern, and no app buttons', async ({ library, page }, testInfo) => {
  const pdftotext = '/usr/bin/pdftotext';
  expect(existsSync(pdftotext), 'pdftotext is needed to read the PDF: install Debian/Ubuntu package poppler-utils').toBe(true);
  const canvas = await makeCanvas(library);
  await openPrint(canvas, page);

  const pdfPath = testInfo.outputPath('canvas.pdf');
  writeFileSync(pdfPath, await page.pdf({ format: 'A4' }));
  const info = execFileSync('/usr/bin/pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(info, 'the PDF is A4').toMatch(/Page size:.*\(A4\)/);

  const raw = execFileSync(pdftotext, ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  await testInfo.attach('pdf text', { body: raw, contentType: 'text/plain' });
  // Lines wrap where the page does: compare with all white space made single spaces.
  const text = raw.normalize('NFKC').replace(/\s+/g, ' ');
  // pdftotext joins a word broken after a hyphen at a line end and drops the hyphen: for the
  // long address, which wraps, compare without spaces or hyphens.
  const squash = (value: string) => value.replace(/[\s-]/g, '');
  expect(text).toContain(TITLE);
  expect(text).toContain(DESCRIPTION);
  for (const card of allCards()) {
    if (card.includes(LONG_ADDRESS)) expect(squash(text), 'the PDF has the long address, whole').toContain(squash(card));
    else expect(text, `the PDF has the card “${card}”`).toContain(card);
  }
  expect(text).toContain(`Outcome, Trust: ${CONCERN_NOTE}`);
  expect(text).toContain(ETHICS_NOTE);
  for (const appText of ['Print or save as PDF', 'Undo', 'All canvases', 'Skip to main content', 'Whole board', 'Save as template']) {
    expect(text, `the PDF has no “${appText}”`).not.toContain(appText);
  }
});

test('printing from the step-by-step screen prints the whole canvas document, then the screen comes back', async ({
  library,
  page,
}, testInfo) => {
  await library.goto();
  const canvas = await library.createCanvas('Printed from a step');
  await canvas.addCard('Outcome', 'A card in the first step', { paste: true });
  await canvas.openStep('Enablers');
  await canvas.addCard('Enablers', 'A card in the last step', { paste: true });
  await canvas.expectSaved();

  // page.pdf() prints as the browser's print command does (beforeprint, print, afterprint).
  const pdfPath = testInfo.outputPath('from-step.pdf');
  writeFileSync(pdfPath, await page.pdf({ format: 'A4' }));
  const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('A card in the first step');
  expect(text).toContain('A card in the last step');
  expect(text).toContain('Open concerns No concerns raised.');
  expect(text).not.toContain('Add card');
  expect(text).not.toContain('Other steps');

  // After printing, the step screen is back as it was.
  await canvas.expectOnStep('Enablers');
  await expect(canvas.addCardButton('Enablers')).toBeVisible();
  await canvas.expectCards('Enablers', ['A card in the last step']);
});
