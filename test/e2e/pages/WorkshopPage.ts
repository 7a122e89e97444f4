import { type Locator, type Page, expect } from '@playwright/test';
import type { Step } from './CanvasPage';

/** The "Workshop" view of a canvas: agenda and timer, dot voting, workshop details. */
export class WorkshopPage {
  readonly link: Locator;
  readonly heading: Locator;
  readonly workshopClock: Locator;
  readonly votesPerPerson: Locator;

  constructor(readonly page: Page) {
    this.link = page.getByRole('navigation', { name: 'Canvas views' }).getByRole('link', { name: 'Workshop', exact: true });
    this.heading = page.getByRole('heading', { level: 2, name: 'Run the workshop' });
    this.workshopClock = page.getByTestId('workshop-clock');
    this.votesPerPerson = page.getByRole('spinbutton', { name: 'Votes per person' });
  }

  async open(): Promise<void> {
    await this.link.click();
    await expect(this.heading).toBeVisible();
  }

  plannedMinutes(step: Step): Locator {
    return this.page.getByRole('spinbutton', { name: `Planned minutes for ${step}` });
  }

  timer(step: Step): Locator {
    return this.page.getByRole('region', { name: `Timer for ${step}` });
  }

  clock(step: Step): Locator {
    return this.page.getByTestId(`timer-clock-${step.toLowerCase()}`);
  }

  /** The clock face in seconds ("19:58" is 1198; "+0:05" is -5, time past the plan). */
  async seconds(step: Step): Promise<number> {
    const face = (await this.clock(step).first().textContent()) ?? '';
    const over = face.startsWith('+');
    const parts = face.replace('+', '').split(':').map(Number);
    const total = parts.reduce((sum, part) => sum * 60 + part, 0);
    return over ? -total : total;
  }
}
