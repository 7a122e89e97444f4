/**
 * Browser helpers for the outputs: files the user downloads and formatted
 * text on the clipboard. The .docx writer loads only when a Word file is
 * asked for.
 */
import type { DocxOptions } from '../domain/document/docx';
import type { Doc } from '../domain/document/model';
import { downloadBlob } from './download';

/** Writes the Word file and saves it (the `docx` library is fetched the first time). */
export async function downloadDocx(fileName: string, doc: Doc, options: DocxOptions): Promise<void> {
  const { documentToDocx, DOCX_TYPE } = await import('../domain/document/docx');
  const bytes = await documentToDocx(doc, options);
  downloadBlob(fileName, new Blob([bytes as BlobPart], { type: DOCX_TYPE }));
}

export type CopyResult = 'formatted' | 'text-only' | 'blocked';

/**
 * Puts the document on the clipboard as HTML (headings, lists and tables
 * that Word, Google Docs, Outlook and Confluence keep) and as plain text
 * beside it. A browser without ClipboardItem gets the plain text.
 */
export async function copyFormatted(html: string, text: string): Promise<CopyResult> {
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return 'formatted';
    }
    await navigator.clipboard.writeText(text);
    return 'text-only';
  } catch (error) {
    console.warn('Outcome Canvas: copying was blocked', error);
    return 'blocked';
  }
}
