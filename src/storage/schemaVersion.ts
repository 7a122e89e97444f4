/**
 * The database's name and versions, with nothing else: the service worker reads the library's
 * summaries with plain IndexedDB (`src/worker`) and must not bring Dexie with it.
 */
export const DATABASE_NAME = 'outcome-canvas';
/** The version every record is written in now. */
export const RECORD_VERSION = 3;
/** The newest `db.version(n)` in db.ts (a unit test holds them together); IndexedDB sees it times ten, as Dexie declares it. */
export const SCHEMA_VERSION = 5;
