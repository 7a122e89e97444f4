import { type Download, type Locator, type Page, expect } from '@playwright/test';

/** A file as the tests hand it to the browser: a name and its text. */
export interface TextFile {
  name: string;
  text: string;
  /** The MIME type the browser gives the file; by default from the name (.json or Markdown). */
  mimeType?: string;
}

/** A one-card canvas file ("Street lighting", Outcome: "The earlier card"), in format version 1 or 2. */
export const streetLightingFile = (version: 1 | 2): TextFile => ({
  name: 'street-lighting.md',
  text: [
    '---',
    'format: outcome-canvas',
    `version: ${version}`,
    '---',
    '',
    '# Street lighting',
    '',
    '## 1. Outcome',
    '',
    '- The earlier card',
    '',
  ].join('\n'),
});

const mimeTypeOf = (file: TextFile) => file.mimeType ?? (file.name.endsWith('.json') ? 'application/json' : 'text/markdown');

/**
 * "Import and back up" on the library screen: import a file, drop one on the
 * window, paste Markdown, download a backup, and the message that follows.
 */
export class ImportPanel {
  readonly region: Locator;
  readonly fileInput: Locator;
  readonly backupButton: Locator;
  readonly pasteToggle: Locator;
  readonly pasteBox: Locator;
  readonly pasteButton: Locator;
  /** "…was not imported. Nothing in this browser was changed." and its list of problems. */
  readonly error: Locator;
  /** What happened, e.g. "Restored 2 canvases: 2 added." */
  readonly result: Locator;
  /** The question asked when a backup holds canvases already here. */
  readonly conflict: Locator;
  readonly keepBothButton: Locator;
  readonly replaceButton: Locator;
  readonly cancelButton: Locator;
  /** The overlay shown while a file is dragged over the window. */
  readonly dropOverlay: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Import and back up' });
    this.fileInput = page.getByLabel('Import a file…');
    this.backupButton = page.getByRole('button', { name: 'Download backup of all canvases' });
    this.pasteToggle = page.getByText('Paste Markdown from a document');
    this.pasteBox = page.getByRole('textbox', { name: 'Canvas Markdown' });
    this.pasteButton = page.getByRole('button', { name: 'Import pasted Markdown' });
    this.error = this.region.getByRole('alert').filter({ hasText: 'was not imported.' });
    this.result = this.region.getByRole('status');
    this.conflict = this.region.getByRole('alert').filter({ hasText: 'already in this browser' });
    this.keepBothButton = this.conflict.getByRole('button', { name: 'Keep both' });
    this.replaceButton = this.conflict.getByRole('button', { name: 'Replace the ones here' });
    this.cancelButton = this.conflict.getByRole('button', { name: 'Cancel' });
    this.dropOverlay = page.getByText('Drop a canvas Markdown file (.md) or a backup (.json) to import it');
  }

  /** Chooses a file with "Import a file…": a path on disk, or a file made from text. */
  async importFile(file: string | TextFile): Promise<void> {
    await this.fileInput.setInputFiles(
      typeof file === 'string' ? file : { name: file.name, mimeType: mimeTypeOf(file), buffer: Buffer.from(file.text, 'utf8') },
    );
  }

  /**
   * Drags a file over the window and drops it, as the browser does when a
   * file is dragged in from the desktop: dragenter, dragover, then drop, each
   * carrying the same DataTransfer with the file in it. The overlay must show
   * while the file is over the window.
   */
  async dropFile(file: TextFile, target = 'body'): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, text, type }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type }));
        return transfer;
      },
      { name: file.name, text: file.text, type: mimeTypeOf(file) },
    );
    const element = this.page.locator(target).first();
    await element.dispatchEvent('dragenter', { dataTransfer });
    await expect(this.dropOverlay).toBeVisible();
    await element.dispatchEvent('dragover', { dataTransfer });
    await element.dispatchEvent('drop', { dataTransfer });
    await expect(this.dropOverlay).toBeHidden();
    await dataTransfer.dispose();
  }

  async pasteMarkdown(text: string): Promise<void> {
    await this.pasteToggle.click();
    await expect(this.pasteBox).toBeVisible();
    await this.pasteBox.fill(text);
    await this.pasteButton.click();
  }

  /** Presses "Download backup of all canvases" and returns the download (the file is still to be saved or read). */
  async downloadBackup(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.backupButton.click()]);
    return download;
  }
}

/** The text of a download. */
export async function downloadedText(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
