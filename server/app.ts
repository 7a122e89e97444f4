/**
 * The sync server: one HTTP server that serves the built app, the room API
 * and the Hocuspocus WebSocket endpoint from one origin and port.
 */
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import RedisClient from 'ioredis';
import { SYNC_LIMITS } from '../src/sync/protocol';
import { Database } from './database';
import { createHttpHandler } from './http';
import { silentLogger, type Logger } from './log';
import { Persistence } from './persistence';
import { RoomGuard, type GuardLimits } from './roomGuard';
import { VoteTally } from './tally';

export interface RedisOptions {
  host?: string;
  port?: number;
  /** A Unix socket instead of host and port. */
  path?: string;
  /** Key prefix, so several deployments can share one Redis. */
  prefix?: string;
}

export interface SyncServerOptions {
  /** The SQLite file. */
  database: string;
  /** The built app to serve (`dist`), or null for the sync endpoint alone. */
  staticDir: string | null;
  /** Share rooms with other instances through Redis. */
  redis: RedisOptions | null;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Extra origins allowed to connect (a proxy that rewrites Host). */
  allowedOrigins: readonly string[];
  roomCreationKey: string | null;
  /** Days after which a room nobody has used is deleted. */
  roomIdleDays: number;
  limits: GuardLimits & { messageBytes: number; maxRooms: number; roomsPerHour: number; ownerRequestsPerMinute: number };
  /** Milliseconds Hocuspocus waits before folding a busy document's log (and at most). */
  debounce: number;
  maxDebounce: number;
  name: string | null;
  log: Logger;
}

export const DEFAULT_OPTIONS: SyncServerOptions = {
  database: 'outcome-canvas-sync.sqlite',
  staticDir: null,
  redis: null,
  trustProxy: false,
  allowedOrigins: [],
  roomCreationKey: null,
  roomIdleDays: 60,
  limits: {
    messageBytes: SYNC_LIMITS.messageBytes,
    documentBytes: SYNC_LIMITS.documentBytes,
    participantsPerRoom: SYNC_LIMITS.participantsPerRoom,
    presenceBytes: SYNC_LIMITS.presenceBytes,
    displayNameLength: SYNC_LIMITS.displayNameLength,
    // A workshop of 20 behind one address (a council's NAT) reconnecting after a Wi-Fi drop fits well inside.
    upgradesPerMinute: 240,
    authPerMinute: 240,
    failuresPer10Minutes: 60,
    maxRooms: 5000,
    roomsPerHour: 60,
    ownerRequestsPerMinute: 30,
  },
  debounce: 2000,
  maxDebounce: 10_000,
  name: null,
  log: silentLogger,
};

export interface SyncServer {
  readonly server: Server;
  readonly db: Database;
  readonly guard: RoomGuard;
  /** The port actually listened on (useful with port 0). */
  readonly port: number;
  listen(port: number, host: string): Promise<void>;
  close(): Promise<void>;
}

const REVOCATION_CHANNEL = 'revocations';

export function createSyncServer(partial: Partial<SyncServerOptions> = {}): SyncServer {
  const options: SyncServerOptions = { ...DEFAULT_OPTIONS, ...partial, limits: { ...DEFAULT_OPTIONS.limits, ...partial.limits } };
  const db = new Database(options.database);
  const log = options.log;
  const guard = new RoomGuard({
    db,
    limits: options.limits,
    trustProxy: options.trustProxy,
    allowedOrigins: options.allowedOrigins,
    log,
  });

  const extensions: Extension[] = [guard, new Persistence(db), new VoteTally(db)];
  let publisher: RedisClient | null = null;
  let subscriber: RedisClient | null = null;
  if (options.redis) {
    const prefix = options.redis.prefix ?? 'outcome-canvas';
    const connect = () =>
      options.redis!.path
        ? new RedisClient({ path: options.redis!.path })
        : new RedisClient(options.redis!.port ?? 6379, options.redis!.host ?? '127.0.0.1');
    extensions.push(new RedisExtension({ createClient: connect, prefix }));
    // Re-keys and ended rooms must close connections on every instance, not only this one.
    publisher = connect();
    subscriber = connect();
    const channel = `${prefix}:${REVOCATION_CHANNEL}`;
    void subscriber.subscribe(channel);
    subscriber.on('message', (_channel: string, message: string) => {
      const { roomId, reason } = JSON.parse(message) as { roomId: string; reason: 'link-revoked' | 'sharing-ended' };
      guard.revoke(roomId, reason);
    });
  }

  const revoke = (roomId: string, reason: 'link-revoked' | 'sharing-ended') => {
    guard.revoke(roomId, reason);
    if (publisher)
      void publisher.publish(`${options.redis!.prefix ?? 'outcome-canvas'}:${REVOCATION_CHANNEL}`, JSON.stringify({ roomId, reason }));
  };

  const handle = createHttpHandler({
    db,
    staticDir: options.staticDir,
    limits: options.limits,
    trustProxy: options.trustProxy,
    allowedOrigins: options.allowedOrigins,
    roomCreationKey: options.roomCreationKey,
    log,
    revoke,
  });

  const server = new Server({
    name: options.name,
    quiet: true,
    stopOnSignals: false,
    debounce: options.debounce,
    maxDebounce: options.maxDebounce,
    websocketOptions: { maxPayload: options.limits.messageBytes },
    extensions: [
      ...extensions,
      {
        extensionName: 'App',
        priority: 10,
        async onRequest({ request, response }) {
          await handle(request, response);
          // An empty rejection tells Hocuspocus the request was answered.
          return Promise.reject();
        },
      },
    ],
  });

  // Rooms whose owners have gone (lost their key, never ended sharing) do not stay forever.
  const expireIdleRooms = () => {
    for (const roomId of db.idleRooms(Date.now() - options.roomIdleDays * 86_400_000)) {
      revoke(roomId, 'sharing-ended');
      db.deleteRoom(roomId);
      log('idle room deleted');
    }
  };
  const janitor = setInterval(expireIdleRooms, 3_600_000);
  janitor.unref();

  return {
    server,
    db,
    guard,
    get port() {
      return server.address.port;
    },
    async listen(port, host) {
      expireIdleRooms();
      server.configuration.port = port;
      server.configuration.address = host;
      await server.listen();
    },
    async close() {
      clearInterval(janitor);
      server.httpServer.closeAllConnections();
      await server.destroy();
      publisher?.disconnect();
      subscriber?.disconnect();
      db.close();
    },
  };
}
