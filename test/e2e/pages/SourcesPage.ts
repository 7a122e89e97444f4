import { type Locator, type Page, expect } from '@playwright/test';

/** The Sources page (header link "Sources", or "About the sources" beside LOTI's question). */
export class SourcesPage {
  readonly headerLink: Locator;
  readonly heading: Locator;
  readonly documents: Locator;
  readonly lenses: Locator;
  readonly abbreviations: Locator;
  readonly ours: Locator;
  readonly backLink: Locator;
  readonly evidenceSummary: Locator;

  constructor(readonly page: Page) {
    this.headerLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' });
    this.heading = page.getByRole('heading', { level: 1, name: 'Sources' });
    this.documents = page.getByRole('region', { name: 'The two documents' });
    this.lenses = page.getByRole('region', { name: 'Where the five lenses come from' });
    this.abbreviations = page.getByRole('region', { name: 'Abbreviations' });
    this.ours = page.getByRole('region', { name: 'What is ours' });
    this.backLink = page.getByRole('link', { name: '← Back to where you were' });
    this.evidenceSummary = this.ours.getByText(/^Every claim the app makes about a source/);
  }

  async expectOpen(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.page).toHaveTitle('Sources – Outcome Canvas');
  }

  /** An abbreviation's definition, found by the abbreviation. */
  definitionOf(short: string): Locator {
    return this.abbreviations
      .getByRole('definition')
      .filter({ has: this.page.locator(`xpath=preceding-sibling::dt[normalize-space()="${short}"]`) });
  }
}

/** LOTI's four closing lessons, wherever they are shown. */
export function closingLessons(scope: Page | Locator): Locator {
  return scope.getByRole('region', { name: 'LOTI’s four lessons' });
}
