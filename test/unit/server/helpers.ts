/** Shared set-up for the sync server tests: servers on free loopback ports, rooms, clients. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../../server/app';
import { newParticipantId, newSecret, type Credentials } from '../../../src/sync/protocol';
import { roomsClient, type OwnedRoom } from '../../../src/sync/rooms';
import { initCanvasDoc, type PlainCanvas } from '../../../src/sync/shape';
import { connectRoom, type Transport, type TransportOptions } from '../../../src/sync/transport';

export interface TestServer {
  sync: SyncServer;
  origin: string;
  url: string;
  logs: string[];
  dir: string;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'oc-sync-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startServer(options: Partial<SyncServerOptions> = {}, dir = tempDir()): Promise<TestServer> {
  const logs: string[] = [];
  const sync = createSyncServer({ database: join(dir, 'sync.sqlite'), log: (line) => logs.push(line), ...options });
  await sync.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${sync.port}`;
  return {
    sync,
    origin,
    url: `ws://127.0.0.1:${sync.port}/sync`,
    logs,
    dir,
    async stop() {
      await sync.close();
      if (!options.database) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function createRoom(origin: string): Promise<OwnedRoom> {
  return roomsClient(origin).createRoom();
}

/** A device's own participant id and key, with the room secret it was given. */
export function credentialsFor(secret: string): Credentials {
  return { secret, participantId: newParticipantId(), participantKey: newSecret() };
}

export function connect(url: string, roomId: string, credentials: Credentials, extra: Partial<TransportOptions> = {}): Transport {
  return connectRoom({
    url,
    roomId,
    credentials,
    canvas: new Y.Doc(),
    WebSocketPolyfill: WebSocket,
    retryAfterMs: 200,
    ...extra,
  });
}

/** Polls until `check` holds, or fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const SAMPLE: Partial<PlainCanvas> = {
  meta: { canvasId: 'c1', title: 'Shared canvas', createdAt: 1, updatedAt: 1 },
  cards: {
    k1: { step: 'outcome', order: 'a0', text: 'Families get help sooner', colour: 'yellow', createdAt: 1, updatedAt: 1 },
    k2: { step: 'action', order: 'a0', text: 'Early help workers see the alerts', colour: 'blue', createdAt: 1, updatedAt: 1 },
  },
  checks: { 'outcome:trust': { status: 'not-discussed' }, 'outcome:consent': { status: 'not-discussed' } },
  facilitation: { outcome: { minutes: 20, notes: 'Ask who benefits' } },
};

/** A room whose owner has shared SAMPLE, with the owner's transport connected and synced. */
export async function sharedRoom(server: TestServer, canvas: Partial<PlainCanvas> = SAMPLE) {
  const room = await createRoom(server.origin);
  const ownerDoc = new Y.Doc();
  initCanvasDoc(ownerDoc, canvas);
  const owner = connect(server.url, room.roomId, credentialsFor(room.ownerKey), { canvas: ownerDoc, votes: new Y.Doc() });
  await owner.whenSynced();
  return { room, owner, ownerDoc };
}
