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
import {
  type Refused,
  type WriteGuard,
  canvasToPlain,
  hasCanvas,
  plainToCanvas,
  projectCanvas,
  reapplyAllowed,
  reapplyDots,
  writeCanvas,
} from '../sync/binding';
import { type GroupFile, type MergePlan, encodeGroupFile, groupFileName, planMerge } from '../sync/groupFile';
import { dotsNotKeptMessage, notKeptMessage } from '../sync/notKept';
import { CANVAS_RULES, fieldRule, mayChange, mayCreate, setOnCreate } from '../sync/permissions';
import {
  DEFAULT_PERMISSIONS,
  PERMISSIONS,
  type Permission,
  type Permissions,
  type Role,
  isPermission,
  newParticipantId,
  newSecret,
} from '../sync/protocol';
import { META_FIELDS, ROOM_FIELDS, initCanvasDoc, readCanvasDoc, readRecord } from '../sync/shape';
import { type Transport, type TransportState, connectRoom } from '../sync/transport';
import type { CanvasStore } from './canvasStore';

/** Dot votes of one's own: this person's dots, and everyone's once the facilitator reveals them. */
export interface Voting {
  /** Card id → this person's dots on it. */
  mine: Record<string, number>;
  revealed: boolean;
  /** Card id → everyone's dots, written by the server while revealed; empty while hidden. */
  tally: Record<string, number>;
}

/** What the facilitator's device shows, so participants can follow: a view (`step`, `board`, `present`) and a step. */
export interface Showing {
  view: string | null;
  step: string | null;
}

export interface SessionState extends TransportState {
  /** What the facilitator lets participants do, as the shared document says. */
  permissions: Permissions;
  voting: Voting;
  showing: Showing;
  /** Why a change made here was just put back (the facilitator has not allowed it), once; null otherwise. */
  notice: string | null;
}

export interface Session {
  setName(name: string): void;
  /** The facilitator's choice of what participants may do (written into the shared document). */
  setPermission(permission: Permission, allowed: boolean): void;
  /** Sets this person's dots on a card (0 takes them all off). */
  setDots(cardId: string, dots: number): void;
  /** The facilitator shows or hides everyone's dots. */
  setRevealed(revealed: boolean): void;
  /** What this device shows; the facilitator's is shared so participants can follow. */
  setShowing(showing: Showing): void;
  /** This device's whole shared document as a file for another breakout group (groupFile.ts). */
  saveGroupFile(group: string): { fileName: string; text: string };
  /** Another group's file, checked and then merged as if it had come over the network. */
  mergeGroupFile(file: GroupFile, update: Uint8Array): MergePlan;
  /** What of a change from `before` to `after` this person may not make (nothing for the facilitator); nothing is written. */
  refusedBy(before: Canvas, after: Canvas): Refused[];
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

/** What a participant may write, from the room's current permissions (the server checks the same rules). */
const guardFor = (role: Role, permissions: Permissions): WriteGuard | null =>
  role === 'facilitator'
    ? null
    : {
        mayCreate: (root) => mayCreate(role, permissions, root),
        mayChange: (root, field) => mayChange(role, permissions, root, field),
        setOnCreate,
      };

/** "Delete cards", "Only the facilitator can change this" ...: why the screen was put back. */
function refusedMessage(refused: Refused[]): string {
  const names = new Set<string>();
  for (const { root, field } of refused) {
    const rule = field === 'create' ? CANVAS_RULES[root]?.create : fieldRule(root, field);
    names.add(rule && isPermission(rule) ? PERMISSIONS[rule].toLowerCase() : 'changes only the facilitator makes');
  }
  return `Put back: the facilitator has not allowed this here (${[...names].join('; ')}).`;
}

const REFUSED_HERE =
  'A change from this device was not accepted by the sync server, so it has been undone here; your other changes are kept.';

export async function startSession({ record, canvasStore, name, fill, onState }: SessionOptions): Promise<Session> {
  const origin = { session: record.roomId };
  const fromTab = { tabs: record.roomId };
  const fromFile = { file: record.roomId };
  const open = () => {
    const canvas = canvasStore.getState().canvas;
    return canvas && canvas.id === record.canvasId ? canvas : null;
  };
  canvasStore.getState().setSharedLive(record.canvasId);

  let doc = new Y.Doc();
  let stored = storeDoc(record.roomId, doc);
  // This person's own dots: a document of its own, which only they can open (the server adds them up).
  let votesDoc = new Y.Doc();
  let votesStored = storeDoc(`${record.roomId}-votes`, votesDoc);
  await Promise.all([stored.loaded, votesStored.loaded]);
  let seen: Canvas | null = open();
  if (seen && fill && !hasCanvas(doc)) initCanvasDoc(doc, canvasToPlain(seen), origin);
  let permissions = readPermissions(doc);
  let notice: string | null = null;
  let stopped = false;
  let transport: Transport;
  // Edits made while not in step, counted for "N changes waiting" (the provider holds them until the handshake).
  let waiting = 0;

  const report = () => {
    const state = transport.state;
    if (state.status === 'synced') waiting = 0;
    onState({
      ...state,
      unsentChanges: Math.max(state.unsentChanges, waiting),
      permissions,
      notice,
      voting: readVoting(),
      showing: readShowing(),
    });
    notice = null; // said once
  };

  const readVoting = (): Voting => {
    const room = readRecord(doc.getMap('room'), ROOM_FIELDS) as { voting: { revealed: boolean } };
    return {
      mine: votesDoc.getMap<number>('votes').toJSON() as Record<string, number>,
      revealed: room.voting.revealed,
      tally: doc.getMap<number>('tally').toJSON() as Record<string, number>,
    };
  };
  const readShowing = (): Showing => {
    const room = readRecord(doc.getMap('room'), ROOM_FIELDS) as { presenting: { step: string | null; view: string | null } };
    return { view: room.presenting.view, step: room.presenting.step };
  };
  const onVotes = () => report();
  votesDoc.on('update', onVotes);

  /** The document into the store (another device's change, or a change put back). */
  const project = () => {
    const canvas = open();
    if (!canvas || !hasCanvas(doc)) return;
    const next = projectCanvas(doc, canvas);
    seen = next;
    if (next !== canvas) canvasStore.getState().receiveShared(next);
  };
  project();

  /** A local change into the document; what the facilitator has not allowed is put back on screen. */
  const write = (before: Canvas, after: Canvas) => {
    const refused = writeCanvas(doc, before, after, origin, Date.now(), guardFor(record.role, permissions));
    if (refused.length === 0) return;
    notice = refusedMessage(refused);
    project();
    report();
  };

  const stopStore = canvasStore.subscribe((state) => {
    const canvas = state.canvas;
    if (!canvas || canvas.id !== record.canvasId || canvas === seen) return;
    const before = seen;
    seen = canvas;
    if (before && hasCanvas(doc)) write(before, canvas);
  });

  // Other tabs of this browser with the same shared canvas: every update goes to them at once,
  // so the same edit never reaches a tab's document twice (once from here, once through the
  // tabs' own merge of what the other saved), offline included.
  const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`outcome-canvas-share:${record.roomId}`) : null;
  if (tabs) tabs.onmessage = (event: MessageEvent<Uint8Array>) => Y.applyUpdate(doc, new Uint8Array(event.data), fromTab);

