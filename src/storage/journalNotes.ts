/**
 * Reading back the notes of unsaved changes that `journal.ts` writes: every
 * tab's, each validated, for the next start to copy into IndexedDB.
 */
import * as z from 'zod/mini';
import { actionItemSchema, canvasMetaSchema, cardSchema, checkSchema, datasetSchema, governanceCheckSchema } from '../domain/schema';
import { NOTE_PREFIX, type UnsavedNote, localStore } from './journal';

const noteSchema = z.object({
  canvasId: z.string(),
  changes: z.object({
    meta: z.nullable(canvasMetaSchema),
    cards: z.array(cardSchema),
    removedCardIds: z.array(z.string()),
    checks: z.array(checkSchema),
    // Notes written before these collections existed have none.
    governance: z._default(z.array(governanceCheckSchema), () => []),
    actionItems: z._default(z.array(actionItemSchema), () => []),
    removedActionItemIds: z._default(z.array(z.string()), () => []),
    datasets: z._default(z.array(datasetSchema), () => []),
    removedDatasetIds: z._default(z.array(z.string()), () => []),
  }),
  // The canvas row as the tab last saved it, so recovery can tell which fields it changed. (Absent in notes from before per-tab notes.)
  metaBase: z.optional(z.nullable(canvasMetaSchema)),
});

export interface StoredNote extends UnsavedNote {
  /** The tab that wrote it (null for a note from before notes were per tab). */
  tabId: string | null;
  /** The localStorage key and text, so the note is removed only if nobody rewrote it meanwhile. */
  key: string;
  text: string;
}

/** Every tab's notes, this one's included. A note that cannot be read is left in place and reported. */
export function readNotes(): StoredNote[] {
  const store = localStore();
  if (!store) return [];
  const notes: StoredNote[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(NOTE_PREFIX)) continue;
    const text = store.getItem(key) ?? '';
    try {
      const parsed = noteSchema.safeParse(JSON.parse(text));
      const rest = key.slice(NOTE_PREFIX.length);
      const tabId = rest.includes(':') ? rest.slice(0, rest.indexOf(':')) : null;
      if (parsed.success) notes.push({ ...(parsed.data as UnsavedNote), metaBase: parsed.data.metaBase ?? null, tabId, key, text });
      else console.warn('Outcome Canvas: an unsaved-changes note could not be read and was left in place.');
    } catch {
      console.warn('Outcome Canvas: an unsaved-changes note is damaged and was left in place.');
    }
  }
  return notes;
}

/** Removes a recovered note, unless its tab has rewritten it since it was read (that tab is still open). */
export function removeRecoveredNote(note: StoredNote): void {
  try {
    const store = localStore();
    if (store?.getItem(note.key) === note.text) store.removeItem(note.key);
  } catch {
    /* left for next time */
  }
}
