/**
 * Notes of unsaved changes, written synchronously to localStorage on every
 * edit, before the IndexedDB write that follows it. localStorage lives in
 * the browser's own process, so a note outlives a crashed or closed tab;
 * the next start copies every note into IndexedDB (newest change per record)
 * and removes it.
 *
 * One note per tab and canvas (`outcome-canvas:unsaved:<tab>:<canvas>`),
 * always holding exactly what that tab has not yet saved: a tab rewrites
 * or removes only its own note, so two tabs never overwrite each other's.
 *
 * This module only writes (the autosave loads it up front); reading notes
 * back, with validation, is `journalNotes.ts`, loaded with storage.
 */
import type { CanvasChanges } from '../domain/diff';
import type { CanvasMeta } from '../domain/model';

export const NOTE_PREFIX = 'outcome-canvas:unsaved:';

export interface UnsavedNote {
  canvasId: string;
  changes: CanvasChanges;
  metaBase: CanvasMeta | null;
}

/** localStorage, or null where the browser refuses it. */
export function localStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // some locked-down profiles throw on access
  }
}

/** Whether any tab left a note (cheap: the keys only), so that the reader and its validators load only when one did. */
export function hasNotes(): boolean {
  try {
    const store = localStore();
    if (!store) return false;
    for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith(NOTE_PREFIX)) return true;
    return false;
  } catch {
    return false;
  }
}

const keyOf = (tabId: string, canvasId: string) => `${NOTE_PREFIX}${tabId}:${canvasId}`;

/** Replaces this tab's note for the canvas. False when localStorage refused it (full or blocked). */
export function writeNote(tabId: string, note: UnsavedNote): boolean {
  try {
    const store = localStore();
    store?.setItem(keyOf(tabId, note.canvasId), JSON.stringify(note));
    return !!store;
  } catch {
    return false;
  }
}

/** Everything this tab noted for the canvas is saved. */
export function clearNote(tabId: string, canvasId: string): void {
  try {
    localStore()?.removeItem(keyOf(tabId, canvasId));
  } catch {
    /* nothing to clear */
  }
}
