/**
 * Tabs of the app in one browser talk over a BroadcastChannel: a tab says
 * when it has saved a canvas (the others merge it in, see domain/merge.ts)
 * and which canvas it has open (so both tabs can say so on screen).
 *
 * Nothing listens or ticks until `start()` (the app calls it through
 * `startStores`); until then, and after the stop it returns, announcements
 * go nowhere.
 */
import { create } from 'zustand';
import { newId } from '../domain/ids';
import type { CombinedEdits } from '../domain/merge';
import { CHANNEL_NAME, type TabMessage as Message } from './tabChannel';

const TAB_LOCK_PREFIX = 'outcome-canvas:tab:';
export const HEARTBEAT_MS = 4000;
export const GONE_AFTER_MS = 10_000;

export interface PresenceState {
  /** Other tabs and when each was last heard of, with the canvas it has open. */
  others: Record<string, { canvasId: string | null; seen: number }>;
  heard(tab: string, canvasId: string | null, now: number): void;
  /** Forgets tabs not heard of for `GONE_AFTER_MS` (closed or crashed without saying so). */
  forgetSilent(now: number): void;
}

export const createPresenceStore = () =>
  create<PresenceState>()((set, get) => ({
    others: {},
    heard(tab, canvasId, now) {
      set((state) => ({ others: { ...state.others, [tab]: { canvasId, seen: now } } }));
    },
    forgetSilent(now) {
      const { others } = get();
      const alive = Object.fromEntries(Object.entries(others).filter(([, other]) => now - other.seen < GONE_AFTER_MS));
      if (Object.keys(alive).length !== Object.keys(others).length) set({ others: alive });
    },
  }));

export interface TabSync {
  /** This tab's id: names its Web Lock and its unsaved-changes notes. */
  readonly tabId: string;
  /** Who else is here. */
  readonly presence: ReturnType<typeof createPresenceStore>;
  /** Opens the channel, holds this tab's Web Lock, starts the heartbeat; returns the stop. */
  start(): () => void;
  announceOpenCanvas(canvasId: string | null): void;
  announceSaved(canvasId: string): void;
  /** This tab kept both its own and another tab's text in these records. */
  announceCombined(canvasId: string, combined: CombinedEdits): void;
  announceLibraryChanged(): void;
  /** Each `on…` returns its unsubscribe. */
  onRemoteSave(listener: (canvasId: string) => void): () => void;
  /** Another tab changed the list of canvases, or saved one. */
  onRemoteLibraryChange(listener: () => void): () => void;
  onRemoteCombined(listener: (canvasId: string, combined: CombinedEdits) => void): () => void;
  /** The tabs holding their Web Lock now, or null when the browser cannot say. */
  openTabIds(): Promise<Set<string> | null>;
}

export interface TabSyncOptions {
  tabId?: string;
  /** Tests give each pair of tabs a channel of its own. */
  channelName?: string;
}

export function createTabSync({ tabId = newId(), channelName = CHANNEL_NAME }: TabSyncOptions = {}): TabSync {
  const presence = createPresenceStore();
  let channel: BroadcastChannel | null = null;
  let openCanvasId: string | null = null;
  const savedListeners = new Set<(canvasId: string) => void>();
  const libraryListeners = new Set<() => void>();
  const combinedListeners = new Set<(canvasId: string, combined: CombinedEdits) => void>();

  function post(message: Message): void {
    try {
      channel?.postMessage(message);
    } catch {
      /* the channel is closed while the page unloads */
    }
  }

  function receive(event: MessageEvent<Message>): void {
    const message = event.data;
    if (!message || message.tab === tabId) return;
    if (message.type === 'saved') {
      savedListeners.forEach((listener) => listener(message.canvasId));
      libraryListeners.forEach((listener) => listener());
    } else if (message.type === 'combined') {
      combinedListeners.forEach((listener) => listener(message.canvasId, message.combined));
    } else if (message.type === 'library') {
      libraryListeners.forEach((listener) => listener());
    } else if (message.type === 'present') {
      presence.getState().heard(message.tab, message.canvasId, Date.now());
      if (!message.reply) post({ type: 'present', tab: tabId, canvasId: openCanvasId, reply: true });
    }
  }

  function subscribe<T>(listeners: Set<T>, listener: T): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }

  return {
    tabId,
    presence,

    start() {
      const stops: (() => void)[] = [holdTabLock(tabId)];
      if (typeof BroadcastChannel === 'function') {
        const opened = new BroadcastChannel(channelName);
        channel = opened;
        opened.addEventListener('message', receive);
        const heartbeat = setInterval(() => {
          post({ type: 'present', tab: tabId, canvasId: openCanvasId, reply: true });
          presence.getState().forgetSilent(Date.now());
        }, HEARTBEAT_MS);
        // Say this tab is going, so the others stop counting it at once.
        const leaving = () => post({ type: 'present', tab: tabId, canvasId: null, reply: true });
        globalThis.addEventListener?.('pagehide', leaving);
        stops.push(() => {
          clearInterval(heartbeat);
          globalThis.removeEventListener?.('pagehide', leaving);
          opened.close();
          if (channel === opened) channel = null;
        });
      }
      return () => stops.forEach((stop) => stop());
    },

    announceOpenCanvas(canvasId) {
      openCanvasId = canvasId;
      post({ type: 'present', tab: tabId, canvasId, reply: false });
    },
    announceSaved(canvasId) {
      post({ type: 'saved', tab: tabId, canvasId });
    },
    announceCombined(canvasId, combined) {
      post({ type: 'combined', tab: tabId, canvasId, combined });
    },
    announceLibraryChanged() {
      post({ type: 'library', tab: tabId });
    },

    onRemoteSave: (listener) => subscribe(savedListeners, listener),
    onRemoteLibraryChange: (listener) => subscribe(libraryListeners, listener),
    onRemoteCombined: (listener) => subscribe(combinedListeners, listener),

    async openTabIds() {
      try {
        const locks = globalThis.navigator?.locks;
        if (!locks) return null;
        const { held = [] } = await locks.query();
        return new Set(held.flatMap((lock) => (lock.name?.startsWith(TAB_LOCK_PREFIX) ? [lock.name.slice(TAB_LOCK_PREFIX.length)] : [])));
      } catch {
        return null;
      }
    },
  };
}

/**
 * Holds a Web Lock named after the tab until the returned release (or until
 * the tab closes or crashes, when the browser lets go of it), so another tab
 * can tell which tabs' unsaved-changes notes belong to tabs still open.
 */
function holdTabLock(tabId: string): () => void {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  void globalThis.navigator?.locks?.request(TAB_LOCK_PREFIX + tabId, () => held).catch(() => {});
  return release;
}

/** The running app's tabs. */
export const tabSync = createTabSync();

/** How many other tabs have this canvas open. */
export const useOtherTabsOn = (canvasId: string) =>
  tabSync.presence((state) => Object.values(state.others).filter((other) => other.canvasId === canvasId).length);
