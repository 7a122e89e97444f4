/**
 * The Hocuspocus extension that decides who may connect to which room
 * document and what each connection may change:
 *
 * - onUpgrade: only the sync path, only from the app's own origin, and a cap
 *   on new connections per address;
 * - onAuthenticate: the token must hold the room's owner key (facilitator) or
 *   its current invite secret (participant); a votes document only opens for
 *   its own person (the facilitator too sees no one else's: the server adds
 *   them up on the reveal). Anything else gets one answer,
 *   "invalid-link", so nobody can probe which rooms exist;
 * - beforeSync: every update is applied to a shadow copy first and judged by
 *   the document's policy (shape, role, the facilitator's permissions) and
 *   the size limit; a refused update never reaches the document and the
 *   connection is closed with a reason the client can show;
 * - beforeHandleAwareness: presence states are small, only the device's own,
 *   and carry the role the server gave it, not one the device claims;
 * - revoke: closes connections at once when the owner re-keys the invite or
 *   ends sharing.
 */
import type {
  Connection,
  Document,
  Extension,
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeHandleAwarenessPayload,
  beforeSyncPayload,
  connectedPayload,
  onAuthenticatePayload,
  onDisconnectPayload,
  onUpgradePayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import {
  DEFAULT_PERMISSIONS,
  REFUSALS,
  SYNC_PATH,
  canvasDocName,
  decodeToken,
  isPermission,
  parseDocName,
  type Permissions,
  type RefusalReason,
  type Role,
  type RoomDoc,
} from '../src/sync/protocol';
import type { Database } from './database';
import { Shadow } from './inspect';
import type { Logger } from './log';
import { RateLimiter } from './limits';
import { canvasPolicy, votesPolicy, type DocumentPolicy, type Refusal } from './policy';

/** Set on every upgrade request by the server itself (any value a client sends is replaced). */
export const CLIENT_ADDRESS_HEADER = 'x-outcome-canvas-client';

export interface ConnectionContext {
  roomId: string;
  role: Role;
  generation: number;
  participantId: string;
  doc: RoomDoc;
  address: string;
  /** The Yjs client id whose presence this connection may send. */
  presenceClient?: number;
}

export interface GuardLimits {
  documentBytes: number;
  participantsPerRoom: number;
  presenceBytes: number;
  displayNameLength: number;
  /** New WebSocket connections per address per minute. */
  upgradesPerMinute: number;
  /** Sign-ins (valid or not) per address per minute. */
  authPerMinute: number;
  /** Failed sign-ins per address per 10 minutes. */
  failuresPer10Minutes: number;
}

export interface GuardOptions {
  db: Database;
  limits: GuardLimits;
  /** Use X-Forwarded-For from a reverse proxy for the client's address. */
  trustProxy: boolean;
  /** Origins allowed besides the server's own (e.g. behind a proxy that rewrites Host). */
  allowedOrigins: readonly string[];
  log: Logger;
}

interface Served {
  document: Y.Doc;
  shadow: Shadow;
  policy: DocumentPolicy;
  /** Upper bound of the document's encoded size, refreshed when it nears the limit. */
  approxBytes: number;
}

/** What a hook throws to refuse: Hocuspocus passes `reason` to the client. */
interface HookRefusal {
  reason: RefusalReason;
  code: number;
}

const refusal = (reason: RefusalReason): HookRefusal => ({ reason, code: REFUSALS[reason].code });

export class RoomGuard implements Extension {
  extensionName = 'RoomGuard';
  /** Runs before persistence and tallies; after Redis, which must see every change. */
  priority = 500;

  private readonly served = new Map<string, Served>();
  private readonly rooms = new Map<string, Set<Connection<ConnectionContext>>>();
  private readonly upgrades: RateLimiter;
  private readonly signIns: RateLimiter;
  private readonly failures: RateLimiter;

  constructor(private readonly options: GuardOptions) {
    this.upgrades = new RateLimiter(options.limits.upgradesPerMinute, 60_000);
    this.signIns = new RateLimiter(options.limits.authPerMinute, 60_000);
    this.failures = new RateLimiter(options.limits.failuresPer10Minutes, 600_000);
  }

  async onDestroy(): Promise<void> {
    this.upgrades.stop();
    this.signIns.stop();
    this.failures.stop();
  }

  // -------------------------------------------------------------------------
  // Connecting

  async onUpgrade({ request, socket }: onUpgradePayload): Promise<void> {
    const address = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], this.options.trustProxy);
    request.headers[CLIENT_ADDRESS_HEADER] = address;
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const reject = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      // An empty rejection tells Hocuspocus the upgrade was handled.
      return Promise.reject();
    };
    if (path !== SYNC_PATH) return reject(404, 'Not Found');
    if (!this.originAllowed(request.headers.origin, request.headers.host)) return reject(403, 'Forbidden');
    if (!this.upgrades.take(address)) {
      this.options.log('refused a connection: too many from one address');
      return reject(429, 'Too Many Requests');
    }
  }

  private originAllowed(origin: string | undefined, host: string | undefined): boolean {
    // Browsers always send Origin on WebSockets; other clients still need a valid secret.
    if (origin === undefined) return true;
    if (this.options.allowedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }

  async onAuthenticate({ token, documentName, requestHeaders, context }: onAuthenticatePayload<ConnectionContext>): Promise<void> {
    const address = requestHeaders.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
    if (this.failures.blocked(address) || !this.signIns.take(address)) {
      this.options.log('refused a sign-in: too many attempts from one address');
      throw refusal('rate-limited');
    }
    const doc = parseDocName(documentName);
    const credentials = decodeToken(token);
    const access = doc && credentials ? this.options.db.authenticate(doc.roomId, credentials.secret) : null;
    if (!doc || !credentials || !access) {
      this.failures.take(address);
      this.options.log('refused a sign-in: invalid link');
      throw refusal('invalid-link');
    }
    // A votes document opens only for its own person, the facilitator included: the server adds them up (tally.ts).
    if (doc.kind === 'votes' && doc.participantId !== credentials.participantId) {
      this.failures.take(address);
      this.options.log('refused a sign-in: someone else’s votes');
      throw refusal('invalid-link');
    }
    const registration = this.options.db.registerParticipant(
      doc.roomId,
      credentials.participantId,
      credentials.participantKey,
      this.options.limits.participantsPerRoom,
    );
    if (registration === 'conflict') throw refusal('participant-conflict');
    if (registration === 'full') throw refusal('invalid-link');
    Object.assign(context, {
      roomId: doc.roomId,
      role: access.role,
      generation: access.generation,
      participantId: credentials.participantId,
      doc,
      address,
    } satisfies ConnectionContext);
  }

  async connected({ connection, context }: connectedPayload<ConnectionContext>): Promise<void> {
    // A sign-in that raced a re-key: its invite may have stopped working meanwhile.
    if (context.role === 'participant' && this.options.db.generation(context.roomId) !== context.generation) {
      close(connection, 'link-revoked');
      return;
    }
    let connections = this.rooms.get(context.roomId);
    if (!connections) this.rooms.set(context.roomId, (connections = new Set()));
    connections.add(connection as Connection<ConnectionContext>);
    this.options.db.touchRoom(context.roomId);
    // Tell the device which role it has here, so it can show its own controls.
    connection.sendStateless(JSON.stringify({ type: 'welcome', role: context.role }));
  }

  async onDisconnect({ context, document }: onDisconnectPayload<ConnectionContext>): Promise<void> {
    const connections = this.rooms.get(context.roomId);
    if (!connections) return;
    for (const connection of connections)
      if (connection.document === document && !document.hasConnection(connection)) connections.delete(connection);
    if (connections.size === 0) this.rooms.delete(context.roomId);
  }

  /** Closes the room's connections now: participants only on a re-key, everyone when sharing ends. */
  revoke(roomId: string, reason: 'link-revoked' | 'sharing-ended'): number {
    const connections = [...(this.rooms.get(roomId) ?? [])];
    let closed = 0;
    for (const connection of connections) {
      if (reason === 'link-revoked' && connection.context.role !== 'participant') continue;
      close(connection, reason);
      closed += 1;
    }
    return closed;
  }

  // -------------------------------------------------------------------------
  // Documents

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const doc = parseDocName(documentName);
    if (!doc) return;
    const policy = doc.kind === 'canvas' ? canvasPolicy : votesPolicy;
    this.served.set(documentName, {
      document,
      shadow: new Shadow(document, policy.roots),
      policy,
      approxBytes: this.options.db.storedBytes(documentName),
    });
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.served.get(documentName)?.shadow.destroy();
    this.served.delete(documentName);
  }

  /** Judges each update before the document applies it (sync step 2 or an update). */
  async beforeSync({ type, payload, connection, document, context }: beforeSyncPayload<ConnectionContext>): Promise<void> {
    if (type !== 1 && type !== 2) return;
    const served = this.served.get(document.name);
    if (!served) throw refusal('out-of-sync');
    const { changes, incomplete } = served.shadow.inspect(payload);
    if (incomplete) return this.refuse(connection, served, 'out-of-sync', 'an update that depends on changes the server has not got');
    const judged = served.policy.judge(changes, this.policyContext(context, document), served.shadow.doc, document);
    if (judged) return this.refuse(connection, served, judged.reason, judged.detail);
    if (changes.length > 0 && !this.withinSize(served, payload.length)) {
      return this.refuse(connection, served, 'document-too-large', 'the shared canvas is full');
    }
  }

  private policyContext(context: ConnectionContext, document: Document) {
    const canvasName = canvasDocName(context.roomId);
    const canvas = document.name === canvasName ? document : this.served.get(canvasName)?.document;
    return {
      role: context.role,
      permissions: readPermissions(canvas),
      ownsDocument: context.doc.kind === 'votes' && context.doc.participantId === context.participantId,
      votesPerPerson: readVotesPerPerson(canvas),
    };
  }

  private withinSize(served: Served, incoming: number): boolean {
    served.approxBytes += incoming;
    if (served.approxBytes <= this.options.limits.documentBytes) return true;
    // The running total only grows; measure for real before refusing.
    served.approxBytes = Y.encodeStateAsUpdate(served.shadow.doc).length;
    return served.approxBytes <= this.options.limits.documentBytes;
  }

  private refuse(connection: Connection, served: Served, reason: Refusal['reason'] | RefusalReason, detail: string): never {
    served.shadow.discard();
    this.options.log(`refused a change in a room: ${reason} (${detail})`);
    close(connection, reason, detail);
    throw refusal(reason);
  }

  // -------------------------------------------------------------------------
  // Presence

  async beforeHandleAwareness({ states, connection, context }: beforeHandleAwarenessPayload<ConnectionContext>): Promise<void> {
    if (!connection || !context) return;
    const limits = this.options.limits;
    for (const [clientId, state] of states) {
      // Empty states carry nothing (Hocuspocus's scratch copy adds one of its own): drop them.
      if (Object.keys(state).length === 0) {
        states.delete(clientId);
        continue;
      }
      context.presenceClient ??= clientId;
      if (clientId !== context.presenceClient || JSON.stringify(state).length > limits.presenceBytes) {
        states.delete(clientId);
        continue;
      }
      const name = typeof state.name === 'string' ? state.name.slice(0, limits.displayNameLength) : '';
      states.set(clientId, { ...state, name, role: context.role });
    }
  }
}

