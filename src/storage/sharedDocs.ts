/**
 * A shared canvas's Yjs document kept in IndexedDB, so a shared canvas opens
 * and is edited offline and its edits merge when the device reconnects.
 *
 * y-indexeddb (the Yjs project's own adapter) rather than a Dexie table: it
 * stores each update as it happens and compacts them, which is the whole
 * job, and it keeps the documents in their own database (one per room,
 * `outcome-canvas-share-<room>`), so the app's Dexie schema and its
 * upgrades are untouched. Loaded only with the sync code, for a shared
 * canvas.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

const PREFIX = 'outcome-canvas-share-';

export interface StoredDoc {
  /** Resolves once what was stored is in the document. */
  loaded: Promise<void>;
  /** Stops writing (the document stays as it is). */
  close(): Promise<void>;
  /** Deletes the stored document (sharing ended on this device). */
  remove(): Promise<void>;
}

export function storeDoc(name: string, doc: Y.Doc): StoredDoc {
  const persistence = new IndexeddbPersistence(PREFIX + name, doc);
  return {
    loaded: persistence.whenSynced.then(() => undefined),
    close: () => persistence.destroy(),
    remove: () => persistence.clearData(),
  };
}
