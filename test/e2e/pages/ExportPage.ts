import { type Locator, type Page, expect } from '@playwright/test';

/**
 * "Export and share": the document (copy, Word, Markdown, a page to send),
 * the governance drafts, and the canvas file (download, copy, its text).
 */
export class ExportPage {
  readonly heading: Locator;
  /** "Download canvas file (.md)": the file that imports back. */
  readonly downloadButton: Locator;
  readonly copyButton: Locator;
  readonly copyForDocumentButton: Locator;
  readonly previewTab: Locator;
  readonly textTab: Locator;
  /** The document every output renders, on screen. */
  readonly preview: Locator;
  readonly markdownText: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Export and share' });
    this.downloadButton = page.getByRole('button', { name: 'Download canvas file (.md)' });
    this.copyButton = page.getByRole('button', { name: 'Copy canvas Markdown' });
    this.copyForDocumentButton = page.getByRole('button', { name: 'Copy for a document' });
    const tabs = page.getByRole('group', { name: 'Show' });
    this.previewTab = tabs.getByRole('button', { name: 'The document' });
    this.textTab = tabs.getByRole('button', { name: 'The canvas file’s text' });
    this.preview = page.getByRole('article', { name: 'Preview of the document' });
    this.markdownText = page.getByLabel('The canvas file’s text');
  }

  async showPreview(): Promise<void> {
    await this.previewTab.click();
    await expect(this.previewTab).toHaveAttribute('aria-pressed', 'true');
    await expect(this.preview).toBeVisible();
  }

  /** Shows the canvas file's text and returns it. */
  async showMarkdownText(): Promise<string> {
    await this.textTab.click();
    await expect(this.textTab).toHaveAttribute('aria-pressed', 'true');
    await expect(this.markdownText).toBeVisible();
    return (await this.markdownText.textContent()) ?? '';
  }

  /** Presses a download button and returns the saved file's name and bytes. */
  async downloadFrom(button: Locator): Promise<{ fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  /** Presses the button named `name` and returns the file it saves. */
  async downloadNamed(name: string): Promise<{ fileName: string; bytes: Buffer; text: string }> {
    const file = await this.downloadFrom(this.page.getByRole('button', { name, exact: true }));
    return { ...file, text: file.bytes.toString('utf8') };
  }

  /** Presses "Download canvas file (.md)" and returns the saved file's name and text. */
  async download(): Promise<{ fileName: string; text: string }> {
    const file = await this.downloadFrom(this.downloadButton);
    return { fileName: file.fileName, text: file.bytes.toString('utf8') };
  }
}
