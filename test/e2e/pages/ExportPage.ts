import { type Locator, type Page, expect } from '@playwright/test';

/** "Export as Markdown": a preview, the Markdown text, Download .md and Copy. */
export class ExportPage {
  readonly heading: Locator;
  readonly downloadButton: Locator;
  readonly copyButton: Locator;
  readonly previewTab: Locator;
  readonly textTab: Locator;
  readonly preview: Locator;
  readonly markdownText: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Export as Markdown' });
    this.downloadButton = page.getByRole('button', { name: 'Download .md' });
    this.copyButton = page.getByRole('button', { name: 'Copy Markdown' });
    const tabs = page.getByRole('group', { name: 'Show the export as' });
    this.previewTab = tabs.getByRole('button', { name: 'Preview' });
    this.textTab = tabs.getByRole('button', { name: 'Markdown text' });
    this.preview = page.getByRole('article', { name: 'Preview of the exported Markdown' });
    this.markdownText = page.getByLabel('Exported Markdown text');
  }

  async showPreview(): Promise<void> {
    await this.previewTab.click();
    await expect(this.previewTab).toHaveAttribute('aria-pressed', 'true');
    await expect(this.preview).toBeVisible();
  }

  async showMarkdownText(): Promise<string> {
    await this.textTab.click();
    await expect(this.textTab).toHaveAttribute('aria-pressed', 'true');
    await expect(this.markdownText).toBeVisible();
    return (await this.markdownText.textContent()) ?? '';
  }

  /** Presses "Download .md" and returns the saved file's name and text. */
  async download(): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.downloadButton.click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}
