/**
 * The client side of a shared canvas: one WebSocket to the app's own
 * origin carrying the canvas document and the person's own votes document,
 * with status, presence and the server's refusals in one small state.
 *
 * Load it lazily (`await import('../sync/transport')`) and only for a shared
 * canvas: it brings Yjs and the Hocuspocus provider, which an unshared canvas
 * never needs. It does not read or write the documents' contents; the
 * canvas binding does, and keeps them in IndexedDB so a device that goes
 * offline keeps working and merges when it reconnects.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import {
  REFUSALS,
  SYNC_PATH,
  canvasDocName,
  encodeToken,
  isRefusalReason,
  refusalForCloseCode,
  votesDocName,
  type Credentials,
  type RefusalReason,
  type Role,
} from './protocol';

export type TransportStatus =
  /** Trying to reach the server (first time, or again after losing it). */
  | 'connecting'
  /** Signed in; catching up with the shared canvas. */
  | 'syncing'
  /** In step with the shared canvas. */
  | 'synced'
  /** The server cannot be reached; edits are kept here and sent on reconnection. */
  | 'offline'
  /** The server refused this device (see `refusal`); it will not retry by itself. */
  | 'refused';

export interface Refusal {
  reason: RefusalReason | 'unknown';
  /** Words to show the person. */
  message: string;
  /** What exactly was refused, when the server said (e.g. which permission). */
  detail: string | null;
}

/** What each device shares about itself; `role` is set by the server, not the device. */
export interface Presence {
  clientId: number;
  name: string;
  role: Role | null;
  /** The step the person is looking at, if they share it. */
  step: string | null;
}

export interface TransportState {
  status: TransportStatus;
  refusal: Refusal | null;
  /** Local changes the server has not yet acknowledged (stored). 0 when everything is shared. */
  unsentChanges: number;
  /** Everyone connected, this device included. */
  people: Presence[];
  /** This device's role in the room, as the server said when it signed in. */
  role: Role | null;
}

export interface TransportOptions {
  roomId: string;
  credentials: Credentials;
  canvas: Y.Doc;
  /** This person's votes document; omit for a device that does not vote. */
  votes?: Y.Doc | null;
  /** Defaults to the page's own origin (`ws(s)://<host>/sync`). */
  url?: string;
  name?: string;
  /** For Node (tests, benchmarks): a WebSocket implementation such as `ws`. */
  WebSocketPolyfill?: unknown;
  /** Wait before reconnecting after a refusal that says to try again (ms). */
  retryAfterMs?: number;
  /** First and longest wait between reconnection attempts (ms); tests shorten them. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
}

export interface Transport {
  readonly state: TransportState;
  subscribe(listener: (state: TransportState) => void): () => void;
  setPresence(presence: { name?: string; step?: string | null }): void;
  /** Resolves when the canvas is in step with the server and every local change acknowledged. */
  whenSynced(): Promise<void>;
  /**
   * The device says it lost the network (the browser's `offline` event):
   * close the connection now rather than wait for it to time out; edits are
   * kept and sent by `reconnect` (on `online`).
   */
  goOffline(): void;
  reconnect(): void;
  /** Closes the connection and forgets the documents (they stay intact). */
  destroy(): void;
}

