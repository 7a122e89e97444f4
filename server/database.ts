/**
 * The server's one SQLite file: rooms (with hashes of their secrets, never
 * the secrets), the devices that joined them, and the shared documents.
 *
 * Documents are kept as a compacted state plus a log of the updates since:
 * every update is appended, synchronously, before the server acknowledges
 * it to the client, so an acknowledged edit survives a crash of the server.
 * Several server processes may share the file (WAL mode; writes wait for
 * each other), which is how two instances share rooms on one machine.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import * as Y from 'yjs';
import { newSecret, newRoomId, type Role } from '../src/sync/protocol';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rooms (
  id TEXT PRIMARY KEY,
  owner_hash BLOB NOT NULL,
  invite_hash BLOB NOT NULL,
  generation INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  active_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS participants (
  room_id TEXT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  key_hash BLOB NOT NULL,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, id)
);
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  room_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_by_room ON documents(room_id);
CREATE TABLE IF NOT EXISTS updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  room_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_name ON updates(name, id);
CREATE INDEX IF NOT EXISTS updates_by_room ON updates(room_id);
`;

/** Secrets are 256 random bits, so one round of SHA-256 is enough to store them safely. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

function sameHash(stored: Buffer, secret: string): boolean {
  const given = hashSecret(secret);
  return stored.length === given.length && timingSafeEqual(stored, given);
}

export interface NewRoom {
  roomId: string;
  ownerKey: string;
  inviteSecret: string;
}

export type Registration = 'ok' | 'conflict' | 'full';

interface RoomRow {
  id: string;
  owner_hash: Buffer;
  invite_hash: Buffer;
  generation: number;
}

export class Database {
  readonly db: BetterSqlite3.Database;

  constructor(file: string) {
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    // Survives a crash of the server process; a power cut may lose the last moments.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(`The database ${file} was written by a newer version of the server.`);
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  close(): void {
    this.db.close();
  }

  // -------------------------------------------------------------------------
  // Rooms

  roomCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM rooms').get() as { n: number }).n;
  }

  createRoom(now = Date.now()): NewRoom {
    const room = { roomId: newRoomId(), ownerKey: newSecret(), inviteSecret: newSecret() };
    this.db
      .prepare('INSERT INTO rooms (id, owner_hash, invite_hash, generation, created_at, active_at) VALUES (?, ?, ?, 1, ?, ?)')
      .run(room.roomId, hashSecret(room.ownerKey), hashSecret(room.inviteSecret), now, now);
    return room;
  }

  private room(roomId: string): RoomRow | undefined {
    return this.db.prepare('SELECT id, owner_hash, invite_hash, generation FROM rooms WHERE id = ?').get(roomId) as RoomRow | undefined;
  }

  /** The role this secret gives in the room, with the invite generation it belongs to; null if none. */
  authenticate(roomId: string, secret: string): { role: Role; generation: number } | null {
    const room = this.room(roomId);
    if (!room) return null;
    if (sameHash(room.owner_hash, secret)) return { role: 'facilitator', generation: room.generation };
    if (sameHash(room.invite_hash, secret)) return { role: 'participant', generation: room.generation };
    return null;
  }

  isOwner(roomId: string, ownerKey: string): boolean {
    const room = this.room(roomId);
    return !!room && sameHash(room.owner_hash, ownerKey);
  }

  generation(roomId: string): number | null {
    return this.room(roomId)?.generation ?? null;
  }

  /** Replaces the invite secret; the old one stops working. Returns the new secret. */
  rotateInvite(roomId: string, now = Date.now()): string {
    const inviteSecret = newSecret();
    this.db
      .prepare('UPDATE rooms SET invite_hash = ?, generation = generation + 1, active_at = ? WHERE id = ?')
      .run(hashSecret(inviteSecret), now, roomId);
    return inviteSecret;
  }

  /** Removes the room and everything shared in it. */
  deleteRoom(roomId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM updates WHERE room_id = ?').run(roomId);
      this.db.prepare('DELETE FROM documents WHERE room_id = ?').run(roomId);
      this.db.prepare('DELETE FROM rooms WHERE id = ?').run(roomId);
    })();
  }

  touchRoom(roomId: string, now = Date.now()): void {
    this.db.prepare('UPDATE rooms SET active_at = ? WHERE id = ?').run(now, roomId);
  }

  /** Rooms nobody has used since `before` (their owners may have lost their keys). */
  idleRooms(before: number): string[] {
    return (this.db.prepare('SELECT id FROM rooms WHERE active_at < ?').all(before) as { id: string }[]).map((row) => row.id);
  }

  /**
   * Records a device's participant id and key the first time it joins; later
   * it must show the same key. Keeps one person's votes document theirs.
   */
  registerParticipant(roomId: string, participantId: string, key: string, limit: number, now = Date.now()): Registration {
    return this.db.transaction((): Registration => {
      const row = this.db.prepare('SELECT key_hash FROM participants WHERE room_id = ? AND id = ?').get(roomId, participantId) as
        { key_hash: Buffer } | undefined;
      if (row) return sameHash(row.key_hash, key) ? 'ok' : 'conflict';
      const count = (this.db.prepare('SELECT count(*) AS n FROM participants WHERE room_id = ?').get(roomId) as { n: number }).n;
      if (count >= limit) return 'full';
      this.db
        .prepare('INSERT INTO participants (room_id, id, key_hash, joined_at) VALUES (?, ?, ?, ?)')
        .run(roomId, participantId, hashSecret(key), now);
      return 'ok';
    })();
  }

  participants(roomId: string): string[] {
    return (this.db.prepare('SELECT id FROM participants WHERE room_id = ? ORDER BY joined_at').all(roomId) as { id: string }[]).map(
      (row) => row.id,
    );
  }

  // -------------------------------------------------------------------------
  // Documents

  /** The stored state and every update since, to apply in order. */
  loadDocument(name: string): Uint8Array[] {
    const base = this.db.prepare('SELECT data FROM documents WHERE name = ?').get(name) as { data: Buffer } | undefined;
    const log = this.db.prepare('SELECT data FROM updates WHERE name = ? ORDER BY id').all(name) as { data: Buffer }[];
    return [...(base ? [base.data] : []), ...log.map((row) => row.data)];
  }

  /** Appends one update, unless the room has been deleted meanwhile (sharing ended). */
  appendUpdate(name: string, roomId: string, update: Uint8Array): void {
    this.db
      .prepare('INSERT INTO updates (name, room_id, data) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM rooms WHERE id = ?)')
      .run(name, roomId, update, roomId);
  }

  logLength(name: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM updates WHERE name = ?').get(name) as { n: number }).n;
  }

  /**
   * Folds the log into the stored state. Works from what is stored, not from
   * one process's memory, so updates another instance appended are kept.
   * Returns the size of the compacted state in bytes.
   */
  compactDocument(name: string, roomId: string): number {
    return this.db
      .transaction(() => {
        const base = this.db.prepare('SELECT data FROM documents WHERE name = ?').get(name) as { data: Buffer } | undefined;
        const log = this.db.prepare('SELECT id, data FROM updates WHERE name = ? ORDER BY id').all(name) as { id: number; data: Buffer }[];
        if (log.length === 0) return base?.data.length ?? 0;
        const doc = new Y.Doc();
        if (base) Y.applyUpdate(doc, base.data);
        for (const row of log) Y.applyUpdate(doc, row.data);
        const state = Buffer.from(Y.encodeStateAsUpdate(doc));
        doc.destroy();
        this.db
          .prepare('INSERT INTO documents (name, room_id, data) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data')
          .run(name, roomId, state);
        this.db.prepare('DELETE FROM updates WHERE name = ? AND id <= ?').run(name, log[log.length - 1]!.id);
        return state.length;
      })
      .immediate();
  }

  /** Bytes stored for a document (state plus log): an upper bound of its size. */
  storedBytes(name: string): number {
    const base = this.db.prepare('SELECT length(data) AS n FROM documents WHERE name = ?').get(name) as { n: number } | undefined;
    const log = this.db.prepare('SELECT coalesce(sum(length(data)), 0) AS n FROM updates WHERE name = ?').get(name) as { n: number };
    return (base?.n ?? 0) + log.n;
  }
}
