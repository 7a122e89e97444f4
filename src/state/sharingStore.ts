/**
 * Sharing the open canvas: whether it is shared, the connection's status,
 * who is here, and the facilitator's commands (share, new link, stop).
 * Light on purpose: the sync code (Yjs, the provider, the binding) is
 * imported only when a shared canvas is opened or a canvas is shared, so
 * an unshared canvas never loads it.
 */
import { create } from 'zustand';
import {
  type SharedCanvasRecord,
  findSharingByRoom,
  readDisplayName,
  readSharing,
  removeSharing,
  writeDisplayName,
  writeSharing,
} from '../storage/sharing';
import type { Canvas } from '../domain/model';
import { CANVAS_RULES, fieldRule, mayChange } from '../sync/permissions';
import {
  DEFAULT_PERMISSIONS,
  PERMISSIONS,
  type Permission,
  type Permissions,
  inviteLink,
  isPermission,
  newParticipantId,
  newSecret,
} from '../sync/protocol';
import type { Presence, Refusal, TransportStatus } from '../sync/transport';
import { type CanvasStore, useCanvasStore } from './canvasStore';
import type { Session, SessionState, Showing, Voting } from './sharedSession';

export interface SharingState {
  /** The open canvas's sharing record; null when it is not shared. */
  record: SharedCanvasRecord | null;
  /** The connection; null before it has started. */
  status: TransportStatus | null;
  refusal: Refusal | null;
  unsentChanges: number;
  people: Presence[];
  permissions: Permissions;
  /** A problem with sharing itself (the server could not be reached to create the room, ...). */
  error: string | null;
  /** Why a change made here was put back; null when none was (or it was dismissed). */
  notice: string | null;
  dismissNotice(): void;
  /** The facilitator's choice of what participants may do. */
  setPermission(permission: Permission, allowed: boolean): void;
  voting: Voting;
  /** Adds (1) or takes off (-1) one of this person's dots on a card; returns why not, or null. */
  dot(cardId: string, change: 1 | -1, votesPerPerson: number): string | null;
  setRevealed(revealed: boolean): void;
  /** What the facilitator's device shows (participants can follow it). */
  showing: Showing;
  /** This participant follows the facilitator's view and step. */
  following: boolean;
  setFollowing(following: boolean): void;
  /** This device now shows `showing` (shared when it is the facilitator's). */
  show(showing: Showing): void;
  /** Starts the live connection if the canvas is shared; returns the function that ends it. */
  attach(canvasId: string): () => void;
  /** Shares the open canvas: creates the room and fills it (the owner becomes the facilitator). */
  share(name: string): Promise<void>;
  /** A new invite link; the old one stops working at once. */
  newLink(): Promise<void>;
  /** Ends sharing: everyone is disconnected and the server deletes the room; this device keeps its canvas. */
  stopSharing(): Promise<void>;
  /** The invite link of the open canvas (facilitator only). */
  link(): string | null;
  /** This device's changes to the open shared canvas, as a file for another breakout group. */
  saveGroupFile(group: string): Promise<{ fileName: string; text: string } | { problem: string }>;
  /**
   * Why this person may not change the open shared canvas from `before` to
   * `after` as a whole (a participant restoring a version that deletes cards
   * the facilitator does not let them delete, say); null when they may, or
   * when the canvas is not shared.
   */
  whyNot(before: Canvas, after: Canvas): Promise<string | null>;
  /** Merges another breakout group's file into the open shared canvas; says what it merged, or why not. */
  mergeGroupFile(file: File): Promise<{ ok: boolean; message: string }>;
}

export interface SharingStoreOptions {
  canvasStore: CanvasStore;
  origin: () => string;
}

const idle = {
  status: null,
  refusal: null,
  unsentChanges: 0,
  people: [] as Presence[],
  permissions: DEFAULT_PERMISSIONS,
  error: null,
  notice: null,
  voting: { mine: {}, revealed: false, tally: {} } as Voting,
  showing: { view: null, step: null } as Showing,
  following: false,
};

