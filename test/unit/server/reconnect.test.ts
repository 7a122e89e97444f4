// @vitest-environment node
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCanvasDoc } from '../../../src/sync/shape';
import { credentialsFor, connect, sharedRoom, startServer, waitFor, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

// Flaky Wi-Fi: the browser says "offline" and then "online" again before the
// socket it was told to close has finished closing. The device must still
// come back in step, not stay "Offline, N changes waiting" until a reload.
it('comes back in step when the network returns before the old connection has finished closing', async () => {
  const { room, owner } = await sharedRoom(server);
  const doc = new Y.Doc();
  const participant = connect(server.url, room.roomId, credentialsFor(room.inviteSecret), { canvas: doc, reconnectDelayMs: 100 });
  await participant.whenSynced();
  participant.goOffline();
  const card = doc.getMap<Y.Map<unknown>>('cards').get('k1')!;
  (card.get('text') as Y.Text).insert(0, 'Offline: ');
  participant.reconnect();
  await waitFor(() => participant.state.status === 'synced' && participant.state.unsentChanges === 0, 'back in step after the blip');
  expect(readCanvasDoc(doc).cards.k1?.text).toBe('Offline: Families get help sooner');
  participant.destroy();
  owner.destroy();
}, 15_000);
