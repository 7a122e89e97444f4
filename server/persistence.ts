/**
 * Keeps room documents in the SQLite file (see database.ts). Every change
 * that reaches a document here, from a client or from the server itself, is
 * appended to the log synchronously, before the client is told it was
 * received; changes relayed by Redis were stored by the instance that
 * received them. Hocuspocus's debounced store hook folds the log into the
 * document's state when the log grows long or the last person leaves.
 */
import {
  isTransactionOrigin,
  type Document,
  type Extension,
  type afterLoadDocumentPayload,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocName } from '../src/sync/protocol';
import type { Database } from './database';

/** Fold the log into the state once it has this many entries. */
const COMPACT_AFTER = 200;

export class Persistence implements Extension {
  extensionName = 'Persistence';
  priority = 100;

  constructor(private readonly db: Database) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const doc = parseDocName(documentName);
    if (!doc) throw new Error('not a room document');
    const stored = this.db.loadDocument(documentName);
    if (stored.length > 0) Y.applyUpdate(document, Y.mergeUpdates(stored));
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const roomId = parseDocName(documentName)!.roomId;
    document.on('update', (update: Uint8Array, origin: unknown) => {
      if (isTransactionOrigin(origin) && origin.source === 'redis') return;
      this.db.appendUpdate(documentName, roomId, update);
    });
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const doc = parseDocName(documentName);
    if (!doc || !this.roomExists(doc.roomId)) return;
    if (isIdle(document) || this.db.logLength(documentName) >= COMPACT_AFTER) this.db.compactDocument(documentName, doc.roomId);
  }

  private roomExists(roomId: string): boolean {
    return this.db.generation(roomId) !== null;
  }
}

function isIdle(document: Document): boolean {
  return document.getConnectionsCount() === 0;
}
