/**
 * Starts the sync server from the environment (see docs/sync-server.md):
 *
 *   PORT=4321 HOST=0.0.0.0 SYNC_DATABASE=data/sync.sqlite node dist-server/main.js
 */
import { mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyncServer, DEFAULT_OPTIONS, type RedisOptions } from './app';
import { consoleLogger } from './log';

const env = process.env;
const here = dirname(fileURLToPath(import.meta.url));

function redisFromUrl(url: string | undefined): RedisOptions | null {
  if (!url) return null;
  if (url.startsWith('/')) return { path: url };
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 6379), prefix: env.REDIS_PREFIX };
}

function positive(name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const port = Number(env.PORT ?? 4321);
const host = env.HOST ?? '0.0.0.0';
const database = resolve(env.SYNC_DATABASE ?? 'data/outcome-canvas-sync.sqlite');
mkdirSync(dirname(database), { recursive: true });

const sync = createSyncServer({
  database,
  staticDir: env.STATIC_DIR === '' ? null : resolve(env.STATIC_DIR ?? resolve(here, '../dist')),
  redis: redisFromUrl(env.REDIS_URL),
  trustProxy: env.TRUST_PROXY === '1',
  allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
  roomCreationKey: env.ROOM_CREATION_KEY || null,
  roomIdleDays: positive('ROOM_IDLE_DAYS', DEFAULT_OPTIONS.roomIdleDays),
  limits: {
    ...DEFAULT_OPTIONS.limits,
    messageBytes: positive('SYNC_MAX_MESSAGE_BYTES', DEFAULT_OPTIONS.limits.messageBytes),
    documentBytes: positive('SYNC_MAX_DOCUMENT_BYTES', DEFAULT_OPTIONS.limits.documentBytes),
    upgradesPerMinute: positive('SYNC_CONNECTIONS_PER_MINUTE', DEFAULT_OPTIONS.limits.upgradesPerMinute),
    authPerMinute: positive('SYNC_SIGNINS_PER_MINUTE', DEFAULT_OPTIONS.limits.authPerMinute),
  },
  name: env.SERVER_NAME ?? null,
  log: consoleLogger(env.SERVER_NAME ?? null),
});

await sync.listen(port, host);

/** Addresses other devices on the same network can use. */
function networkAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((item) => item && item.family === 'IPv4' && !item.internal)
    .map((item) => item!.address);
}

const shown = sync.port;
console.log('');
console.log(`Outcome Canvas is running at http://localhost:${shown}/  (press Ctrl+C to stop)`);
if (host === '0.0.0.0' || host === '::') {
  const lan = networkAddresses();
  if (lan.length > 0) {
    console.log('Participants on the same network can join at:');
    for (const address of lan) console.log(`  http://${address}:${shown}/`);
  } else console.log('No network connection found: only this computer can open it.');
} else console.log(`Listening on ${host} only: other devices cannot join.`);
console.log(`Shared canvases are kept in ${database}`);
console.log('');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('Stopping: saving shared canvases…');
  await sync.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
