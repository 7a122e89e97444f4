/**
 * One canvas read for the first paint, before the app (React, Dexie, the stores) has loaded: the
 * browser's own IndexedDB API, the canvas's meta, cards and checks, nothing else. Built to stay out
 * of the app's way and never to show what the app would not:
 * - the database is opened as `openExisting` does: never created, never upgraded, given up when
 *   slow to open;
 * - a database in any other schema version than this app's, a missing or deleted canvas, or any
 *   record that is not exactly as this app writes it (older, damaged: `firstPaintCanvas.ts`)
 *   means nothing is painted, and the app opens the canvas as it always does, with its own messages;
 * - the connection closes as soon as the read is done, and at once if another connection asks
 *   for a new version, so it can never block Dexie's open or an upgrade.
 */
import { openExisting } from './openExisting';

/** Longer than this to open, and nothing is painted: the app opens as it always does. */
const OPEN_TIMEOUT_MS = 1000;

/** A canvas's records as stored: checked by `firstPaintCanvas.ts` (loaded with the picture; this module stays tiny for the entry). */
export interface StoredParts {
  meta: unknown;
  cards: unknown[];
  checks: unknown[];
}

/** The stored records of one canvas, as they are; null when there is no database, another schema, no such canvas, or any failure. */
export async function readStoredParts(canvasId: string, factory?: IDBFactory): Promise<StoredParts | null> {
  const db = await openExisting(OPEN_TIMEOUT_MS, factory);
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const transaction = db.transaction(['canvases', 'cards', 'checks'], 'readonly');
      const meta = transaction.objectStore('canvases').get(canvasId);
      const cards = transaction.objectStore('cards').index('canvasId').getAll(canvasId);
      const checks = transaction.objectStore('checks').index('canvasId').getAll(canvasId);
      transaction.oncomplete = () => {
        db.close();
        resolve(meta.result === undefined ? null : { meta: meta.result, cards: cards.result, checks: checks.result });
      };
      transaction.onabort = () => {
        db.close();
        resolve(null);
      };
    } catch {
      db.close(); // a table or index missing: not this app's schema after all
      resolve(null);
    }
  });
}
