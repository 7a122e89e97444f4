/**
 * The owner's side of sharing: create a room on the app's own server, get a
 * new invite link (the old one stops working at once) and end sharing.
 * Plain fetch to the same origin: no Yjs, so it is cheap to load.
 */
import { API_PATH, isRoomId, isSecret } from './protocol';

export interface OwnedRoom {
  roomId: string;
  /** Proves ownership; keep it on this device only (it is the facilitator's credential). */
  ownerKey: string;
  inviteSecret: string;
}

/** A refusal or failure, with words the person can read. */
export class SharingError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SharingError';
  }
}

type Fetch = typeof fetch;

async function call(fetchImpl: Fetch, url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new SharingError('The sharing server cannot be reached. Check the connection and that the server is running.', 0);
  }
  if (response.status === 204) return null;
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  if (!response.ok) throw new SharingError(body?.error ?? `The sharing server answered ${response.status}.`, response.status);
  return body;
}

export interface RoomsClient {
  createRoom(creationKey?: string): Promise<OwnedRoom>;
  newInvite(roomId: string, ownerKey: string): Promise<string>;
  endSharing(roomId: string, ownerKey: string): Promise<void>;
}

/** `origin` is where the app is served, e.g. `location.origin`. */
export function roomsClient(origin: string, fetchImpl: Fetch = globalThis.fetch.bind(globalThis)): RoomsClient {
  const base = `${origin.replace(/\/+$/, '')}${API_PATH}`;
  const json = { 'Content-Type': 'application/json' };
  return {
    async createRoom(creationKey) {
      const body = (await call(fetchImpl, base, {
        method: 'POST',
        headers: { ...json, ...(creationKey ? { 'X-Room-Creation-Key': creationKey } : {}) },
        body: '{}',
      })) as Partial<OwnedRoom> | null;
      if (!body || !isRoomId(body.roomId) || !isSecret(body.ownerKey) || !isSecret(body.inviteSecret)) {
        throw new SharingError('The sharing server gave an answer this app does not understand.', 502);
      }
      return { roomId: body.roomId, ownerKey: body.ownerKey, inviteSecret: body.inviteSecret };
    },
    async newInvite(roomId, ownerKey) {
      const body = (await call(fetchImpl, `${base}/${roomId}/invite`, {
        method: 'POST',
        headers: { ...json, Authorization: `Bearer ${ownerKey}` },
        body: '{}',
      })) as { inviteSecret?: string } | null;
      if (!body || !isSecret(body.inviteSecret))
        throw new SharingError('The sharing server gave an answer this app does not understand.', 502);
      return body.inviteSecret;
    },
    async endSharing(roomId, ownerKey) {
      await call(fetchImpl, `${base}/${roomId}`, { method: 'DELETE', headers: { Authorization: `Bearer ${ownerKey}` } });
    },
  };
}
