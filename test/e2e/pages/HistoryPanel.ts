import { type Locator, type Page, expect } from '@playwright/test';
import type { CanvasPage } from './CanvasPage';

/** A canvas's "Version history" view: the kept versions, a preview of each, and "Restore this version". */
export class HistoryPanel {
  readonly link: Locator;
  readonly heading: Locator;
  readonly list: Locator;
  /** Every kept version, newest first. */
  readonly versions: Locator;

  constructor(readonly page: Page) {
    this.link = page.getByRole('navigation', { name: 'Canvas views' }).getByRole('link', { name: 'History', exact: true });
    this.heading = page.getByRole('heading', { level: 2, name: 'Version history' });
    this.list = page.getByRole('region', { name: 'Version history' }).getByRole('list').first();
    this.versions = this.list.locator(':scope > li');
  }

  /** Opens "History" from the canvas views and waits for the list (or the empty message). */
  static async open(canvas: CanvasPage): Promise<HistoryPanel> {
    const panel = new HistoryPanel(canvas.page);
    await panel.link.click();
    await expect(panel.heading).toBeVisible();
    await expect(canvas.page.getByText('Loading versions…')).toBeHidden();
    return panel;
  }

  /** The versions kept for a reason, e.g. "When it was opened" or "Before an earlier version was restored". */
  version(reason: string): Locator {
    return this.versions.filter({ hasText: reason });
  }

  previewButton(version: Locator): Locator {
    return version.getByRole('button', { name: /^(Preview|Hide preview)$/ });
  }

  restoreButton(version: Locator): Locator {
    return version.getByRole('button', { name: 'Restore this version' });
  }

  /** Shows a version's preview and returns it (a group named "Preview of the version from …"). */
  async preview(version: Locator): Promise<Locator> {
    await this.previewButton(version).click();
    await expect(this.previewButton(version)).toHaveAttribute('aria-expanded', 'true');
    const preview = version.getByRole('group', { name: /^Preview of the version from / });
    await expect(preview).toBeVisible();
    return preview;
  }
}
