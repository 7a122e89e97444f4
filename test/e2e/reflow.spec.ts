/**
 * Reflow (WCAG 1.4.10): at 320 CSS pixels wide every screen fits without
 * sideways scrolling, the header wraps with its text still on its own
 * background, and on the whole board no card overlaps another or runs into
 * the next column, at a phone's, a small window's and a laptop's width.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { type CanvasPage, STEPS, type Step } from './pages/CanvasPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { type LibraryPage, expect, test } from './fixtures';

const LONG_ADDRESS = `https://data.london.gov.uk/dataset/${'youth-justice-diversions-by-ward-'.repeat(3)}2026.csv`;
const CARDS: Record<Step, string[]> = {
  Outcome: ['Young people are diverted from custody', 'Families feel heard', 'Fewer exclusions'],
  Action: ['Youth workers get a weekly list of young people at risk, by school and ward', 'Short'],
  Insight: ['A ward map of diversions', `Source: ${LONG_ADDRESS}`],
  Enablers: ['A data sharing agreement with the police, signed by both', 'Funding for two analysts', 'Training'],
};

async function makeCanvas(library: LibraryPage): Promise<CanvasPage> {
  await library.goto();
  const canvas = await library.createCanvas('A canvas with a long enough title to wrap on a phone');
  await canvas.descriptionInput.fill('Fewer young Londoners drawn into the justice system.');
  for (const step of STEPS) {
    if (step !== 'Outcome') await canvas.openStep(step);
    for (const text of CARDS[step]) await canvas.addCard(step, text, { paste: true });
  }
  await canvas.setCheck('Enablers', 'Trust', 'Concern raised', 'Families distrust police data');
  await canvas.expectSaved();
  return canvas;
}

/** The page is no wider than the window, and the header's text sits on the header. */
async function expectFits(page: Page, where: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  const header = (await page.getByRole('banner').boundingBox())!;
  for (const item of await page.getByRole('banner').locator('a, button, .save-indicator').all()) {
    const box = await item.boundingBox();
    if (!box) continue;
    expect(box.x, `${where}: header item left of the header`).toBeGreaterThanOrEqual(header.x);
    expect(box.x + box.width, `${where}: header item past the header's right edge`).toBeLessThanOrEqual(header.x + header.width + 0.5);
    expect(box.y + box.height, `${where}: header item below the header`).toBeLessThanOrEqual(header.y + header.height + 0.5);
  }
}

