/**
 * Presenting mode (issue 9, item 1), driven by the keyboard: one key in, the
 * arrow keys between steps, Escape out; at a projector's 1280×720 page the
 * cards fill the screen in large type, every text at 7:1 or more.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { measureText } from './contrast';
import { chooseFromMenu, focusedElement } from './keyboard';
import { CanvasPage, STEPS } from './pages/CanvasPage';
import type { LibraryPage } from './pages/LibraryPage';
import { PresentingPage } from './pages/PresentingPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { expect, test } from './fixtures';

const OUTCOMES = [
  'Fewer families wait more than four weeks for support',
  'Young people feel safe in their area',
  'Residents trust how we use their data',
  'Fewer missed appointments',
  'Every child ready for school',
  'Less rough sleeping in winter',
  'Carers get a break each month',
  'More people online who want to be',
  'Cleaner air near schools',
];

async function canvasWithCards(library: LibraryPage): Promise<CanvasPage> {
  await library.goto();
  const canvas = await library.createCanvas('Presenting a workshop');
  for (const text of OUTCOMES) await canvas.addCard('Outcome', text, { paste: true });
  for (const step of STEPS.slice(1)) {
    await canvas.openStep(step);
    await canvas.addCard(step, `First idea for ${step}`, { paste: true });
    await canvas.addCard(step, `Second idea for ${step}`, { paste: true });
  }
  await canvas.page.keyboard.press('Escape');
  await canvas.openStep('Outcome');
  return canvas;
}

async function expectReadable(presenting: PresentingPage, where: string): Promise<number> {
  const samples = await measureText(presenting.root);
  expect(samples.length, `${where}: text measured`).toBeGreaterThan(5);
  const lowContrast = samples.filter((sample) => sample.ratio < 7).map((s) => `${s.text} (${s.ratio.toFixed(2)}:1)`);
  expect(lowContrast, `${where}: text below 7:1`).toEqual([]);
  const small = samples.filter((sample) => sample.fontSizePx < 24).map((s) => `${s.text} (${s.fontSizePx}px)`);
  expect(small, `${where}: text below 24 px`).toEqual([]);
  return Math.min(...samples.map((sample) => sample.ratio));
}

async function expectFocusOn(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await expect(locator, `focus is on ${await focusedElement(page)}`).toBeFocused();
}

test('presenting mode at 1280×720: one key in, cards large and readable, arrows between steps, Escape out', async ({
  library,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const canvas = await canvasWithCards(library);
  // An empty card shows its placeholder: it is text on screen too, and must be as readable.
  await canvas.addCardButton('Outcome').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const card = await canvas.focusCard('Outcome', 1);

  await page.keyboard.press('p');
  const presenting = new PresentingPage(page);
  await expect(page).toHaveURL(/#\/canvas\/[^/]+\/present\/outcome$/);
  await presenting.expectOnStep('Outcome', 1);
  // The app's chrome, the description and the view links are gone; the step's question stays.
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(canvas.descriptionInput).toBeHidden();
  await expect(canvas.views).toBeHidden();
  await expect(page.getByText('“What specific person is better off in what specific ways because we acted?”')).toBeVisible();
  // Timings are for the facilitator: not on screen until opened.
  await expect(page.getByRole('region', { name: 'Timer for Outcome' })).toBeHidden();

  // The "?" sheet lists presenting mode's keys, with the timer's.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Leave presenting mode');
  await expect(sheet).toContainText('Start or pause the timer for this step');
  await expect(sheet).toContainText('Add a dot vote to the card');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expectFocusOn(page, presenting.heading);

  const stepCards = await presenting.wholeCardsOnScreen(canvas.cards('Outcome'));
  expect(stepCards, 'whole cards on screen in a step of 10').toBeGreaterThanOrEqual(6);
  const stepRatio = await expectReadable(presenting, 'a step');
  await expectNoAxeViolations(page, 'presenting a step');

  // Arrow keys go from step to step; the step's name takes focus each time.
  await page.keyboard.press('ArrowRight');
  await presenting.expectOnStep('Action', 2);
  await expect(page.getByText(/^“WHO could do WHAT differently/)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await presenting.expectOnStep('Insight', 3);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await presenting.expectOnStep('Outcome', 1);
  await page.keyboard.press('ArrowLeft');
  await presenting.expectOnStep('Outcome', 1);

  // On a card, the arrows move between cards as everywhere else.
  await canvas.card('Outcome', 1).focus();
  await page.keyboard.press('ArrowRight');
  await expectFocusOn(page, canvas.card('Outcome', 2));
  await expect(presenting.heading).toHaveText('1/4 Outcome');

  // The whole board.
  await presenting.wholeBoardButton.focus();
  await page.keyboard.press('Enter');
  await expect(presenting.heading).toHaveText('Whole board');
  await expectFocusOn(page, presenting.heading);
  let boardCards = 0;
  for (const step of STEPS) boardCards += await presenting.wholeCardsOnScreen(canvas.cards(step));
  expect(boardCards, 'whole cards on screen on the board').toBeGreaterThanOrEqual(8);
  const boardRatio = await expectReadable(presenting, 'the whole board');
  await expectNoAxeViolations(page, 'presenting the whole board');

  // Escape goes back to where presenting began, with focus on "Present".
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/canvas\/[^/]+\/board$/);
  await expectFocusOn(page, page.getByRole('button', { name: 'Present', exact: true }));
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(card).toBeVisible();

  testInfo.annotations.push({
    type: 'figures',
    description: `1280×720: ${stepCards} whole cards of 10 in a step, ${boardCards} of 16 on the whole board; smallest contrast ${Math.min(stepRatio, boardRatio).toFixed(2)}:1`,
  });
  console.log(testInfo.annotations.at(-1)?.description);
});

test('presenting the Tackling Racial Inequality template’s own long cards at 1280×720: most of each step, 8 or more on the whole board', async ({
  library,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await library.goto();
  const templates = new TemplatesPage(page);
  await templates.open();
  await templates.useButtonFor('Tackling Racial Inequality').click();
  await templates.createCanvas();
  const canvas = new CanvasPage(page);
  await canvas.waitUntilOpen();
  // The toast saying the canvas was made would cover cards: gone before the room looks.
  await library.toast.getByRole('button', { name: 'Dismiss message' }).click();
  await canvas.focusCard('Outcome', 1);
  await page.keyboard.press('p');
  const presenting = new PresentingPage(page);
  const figures: string[] = [];
  const ratios: number[] = [];
  for (const [index, step] of STEPS.entries()) {
    await presenting.expectOnStep(step, index + 1);
    const total = await canvas.cards(step).count();
    const whole = await presenting.wholeCardsOnScreen(canvas.cards(step));
    figures.push(`${step} ${whole} of ${total}`);
    // The bar: 6 of a step's 9 cards; the template's steps hold 7 to 10 long ones.
    expect(whole, `${step}: whole cards on screen of ${total}`).toBeGreaterThanOrEqual(Math.min(total, Math.ceil((total * 6) / 9)));
    ratios.push(await expectReadable(presenting, `the template's ${step}`));
    await page.keyboard.press('ArrowRight');
  }
  await presenting.wholeBoardButton.click();
  await expect(presenting.heading).toHaveText('Whole board');
  let boardCards = 0;
  for (const step of STEPS) boardCards += await presenting.wholeCardsOnScreen(canvas.cards(step));
  expect(boardCards, 'whole cards on screen on the whole board').toBeGreaterThanOrEqual(8);
  ratios.push(await expectReadable(presenting, 'the template on the whole board'));
  await expectNoAxeViolations(page, 'presenting the template’s whole board');
  // "One step" goes back to the step the room was on, not to the first.
  await presenting.oneStepButton.click();
  await presenting.expectOnStep('Enablers', 4);
  testInfo.annotations.push({
    type: 'figures',
    description: `Tackling Racial Inequality at 1280×720: ${figures.join(', ')}; whole board ${boardCards}; smallest contrast ${Math.min(...ratios).toFixed(2)}:1`,
  });
  console.log(testInfo.annotations.at(-1)?.description);
});

test('in presenting mode Ctrl+Z takes back Agreed, a vote and a park, and Ctrl+Shift+Z redoes them, focus kept on a card', async ({
  library,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await library.goto();
  const canvas = await library.createCanvas('Undo while presenting');
  for (const text of ['Families stay housed', 'Fewer exclusions', 'Cleaner air']) await canvas.addCard('Outcome', text, { paste: true });
  await page.keyboard.press('Escape');
  await canvas.focusCard('Outcome', 2);
  await page.keyboard.press('p');
  const presenting = new PresentingPage(page);
  await presenting.expectOnStep('Outcome', 1);
  const card = canvas.card('Outcome', 2);
  await card.focus();

  await page.keyboard.press('a');
  await expect(card).toContainText('✓ Agreed');
  await page.keyboard.press('Control+z');
  await expect(card).not.toContainText('Agreed');
  await expectFocusOn(page, card);
  await page.keyboard.press('Control+Shift+z');
  await expect(card).toContainText('✓ Agreed');
  await expectFocusOn(page, card);

  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(card.getByTestId('card-votes')).toHaveText('2 votes');
  await page.keyboard.press('Control+z');
  await expect(card.getByTestId('card-votes')).toHaveText('1 vote');
  await expectFocusOn(page, card);

  // Parked: the card leaves the step and its neighbour takes focus; undo brings it back to its place,
  // and focus stays where the person is (as after undoing a delete), never on the page.
  await page.keyboard.press('m');
  await chooseFromMenu(page, 'Park this card');
  await canvas.expectCards('Outcome', ['Families stay housed', 'Cleaner air']);
  await expectFocusOn(page, canvas.card('Outcome', 2));
  await page.keyboard.press('Control+z');
  await canvas.expectCards('Outcome', ['Families stay housed', 'Fewer exclusions', 'Cleaner air']);
  await expect(canvas.card('Outcome', 2)).toContainText('✓ Agreed');
  await expect(canvas.card('Outcome', 2).getByTestId('card-votes')).toHaveText('1 vote');
  await expectFocusOn(page, canvas.card('Outcome', 3));
  await page.keyboard.press('Control+Shift+z');
  await canvas.expectCards('Outcome', ['Families stay housed', 'Cleaner air']);
  await expectFocusOn(page, canvas.card('Outcome', 2));
  // Still presenting throughout.
  await expect(presenting.heading).toHaveText('1/4 Outcome');
});

test('the timer in presenting mode stays folded until opened, and T starts and pauses it', async ({ library, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await library.goto();
  const canvas = await library.createCanvas('Timer while presenting');
  await canvas.addCard('Outcome', 'One card', { paste: true });
  await page.keyboard.press('Escape');
  await page.keyboard.press('p');
  const presenting = new PresentingPage(page);
  await presenting.expectOnStep('Outcome', 1);
  await page.keyboard.press('t');
  await presenting.timerButton.focus();
  await page.keyboard.press('Enter');
  await expect(presenting.timerButton).toHaveAttribute('aria-expanded', 'true');
  const timer = page.getByRole('region', { name: 'Timer for Outcome' });
  await expect(timer.getByRole('button', { name: 'Pause the timer for Outcome' })).toBeVisible();
  await expectReadable(presenting, 'presenting with the timer open');
  await expectNoAxeViolations(page, 'presenting with the timer open');
});

test('presenting mode and the workshop screen reflow at 320 px', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Narrow presenting');
  await canvas.addCard('Outcome', 'A card with a rather long text that has to wrap on a narrow screen', { paste: true });
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['present/outcome', 'present/board', 'workshop']) {
    await page.goto(page.url().replace(/#\/canvas\/([^/]+)\/.*$/, `#/canvas/$1/${path}`));
    await expect(page.getByRole('heading', { level: path === 'workshop' ? 2 : 1 }).first()).toBeVisible();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, `${path} scrolls sideways at 320 px`).toBeLessThanOrEqual(innerWidth);
    await expectNoAxeViolations(page, `${path} at 320 px`);
  }
});