function close(connection: Connection, reason: RefusalReason, detail?: string): void {
  const { code, message } = REFUSALS[reason];
  try {
    connection.sendStateless(JSON.stringify({ type: 'refused', reason, message, detail: detail ?? null }));
  } catch {
    // The socket may already be gone.
  }
  // Let Hocuspocus send its own close message first, then end the socket so the client sees the code.
  setImmediate(() => connection.webSocket.close(code, reason));
}

function clientAddress(socketAddress: string | undefined, forwarded: string | string[] | undefined, trustProxy: boolean): string {
  if (trustProxy && forwarded) {
    const list = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded).split(',');
    // The proxy appends the address it saw last.
    const last = list[list.length - 1]?.trim();
    if (last) return last;
  }
  return socketAddress ?? 'unknown';
}

function readPermissions(canvas: Y.Doc | undefined): Permissions {
  const stored = canvas?.getMap('room').get('permissions');
  const permissions = { ...DEFAULT_PERMISSIONS };
  if (stored instanceof Y.Map) {
    for (const [key, value] of stored.entries()) if (isPermission(key) && typeof value === 'boolean') permissions[key] = value;
  }
  return permissions;
}

function readVotesPerPerson(canvas: Y.Doc | undefined): number {
  const value = canvas?.getMap('meta').get('votesPerPerson');
  return typeof value === 'number' ? value : 20;
}
