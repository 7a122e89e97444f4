import { type Step, STEPS } from './pages/CanvasPage';
import { expect, test } from './fixtures';

test('a new canvas with cards in each of the four steps is all there after a reload', async ({ library, page }) => {
  await library.goto();
  await expect(library.emptyState).toBeVisible();

  const canvas = await library.createCanvas('Care leavers keep their homes');
  await canvas.expectOnStep('Outcome');
  await expect(canvas.titleInput).toHaveValue('Care leavers keep their homes');

  // Typed key by key, with Enter for a new line inside a card.
  const cards: Record<Step, string[]> = {
    Outcome: ['Care leavers 18-21\nkeep a home', 'Fewer evictions'],
    Action: ['Officers call early\nbefore arrears'],
    Insight: ['Weekly arrears list', 'Care leaver flag', 'Named adviser'],
    Enablers: ['Data sharing\nagreement'],
  };
  for (const step of STEPS) {
    await canvas.expectOnStep(step);
    for (const text of cards[step]) await canvas.addCard(step, text);
    if (step !== 'Enablers') await canvas.goToNextStep();
  }
  await canvas.expectSaved();

  await canvas.reload();
  await canvas.expectOnStep('Enablers');
  await expect(canvas.titleInput).toHaveValue('Care leavers keep their homes');
  await expect(page).toHaveTitle('Enablers – Care leavers keep their homes – Outcome Canvas');
  await canvas.expectCards('Enablers', cards.Enablers);
  for (const step of STEPS) {
    const count = cards[step].length;
    await expect(canvas.stepNavLink(step)).toContainText(`${count} ${count === 1 ? 'card' : 'cards'}`);
  }

  // Every step holds its own cards, in the order they were added.
  await canvas.openWholeBoard();
  for (const step of STEPS) await canvas.expectCards(step, cards[step]);
});

test('the address names the canvas and step, so Back, Forward and reload land on the same step', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Address test');
  const canvasUrl = page.url().replace(/\/step\/outcome$/, '');
  expect(canvasUrl).toMatch(/#\/canvas\/[\w-]+$/);

  await canvas.addCard('Outcome', 'Only in Outcome', { paste: true });
  await canvas.goToNextStep();
  await canvas.expectOnStep('Action');
  await canvas.openStep('Enablers');
  await expect(page).toHaveTitle(/^Enablers – Address test/);

  await page.goBack();
  await canvas.expectOnStep('Action');
  await page.goBack();
  await canvas.expectOnStep('Outcome');
  await canvas.expectCards('Outcome', ['Only in Outcome']);
  await page.goForward();
  await canvas.expectOnStep('Action');

  await canvas.reload();
  await canvas.expectOnStep('Action');

  // Other views have addresses too.
  await canvas.openWholeBoard();
  await expect(page).toHaveURL(`${canvasUrl}/board`);
  await canvas.reload();
  await expect(canvas.wholeBoardLink).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await canvas.expectOnStep('Action');

  // A link or bookmark to a step opens that step; the bare canvas address opens the first one.
  await page.goto(`${canvasUrl}/step/insight`);
  await canvas.expectOnStep('Insight');
  await page.goto(canvasUrl);
  await canvas.expectOnStep('Outcome');
  await page.goto(`${canvasUrl}/step/no-such-step`);
  await canvas.expectOnStep('Outcome');
});

test('“Step by step” goes back to the step the room was on, from any other view', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Back to the step');
  await canvas.openStep('Insight');
  await canvas.openWholeBoard();
  await canvas.stepByStepLink.click();
  await canvas.expectOnStep('Insight');
  // Keyboard: from the concerns view, the link is one Enter away, and it still leads to Insight.
  await canvas.openConcerns();
  await canvas.stepByStepLink.focus();
  await page.keyboard.press('Enter');
  await canvas.expectOnStep('Insight');
  await canvas.goToNextStep();
  await canvas.expectOnStep('Enablers');
  await canvas.openWholeBoard();
  await canvas.stepByStepLink.click();
  await canvas.expectOnStep('Enablers');
  // Another canvas starts at its first step.
  await library.goto();
  const other = await library.createCanvas('Another canvas');
  await other.openWholeBoard();
  await other.stepByStepLink.click();
  await other.expectOnStep('Outcome');
});

test('on a projector at 150 % (853 by 480) a view opened from the view links comes into sight under them; on a laptop nothing scrolls', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Seen from the back of the room');
  await page.setViewportSize({ width: 853, height: 480 });
  const workshopLink = canvas.views.getByRole('link', { name: 'Workshop', exact: true });
  await workshopLink.focus();
  await page.keyboard.press('Enter');
  // More of the view than its heading: the first of its sections.
  await expect(page.getByRole('heading', { level: 3, name: 'Agenda and timer' })).toBeInViewport({ ratio: 1 });
  await expect(workshopLink).toBeFocused();
  await expect(workshopLink).toBeInViewport({ ratio: 1 });
  await canvas.stepByStepLink.click();
  await expect(page.locator('#main h2', { hasText: /^Outcome$/ })).toBeInViewport({ ratio: 1 });
  await expect(canvas.stepByStepLink).toBeInViewport({ ratio: 1 });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await workshopLink.click();
  // Once the new view is announced, the page has been brought into sight or left where it was.
  await expect(
    page.getByRole('status').filter({ hasText: /^Run the workshop – Seen from the back of the room – Outcome Canvas$/ }),
  ).toHaveCount(1);
  const heading = page.getByRole('heading', { level: 2, name: 'Run the workshop' });
  // In the lower half, as on the short window, yet the page stays put: the title and description stay in sight.
  expect((await heading.boundingBox())!.y).toBeGreaterThan(768 / 2);
  await expect(heading).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('an address that leads nowhere says so, with a way back', async ({ library, page }) => {
  await page.goto('/#/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found – Outcome Canvas');

  await page.goto('/#/canvas/does-not-exist/step/outcome');
  await expect(page.getByRole('heading', { level: 1, name: 'Canvas not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to all canvases' }).click();
  await expect(library.heading).toBeVisible();
});

test('a long description takes two lines until it is edited, so the cards come sooner on a laptop', async ({ library, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await library.goto();
  const canvas = await library.createCanvas('A canvas with a long description');
  const text = Array.from({ length: 8 }, (_, i) => `Line ${i + 1} of what the workshop is for.`).join('\n');
  await canvas.descriptionInput.fill(text);
  const lineHeight = await canvas.descriptionInput.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  // Two lines (and its padding) while the room works on the cards.
  await canvas.addCard('Outcome', 'Families stay housed', { paste: true });
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await canvas.descriptionInput.boundingBox())!.height).toBeLessThan(3 * lineHeight + 24);
  // Editing it shows all of it; nothing of the text is lost either way.
  await canvas.descriptionInput.focus();
  await expect.poll(async () => (await canvas.descriptionInput.boundingBox())!.height).toBeGreaterThan(8 * lineHeight);
  await expect(canvas.descriptionInput).toHaveValue(text);
});
