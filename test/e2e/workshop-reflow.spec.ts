/**
 * Reflow (WCAG 1.4.10) of the workshop's own screens and dialogs at 320 CSS
 * pixels: the title dialog of "Use this template", the votes dialog, the
 * Workshop view (timer running, votes per person, parking lot, action log,
 * details), the concerns with their actions and the resolve form, the
 * wrap-up and presenting mode. Each fits the window with no sideways scroll,
 * and axe finds nothing, with long words and real content in every part.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { CanvasPage } from './pages/CanvasPage';
import { PresentingPage } from './pages/PresentingPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { WorkshopPage } from './pages/WorkshopPage';
import { expect, test } from './fixtures';

const LONG_WORD = 'Supercalifragilisticexpialidocious-data-sharing-agreement';

/** Nothing is wider than the window: neither the page nor any element in it. */
async function expectFits(page: Page, where: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const { scrollWidth, innerWidth, pastTheEdge } = await page.evaluate(() => {
    const describe = (element: Element | null): string =>
      element && element !== document.body
        ? `${describe(element.parentElement)} > ${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}`
        : 'body';
    const pastTheEdge: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > window.innerWidth + 0.5 && getComputedStyle(element).visibility !== 'hidden')
        pastTheEdge.push(`${describe(element)} (right edge ${Math.round(box.right)})`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, pastTheEdge: pastTheEdge.slice(0, 5) };
  });
  expect(pastTheEdge, `${where}: elements run past the window`).toEqual([]);
  expect(scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

async function expectReflows(page: Page, where: string): Promise<void> {
  await expectFits(page, where);
  await expectNoAxeViolations(page, `${where} at 320 px`);
}

test.use({ viewport: { width: 320, height: 640 } });

test('at 320 px every workshop screen and dialog reflows, axe clean', async ({ library, page }) => {
  await library.goto();
  // "Use this template" asks for the new canvas's title in a dialog.
  const templates = new TemplatesPage(page);
  await templates.open();
  await templates.useButtonFor('Tackling Racial Inequality').click();
  await expect(templates.newCanvasDialog()).toBeVisible();
  await expectReflows(page, 'the “Use this template” title dialog');
  await templates.createCanvas(`Workshop ${LONG_WORD}`);
  const canvas = new CanvasPage(page);
  await canvas.waitUntilOpen();

  // The votes dialog of a card.
  await canvas.focusCard('Outcome', 4);
  await page.keyboard.press('v');
  const votes = page.getByRole('dialog', { name: /votes/i });
  await expect(votes).toBeVisible();
  await expectReflows(page, 'the votes dialog');
  await page.keyboard.press('Escape');
  await page.keyboard.press('a');

  // A concern, with an action, and the form to resolve it open.
  await canvas.setCheck('Outcome', 'Consent', 'Concern raised', `Nobody asked the families ${LONG_WORD}`);
  await canvas.openConcerns();
  await page.getByRole('button', { name: 'Create an action for this concern about Outcome, Consent' }).click();
  await page.keyboard.type(`Ask three families ${LONG_WORD}`);
  await page.getByRole('button', { name: 'Mark resolved… Outcome, Consent' }).click();
  await expect(page.getByRole('textbox', { name: 'How was it resolved?' })).toBeVisible();
  await expectReflows(page, 'the concerns with an action and the resolve form');

  // The Workshop view: timer running, votes per person, parking lot, action log, details.
  const workshop = new WorkshopPage(page);
  await workshop.open();
  await workshop
    .timer('Outcome')
    .getByRole('button', { name: /^Start/ })
    .click();
  await expect(workshop.timer('Outcome').getByRole('button', { name: /^Pause/ })).toBeVisible();
  await workshop.votesPerPerson.fill('25');
  await workshop.votesPerPerson.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByRole('textbox', { name: 'Park something' }).fill(`Ask about school data ${LONG_WORD}`);
  await page.getByRole('button', { name: 'Park it' }).click();
  await page.getByRole('textbox', { name: 'What needs doing' }).fill(`Book a DPIA screening ${LONG_WORD}`);
  await page.getByLabel('Due', { exact: true }).fill('2020-01-31');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByLabel('Organisation or borough').fill(`London Borough of ${LONG_WORD}`);
  await page.getByLabel('Who took part').fill(`Two social workers\n${LONG_WORD}`);
  await expectReflows(page, 'the Workshop view (timer, votes per person, parking lot, action log, details)');

  // The wrap-up.
  await canvas.views.getByRole('link', { name: 'Wrap-up', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: /wrap-up/i })).toBeVisible();
  await expectReflows(page, 'the wrap-up');

  // Presenting mode: a step with its timer open, then the whole board.
  await page.goto(page.url().replace(/#\/canvas\/([^/]+)\/.*$/, '#/canvas/$1/present/outcome'));
  const presenting = new PresentingPage(page);
  await expect(presenting.heading).toHaveText('1/4 Outcome');
  await presenting.timerButton.click();
  await expect(page.getByRole('region', { name: 'Timer for Outcome' })).toBeVisible();
  await expectReflows(page, 'presenting a step with the timer open');
  await presenting.wholeBoardButton.click();
  await expect(presenting.heading).toHaveText('Whole board');
  await expectReflows(page, 'presenting the whole board');
});