  const onUpdate = (update: Uint8Array, from: unknown) => {
    if (from !== fromTab) tabs?.postMessage(update);
    if (from === origin) {
      if (transport.state.status !== 'synced') {
        waiting += 1;
        report();
      }
      return;
    }
    project();
    permissions = readPermissions(doc);
    report();
  };

  /** Connects the documents to the room; returns the function that stops listening to the connection. */
  const connect = (canvas: Y.Doc, votes: Y.Doc) => {
    transport = connectRoom({
      roomId: record.roomId,
      credentials: { secret: record.secret, participantId: record.participantId, participantKey: record.participantKey },
      canvas,
      votes,
      name,
    });
    return transport.subscribe((state) => {
      if (state.status === 'synced' && !recovering) recoveries = 0;
      report();
      if (state.status === 'refused' && (state.refusal?.reason === 'forbidden-change' || state.refusal?.reason === 'invalid-change')) {
        void recover();
      }
    });
  };

  /**
   * The server refused this device's changes (the facilitator took a
   * permission away while the device was offline, say): its document holds
   * changes the server will never take, and sending it again would be
   * refused again. So the device joins again with a fresh document; once
   * that holds the server's canvas, everything of this device's own that
   * the server lacks and the facilitator still allows is written into it as
   * new changes (`reapplyAllowed`), the screen shows the result, and a
   * notice says what was left out and why. Until then the screen and the
   * stored document keep everything, edits made meanwhile included. A
   * refusal straight after a recovery means the device and the server
   * disagree about the rules: the device then stays refused, saying why,
   * instead of trying again in a loop, and still keeps everything.
   */
  let recovering = false;
  /** Recoveries since this device was last in step. */
  let recoveries = 0;
  const recover = async () => {
    if (recovering || stopped || recoveries > 0) return;
    recovering = true;
    recoveries += 1;
    stopTransport();
    transport.destroy();
    // Both documents: the refused change may have been this person's dots (more than the facilitator now allows).
    const fresh = new Y.Doc();
    const freshVotes = new Y.Doc();
    stopTransport = connect(fresh, freshVotes);
    report();
    try {
      await transport.whenSynced();
    } catch {
      // Refused again (the link was revoked meanwhile, say): the status says why; this device's documents are kept.
      fresh.destroy();
      freshVotes.destroy();
      recovering = false;
      return;
    }
    if (stopped) {
      fresh.destroy();
      freshVotes.destroy();
      return;
    }
    permissions = readPermissions(fresh);
    const current = open();
    const left = current ? reapplyAllowed(fresh, doc, current, guardFor(record.role, permissions), origin) : null;
    const perPerson = readRecord(fresh.getMap('meta'), META_FIELDS).votesPerPerson as number;
    const dotsLeftOut = reapplyDots(freshVotes, votesDoc, perPerson);
    const old = doc;
    const oldVotes = votesDoc;
    old.off('update', onUpdate);
    oldVotes.off('update', onVotes);
    doc = fresh;
    votesDoc = freshVotes;
    doc.on('update', onUpdate);
    votesDoc.on('update', onVotes);
    project();
    const notKept = [left ? notKeptMessage(left.refused, left.wanted) : '', dotsNotKeptMessage(dotsLeftOut, perPerson)].filter(Boolean);
    notice = notKept.length > 0 ? notKept.join(' ') : REFUSED_HERE;
    recovering = false;
    report();
    // The stored copies become the fresh documents (the old ones held what the server refused).
    await Promise.all([stored.remove(), votesStored.remove()]);
    old.destroy();
    oldVotes.destroy();
    if (!stopped) {
      stored = storeDoc(record.roomId, doc);
      votesStored = storeDoc(`${record.roomId}-votes`, votesDoc);
    }
  };

