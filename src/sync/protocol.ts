/**
 * What the sharing client and the sync server agree on: document names,
 * credentials, invite links, limits and the reasons a server gives when it
 * refuses something. Pure: no Yjs, no network, no DOM.
 */

/** Path of the WebSocket endpoint on the app's own origin. */
export const SYNC_PATH = '/sync';
/** Prefix of the small HTTP API that creates, re-keys and ends rooms. */
export const API_PATH = '/api/rooms';

/** Version of the credential format sent as the provider's token. */
const TOKEN_VERSION = 'v1';

/** Room ids, secrets and participant ids are URL-safe base64 (no padding). */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
/** 16 random bytes: a room's public name (not a secret). */
export const ROOM_ID_LENGTH = 22;
/** 32 random bytes: invite secrets, owner keys and participant keys. */
export const SECRET_LENGTH = 43;

export function isRoomId(value: unknown): value is string {
  return typeof value === 'string' && value.length === ROOM_ID_LENGTH && ID_PATTERN.test(value);
}

export function isSecret(value: unknown): value is string {
  return typeof value === 'string' && value.length === SECRET_LENGTH && ID_PATTERN.test(value);
}

/** Participant ids are chosen by the device, like room ids (unguessable, not secret). */
export const isParticipantId = isRoomId;

