/**
 * Figures for the sync server (run by `npm run bench`, which bundles this file
 * and the server first): time from an edit on one client to its appearance
 * on another (20 clients in one room), and the server's memory with 50 rooms
 * of 20 clients. Loopback only; prints JSON on the last line.
 *
 *   node sync-bench.js <path to the server's main.js>
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { STEP_IDS } from '../src/domain/model';
import { newParticipantId, newSecret } from '../src/sync/protocol';
import { roomsClient } from '../src/sync/rooms';
import { initCanvasDoc, type PlainCanvas } from '../src/sync/shape';
import { connectRoom, type Transport } from '../src/sync/transport';

const env = process.env;
const CLIENTS = Number(env.BENCH_SYNC_CLIENTS ?? 20);
const ROOMS = Number(env.BENCH_SYNC_ROOMS ?? 50);
const EDITS = Number(env.BENCH_SYNC_EDITS ?? 200);
const CARDS = 40;
const serverMain = process.argv[2]!;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'oc-sync-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [serverMain], {
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      STATIC_DIR: '',
      SYNC_DATABASE: join(dir, 'bench.sqlite'),
      // Every simulated client comes from 127.0.0.1.
      SYNC_CONNECTIONS_PER_MINUTE: '100000',
      SYNC_SIGNINS_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  while (!output.includes('is running at')) {
    if (child.exitCode !== null) throw new Error(`the sync server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `ws://127.0.0.1:${port}/sync`,
    /** Resident memory of the server process, from the kernel. */
    rssBytes: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function sampleCanvas(): Partial<PlainCanvas> {
  const cards: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < CARDS; i++) {
    cards[`card-${i}`] = {
      step: STEP_IDS[i % 4],
      order: `a${i}`,
      text: `Card ${i}: a realistic sentence or two of workshop notes about who could act differently.`,
      createdAt: 1,
    };
  }
  return { meta: { canvasId: 'bench', title: 'Benchmark canvas', createdAt: 1 }, cards };
}

interface Member {
  doc: Y.Doc;
  transport: Transport;
}

async function openRoom(origin: string, url: string, size: number): Promise<Member[]> {
  const room = await roomsClient(origin).createRoom();
  const members: Member[] = [];
  for (let i = 0; i < size; i++) {
    const doc = new Y.Doc();
    if (i === 0) initCanvasDoc(doc, sampleCanvas());
    const transport = connectRoom({
      url,
      roomId: room.roomId,
      credentials: { secret: i === 0 ? room.ownerKey : room.inviteSecret, participantId: newParticipantId(), participantKey: newSecret() },
      canvas: doc,
      name: `Person ${i}`,
      WebSocketPolyfill: WebSocket,
    });
    members.push({ doc, transport });
    // The owner shares first; the others join the shared canvas.
    if (i === 0) await transport.whenSynced();
  }
  await Promise.all(members.map((member) => member.transport.whenSynced()));
  return members;
}

const cardText = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('cards').get(id)!.get('text') as Y.Text;

async function editLatency(): Promise<{ p50: number; p95: number; max: number; edits: number }> {
  const server = await startServer();
  try {
    const members = await openRoom(server.origin, server.url, CLIENTS);
    const times: number[] = [];
    for (let edit = 0; edit < EDITS; edit++) {
      const sender = members[edit % CLIENTS]!;
      const receiver = members[(edit + 1 + Math.floor(Math.random() * (CLIENTS - 1))) % CLIENTS]!;
      const cardId = `card-${Math.floor(Math.random() * CARDS)}`;
      const marker = `‹${edit}›`;
      const arrived = new Promise<number>((resolve) => {
        const check = () => {
          if (cardText(receiver.doc, cardId).toString().includes(marker)) {
            receiver.doc.off('update', check);
            resolve(performance.now());
          }
        };
        receiver.doc.on('update', check);
      });
      const start = performance.now();
      cardText(sender.doc, cardId).insert(0, marker);
      times.push((await arrived) - start);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    for (const member of members) member.transport.destroy();
    return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), edits: times.length };
  } finally {
    await server.stop();
  }
}

async function memory(): Promise<{ idleMiB: number; loadedMiB: number; perRoomKiB: number; connectMs: number }> {
  const server = await startServer();
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idle = server.rssBytes();
    const started = performance.now();
    const rooms: Member[][] = [];
    for (let room = 0; room < ROOMS; room++) rooms.push(await openRoom(server.origin, server.url, CLIENTS));
    const connectMs = performance.now() - started;
    // Everyone edits once, then everything settles.
    for (const members of rooms) members.forEach((member, i) => cardText(member.doc, `card-${i % CARDS}`).insert(0, '✓ '));
    await Promise.all(rooms.flat().map((member) => member.transport.whenSynced()));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const loaded = server.rssBytes();
    for (const member of rooms.flat()) member.transport.destroy();
    const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    return {
      idleMiB: mib(idle),
      loadedMiB: mib(loaded),
      perRoomKiB: Math.round((loaded - idle) / ROOMS / 1024),
      connectMs: Math.round(connectMs),
    };
  } finally {
    await server.stop();
  }
}

const latency = await editLatency();
const mem = await memory();
console.log(JSON.stringify({ clients: CLIENTS, rooms: ROOMS, latency, memory: mem }));
process.exit(0);
