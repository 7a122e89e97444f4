/**
 * Tabs of the app in one browser talk over a BroadcastChannel: a tab says
 * when it has saved a canvas (the others merge it in, see domain/merge.ts)
 * and which canvas it has open (so both tabs can say so on screen).
 */
import { create } from 'zustand';
import { newId } from '../domain/ids';
import type { CombinedEdits } from '../domain/merge';

export const TAB_ID = newId();
const TAB_LOCK_PREFIX = 'outcome-canvas:tab:';

/**
 * Holds a Web Lock named after this tab for as long as the page lives: the
 * browser lets go of it when the tab closes or crashes, so another tab can
 * tell which tabs' unsaved-changes notes belong to tabs still open.
 */
export function holdTabLock(): void {
  void globalThis.navigator?.locks?.request(TAB_LOCK_PREFIX + TAB_ID, () => new Promise<never>(() => {})).catch(() => {});
}

/** The tabs holding their lock now, or null when the browser cannot say. */
export async function openTabIds(): Promise<Set<string> | null> {
  try {
    const locks = globalThis.navigator?.locks;
    if (!locks) return null;
    const { held = [] } = await locks.query();
    return new Set(held.flatMap((lock) => (lock.name?.startsWith(TAB_LOCK_PREFIX) ? [lock.name.slice(TAB_LOCK_PREFIX.length)] : [])));
  } catch {
    return null;
  }
}
const HEARTBEAT_MS = 4000;
const GONE_AFTER_MS = 10_000;

type Message =
  | { type: 'saved'; tab: string; canvasId: string }
  | { type: 'combined'; tab: string; canvasId: string; combined: CombinedEdits }
  | { type: 'library'; tab: string }
  | { type: 'present'; tab: string; canvasId: string | null; reply: boolean };

interface PresenceState {
  /** Other tabs and when each was last heard of, with the canvas it has open. */
  others: Record<string, { canvasId: string | null; seen: number }>;
}

export const usePresence = create<PresenceState>(() => ({ others: {} }));

// Only in a browser page (not in unit tests that run without a DOM).
const channel: BroadcastChannel | null =
  typeof window !== 'undefined' && typeof BroadcastChannel === 'function' ? new BroadcastChannel('outcome-canvas') : null;
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

channel?.addEventListener('message', (event: MessageEvent<Message>) => {
  const message = event.data;
  if (!message || message.tab === TAB_ID) return;
  if (message.type === 'saved') {
    savedListeners.forEach((listener) => listener(message.canvasId));
    libraryListeners.forEach((listener) => listener());
  } else if (message.type === 'combined') {
    combinedListeners.forEach((listener) => listener(message.canvasId, message.combined));
  } else if (message.type === 'library') {
    libraryListeners.forEach((listener) => listener());
  } else if (message.type === 'present') {
    usePresence.setState((state) => ({ others: { ...state.others, [message.tab]: { canvasId: message.canvasId, seen: Date.now() } } }));
    if (!message.reply) post({ type: 'present', tab: TAB_ID, canvasId: openCanvasId, reply: true });
  }
});

if (channel) {
  setInterval(() => {
    post({ type: 'present', tab: TAB_ID, canvasId: openCanvasId, reply: true });
    const now = Date.now();
    const others = usePresence.getState().others;
    const alive = Object.fromEntries(Object.entries(others).filter(([, other]) => now - other.seen < GONE_AFTER_MS));
    if (Object.keys(alive).length !== Object.keys(others).length) usePresence.setState({ others: alive });
  }, HEARTBEAT_MS);
  window.addEventListener('pagehide', () => post({ type: 'present', tab: TAB_ID, canvasId: null, reply: true }));
}

export function announceOpenCanvas(canvasId: string | null): void {
  openCanvasId = canvasId;
  post({ type: 'present', tab: TAB_ID, canvasId, reply: false });
}

export function announceSaved(canvasId: string): void {
  post({ type: 'saved', tab: TAB_ID, canvasId });
}

/** This tab kept both its own and another tab's text in these records. */
export function announceCombined(canvasId: string, combined: CombinedEdits): void {
  post({ type: 'combined', tab: TAB_ID, canvasId, combined });
}

export function onRemoteCombined(listener: (canvasId: string, combined: CombinedEdits) => void): () => void {
  combinedListeners.add(listener);
  return () => combinedListeners.delete(listener);
}

export function announceLibraryChanged(): void {
  post({ type: 'library', tab: TAB_ID });
}

export function onRemoteSave(listener: (canvasId: string) => void): () => void {
  savedListeners.add(listener);
  return () => savedListeners.delete(listener);
}

export function onRemoteLibraryChange(listener: () => void): () => void {
  libraryListeners.add(listener);
  return () => libraryListeners.delete(listener);
}

/** How many other tabs have this canvas open. */
export const useOtherTabsOn = (canvasId: string) =>
  usePresence((state) => Object.values(state.others).filter((other) => other.canvasId === canvasId).length);