  doc.on('update', onUpdate);
  let stopTransport = connect(doc, votesDoc);
  report();

  const offline = () => transport.goOffline();
  const online = () => transport.reconnect();
  globalThis.addEventListener?.('offline', offline);
  globalThis.addEventListener?.('online', online);

  return {
    setName(next) {
      transport.setPresence({ name: next });
    },
    setPermission(permission, allowed) {
      if (record.role !== 'facilitator') return;
      const map = doc.getMap('room').get('permissions');
      if (map instanceof Y.Map) doc.transact(() => map.set(permission, allowed), origin);
      permissions = readPermissions(doc);
      report();
    },
    setDots(cardId, dots) {
      const votes = votesDoc.getMap<number>('votes');
      if (dots > 0) votes.set(cardId, dots);
      else votes.delete(cardId);
    },
    setRevealed(revealed) {
      if (record.role !== 'facilitator') return;
      const voting = doc.getMap('room').get('voting');
      if (voting instanceof Y.Map) doc.transact(() => voting.set('revealed', revealed), origin);
      report();
    },
    setShowing({ view, step }) {
      if (record.role !== 'facilitator') return;
      const presenting = doc.getMap('room').get('presenting');
      if (!(presenting instanceof Y.Map)) return;
      const shown = readShowing();
      if (shown.view === view && shown.step === step) return;
      doc.transact(() => {
        presenting.set('active', view === 'present');
        presenting.set('view', view);
        presenting.set('step', step);
      }, origin);
      report();
    },
    saveGroupFile(group) {
      const title = String(readCanvasDoc(doc).meta.title);
      return { fileName: groupFileName(title, group), text: encodeGroupFile(doc, record.roomId, group) };
    },
    mergeGroupFile(file, update) {
      const plan = planMerge(doc, file, update, guardFor(record.role, permissions));
      if (!plan.ok) return plan;
      if (transport.state.status !== 'synced') waiting += 1;
      // Not this session's origin: projected into the store, sent to other tabs and to the server like a remote change.
      Y.applyUpdate(doc, update, fromFile);
      return plan;
    },
    refusedBy(before, after) {
      const guard = guardFor(record.role, permissions);
      if (!guard) return [];
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
      const refused = writeCanvas(scratch, before, after, origin, Date.now(), guard);
      scratch.destroy();
      return refused;
    },
    async stop() {
      stopped = true;
      votesDoc.off('update', onVotes);
      if (canvasStore.getState().sharedLive === record.canvasId) canvasStore.getState().setSharedLive(null);
      stopStore();
      stopTransport();
      globalThis.removeEventListener?.('offline', offline);
      globalThis.removeEventListener?.('online', online);
      doc.off('update', onUpdate);
      tabs?.close();
      transport.destroy();
      await Promise.all([stored.close(), votesStored.close()]);
      doc.destroy();
      votesDoc.destroy();
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
