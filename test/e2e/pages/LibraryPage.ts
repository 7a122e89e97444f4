import { type Locator, type Page, expect } from '@playwright/test';
import { CanvasPage } from './CanvasPage';

/** "Your canvases": create, find, rename, duplicate, delete and restore canvases. */
export class LibraryPage {
  readonly heading: Locator;
  readonly newTitleInput: Locator;
  readonly createButton: Locator;
  readonly filterInput: Locator;
  /** "3 canvases", or "1 of 3 canvases match" while filtering. */
  readonly listHeading: Locator;
  /** The list of canvases (not counting "Recently deleted"), named by that heading. */
  readonly canvasList: Locator;
  readonly emptyState: Locator;
  readonly recentlyDeleted: Locator;
  readonly emptyRecentlyDeletedButton: Locator;
  readonly confirmDialog: Locator;
  readonly toast: Locator;
  readonly saveStatus: Locator;
  readonly storageWarning: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your canvases' });
    this.newTitleInput = page.getByRole('textbox', { name: 'New canvas title' });
    this.createButton = page.getByRole('button', { name: 'Create canvas' });
    this.filterInput = page.getByRole('searchbox', { name: 'Filter by title' });
    const listName = /^\d+ (of \d+ )?canvas(es)?( match)?$/;
    this.listHeading = page.getByRole('heading', { level: 2, name: listName });
    this.canvasList = page.getByRole('region', { name: listName });
    this.emptyState = page.getByRole('heading', { name: 'No canvases yet' });
    this.recentlyDeleted = page.getByRole('region', { name: /^Recently deleted/ });
    this.emptyRecentlyDeletedButton = this.recentlyDeleted.getByRole('button', { name: 'Empty recently deleted' });
    this.confirmDialog = page.getByRole('dialog', { name: 'Empty recently deleted?' });
    // Toasts live in a status region; a toast always has a "Dismiss message" button.
    this.toast = page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Dismiss message' }) });
    this.saveStatus = page.getByRole('banner').getByText(/^(All changes saved in this browser|Saving…|Not saved.*)$/);
    this.storageWarning = page.getByRole('alert').filter({ hasText: 'Your work is not being saved.' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/');
    await expect(this.heading).toBeVisible();
  }

  /** A canvas in the list, found by its title as shown ("Untitled canvas" when it has none). */
  canvas(title: string): Locator {
    return this.canvasList.getByRole('listitem', { name: title, exact: true });
  }

  /** The titles shown in the list, top to bottom. */
  canvasTitles(): Locator {
    return this.canvasList.getByRole('heading', { level: 3 });
  }

  deletedCanvas(title: string): Locator {
    return this.recentlyDeleted.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** The progress figures of one canvas, as shown: "Steps with content: 2 of 4" and so on. */
  progress(title: string): Locator {
    return this.canvas(title).getByRole('list', { name: 'Progress' });
  }

  async createCanvas(title: string): Promise<CanvasPage> {
    await this.newTitleInput.fill(title);
    await this.createButton.click();
    const canvas = new CanvasPage(this.page);
    await canvas.waitUntilOpen();
    return canvas;
  }

  async open(title: string): Promise<CanvasPage> {
    await this.canvas(title).getByRole('link', { name: title, exact: true }).click();
    const canvas = new CanvasPage(this.page);
    await canvas.waitUntilOpen();
    return canvas;
  }

  async rename(title: string, newTitle: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename ${title}`, exact: true }).click();
    const input = this.page.getByRole('textbox', { name: `New title for “${title}”` });
    await expect(input).toBeFocused();
    await input.fill(newTitle);
    await this.page.getByRole('button', { name: 'Save title' }).click();
    await expect(input).toBeHidden();
  }

  async duplicate(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Duplicate ${title}`, exact: true }).click();
  }

  async delete(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete ${title}`, exact: true }).click();
  }

  async restore(title: string): Promise<void> {
    await this.recentlyDeleted.getByRole('button', { name: `Restore ${title}`, exact: true }).click();
  }

  async filter(text: string): Promise<void> {
    await this.filterInput.fill(text);
  }

  async emptyRecentlyDeleted(): Promise<void> {
    await this.emptyRecentlyDeletedButton.click();
    await expect(this.confirmDialog).toBeVisible();
    await this.confirmDialog.getByRole('button', { name: 'Remove for good' }).click();
    await expect(this.confirmDialog).toBeHidden();
  }
}
