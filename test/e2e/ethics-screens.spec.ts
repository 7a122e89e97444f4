/**
 * The screens of issue 10 §2–§5 as a person with assistive technology or a
 * phone meets them: axe finds nothing, and at 320 CSS pixels wide nothing
 * scrolls sideways (WCAG 1.4.10).
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

for (const width of [320, 1280]) {
  test(`privacy warnings, governance checks and the concerns roll-up at ${width} px: axe-clean${width === 320 ? ', and they reflow' : ''}`, async ({
    library,
    page,
  }) => {
    await page.setViewportSize({ width, height: 720 });
    await library.goto();
    const canvas = await library.createCanvas('Screens');
    await canvas.addCard('Outcome', 'Write to hannah.o-connor-longsurname@example-borough-council.gov.uk about Mrs Begum', { paste: true });
    await page.keyboard.press('Escape');
    await canvas.checkNotes('Outcome', 'Trust').fill('Raised by the resident on 07700 900123');
    await expect(canvas.privacyWarning(canvas.card('Outcome', 1))).toBeVisible();
    await page.getByText('Possible personal data in 2 places on this canvas').click();
    await canvas.card('Outcome', 1).getByText('Why, and what to write instead').first().click();
    await expectNoSidewaysScroll(page, 'a card and notes with privacy warnings');
    await expectNoAxeViolations(page, `privacy warnings at ${width} px`);

    await canvas.openStep('Insight');
    await canvas.setGovernance('Lawful basis', 'Concern raised', 'Not decided');
    await expectNoSidewaysScroll(page, 'the governance checks at Insight');
    await expectNoAxeViolations(page, `the governance checks at ${width} px`);

    await canvas.openConcerns();
    await canvas.concern('Insight', 'Lawful basis (before this goes live)').getByRole('button', { name: 'Mark resolved…' }).click();
    await expectNoAxeViolations(page, `the concerns with the resolve form open at ${width} px`);
    await page.getByRole('button', { name: 'Mark resolved', exact: true }).click();
    await expect(canvas.resolvedConcernsList()).toBeVisible();
    await expectNoSidewaysScroll(page, 'the concerns roll-up');
    await expectNoAxeViolations(page, `the concerns with a resolved one at ${width} px`);
  });

  test(`the golden thread's picker, linked cards and view at ${width} px: axe-clean${width === 320 ? ', and they reflow' : ''}`, async ({
    library,
    page,
  }) => {
    await page.setViewportSize({ width, height: 720 });
    await library.goto();
    const canvas = await library.createCanvas('Thread screens');
    await canvas.addCard('Outcome', 'Fewer evictions', { paste: true });
    await canvas.openStep('Action');
    await canvas.addCard('Action', 'Early contact with every household that falls behind on rent, before the court stage', { paste: true });
    await page.keyboard.press('Escape');
    await canvas.focusCard('Action', 1);
    await page.keyboard.press('l');
    await expect(canvas.linkDialog('Action', 1)).toBeVisible();
    await expectNoAxeViolations(page, `the “Link to…” dialog at ${width} px`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await expect(canvas.card('Action', 1)).toContainText('Serves:');
    await expectNoSidewaysScroll(page, 'a linked card');
    await canvas.threadLink.click();
    await expect(page.getByRole('heading', { name: /^Loose ends/ })).toBeVisible();
    await expectNoSidewaysScroll(page, 'the golden thread view');
    await expectNoAxeViolations(page, `the golden thread view at ${width} px`);
  });
}

for (const width of [320, 1280]) {
  test(`the data inventory at ${width} px: axe-clean${width === 320 ? ', and its forms reflow' : ''}`, async ({ library, page }) => {
    await page.setViewportSize({ width, height: 720 });
    await library.goto();
    const canvas = await library.createCanvas('Inventory screens');
    await canvas.openStep('Insight');
    await canvas.addCard('Insight', 'Arrears by ward, monthly, for every ward in the borough', { paste: true });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '+ Add a data set' }).click();
    await page.keyboard.type('Rent account records held by the housing income team since 2015');
    const record = page.getByRole('article', { name: /^Data set 1:/ });
    await record.getByRole('textbox', { name: 'What it contains' }).fill('Balances for tenant.name@gmail.com and others');
    await expect(canvas.privacyWarning(record)).toBeVisible();
    await record.getByRole('checkbox', { name: /Arrears by ward/ }).check();
    await expectNoSidewaysScroll(page, 'the data inventory');
    await expectNoAxeViolations(page, `the data inventory at ${width} px`);
  });
}
