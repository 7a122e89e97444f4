/**
 * The app's database as it is, for a plain IndexedDB read outside the app (the service worker's
 * library listing, the first paint of a board) that must never get in the app's way: opened
 * without a version, so it never asks for an upgrade; when there is no database, the upgrade that
 * would create one is aborted, so none is created; closed at once if the app asks for a new
 * version; and given up (null) when opening takes longer than `timeoutMs` (behind another tab's
 * upgrade, say). Null too for a database in any other schema version than this app's.
 * The caller closes it as soon as its one read is done.
 */
import { DATABASE_NAME, SCHEMA_VERSION } from './schemaVersion';

export function openExisting(timeoutMs: number, factory: IDBFactory = indexedDB): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      resolve(null);
    }, timeoutMs);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DATABASE_NAME);
    } catch {
      clearTimeout(timer);
      resolve(null); // storage refused (some locked-down profiles)
      return;
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      clearTimeout(timer);
      event.preventDefault(); // the abort above, or storage refused: the app's own open reports what matters
      resolve(null);
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      const db = request.result;
      // Dexie declares version n as n × 10.
      if (late || db.version !== SCHEMA_VERSION * 10) {
        db.close();
        resolve(null);
      } else {
        db.onversionchange = () => db.close();
        resolve(db);
      }
    };
  });
}