/** Random URL-safe id of `bytes` bytes, from the platform's secure generator. */
export function randomId(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  let binary = '';
  for (const byte of buffer) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const newRoomId = (): string => randomId(16);
export const newSecret = (): string => randomId(32);
export const newParticipantId = (): string => randomId(16);

// ---------------------------------------------------------------------------
// Documents in a room

/** The shared canvas: every participant reads it. */
export function canvasDocName(roomId: string): string {
  return roomId;
}

/** One person's dot votes: only that person may open it (the server adds everyone's up on the reveal). */
export function votesDocName(roomId: string, participantId: string): string {
  return `${roomId}/votes/${participantId}`;
}

export type RoomDoc = { roomId: string; kind: 'canvas' } | { roomId: string; kind: 'votes'; participantId: string };

/** Reads a document name; null for anything that is not one of a room's documents. */
export function parseDocName(name: string): RoomDoc | null {
  const parts = name.split('/');
  const roomId = parts[0];
  if (!isRoomId(roomId)) return null;
  if (parts.length === 1) return { roomId, kind: 'canvas' };
  if (parts.length === 3 && parts[1] === 'votes' && isParticipantId(parts[2])) {
    return { roomId, kind: 'votes', participantId: parts[2] };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Credentials

/**
 * What a device proves when it connects: the room's invite secret (a
 * participant) or its owner key (the facilitator), plus the device's own
 * participant id and key, which guard its votes document.
 */
export interface Credentials {
  secret: string;
  participantId: string;
  participantKey: string;
}

export function encodeToken(credentials: Credentials): string {
  return [TOKEN_VERSION, credentials.secret, credentials.participantId, credentials.participantKey].join('.');
}

export function decodeToken(token: string): Credentials | null {
  const [version, secret, participantId, participantKey, ...rest] = token.split('.');
  if (version !== TOKEN_VERSION || rest.length > 0) return null;
  if (!isSecret(secret) || !isParticipantId(participantId) || !isSecret(participantKey)) return null;
  return { secret, participantId, participantKey };
}

// ---------------------------------------------------------------------------
// Invite links: the secret travels in the fragment, which browsers never send
// to a server, so it stays out of request lines, logs and Referer headers.

const JOIN_ROUTE = '#/join/';

export function inviteLink(origin: string, roomId: string, inviteSecret: string): string {
  return `${origin.replace(/\/+$/, '')}/${JOIN_ROUTE}${roomId}.${inviteSecret}`;
}

/** Reads `#/join/<room>.<secret>` (from a whole link or just its hash). */
export function parseInviteLink(link: string): { roomId: string; inviteSecret: string } | null {
  const at = link.indexOf(JOIN_ROUTE);
  if (at === -1) return null;
  const [roomId, inviteSecret, ...rest] = link.slice(at + JOIN_ROUTE.length).split('.');
  if (rest.length > 0 || !isRoomId(roomId) || !isSecret(inviteSecret)) return null;
  return { roomId, inviteSecret };
}

// ---------------------------------------------------------------------------
// Roles and what the facilitator lets participants do

export type Role = 'facilitator' | 'participant';

/** The facilitator's choices; the server enforces them on every update. */
export const PERMISSIONS = {
  addCards: 'Add cards',
  editCards: 'Edit card text, colour and links',
  moveCards: 'Move and park cards',
  deleteCards: 'Delete cards',
  markAgreed: 'Mark cards as agreed',
  editChecks: 'Change ethics and governance checks',
  editActions: 'Add and edit the action log',
  editDatasets: 'Edit the data inventory',
  editDetails: 'Edit the title, description and workshop details',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export type Permissions = Record<Permission, boolean>;

/** Participants may add, edit and move cards and vote; the rest stays with the facilitator. */
export const DEFAULT_PERMISSIONS: Permissions = {
  addCards: true,
  editCards: true,
  moveCards: true,
  deleteCards: false,
  markAgreed: false,
  editChecks: false,
  editActions: true,
  editDatasets: false,
  editDetails: false,
};

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

// ---------------------------------------------------------------------------
// Limits (the server's defaults; a deployment may lower or raise them)

export const SYNC_LIMITS = {
  /** Largest single WebSocket message. A first upload of a big canvas is well below. */
  messageBytes: 2 * 1024 * 1024,
  /** Largest shared document, as stored. */
  documentBytes: 8 * 1024 * 1024,
  /** People (devices) who may join one room. */
  participantsPerRoom: 200,
  /** Characters of a display name shown to others. */
  displayNameLength: 60,
  /** Bytes of one device's presence state. */
  presenceBytes: 2048,
} as const;

// ---------------------------------------------------------------------------
// Why the server refused: a code the client can act on and words it can show

export const REFUSALS = {
  'invalid-link': {
    code: 4401,
    retry: false,
    message: 'This invite link is not valid, or sharing has ended. Ask the facilitator for a new link.',
  },
  'link-revoked': {
    code: 4410,
    retry: false,
    message: 'The facilitator issued a new invite link, so this one no longer works. Ask them for the new link.',
  },
  'sharing-ended': { code: 4404, retry: false, message: 'The facilitator has ended sharing for this canvas.' },
  'forbidden-change': {
    code: 4403,
    retry: false,
    message: 'A change from this device was not accepted because the facilitator has not allowed it.',
  },
  'invalid-change': {
    code: 4400,
    retry: false,
    message: 'A change from this device was not accepted because it does not fit the shared canvas. Reload to get the shared version.',
  },
  'document-too-large': {
    code: 4413,
    retry: false,
    message: 'The shared canvas has reached its size limit, so new changes cannot be shared.',
  },
  'message-too-large': { code: 1009, retry: false, message: 'That change is too large to share in one go.' },
  'rate-limited': {
    code: 4429,
    retry: true,
    message: 'Too many connection attempts from this network in a short time. Trying again in a minute.',
  },
  'out-of-sync': { code: 4409, retry: true, message: 'Reconnecting to catch up with the shared canvas.' },
  'participant-conflict': {
    code: 4402,
    retry: false,
    message: 'This device’s identity is already in use in this room. Join again with the invite link.',
  },
} as const;

export type RefusalReason = keyof typeof REFUSALS;

export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === 'string' && Object.hasOwn(REFUSALS, value);
}

/** The refusal a WebSocket close code stands for, if any. */
export function refusalForCloseCode(code: number): RefusalReason | null {
  for (const [reason, refusal] of Object.entries(REFUSALS)) {
    if (refusal.code === code) return reason as RefusalReason;
  }
  return null;
}
