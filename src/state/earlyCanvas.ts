/**
 * The canvas read once. At a board's address the page's entry (app/main.tsx) reads the canvas's
 * records with plain IndexedDB before the app's code has loaded, and paints the board from them
 * (app/firstPaint.ts). The canvas store then takes that canvas instead of reading and checking
 * every record again with Dexie (a quarter of a second of the live board on a slow laptop), but
 * only when nothing can have changed it in between:
 * - it was painted: every record exactly as this version writes it, not a shared canvas, no
 *   unsaved changes left by a closed tab (firstPaint.ts, main.tsx);
 * - no other tab said anything but "I am here" on the tabs' channel from before the read began
 *   until the store takes the canvas (a save, a combine, a change to the library): the entry
 *   listens from before the read, and this tab's own channel (`tabSync.ts`) hears everything after;
 * - storage opened as the browser's own (not in memory) and still holds the same canvas row
 *   (`CanvasRepository.adoptEarlyRead`).
 * Otherwise the store reads the canvas as it always does.
 */
import type { Canvas } from '../domain/model';
import { CHANNEL_NAME, mayHaveWritten } from './tabChannel';

export interface TakenCanvas {
  canvas: Canvas;
  /**
   * Whether no other tab has said it wrote since the read began; stops listening. Ask it last,
   * with no wait between it and showing the canvas: from then on this tab's own channel hears saves.
   */
  unchanged(): boolean;
}

export interface EarlyCanvas {
  /** Listens to the other tabs from now on: call before the read begins. */
  watch(): void;
  /** Keeps the canvas painted from the read, for the store. */
  keep(canvas: Canvas): void;
  /** The canvas kept for this id, once; null (and listening stops) when there is none or another tab wrote. */
  take(canvasId: string): TakenCanvas | null;
  /** Nothing will be taken (the app opened elsewhere): stops listening, lets go of the canvas. */
  forget(): void;
}

export function createEarlyCanvas(channelName = CHANNEL_NAME): EarlyCanvas {
  let channel: BroadcastChannel | null = null;
  let written = false;
  let kept: Canvas | null = null;

  function stop(): void {
    channel?.close();
    channel = null;
    kept = null;
  }

  return {
    watch() {
      if (channel) return;
      written = false;
      // No channel in this browser: no way to hear another tab, so nothing is ever taken.
      if (typeof BroadcastChannel !== 'function') {
        written = true;
        return;
      }
      channel = new BroadcastChannel(channelName);
      channel.onmessage = (event: MessageEvent<unknown>) => {
        if (mayHaveWritten(event.data)) written = true;
      };
    },

    keep(canvas) {
      if (channel) kept = canvas;
    },

    take(canvasId) {
      const canvas = kept;
      if (!canvas || canvas.id !== canvasId || written) {
        stop();
        return null;
      }
      kept = null;
      return {
        canvas,
        unchanged() {
          stop();
          return !written;
        },
      };
    },

    forget: stop,
  };
}

/** The running app's early read. */
export const earlyCanvas = createEarlyCanvas();
