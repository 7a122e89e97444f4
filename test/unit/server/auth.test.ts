// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { roomsClient } from '../../../src/sync/rooms';
import { newSecret } from '../../../src/sync/protocol';
import { readCanvasDoc } from '../../../src/sync/shape';
import { connect, credentialsFor, sharedRoom, startServer, waitFor, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

describe('joining a room', () => {
  it('lets a participant with the invite secret read the owner’s canvas', async () => {
    const { room, owner } = await sharedRoom(server);
    const doc = new Y.Doc();
    const participant = connect(server.url, room.roomId, credentialsFor(room.inviteSecret), { canvas: doc });
    await participant.whenSynced();
    expect(readCanvasDoc(doc).cards.k1?.text).toBe('Families get help sooner');
    participant.destroy();
    owner.destroy();
  });

  it('refuses a wrong secret, an unknown room and a malformed token with the same answer', async () => {
    const { room, owner } = await sharedRoom(server);
    const wrong = connect(server.url, room.roomId, credentialsFor(newSecret()));
    const unknownRoom = connect(server.url, 'AAAAAAAAAAAAAAAAAAAAAA', credentialsFor(room.inviteSecret));
    await expect(wrong.whenSynced()).rejects.toThrow(/not valid/);
    await expect(unknownRoom.whenSynced()).rejects.toThrow(/not valid/);
    expect(wrong.state.refusal?.reason).toBe('invalid-link');
    expect(unknownRoom.state.refusal?.reason).toBe('invalid-link');
    wrong.destroy();
    unknownRoom.destroy();
    owner.destroy();
  });

  it('has no way to list rooms', async () => {
    await sharedRoom(server).then(({ owner }) => owner.destroy());
    for (const path of ['/api/rooms', '/api/rooms/', '/api/rooms?list=1']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status, path).not.toBe(200);
    }
  });

  it('creates a room only through the owner’s request, and the page cannot be framed', async () => {
    const created = await fetch(`${server.origin}/api/rooms`, { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(created.status).toBe(403);
    const health = await fetch(`${server.origin}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
  });
});

describe('re-keying and ending sharing', () => {
  it('a new invite link stops the old one at once, including for a connected participant', async () => {
    const { room, owner } = await sharedRoom(server);
    const oldCredentials = credentialsFor(room.inviteSecret);
    const participant = connect(server.url, room.roomId, oldCredentials);
    await participant.whenSynced();

    const newSecretValue = await roomsClient(server.origin).newInvite(room.roomId, room.ownerKey);
    await waitFor(() => participant.state.status === 'refused', 'the participant to be cut off');
    expect(participant.state.refusal?.reason).toBe('link-revoked');
    // The facilitator stays connected.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(owner.state.status).toBe('synced');

    const again = connect(server.url, room.roomId, oldCredentials);
    await expect(again.whenSynced()).rejects.toThrow();
    const fresh = connect(server.url, room.roomId, { ...oldCredentials, secret: newSecretValue });
    await fresh.whenSynced();
    for (const transport of [participant, again, fresh, owner]) transport.destroy();
  });

  it('only the owner key re-keys or ends a room', async () => {
    const { room, owner } = await sharedRoom(server);
    const rooms = roomsClient(server.origin);
    await expect(rooms.newInvite(room.roomId, room.inviteSecret)).rejects.toThrow(/No shared canvas/);
    await expect(rooms.endSharing(room.roomId, newSecret())).rejects.toThrow(/No shared canvas/);
    owner.destroy();
  });

  it('ending sharing closes every connection and deletes the shared canvas from the server', async () => {
    const { room, owner } = await sharedRoom(server);
    const participant = connect(server.url, room.roomId, credentialsFor(room.inviteSecret));
    await participant.whenSynced();
    await roomsClient(server.origin).endSharing(room.roomId, room.ownerKey);
    await waitFor(() => participant.state.status === 'refused' && owner.state.status === 'refused', 'both to be cut off');
    expect(participant.state.refusal?.reason).toBe('sharing-ended');
    expect(owner.state.refusal?.reason).toBe('sharing-ended');
    await waitFor(() => server.sync.server.hocuspocus.getDocumentsCount() === 0, 'the document to unload');
    const rows = server.sync.db.db.prepare('SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM updates) AS n').get() as {
      n: number;
    };
    expect(rows.n).toBe(0);
    participant.destroy();
    owner.destroy();
  });
});

describe('secrets', () => {
  it('keeps only hashes of secrets and never logs one', async () => {
    const { room, owner } = await sharedRoom(server);
    const participant = connect(server.url, room.roomId, credentialsFor(room.inviteSecret));
    await participant.whenSynced();
    const wrong = connect(server.url, room.roomId, credentialsFor(newSecret()));
    await expect(wrong.whenSynced()).rejects.toThrow();
    const newInvite = await roomsClient(server.origin).newInvite(room.roomId, room.ownerKey);
    const file = server.sync.db.db.prepare('SELECT * FROM rooms').all();
    const stored = JSON.stringify(file, (_key, value: unknown) =>
      value && typeof value === 'object' && 'type' in value && value.type === 'Buffer' ? 'buffer' : value,
    );
    for (const secret of [room.ownerKey, room.inviteSecret, newInvite]) {
      expect(stored).not.toContain(secret);
      expect(server.logs.join('\n')).not.toContain(secret);
    }
    expect(server.logs.some((line) => line.includes('invalid link'))).toBe(true);
    for (const transport of [participant, wrong, owner]) transport.destroy();
  });
});

describe('limits', () => {
  it('refuses too many sign-ins from one address with a message to show', async () => {
    await server.stop();
    server = await startServer({ limits: { authPerMinute: 3 } as never });
    const { room, owner } = await sharedRoom(server);
    const attempts = [1, 2, 3].map(() => connect(server.url, room.roomId, credentialsFor(room.inviteSecret)));
    await Promise.allSettled(attempts.map((t) => t.whenSynced()));
    const refused = attempts.filter((t) => t.state.refusal?.reason === 'rate-limited');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.state.refusal?.message).toMatch(/Too many connection attempts/);
    for (const transport of [...attempts, owner]) transport.destroy();
  });

  it('refuses a message over the size limit and says so', async () => {
    await server.stop();
    server = await startServer({ limits: { messageBytes: 64 * 1024 } as never });
    const { room, owner } = await sharedRoom(server);
    const doc = new Y.Doc();
    const participant = connect(server.url, room.roomId, credentialsFor(room.inviteSecret), { canvas: doc });
    await participant.whenSynced();
    doc.getMap('cards').get('k1') as Y.Map<Y.Text>;
    (doc.getMap('cards').get('k1') as Y.Map<Y.Text>).get('text')!.insert(0, 'x'.repeat(9000).repeat(10));
    await waitFor(() => participant.state.status === 'refused', 'the refusal');
    expect(participant.state.refusal?.reason).toBe('message-too-large');
    participant.destroy();
    owner.destroy();
  });

  it('refuses a change once the shared canvas is over its size limit', async () => {
    await server.stop();
    server = await startServer({ limits: { documentBytes: 4000 } as never });
    const { room, owner, ownerDoc } = await sharedRoom(server);
    const cards = ownerDoc.getMap<Y.Map<unknown>>('cards');
    (cards.get('k1')!.get('text') as Y.Text).insert(0, 'y'.repeat(5000));
    await waitFor(() => owner.state.status === 'refused', 'the refusal');
    expect(owner.state.refusal?.reason).toBe('document-too-large');
    owner.destroy();
    void room;
  });

  it('refuses WebSockets from another site’s page', async () => {
    const ws = new WebSocket(server.url, { headers: { Origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
  });
});