test.describe('at 320 CSS pixels wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the library, templates, storage, sources and not-found screens reflow', async ({ library, page }) => {
    await library.goto();
    await expectFits(page, 'the empty library');
    await expectNoAxeViolations(page, 'the empty library at 320 px');
    const canvas = await library.createCanvas('Kept');
    await canvas.allCanvasesLink.click();
    await library.createCanvas('Thrown away with a long title that has to wrap');
    await canvas.allCanvasesLink.click();
    await library.delete('Thrown away with a long title that has to wrap');
    await expect(library.deletedCanvas('Thrown away with a long title that has to wrap')).toBeVisible();
    await expectFits(page, 'the library with canvases');
    await expectNoAxeViolations(page, 'the library at 320 px');

    const templates = new TemplatesPage(page);
    await templates.open();
    await expectFits(page, 'the template gallery');
    await templates.preview('Tackling Racial Inequality');
    await expectFits(page, 'a template preview');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Storage' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectFits(page, 'the storage screen');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
    await expectFits(page, 'the sources page');

    await page.goto('/#/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectFits(page, 'the not-found page');
  });

  test('every canvas view reflows', async ({ library, page }) => {
    const canvas = await makeCanvas(library);
    // The title wraps rather than being cut off: all of it can be read without moving the caret.
    await expect(canvas.titleInput).toHaveValue('A canvas with a long enough title to wrap on a phone');
    const title = await canvas.titleInput.evaluate((field) => ({
      hidden: field.scrollWidth - field.clientWidth + (field.scrollHeight - field.clientHeight),
      lines: Math.round(field.clientHeight / parseFloat(getComputedStyle(field).lineHeight)),
    }));
    expect(title.hidden, 'part of the title is cut off at 320 px').toBeLessThanOrEqual(1);
    expect(title.lines, 'the title wraps at 320 px').toBeGreaterThan(1);
    for (const step of STEPS) {
      await canvas.openStep(step);
      await expectFits(page, `the ${step} step`);
    }
    await expectNoAxeViolations(page, 'a step at 320 px');
    await canvas.openCardMenu('Enablers', 1);
    await expectFits(page, 'a step with a card’s menu open');
    await page.keyboard.press('Escape');
    await canvas.openWholeBoard();
    await expectFits(page, 'the whole board');
    await expectNoAxeViolations(page, 'the whole board at 320 px');
    await canvas.openConcerns();
    await expectFits(page, 'the open concerns');
    const exportView = await canvas.openExport();
    await exportView.showPreview();
    await expectFits(page, 'the export preview');
    await exportView.showMarkdownText();
    await expectFits(page, 'the export Markdown text');
    await canvas.printLink.click();
    await expect(page.getByRole('heading', { level: 2, name: /canvas with a long enough title/ })).toBeVisible();
    await expectFits(page, 'the print view');
    await canvas.saveAsTemplateLink.click();
    await expect(page.getByRole('heading', { name: 'Save as template' })).toBeVisible();
    await expectFits(page, 'save as template');
    await page.getByRole('navigation', { name: 'Canvas views' }).getByRole('link', { name: 'History', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Version history' })).toBeVisible();
    await expectFits(page, 'the version history');
  });
});

/** No two cards' boxes overlap, and every card stays inside its own column and the window. */
async function expectNoOverlaps(canvas: CanvasPage, width: number): Promise<void> {
  const columns = await Promise.all(STEPS.map(async (step) => ({ step, box: (await canvas.step(step).boundingBox())! })));
  const cards: Array<{ name: string; x: number; y: number; width: number; height: number }> = [];
  for (const { step, box: column } of columns) {
    const count = await canvas.cards(step).count();
    for (let n = 1; n <= count; n++) {
      const box = (await canvas.card(step, n).boundingBox())!;
      const name = `${step} card ${n}`;
      expect(box.x, `${name} starts left of its column at ${width} px`).toBeGreaterThanOrEqual(column.x);
      expect(box.x + box.width, `${name} runs past its column at ${width} px`).toBeLessThanOrEqual(column.x + column.width + 0.5);
      expect(box.x + box.width, `${name} runs past the window at ${width} px`).toBeLessThanOrEqual(width);
      cards.push({ name, ...box });
    }
  }
  for (const [i, a] of cards.entries()) {
    for (const b of cards.slice(i + 1)) {
      const overlap = a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
      expect(overlap, `${a.name} and ${b.name} overlap at ${width} px`).toBe(false);
    }
  }
  // Columns never overlap either.
  for (const [i, a] of columns.entries()) {
    for (const b of columns.slice(i + 1)) {
      const overlap =
        a.box.x < b.box.x + b.box.width &&
        b.box.x < a.box.x + a.box.width &&
        a.box.y < b.box.y + b.box.height &&
        b.box.y < a.box.y + a.box.height;
      expect(overlap, `the ${a.step} and ${b.step} columns overlap at ${width} px`).toBe(false);
    }
  }
}

test('on the whole board no two cards overlap at 320, 600 and 1366 pixels wide', async ({ library, page }) => {
  const canvas = await makeCanvas(library);
  await canvas.openWholeBoard();
  for (const width of [320, 600, 1366]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(canvas.step('Enablers')).toBeVisible();
    await expectNoOverlaps(canvas, width);
    await expectFits(page, `the whole board at ${width} px`);
  }
  // Where four columns would be too narrow, the board drops to one column: the steps stack in order.
  await page.setViewportSize({ width: 320, height: 800 });
  const boxes = await Promise.all(STEPS.map(async (step) => (await canvas.step(step).boundingBox())!));
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y + boxes[i - 1]!.height - 1);
});
