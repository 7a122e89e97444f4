import { type Locator, type Page, expect } from '@playwright/test';
import type { Step } from './CanvasPage';

/** Presenting mode: one slim bar and the cards, large. */
export class PresentingPage {
  readonly root: Locator;
  readonly heading: Locator;
  readonly exitButton: Locator;
  readonly timerButton: Locator;
  readonly wholeBoardButton: Locator;
  readonly oneStepButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.present');
    this.heading = page.getByRole('heading', { level: 1 });
    this.exitButton = page.getByRole('button', { name: 'Exit presenting mode', exact: true });
    this.timerButton = page.getByRole('button', { name: 'Timer', exact: true });
    this.wholeBoardButton = page.getByRole('button', { name: 'Whole board', exact: true });
    this.oneStepButton = page.getByRole('button', { name: 'One step', exact: true });
  }

  async expectOnStep(step: Step, number: number): Promise<void> {
    await expect(this.heading).toHaveText(`${number}/4 ${step}`);
    await expect(this.heading).toBeFocused();
  }

  /** How many of these cards are wholly inside the window, without scrolling. */
  async wholeCardsOnScreen(cards: Locator): Promise<number> {
    const viewport = this.page.viewportSize()!;
    let count = 0;
    for (const box of await cards.evaluateAll((elements) =>
      elements.map((element) => {
        const rect = element.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
      }),
    )) {
      if (box.top >= 0 && box.left >= 0 && box.bottom <= viewport.height && box.right <= viewport.width) count++;
    }
    return count;
  }
}
