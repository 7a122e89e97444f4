/**
 * The convergence soak: several clients edit one shared canvas at random
 * (the same card's text at the same time, moves across steps, colours, new
 * cards; the facilitator also checks and agrees), each through a TCP proxy
 * that cuts and heals its connection at random, while the server process is
 * killed and restarted. At the end every client and a freshly joined one must
 * hold identical documents and every edit, acknowledged or not, is there.
 *
 * Loopback only; bounded in operations and time. Used by soak.test.ts (short)
 * and runnable longer by hand (see docs/sync-server.md).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { STEP_IDS } from '../../../src/domain/model';
import { roomsClient } from '../../../src/sync/rooms';
import { addRecord, initCanvasDoc, readCanvasDoc, type PlainCanvas } from '../../../src/sync/shape';
import { connectRoom, type Transport } from '../../../src/sync/transport';
import { credentialsFor, tempDir, waitFor } from './helpers';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** Builds the server bundle once per process, inside the repository so its imports resolve. */
let built: string | null = null;
export function buildServer(): string {
  if (built) return built;
  const outDir = join(ROOT, 'node_modules', `.sync-server-${process.pid}`);
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'server/vite.config.ts', '--outDir', outDir],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
  built = join(outDir, 'main.js');
  return built;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  server.close();
  await once(server, 'close');
  return port;
}

/** A server in its own process, so a test can kill it like a crash. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  readonly output: string[] = [];

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [buildServer()], {
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', STATIC_DIR: '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    const start = Date.now();
    while (!this.output.join('').includes('is running at')) {
      if (child.exitCode !== null) throw new Error(`The server exited: ${this.output.join('')}`);
      if (Date.now() - start > 15_000) throw new Error('The server did not start');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** SIGKILL: no chance to save anything it has not saved already. */
  async crash(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
    this.child = null;
  }
}

