/**
 * Loads the Markdown exporter only when it is used, so the serialiser stays
 * out of the first-visit bundle.
 */
import type { Canvas } from '../domain/model';
import { downloadText } from './download';

export async function canvasMarkdown(canvas: Canvas): Promise<{ markdown: string; fileName: string }> {
  const { canvasToMarkdown, markdownFileName } = await import('../domain/markdown/exportCanvas');
  return { markdown: canvasToMarkdown(canvas, { exportedAt: new Date() }), fileName: markdownFileName(canvas) };
}

export async function downloadCanvasMarkdown(canvas: Canvas): Promise<void> {
  const { markdown, fileName } = await canvasMarkdown(canvas);
  downloadText(fileName, markdown);
}