export const createSharingStore = ({ canvasStore, origin }: SharingStoreOptions) =>
  create<SharingState>()((set, get) => {
    let session: Promise<Session | null> | null = null;
    let attachedTo: string | null = null;
    /** What this device last showed, shared again once a session has started. */
    let lastShown: Showing | null = null;

    function begin(record: SharedCanvasRecord, fill: boolean) {
      const canvasId = record.canvasId;
      attachedTo = canvasId;
      set({ ...idle, record, status: 'connecting' });
      const onState = (state: SessionState) => {
        if (attachedTo !== canvasId) return;
        set({
          status: state.status,
          refusal: state.refusal,
          unsentChanges: state.unsentChanges,
          people: state.people,
          permissions: state.permissions,
          voting: state.voting,
          showing: state.showing,
          ...(state.notice && { notice: state.notice }),
        });
      };
      session = import('./sharedSession')
        .then(async ({ startSession }) => {
          const live = await startSession({ record, canvasStore, name: readDisplayName() || nameFor(record), fill, onState });
          if (lastShown) live.setShowing(lastShown);
          return live;
        })
        .catch((error: unknown) => {
          console.warn('Outcome Canvas: could not start sharing', error);
          if (attachedTo === canvasId) set({ error: 'The shared canvas could not be opened on this device. Reload to try again.' });
          return null;
        });
    }

    async function end(): Promise<void> {
      const running = session;
      session = null;
      attachedTo = null;
      set({ ...idle, record: null });
      await (await running)?.stop();
    }

    return {
      record: null,
      ...idle,

      attach(canvasId) {
        const record = readSharing(canvasId);
        if (record) begin(record, false);
        else set({ ...idle, record: null });
        return () => {
          if (attachedTo === canvasId) void end();
        };
      },

      async share(name) {
        const canvas = canvasStore.getState().canvas;
        if (!canvas || get().record) return;
        set({ error: null });
        const { roomsClient } = await import('../sync/rooms');
        try {
          const room = await roomsClient(origin()).createRoom();
          const record: SharedCanvasRecord = {
            canvasId: canvas.id,
            roomId: room.roomId,
            role: 'facilitator',
            secret: room.ownerKey,
            inviteSecret: room.inviteSecret,
            participantId: newParticipantId(),
            participantKey: newSecret(),
            sharedAt: Date.now(),
          };
          if (name.trim()) writeDisplayName(name.trim());
          if (!writeSharing(record)) {
            await roomsClient(origin()).endSharing(room.roomId, room.ownerKey);
            set({
              error: 'This browser refused to keep the sharing details (its storage is blocked or full), so the canvas was not shared.',
            });
            return;
          }
          begin(record, true);
        } catch (error) {
          set({ error: error instanceof Error ? error.message : 'The canvas could not be shared.' });
        }
      },

      async newLink() {
        const record = get().record;
        if (!record || record.role !== 'facilitator') return;
        set({ error: null });
        const { roomsClient } = await import('../sync/rooms');
        try {
          const inviteSecret = await roomsClient(origin()).newInvite(record.roomId, record.secret);
          const next = { ...record, inviteSecret };
          writeSharing(next);
          set({ record: next });
        } catch (error) {
          set({ error: error instanceof Error ? error.message : 'A new link could not be made.' });
        }
      },

      async stopSharing() {
        const record = get().record;
        if (!record) return;
        set({ error: null });
        if (record.role === 'facilitator') {
          const { roomsClient } = await import('../sync/rooms');
          try {
            await roomsClient(origin()).endSharing(record.roomId, record.secret);
          } catch (error) {
            // An ended or expired room is already what was asked for.
            if (!(error instanceof Error && 'status' in error && error.status === 404)) {
              set({ error: error instanceof Error ? error.message : 'Sharing could not be ended.' });
              return;
            }
          }
        }
        await end();
        removeSharing(record.canvasId);
        const { removeStoredDoc } = await import('./sharedSession');
        await removeStoredDoc(record.roomId).catch(() => undefined);
      },

      dismissNotice() {
        set({ notice: null });
      },

      setPermission(permission, allowed) {
        void session?.then((live) => live?.setPermission(permission, allowed));
      },

      dot(cardId, change, votesPerPerson) {
        const mine = get().voting.mine;
        const used = Object.values(mine).reduce((sum, n) => sum + n, 0);
        const current = mine[cardId] ?? 0;
        if (change === 1 && used >= votesPerPerson)
          return `You have used all ${votesPerPerson} of your dots. Take one off a card to move it.`;
        if (change === -1 && current === 0) return null;
        const next = current + change;
        set({ voting: { ...get().voting, mine: { ...mine, [cardId]: next } } });
        void session?.then((live) => live?.setDots(cardId, next));
        return null;
      },

      setFollowing(following) {
        set({ following });
      },

      show(showing) {
        lastShown = showing;
        void session?.then((live) => live?.setShowing(showing));
      },

      setRevealed(revealed) {
        void session?.then((live) => live?.setRevealed(revealed));
      },

      link() {
        const record = get().record;
        return record?.inviteSecret ? inviteLink(origin(), record.roomId, record.inviteSecret) : null;
      },

      async whyNot(before, after) {
        if (!get().record) return null;
        const live = await session;
        const refused = live?.refusedBy(before, after) ?? [];
        if (refused.length === 0) return null;
        const names = new Set<string>();
        for (const { root, field } of refused) {
          const rule = field === 'create' ? CANVAS_RULES[root]?.create : fieldRule(root, field);
          names.add(rule && isPermission(rule) ? PERMISSIONS[rule].toLowerCase() : 'make changes only the facilitator makes');
        }
        return `In this shared canvas the facilitator has not allowed participants to ${[...names].join(' or ')}.`;
      },

      async saveGroupFile(group) {
        const live = await session;
        if (!live) return { problem: 'The shared canvas is not open on this device yet. Try again in a moment.' };
        return live.saveGroupFile(group);
      },

      async mergeGroupFile(file) {
        const record = get().record;
        const live = await session;
        if (!record || !live) return { ok: false, message: 'Open the shared canvas this file belongs to, then merge it there.' };
        // Loaded with the session already (a shared canvas is open): no extra download.
        const { parseGroupFile, sizeProblem } = await import('../sync/groupFile');
        const tooLarge = sizeProblem(file.size);
        if (tooLarge) return { ok: false, message: tooLarge };
        let text: string;
        try {
          text = await file.text();
        } catch {
          return { ok: false, message: 'The file could not be read, so nothing was merged.' };
        }
        const parsed = parseGroupFile(text);
        if (!parsed.ok) return { ok: false, message: parsed.problem };
        const { file: changes, update } = parsed;
        if (changes.roomId !== record.roomId) {
          const title = changes.title.trim() || 'Untitled canvas';
          return {
            ok: false,
            message: findSharingByRoom(changes.roomId)
              ? `This file holds changes to “${title}”, which is not open here. Open “${title}” from your canvases, then merge the file there.`
              : `This file holds changes to “${title}”, a shared canvas that is not on this device. Join it with its invite link first, then merge the file.`,
          };
        }
        const plan = live.mergeGroupFile(changes, update);
        return plan.ok ? { ok: true, message: plan.message } : { ok: false, message: plan.problem };
      },
    };
  });

