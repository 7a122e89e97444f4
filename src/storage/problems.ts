/**
 * What can go wrong with storage, as kinds the rest of the app can act on
 * and put into words (`state/saveProblems.ts`); no sentences here.
 */
/** Why the app is keeping canvases in memory only. */
export type OpenProblem =
  /** An upgrade of the stored data failed; IndexedDB rolled it back, so the old data is intact. */
  | 'upgrade-failed'
  /** The browser refuses IndexedDB (some private windows, locked-down profiles). */
  | 'refused'
  /** The data was written by a newer version of the app. */
  | 'newer-version'
  | 'unknown';

/** Why a write failed. */
export type WriteProblem = 'quota' | 'other';

/**
 * Which kind of failure a write error is: the browser's own error, or Dexie's
 * wrapping of it (`inner`). Read by shape, not by Dexie's classes, so that
 * this module (which the autosave loads up front) does not bring Dexie with it.
 */
export function writeProblemOf(error: unknown): WriteProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const inner = error instanceof Error && 'inner' in error ? (error.inner as { name?: unknown } | null)?.name : '';
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError' ? 'quota' : 'other';
}

/** A canvas whose stored details fail validation: left in place, not opened. */
export class UnreadableCanvasError extends Error {
  constructor(readonly canvasId: string) {
    super(`Stored canvas ${canvasId} failed validation`);
    this.name = 'UnreadableCanvasError';
  }
}
