/**
 * The library's summaries, read by the service worker with plain IndexedDB (Dexie stays in the
 * app's storage chunk). It never gets in the app's way: it opens the database without a version,
 * so it never creates one that does not exist and never asks for an upgrade; it closes the
 * connection as soon as its one read is done, and at once if the app asks for a new version.
 * Anything unexpected (no database, another version, a record the plain check refuses, a canvas
 * with no summary, a slow open) gives null: the plain page, and the app sorts it out as usual.
 */
import type { SummaryRecord } from '../domain/summary';
import { openExisting } from '../storage/openExisting';
import { readAsWritten } from '../storage/storedRecords';

/** Longer than this (another tab upgrading the database, say) and the plain page is served. */
const OPEN_TIMEOUT_MS = 500;

function read<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Every stored canvas's summary (as the library lists them), or null when they cannot all be read as written. */
export async function readSummaries(): Promise<SummaryRecord[] | null> {
  const db = await openExisting(OPEN_TIMEOUT_MS);
  if (!db) return null;
  try {
    if (!db.objectStoreNames.contains('summaries') || !db.objectStoreNames.contains('canvases')) {
      return null;
    }
    const transaction = db.transaction(['summaries', 'canvases'], 'readonly');
    const [records, ids] = await Promise.all([
      read(transaction.objectStore('summaries').getAll()),
      read(transaction.objectStore('canvases').getAllKeys()),
    ]);
    const byId = new Map<unknown, SummaryRecord>();
    for (const record of records) {
      const summary = readAsWritten('summary', record);
      if (!summary) return null;
      const { counts, ...meta } = summary;
      byId.set(meta.id, { meta, counts });
    }
    const listed = ids.map((id) => byId.get(id));
    return listed.every((summary) => summary !== undefined) ? listed : null;
  } catch {
    return null;
  } finally {
    db.close(); // once the read's transaction is done
  }
}
