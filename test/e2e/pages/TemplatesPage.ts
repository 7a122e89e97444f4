import { type Download, type Locator, type Page, expect } from '@playwright/test';

/** The template gallery (header link "Templates") and a template's preview. */
export class TemplatesPage {
  readonly headerLink: Locator;
  readonly heading: Locator;
  readonly presets: Locator;
  readonly own: Locator;
  // ---- A template's preview -----------------------------------------------------
  readonly allTemplatesLink: Locator;
  readonly useButton: Locator;
  readonly exportButton: Locator;
  readonly editButton: Locator;
  readonly deleteButton: Locator;
  /** The template's canvas: steps, cards, facilitator notes and any ethics checks kept. */
  readonly contents: Locator;
  readonly deleteDialog: Locator;
  readonly toast: Locator;

  constructor(readonly page: Page) {
    this.headerLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' });
    this.heading = page.getByRole('heading', { level: 1, name: 'Templates' });
    this.presets = page.getByRole('region', { name: 'Ready-made templates' });
    this.own = page.getByRole('region', { name: 'Your templates' });
    this.allTemplatesLink = page.getByRole('link', { name: '← All templates' });
    this.useButton = page.getByRole('main').getByRole('button', { name: 'Use this template', exact: true });
    this.exportButton = page.getByRole('button', { name: 'Export as file (.md)' });
    this.editButton = page.getByRole('button', { name: 'Edit details and facilitator notes' });
    this.deleteButton = page.getByRole('button', { name: 'Delete template' });
    this.contents = page.getByRole('article', { name: 'What the template contains' });
    this.deleteDialog = page.getByRole('dialog', { name: 'Delete this template?' });
    this.toast = page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Dismiss message' }) });
  }

  async open(): Promise<void> {
    await this.headerLink.click();
    await expect(this.heading).toBeVisible();
  }

  /** A template in the gallery, by name. */
  card(name: string): Locator {
    return this.page.getByRole('main').getByRole('listitem', { name, exact: true });
  }

  /** "Use this template" on a gallery card (its hidden text names the template for screen readers). */
  useButtonFor(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.card(name).getByRole('button', { name: new RegExp(`^Use this template\\s*: ${escaped}$`) });
  }

  /** The dialog "Use this template" opens, asking for the new canvas's title. */
  newCanvasDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^New canvas from “/ });
  }

  /**
   * Answers that dialog: keeps the suggested title (the template's) or types
   * another, then Enter, as a keyboard user would. The new canvas opens.
   */
  async createCanvas(title?: string): Promise<void> {
    const dialog = this.newCanvasDialog();
    const input = dialog.getByRole('textbox', { name: 'Title of the new canvas' });
    await expect(input).toBeFocused();
    if (title !== undefined) await input.fill(title);
    await this.page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  }

  async preview(name: string): Promise<void> {
    await this.card(name)
      .getByRole('link', { name: `Preview ${name}`, exact: true })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  }

  /** The facilitator notes shown for one step in a preview. */
  facilitatorNotes(step: string): Locator {
    return this.contents.getByRole('complementary', { name: `Facilitator notes: ${step}` });
  }

  /** The cards of a step in a preview, in order. */
  cards(step: string): Locator {
    return this.contents
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: new RegExp(`^\\d\\. ${step}$`) }) })
      .getByRole('list')
      .getByRole('listitem');
  }

  async exportFile(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    return download;
  }
}