/** A TCP proxy in front of one client: cut() drops its connection and refuses new ones until heal(). */
export class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private blocked = false;
  private server!: Server;
  port = 0;
  cuts = 0;

  constructor(private readonly targetPort: number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.blocked) {
        client.destroy();
        return;
      }
      const upstream = tcpConnect(this.targetPort, '127.0.0.1');
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => b.destroy());
      }
      this.sockets.add(client).add(upstream);
      client.on('close', () => this.sockets.delete(client));
      upstream.on('close', () => this.sockets.delete(upstream));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as { port: number }).port;
  }

  cut(): void {
    this.blocked = true;
    this.cuts += 1;
    for (const socket of this.sockets) socket.destroy();
  }

  heal(): void {
    this.blocked = false;
  }

  get isCut(): boolean {
    return this.blocked;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Small seeded random numbers, so a failing run can be repeated. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

export interface SoakOptions {
  clients: number;
  opsPerClient: number;
  seed: number;
  /** Server kills (and restarts) spread over the run; the first is a crash, the next a clean stop, and so on. */
  restarts: number;
  /** Chance per operation that a client's connection is cut. */
  cutChance: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  operations: number;
  acknowledged: number;
  partitions: number;
  restarts: number;
  lost: string[];
  identical: boolean;
  durationMs: number;
}

const TOKEN = /‹[^›]+›/g;

/** JSON with object keys sorted: two documents' records arrive in different orders on different devices. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
const COLOURS = ['yellow', 'blue', 'green', 'pink', 'orange', 'purple'] as const;

interface Client {
  name: string;
  doc: Y.Doc;
  transport: Transport;
  proxy: CuttableProxy;
  facilitator: boolean;
  /** Tokens this client inserted and has not deleted, with the operation number. */
  tokens: Map<string, number>;
  deleted: Set<string>;
  cards: Set<string>;
  done: number;
  acked: number;
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => {});
  const rand = random(options.seed);
  const started = Date.now();
  const dir = tempDir('oc-soak-');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const server = new ServerProcess(port, { SYNC_DATABASE: join(dir, 'soak.sqlite') });
  await server.start();
  const clients: Client[] = [];
  let restarts = 0;
  try {
    const room = await roomsClient(server.origin).createRoom();
    const initial: Partial<PlainCanvas> = { meta: { canvasId: 'soak', title: 'Soak', createdAt: 1 }, cards: {} };
    for (let i = 0; i < 4; i++) initial.cards![`seed${i}`] = { step: STEP_IDS[i], order: 'a0', text: `‹seed${i}›`, createdAt: 1 };
    initial.checks = { 'outcome:trust': {}, 'insight:consent': {} };

    for (let i = 0; i < options.clients; i++) {
      const proxy = new CuttableProxy(port);
      await proxy.start();
      const facilitator = i === 0;
      const doc = new Y.Doc();
      if (facilitator) initCanvasDoc(doc, initial);
      const transport = connectRoom({
        url: `ws://127.0.0.1:${proxy.port}/sync`,
        roomId: room.roomId,
        credentials: credentialsFor(facilitator ? room.ownerKey : room.inviteSecret),
        canvas: doc,
        WebSocketPolyfill: WebSocket,
        reconnectDelayMs: 100,
        maxReconnectDelayMs: 400,
        retryAfterMs: 200,
      });
      const client: Client = {
        name: `c${i}`,
        doc,
        transport,
        proxy,
        facilitator,
        tokens: new Map(),
        deleted: new Set(),
        cards: new Set(),
        done: 0,
        acked: 0,
      };
      // An operation is acknowledged once the server has stored everything this client had done.
      transport.subscribe((state) => {
        if (state.status === 'synced' && state.unsentChanges === 0) client.acked = client.done;
        if (process.env.SOAK_TRACE === client.name)
          log(`${Date.now() - started} ${client.name} ${state.status}/${state.unsentChanges} ${state.refusal?.reason ?? ''}`);
      });
      await transport.whenSynced();
      clients.push(client);
    }

    const totalOps = options.clients * options.opsPerClient;
    const restartAt = Array.from({ length: options.restarts }, (_, i) => Math.floor(((i + 1) * totalOps) / (options.restarts + 1)));
    let op = 0;
    const cardIds = (doc: Y.Doc) => [...doc.getMap('cards').keys()];

    const act = (client: Client) => {
      const doc = client.doc;
      const cards = doc.getMap<Y.Map<unknown>>('cards');
      const ids = cardIds(doc);
      // Most edits land on the same few cards, so clients collide often.
      const hot = ids.filter((id) => id.startsWith('seed'));
      const id = rand.chance(0.6) && hot.length > 0 ? rand.pick(hot) : rand.pick(ids);
      const card = cards.get(id);
      const choice = rand.next();
      const now = Date.now();
      if (!card) return;
      if (choice < 0.45) {
        // Insert a unique token at a boundary between tokens.
        const text = card.get('text') as Y.Text;
        const content = text.toString();
        const boundaries = [0, ...[...content.matchAll(TOKEN)].map((m) => m.index! + m[0].length)];
        const token = `‹${client.name}:${op}›`;
        text.insert(rand.pick(boundaries), token);
        client.tokens.set(token, op);
      } else if (choice < 0.55 && client.tokens.size > 0) {
        // Delete one of its own tokens, wherever it is now.
        const token = rand.pick([...client.tokens.keys()]);
        for (const [cardId, other] of cards) {
          const text = other.get('text') as Y.Text;
          const at = text.toString().indexOf(token);
          if (at >= 0) {
            text.delete(at, token.length);
            client.tokens.delete(token);
            client.deleted.add(token);
            void cardId;
            break;
          }
        }
      } else if (choice < 0.75) {
        doc.transact(() => {
          card.set('step', rand.pick(STEP_IDS));
          card.set('order', `a${rand.int(30).toString(36)}`);
          card.set('updatedAt', now);
        });
      } else if (choice < 0.85) {
        card.set('colour', rand.pick(COLOURS));
      } else if (choice < 0.93 || !client.facilitator) {
        const newId = `${client.name}-${op}`;
        const token = `‹${client.name}:${op}›`;
        addRecord(doc, 'cards', newId, { step: rand.pick(STEP_IDS), order: 'a5', text: token, createdAt: now, updatedAt: now });
        client.cards.add(newId);
        client.tokens.set(token, op);
      } else {
        const check = doc.getMap<Y.Map<unknown>>('checks').get(rand.pick(['outcome:trust', 'insight:consent']))!;
        check.set('status', rand.pick(['no-concern', 'concern', 'not-applicable']));
        card.set('agreed', rand.chance(0.5));
      }
    };

    while (op < totalOps) {
      const client = clients[op % clients.length]!;
      act(client);
      client.done += 1;
      op += 1;
      if (rand.chance(options.cutChance) && !client.proxy.isCut) {
        client.proxy.cut();
        setTimeout(() => client.proxy.heal(), 100 + rand.int(700));
      }
      if (process.env.SOAK_TRACE && op % 40 === 0)
        log(
          `op ${op}: ${clients.map((c) => `${c.name} ${c.transport.state.status}/${c.transport.state.unsentChanges} acked ${c.acked}/${c.done}`).join('; ')}`,
        );
      if (restartAt.includes(op)) {
        const crash = restarts % 2 === 0;
        log(`${crash ? 'crashing' : 'stopping'} the server at operation ${op}`);
        await (crash ? server.crash() : server.stop());
        await new Promise((resolve) => setTimeout(resolve, 200 + rand.int(300)));
        await server.start();
        restarts += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 2 + rand.int(12)));
    }

    const acknowledged = clients.reduce((sum, client) => sum + client.acked, 0);
    // Heal everything and let every client catch up.
    for (const client of clients) client.proxy.heal();
    await waitFor(
      () => clients.every((client) => client.transport.state.status === 'synced' && client.transport.state.unsentChanges === 0),
      'every client to be in step',
      60_000,
    );
    // Then everyone leaves and the server crashes: what a device joining now sees was stored
    // before it was acknowledged, not re-sent by the clients.
    await waitFor(
      () => new Set(clients.map((client) => canonical(readCanvasDoc(client.doc)))).size === 1,
      'every client to hold the same document',
      20_000,
    ).catch(() => undefined);
    for (const client of clients) client.transport.destroy();
    await server.crash();
    await server.start();
    restarts += 1;

    const fresh = new Y.Doc();
    const joiner = connectRoom({
      url: `ws://127.0.0.1:${port}/sync`,
      roomId: room.roomId,
      credentials: credentialsFor(room.inviteSecret),
      canvas: fresh,
      WebSocketPolyfill: WebSocket,
    });
    await joiner.whenSynced();
    joiner.destroy();
    const target = canonical(readCanvasDoc(fresh));
    const identical = clients.every((client) => canonical(readCanvasDoc(client.doc)) === target);
    for (const client of clients) {
      if (canonical(readCanvasDoc(client.doc)) !== target) log(`${client.name} differs from the server's copy`);
    }

    // Every edit must be in the server's copy: tokens inserted and not deleted, cards created.
    const view = readCanvasDoc(fresh);
    const allText = Object.values(view.cards)
      .map((card) => card.text as string)
      .join('');
    const lost: string[] = [];
    for (const client of clients) {
      for (const token of client.tokens.keys()) if (!allText.includes(token)) lost.push(`${token} missing`);
      for (const token of client.deleted) if (allText.includes(token)) lost.push(`${token} came back after its delete`);
      for (const id of client.cards) if (!view.cards[id]) lost.push(`card ${id} missing`);
    }
    for (const card of Object.values(view.cards)) {
      const tokens = (card.text as string).match(TOKEN) ?? [];
      if (tokens.join('') !== card.text) lost.push(`text mangled: ${String(card.text).slice(0, 60)}`);
    }
    const partitions = clients.reduce((sum, client) => sum + client.proxy.cuts, 0);
    return { operations: op, acknowledged, partitions, restarts, lost, identical, durationMs: Date.now() - started };
  } finally {
    for (const client of clients) {
      client.transport.destroy();
      await client.proxy.close();
    }
    await server.stop();
    if (process.env.SOAK_TRACE) log(server.output.join(''));
    rmSync(dir, { recursive: true, force: true });
  }
}