const nameFor = (record: SharedCanvasRecord) => (record.role === 'facilitator' ? 'Facilitator' : 'Participant');

export type SharingStore = ReturnType<typeof createSharingStore>;

/** The running app's sharing of the open canvas. */
export const useSharingStore = createSharingStore({ canvasStore: useCanvasStore, origin: () => globalThis.location.origin });

function lockedReasonIn(state: SharingState, root: string, field: string): string | null {
  if (!state.record || state.record.role === 'facilitator') return null;
  if (mayChange('participant', state.permissions, root, field)) return null;
  const rule = fieldRule(root, field);
  return isPermission(rule)
    ? `In this shared canvas the facilitator has not allowed participants to ${PERMISSIONS[rule].toLowerCase()}.`
    : 'In this shared canvas only the facilitator can change this.';
}

/**
 * Why this device may not change `field` of a record in `root` (e.g. `checks`,
 * `status`), in words to show beside the control; null when it may (an
 * unshared canvas, the facilitator, or a participant allowed to).
 */
export function useLockedReason(root: string, field: string): string | null {
  return useSharingStore((state) => lockedReasonIn(state, root, field));
}

/** Whether this device takes part in someone else's shared canvas (so the facilitator's own controls are not offered). */
export function useIsParticipant(): boolean {
  return useSharingStore((state) => state.record?.role === 'participant');
}

/** The same, read once (for a menu built when opened, or a key pressed). */
export function lockedReasonNow(root: string, field: string): string | null {
  return lockedReasonIn(useSharingStore.getState(), root, field);
}
