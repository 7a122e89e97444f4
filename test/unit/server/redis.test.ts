// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomsClient } from '../../../src/sync/rooms';
import { addRecord, initCanvasDoc, readCanvasDoc } from '../../../src/sync/shape';
import { connect, credentialsFor, SAMPLE, startServer, tempDir, waitFor, type TestServer } from './helpers';
import { canonical } from './soak';

const REDIS = '/usr/bin/redis-server';
let dir: string;
let redis: ChildProcess;
let socket: string;
let instances: TestServer[] = [];

beforeAll(async () => {
  if (!existsSync(REDIS))
    throw new Error('redis-server is missing: run `bash scripts/ensure-system-packages.sh` (Debian package redis-server).');
  dir = tempDir('oc-redis-');
  socket = join(dir, 'redis.sock');
  // On a Unix socket of its own: no port to collide with, nothing reachable from outside.
  redis = spawn(REDIS, ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  await waitFor(() => existsSync(socket), 'redis to start');
  const database = join(dir, 'shared.sqlite');
  instances = [
    await startServer({ database, redis: { path: socket }, name: 'one' }, dir),
    await startServer({ database, redis: { path: socket }, name: 'two' }, dir),
  ];
});

afterAll(async () => {
  for (const instance of instances) await instance.sync.close();
  redis?.kill();
  rmSync(dir, { recursive: true, force: true });
});

it('two server instances share rooms through Redis: clients on different instances converge', async () => {
  const [one, two] = instances as [TestServer, TestServer];
  // The room is created on one instance and joined on the other.
  const room = await roomsClient(one.origin).createRoom();
  const ownerDoc = new Y.Doc();
  initCanvasDoc(ownerDoc, SAMPLE);
  const owner = connect(one.url, room.roomId, credentialsFor(room.ownerKey), { canvas: ownerDoc });
  await owner.whenSynced();

  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const urls = [two.url, one.url, two.url];
  const people = docs.map((doc, i) => connect(urls[i]!, room.roomId, credentialsFor(room.inviteSecret), { canvas: doc }));
  await Promise.all(people.map((person) => person.whenSynced()));
  expect(readCanvasDoc(docs[0]!).cards.k1?.text).toBe('Families get help sooner');

  // Everyone edits at once, on both instances, including the same card's text.
  const text = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('cards').get('k1')!.get('text') as Y.Text;
  text(docs[0]!).insert(0, '[two] ');
  text(docs[1]!).insert(0, '[one] ');
  text(ownerDoc).insert(text(ownerDoc).length, ' [owner]');
  addRecord(docs[2]!, 'cards', 'k7', { step: 'enablers', order: 'a0', text: 'Funding for two years' });
  docs[1]!.getMap<Y.Map<unknown>>('cards').get('k2')!.set('step', 'enablers');

  const all = [ownerDoc, ...docs];
  await waitFor(() => new Set(all.map((doc) => canonical(readCanvasDoc(doc)))).size === 1, 'all five documents to converge', 10_000);
  const view = readCanvasDoc(ownerDoc);
  expect(view.cards.k1?.text).toMatch(/^(\[two\] \[one\] |\[one\] \[two\] )Families get help sooner \[owner\]$/);
  expect(view.cards.k7?.text).toBe('Funding for two years');
  expect(view.cards.k2?.step).toBe('enablers');

  // A new invite link on one instance cuts off participants on the other at once.
  await roomsClient(one.origin).newInvite(room.roomId, room.ownerKey);
  await waitFor(() => people.every((person) => person.state.status === 'refused'), 'every participant to be cut off');
  expect(people.map((person) => person.state.refusal?.reason)).toEqual(['link-revoked', 'link-revoked', 'link-revoked']);
  expect(owner.state.status).toBe('synced');
  for (const transport of [owner, ...people]) transport.destroy();
});
