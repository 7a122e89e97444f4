/**
 * Which canvases on this device are shared, and the credentials to reach
 * their room: one small record per canvas in localStorage (read
 * synchronously, so opening an unshared canvas costs nothing and loads no
 * sync code). The owner key makes this device the facilitator; a
 * participant keeps the invite secret it joined with. These are the
 * device's own credentials, like a saved password: they never leave it
 * except inside its WebSocket sign-in.
 */
import { localStore } from './journal';

/** Each shared canvas's record is under this key plus the canvas's id. */
export const SHARED_PREFIX = 'outcome-canvas:shared:';
const NAME_KEY = 'outcome-canvas:display-name';

/** The same roles as src/sync/protocol.ts (storage sits below sync in the layers). */
export type SharingRole = 'facilitator' | 'participant';

export interface SharedCanvasRecord {
  canvasId: string;
  roomId: string;
  role: SharingRole;
  /** What this device signs in with: the owner key (facilitator) or the invite secret (participant). */
  secret: string;
  /** The facilitator's copy of the invite secret, to show the link again. Null for participants. */
  inviteSecret: string | null;
  participantId: string;
  participantKey: string;
  sharedAt: number;
}

/** Whether a stored value is a whole sharing record (self-contained: the served page's guard script runs a copy of it). */
export function isSharedCanvasRecord(value: unknown): value is SharedCanvasRecord {
  const record = value as SharedCanvasRecord | null;
  return (
    !!record &&
    typeof record.canvasId === 'string' &&
    typeof record.roomId === 'string' &&
    (record.role === 'facilitator' || record.role === 'participant') &&
    typeof record.secret === 'string' &&
    (record.inviteSecret === null || typeof record.inviteSecret === 'string') &&
    typeof record.participantId === 'string' &&
    typeof record.participantKey === 'string' &&
    typeof record.sharedAt === 'number'
  );
}

/** The sharing record of a canvas, or null when it is not shared (or localStorage is refused). */
export function readSharing(canvasId: string): SharedCanvasRecord | null {
  try {
    const raw = localStore()?.getItem(SHARED_PREFIX + canvasId);
    const value: unknown = raw ? JSON.parse(raw) : null;
    return isSharedCanvasRecord(value) && value.canvasId === canvasId ? value : null;
  } catch {
    return null;
  }
}

/** Every shared canvas's id on this device. */
export function sharedCanvasIds(): Set<string> {
  const ids = new Set<string>();
  const store = localStore();
  if (!store) return ids;
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(SHARED_PREFIX)) ids.add(key.slice(SHARED_PREFIX.length));
    }
  } catch {
    // Nothing to list.
  }
  return ids;
}

/** The shared canvas on this device that is in this room, if any. */
export function findSharingByRoom(roomId: string): SharedCanvasRecord | null {
  for (const canvasId of sharedCanvasIds()) {
    const record = readSharing(canvasId);
    if (record?.roomId === roomId) return record;
  }
  return null;
}

/** Stores a sharing record. False when localStorage refused it (the canvas cannot be shared then). */
export function writeSharing(record: SharedCanvasRecord): boolean {
  try {
    const store = localStore();
    store?.setItem(SHARED_PREFIX + record.canvasId, JSON.stringify(record));
    return !!store;
  } catch {
    return false;
  }
}

export function removeSharing(canvasId: string): void {
  try {
    localStore()?.removeItem(SHARED_PREFIX + canvasId);
  } catch {
    // Already gone.
  }
}

/** The name this person last gave when joining or sharing, shown to others in the room. */
export function readDisplayName(): string {
  try {
    return localStore()?.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function writeDisplayName(name: string): void {
  try {
    localStore()?.setItem(NAME_KEY, name);
  } catch {
    // Asked again next time.
  }
}
