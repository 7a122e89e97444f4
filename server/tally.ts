/**
 * Per-person votes stay hidden until the facilitator reveals them: each
 * person's dots live in their own votes document, which only they and the
 * facilitator can open (see roomGuard.ts). When the facilitator sets
 * `room.voting.revealed`, the server adds up every person's votes and writes
 * the totals into the canvas's `tally`, which everyone reads; while revealed,
 * it keeps them current; when hidden again, it clears them.
 */
import { isTransactionOrigin, type Extension, type Hocuspocus, type onChangePayload, type onConfigurePayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { canvasDocName, parseDocName, votesDocName } from '../src/sync/protocol';
import type { Database } from './database';

const SETTLE_MS = 150;

export class VoteTally implements Extension {
  extensionName = 'VoteTally';
  priority = 50;

  private instance!: Hocuspocus;
  private readonly revealed = new Map<string, boolean>();
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly db: Database) {}

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  async onChange({ documentName, document, transactionOrigin }: onChangePayload): Promise<void> {
    // Only changes from people: the server's own writes (the tally) and Redis relays are someone else's turn.
    if (!isTransactionOrigin(transactionOrigin) || transactionOrigin.source !== 'connection') return;
    const doc = parseDocName(documentName);
    if (!doc) return;
    if (doc.kind === 'canvas') {
      const now = isRevealed(document);
      if ((this.revealed.get(doc.roomId) ?? false) !== now || (now && tallyIsStale(document))) this.schedule(doc.roomId);
      this.revealed.set(doc.roomId, now);
    } else {
      const canvas = this.instance.documents.get(canvasDocName(doc.roomId));
      if (!canvas || isRevealed(canvas)) this.schedule(doc.roomId);
    }
  }

  async onDestroy(): Promise<void> {
    for (const timer of this.pending.values()) clearTimeout(timer);
  }

  private schedule(roomId: string): void {
    if (this.pending.has(roomId)) return;
    this.pending.set(
      roomId,
      setTimeout(() => {
        this.pending.delete(roomId);
        this.recount(roomId).catch(() => undefined);
      }, SETTLE_MS),
    );
  }

  /** Adds up everyone's votes (or clears the totals) and writes them into the canvas. */
  async recount(roomId: string): Promise<void> {
    if (this.db.generation(roomId) === null) return;
    const connection = await this.instance.openDirectConnection(canvasDocName(roomId), { server: 'tally' });
    try {
      await connection.transact((canvas) => {
        const totals = isRevealed(canvas) ? this.totals(roomId) : new Map<string, number>();
        const tally = canvas.getMap<number>('tally');
        for (const key of [...tally.keys()]) if (!totals.has(key)) tally.delete(key);
        for (const [cardId, total] of totals) if (tally.get(cardId) !== total) tally.set(cardId, total);
      });
    } finally {
      await connection.disconnect({ unloadImmediately: false });
    }
  }

  private totals(roomId: string): Map<string, number> {
    const totals = new Map<string, number>();
    for (const participantId of this.db.participants(roomId)) {
      const name = votesDocName(roomId, participantId);
      const loaded = this.instance.documents.get(name);
      // Not open here: every change was stored before it was acknowledged, so the file is current.
      const doc = loaded ?? fromStore(this.db.loadDocument(name));
      doc.getMap<number>('votes').forEach((count, cardId) => {
        if (typeof count === 'number') totals.set(cardId, (totals.get(cardId) ?? 0) + count);
      });
      if (!loaded) doc.destroy();
    }
    return totals;
  }
}

function isRevealed(canvas: Y.Doc): boolean {
  const voting = canvas.getMap('room').get('voting');
  return voting instanceof Y.Map && voting.get('revealed') === true;
}

/** Totals on a hidden canvas (e.g. written before a restart) must go. */
function tallyIsStale(canvas: Y.Doc): boolean {
  return canvas.getMap('tally').size > 0 && !isRevealed(canvas);
}

function fromStore(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates));
  return doc;
}
