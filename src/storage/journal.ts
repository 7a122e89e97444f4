/**
 * A write-ahead note for the moment a tab is hidden or closed. An IndexedDB
 * write started in `pagehide` may not finish before the page is torn down;
 * a localStorage write does. The unsaved changes are noted here at once, and
 * copied into IndexedDB the next time the app starts (newest record wins).
 */
import * as z from 'zod/mini';
import type { CanvasChanges } from '../domain/diff';
import { canvasMetaSchema, cardSchema, checkSchema } from '../domain/schema';

const PREFIX = 'outcome-canvas:unsaved:';

const journalSchema = z.object({
  canvasId: z.string(),
  changes: z.object({
    meta: z.nullable(canvasMetaSchema),
    cards: z.array(cardSchema),
    removedCardIds: z.array(z.string()),
    checks: z.array(checkSchema),
  }),
});

export interface JournalEntry {
  canvasId: string;
  changes: CanvasChanges;
}

function localStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // some locked-down profiles throw on access
  }
}

export function writeJournal(canvasId: string, changes: CanvasChanges): boolean {
  try {
    localStore()?.setItem(PREFIX + canvasId, JSON.stringify({ canvasId, changes }));
    return true;
  } catch {
    return false; // full or refused: the IndexedDB write is still on its way
  }
}

export function clearJournal(canvasId: string): void {
  try {
    localStore()?.removeItem(PREFIX + canvasId);
  } catch {
    /* nothing to clear */
  }
}

export function readJournals(): JournalEntry[] {
  const store = localStore();
  if (!store) return [];
  const entries: JournalEntry[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const parsed = journalSchema.safeParse(JSON.parse(store.getItem(key) ?? ''));
      if (parsed.success) entries.push(parsed.data as JournalEntry);
      else console.warn('Outcome Canvas: an unsaved-changes note could not be read and was left in place.');
    } catch {
      console.warn('Outcome Canvas: an unsaved-changes note is damaged and was left in place.');
    }
  }
  return entries;
}
