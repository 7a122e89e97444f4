/**
 * The whole board, painted from storage before the app has loaded (main.tsx starts the read and
 * loads this module at a board's address): opening a canvas of hundreds of cards otherwise waits
 * for React and Dexie to load (~250 ms on a fast machine, a second on a slow one) before anything
 * of it shows. The picture goes where the prerendered first screen is, inside its `inert`,
 * `aria-hidden` wrapper, and React's first render replaces it (boot.tsx holds that render until
 * the canvas is loaded, so no "Opening canvas…" shows in between).
 *
 * Painted only when it cannot differ from what replaces it: nothing when a closed tab left unsaved
 * changes (recovering them may change the canvas), when the canvas is shared (its live document is
 * the authority), or when any record is unusual (`firstPaintCanvas.ts`).
 */
import type { Canvas } from '../domain/model';
import { boardDocumentTitle, boardPicture } from '../features/canvas/boardPicture';
import { canvasForFirstPaint } from '../storage/firstPaintCanvas';
import type { StoredParts } from '../storage/firstPaintRead';
import { sharedCanvasIds } from '../storage/sharing';
import { FIRST_PAINT_ATTRIBUTE } from './firstPaintMark';

/** Paints the board of `canvasId` from its stored records; the canvas painted, or null when nothing was. */
export function paintBoard(canvasId: string, stored: StoredParts, address: string): Canvas | null {
  if (window.location.hash !== address || sharedCanvasIds().has(canvasId)) return null;
  const wrapper = document.querySelector('#root > .prerendered');
  const main = wrapper?.querySelector('main');
  if (!wrapper || !main) return null;
  const canvas = canvasForFirstPaint(stored);
  if (!canvas || canvas.id !== canvasId) return null;
  main.replaceChildren(boardPicture(canvas));
  // A picture until the live board replaces it: out of reach of the keyboard, the pointer and
  // assistive technology (the page the service worker serves made its wrapper live, for the library's links).
  wrapper.setAttribute('inert', '');
  wrapper.setAttribute('aria-hidden', 'true');
  // The prerendered header marked "Canvases" as the page shown.
  wrapper.querySelectorAll('.app-nav [aria-current]').forEach((link) => link.removeAttribute('aria-current'));
  wrapper.setAttribute(FIRST_PAINT_ATTRIBUTE, 'board');
  document.title = boardDocumentTitle(canvas);
  return canvas;
}
