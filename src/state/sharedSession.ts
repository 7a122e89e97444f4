/**
 * A shared canvas, live: its Yjs document (kept in IndexedDB), the
 * connection to the room, and the glue between the document and the canvas
 * store. Loaded lazily by `sharingStore.ts`, and only for a shared canvas:
 * it brings Yjs and the Hocuspocus provider.
 *
 * - Local edits: every change of the store's canvas (an edit, undo, redo, a
 *   timer tick, another tab's merge) is written into the document at once
 *   (`writeCanvas`), with this session as the origin.
 * - Remote changes: every document update from anywhere else (the server,
 *   IndexedDB) is projected back into the store at once, synchronously, as
 *   one change Undo does not take back (`receiveShared`). Synchronously, so
 *   the store never lags the document when the next local edit is diffed.
 * - The canvas store keeps saving its projection to the app's own storage,
 *   so the library, version history, exports and the offline start all work
 *   as for any canvas.
 */
import * as Y from 'yjs';
import { newId } from '../domain/ids';
import type { Canvas } from '../domain/model';
import { type SharedCanvasRecord, writeSharing } from '../storage/sharing';
import { storeDoc } from '../storage/sharedDocs';
import { canvasToPlain, hasCanvas, plainToCanvas, projectCanvas, writeCanvas } from '../sync/binding';
import { DEFAULT_PERMISSIONS, type Permissions, newParticipantId, newSecret } from '../sync/protocol';
import { ROOM_FIELDS, initCanvasDoc, readCanvasDoc, readRecord } from '../sync/shape';
import { type TransportState, connectRoom } from '../sync/transport';
import type { CanvasStore } from './canvasStore';

export interface SessionState extends TransportState {
  /** What the facilitator lets participants do, as the shared document says. */
  permissions: Permissions;
}

export interface Session {
  setName(name: string): void;
  stop(): Promise<void>;
}

export interface SessionOptions {
  record: SharedCanvasRecord;
  canvasStore: CanvasStore;
  name: string;
  /** Fill an empty document from the open canvas: only when its owner has just shared it. */
  fill: boolean;
  onState(state: SessionState): void;
}

function readPermissions(doc: Y.Doc): Permissions {
  const room = readRecord(doc.getMap('room'), ROOM_FIELDS);
  return { ...DEFAULT_PERMISSIONS, ...(room.permissions as Partial<Permissions>) };
}

