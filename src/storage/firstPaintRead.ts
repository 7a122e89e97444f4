/**
 * One canvas read before the app (React, Dexie, the stores) has loaded, with the browser's own
 * IndexedDB API: every record of the canvas (its meta, cards, checks, actions and data sets), in one
 * transaction, so the board can be painted from it and the app can then take the canvas instead of
 * reading it all again (`state/earlyCanvas.ts`). Built to stay out of the app's way and never to show what the app would not:
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
  actionItems: unknown[];
  datasets: unknown[];
}

/** The stored records of one canvas, as they are; null when there is no database, another schema, no such canvas, or any failure. */
export async function readStoredParts(canvasId: string, factory?: IDBFactory): Promise<StoredParts | null> {
  const db = await openExisting(OPEN_TIMEOUT_MS, factory);
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const transaction = db.transaction(['canvases', 'cards', 'checks', 'actionItems', 'datasets'], 'readonly');
      const meta = transaction.objectStore('canvases').get(canvasId);
      const ofCanvas = (table: string): IDBRequest<unknown[]> => transaction.objectStore(table).index('canvasId').getAll(canvasId);
      const cards = ofCanvas('cards');
      const checks = ofCanvas('checks');
      const actionItems = ofCanvas('actionItems');
      const datasets = ofCanvas('datasets');
      transaction.oncomplete = () => {
        db.close();
        const found = meta.result !== undefined;
        resolve(
          found
            ? { meta: meta.result, cards: cards.result, checks: checks.result, actionItems: actionItems.result, datasets: datasets.result }
            : null,
        );
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
