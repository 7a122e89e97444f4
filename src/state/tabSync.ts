/**
 * Tabs of the app in one browser talk over a BroadcastChannel: a tab says
 * when it has saved a canvas (the others merge it in, see domain/merge.ts)
 * and which canvas it has open (so both tabs can say so on screen).
 */
import { create } from 'zustand';
import { newId } from '../domain/ids';

export const TAB_ID = newId();
const HEARTBEAT_MS = 4000;
const GONE_AFTER_MS = 10_000;

type Message =
  | { type: 'saved'; tab: string; canvasId: string }
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