export async function startSession({ record, canvasStore, name, fill, onState }: SessionOptions): Promise<Session> {
  const doc = new Y.Doc();
  const stored = storeDoc(record.roomId, doc);
  await stored.loaded;
  const origin = { session: record.roomId };
  const open = () => {
    const canvas = canvasStore.getState().canvas;
    return canvas && canvas.id === record.canvasId ? canvas : null;
  };

  canvasStore.getState().setSharedLive(record.canvasId);
  let seen: Canvas | null = open();
  if (seen && fill && !hasCanvas(doc)) initCanvasDoc(doc, canvasToPlain(seen), origin);

  const project = () => {
    const canvas = open();
    if (!canvas || !hasCanvas(doc)) return;
    const next = projectCanvas(doc, canvas);
    seen = next;
    if (next !== canvas) canvasStore.getState().receiveShared(next);
  };
  project();

  const stopStore = canvasStore.subscribe((state) => {
    const canvas = state.canvas;
    if (!canvas || canvas.id !== record.canvasId || canvas === seen) return;
    const before = seen;
    seen = canvas;
    if (before && hasCanvas(doc)) writeCanvas(doc, before, canvas, origin);
  });

  const transport = connectRoom({
    roomId: record.roomId,
    credentials: { secret: record.secret, participantId: record.participantId, participantKey: record.participantKey },
    canvas: doc,
    name,
  });
  let permissions = readPermissions(doc);
  const onUpdate = (_update: Uint8Array, from: unknown) => {
    if (from === origin) return;
    project();
    permissions = readPermissions(doc);
    report();
  };
  // Edits made while not in step, counted for "N changes waiting" (the provider holds them until the handshake).
  let waiting = 0;
  const report = () => {
    const state = transport.state;
    if (state.status === 'synced') waiting = 0;
    onState({ ...state, unsentChanges: Math.max(state.unsentChanges, waiting), permissions });
  };
  const onLocal = (_update: Uint8Array, from: unknown) => {
    if (from !== origin || transport.state.status === 'synced') return;
    waiting += 1;
    report();
  };
  doc.on('update', onUpdate);
  doc.on('update', onLocal);

  // Other tabs of this browser with the same shared canvas: every update goes to them at once,
  // so the same edit never reaches a tab's document twice (once from here, once through the
  // tabs' own merge of what the other saved), offline included.
  const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`outcome-canvas-share:${record.roomId}`) : null;
  const fromTab = { tabs: record.roomId };
  const toTabs = (update: Uint8Array, from: unknown) => {
    if (from !== fromTab) tabs?.postMessage(update);
  };
  doc.on('update', toTabs);
  if (tabs) tabs.onmessage = (event: MessageEvent<Uint8Array>) => Y.applyUpdate(doc, new Uint8Array(event.data), fromTab);
  const stopTransport = transport.subscribe(report);
  report();
  const offline = () => transport.goOffline();
  const online = () => transport.reconnect();
  globalThis.addEventListener?.('offline', offline);
  globalThis.addEventListener?.('online', online);

  return {
    setName(next) {
      transport.setPresence({ name: next });
    },
    async stop() {
      if (canvasStore.getState().sharedLive === record.canvasId) canvasStore.getState().setSharedLive(null);
      stopStore();
      stopTransport();
      globalThis.removeEventListener?.('offline', offline);
      globalThis.removeEventListener?.('online', online);
      doc.off('update', onUpdate);
      doc.off('update', onLocal);
      doc.off('update', toTabs);
      tabs?.close();
      transport.destroy();
      await stored.close();
      doc.destroy();
    },
  };
}

/** Forgets a shared canvas's document on this device (sharing ended). */
export async function removeStoredDoc(roomId: string): Promise<void> {
  const doc = new Y.Doc();
  const stored = storeDoc(roomId, doc);
  await stored.loaded;
  await stored.remove();
  doc.destroy();
}

export interface JoinOptions {
  roomId: string;
  inviteSecret: string;
  name: string;
  /** Stores the joined canvas in this device's library. */
  addCanvas(canvas: Canvas): Promise<string>;
  onState?(state: TransportState): void;
}

/**
 * Joins a room as a participant: signs in with the invite secret, waits for
 * the whole shared canvas, keeps its document for offline use and adds the
 * canvas to the library. Resolves to the canvas's id on this device; rejects
 * with the server's words when the link is refused.
 */
export async function joinRoom({ roomId, inviteSecret, name, addCanvas, onState }: JoinOptions): Promise<string> {
  const doc = new Y.Doc();
  const participantId = newParticipantId();
  const participantKey = newSecret();
  const transport = connectRoom({ roomId, credentials: { secret: inviteSecret, participantId, participantKey }, canvas: doc, name });
  const stopState = onState ? transport.subscribe(onState) : () => {};
  try {
    await transport.whenSynced();
  } finally {
    stopState();
    transport.destroy();
  }
  if (!hasCanvas(doc)) throw new Error('The shared canvas is not ready yet. Ask the facilitator to open it, then try the link again.');
  const stored = storeDoc(roomId, doc);
  await stored.loaded;
  await stored.close();
  const canvas = plainToCanvas(readCanvasDoc(doc), { id: newId() });
  doc.destroy();
  const record: SharedCanvasRecord = {
    canvasId: canvas.id,
    roomId,
    role: 'participant',
    secret: inviteSecret,
    inviteSecret: null,
    participantId,
    participantKey,
    sharedAt: Date.now(),
  };
  if (!writeSharing(record)) throw new Error('This browser refused to keep the shared canvas (its storage is blocked or full).');
  return addCanvas(canvas);
}