/** The sync endpoint on the page's own origin (ws: for http, wss: for https). */
export function syncUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${SYNC_PATH}`;
}

/**
 * The provider sends each local change as it happens. Right after a
 * reconnection, a change made before this device has sent what the server
 * missed would reach the server before the changes it builds on, and the
 * server refuses such updates (it cannot judge them). So until the handshake
 * is done, changes are held back: the handshake carries everything the
 * device has, and what was made during it is sent straight after.
 */
class HandshakeFirstProvider extends HocuspocusProvider {
  private held: Uint8Array[] = [];

  constructor(configuration: ConstructorParameters<typeof HocuspocusProvider>[0]) {
    super(configuration);
    this.on('synced', () => {
      const held = this.held;
      this.held = [];
      if (held.length > 0) super.documentUpdateHandler(Y.mergeUpdates(held), null);
    });
  }

  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (origin === this) return;
    if (!this.isSynced) {
      this.held.push(update);
      return;
    }
    super.documentUpdateHandler(update, origin);
  }

  override startSync(): void {
    // Everything made so far goes with the handshake that starts now.
    this.held = [];
    super.startSync();
  }
}

function refusalOf(reason: string, detail: string | null = null): Refusal {
  if (isRefusalReason(reason)) return { reason, message: REFUSALS[reason].message, detail };
  return { reason: 'unknown', message: 'The sync server refused the connection.', detail };
}

export function connectRoom(options: TransportOptions): Transport {
  const url = options.url ?? syncUrl(globalThis.location);
  const token = encodeToken(options.credentials);
  let state: TransportState = { status: 'connecting', refusal: null, unsentChanges: 0, people: [], role: null };
  const listeners = new Set<(state: TransportState) => void>();
  const update = (patch: Partial<TransportState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };
  let lastDetail: string | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let destroyed = false;

  const socket = new HocuspocusProviderWebsocket({
    url,
    // The provider never connects if delay is below minDelay (see the shared sync notes).
    delay: options.reconnectDelayMs ?? 1000,
    minDelay: options.reconnectDelayMs ?? 1000,
    maxDelay: options.maxReconnectDelayMs ?? 10_000,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    // Given here, this runs before the provider's own close handler, so a refusal can stop
    // the reconnection the provider would otherwise schedule.
    onClose: ({ event }: { event: { code: number } }) => {
      const reason = refusalForCloseCode(event.code);
      if (reason && !REFUSALS[reason].retry) refuse(refusalOf(reason, lastDetail));
    },
  });

  const canvas = new HandshakeFirstProvider({
    websocketProvider: socket,
    name: canvasDocName(options.roomId),
    document: options.canvas,
    token,
  });
  const votes = options.votes
    ? new HandshakeFirstProvider({
        websocketProvider: socket,
        name: votesDocName(options.roomId, options.credentials.participantId),
        document: options.votes,
        token,
        // Presence travels with the canvas only.
        awareness: null,
      })
    : null;
  const providers = votes ? [canvas, votes] : [canvas];

  function refuse(refusal: Refusal) {
    if (destroyed) return;
    update({ status: 'refused', refusal });
    if (isRefusalReason(refusal.reason) && REFUSALS[refusal.reason].retry) {
      // E.g. rate-limited: come back later by ourselves.
      socket.disconnect();
      retryTimer = setTimeout(() => {
        retryTimer = null;
        update({ status: 'connecting', refusal: null });
        void socket.connect();
      }, options.retryAfterMs ?? 60_000);
    } else socket.disconnect();
  }

  const unsent = () => providers.reduce((sum, provider) => sum + provider.unsyncedChanges, 0);
  const allSynced = () => providers.every((provider) => provider.isSynced) && unsent() === 0;

  /** Connected: synced once every document has caught up and every local change is acknowledged. */
  const refresh = () => {
    if (state.status !== 'syncing' && state.status !== 'synced') {
      update({ unsentChanges: unsent() });
      return;
    }
    update({ status: allSynced() ? 'synced' : 'syncing', unsentChanges: unsent() });
  };

  socket.on('status', ({ status }: { status: WebSocketStatus }) => {
    if (state.status === 'refused') return;
    if (status === WebSocketStatus.Connecting) update({ status: state.status === 'offline' ? 'offline' : 'connecting' });
    else if (status === WebSocketStatus.Connected) update({ status: 'syncing' });
    else update({ status: 'offline' });
  });

  for (const provider of providers) {
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => refuse(refusalOf(reason)));
    provider.on('stateless', ({ payload }: { payload: string }) => {
      try {
        const message = JSON.parse(payload) as { type?: string; detail?: string | null; role?: string };
        if (message.type === 'refused') lastDetail = message.detail ?? null;
        if (message.type === 'welcome' && (message.role === 'facilitator' || message.role === 'participant')) {
          update({ role: message.role });
          readPeople();
        }
      } catch {
        // Not one of ours.
      }
    });
    provider.on('unsyncedChanges', refresh);
    provider.on('synced', refresh);
    provider.attach();
  }

  const awareness = canvas.awareness!;
  const readPeople = () => {
    const people: Presence[] = [];
    awareness.getStates().forEach((value, clientId) => {
      if (!value || Object.keys(value).length === 0) return;
      people.push({
        clientId,
        name: typeof value.name === 'string' ? value.name : '',
        // The server stamps everyone else's role; our own comes from its welcome.
        role:
          clientId === awareness.clientID ? state.role : value.role === 'facilitator' || value.role === 'participant' ? value.role : null,
        step: typeof value.step === 'string' ? value.step : null,
      });
    });
    update({ people });
  };
  awareness.on('change', readPeople);
  if (options.name !== undefined) awareness.setLocalStateField('name', options.name);

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setPresence(presence) {
      if (presence.name !== undefined) awareness.setLocalStateField('name', presence.name);
      if (presence.step !== undefined) awareness.setLocalStateField('step', presence.step);
    },
    whenSynced() {
      return new Promise((resolve, reject) => {
        const check = (current: TransportState) => {
          if (current.status === 'refused') {
            stop();
            reject(new Error(current.refusal?.message ?? 'refused'));
          } else if (current.status === 'synced' && allSynced()) {
            stop();
            resolve();
          }
        };
        listeners.add(check);
        const stop = () => listeners.delete(check);
        check(state);
      });
    },
    goOffline() {
      if (state.status === 'refused' || destroyed) return;
      socket.disconnect();
      update({ status: 'offline' });
    },
    reconnect() {
      if (state.status === 'refused' || destroyed) return;
      // Back online before the socket `goOffline` closed has finished closing (a
      // Wi-Fi blip): the provider still counts it as connected and would ignore
      // `connect()`, then stay closed for good. Connect once it has closed.
      if (socket.status === WebSocketStatus.Connected && state.status === 'offline') {
        const whenClosed = () => {
          socket.off('disconnect', whenClosed);
          if (state.status === 'offline' && !destroyed) void socket.connect();
        };
        socket.on('disconnect', whenClosed);
        return;
      }
      void socket.connect();
    },
    destroy() {
      destroyed = true;
      if (retryTimer) clearTimeout(retryTimer);
      listeners.clear();
      for (const provider of providers) provider.destroy();
      socket.destroy();
    },
  };
}
