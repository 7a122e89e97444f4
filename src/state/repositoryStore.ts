/**
 * The one shared repository for the running app, opened once, when first
 * asked for. The stores await it, so nothing reads or writes before storage
 * has answered.
 */
import { create } from 'zustand';
import { hasNotes } from '../storage/journal';
import type * as JournalNotes from '../storage/journalNotes';
import type { OpenedRepository } from '../storage/openRepository';
import type { OpenProblem } from '../storage/problems';
import type { CanvasRepository } from '../storage/repository';
import { type TabSync, tabSync } from './tabSync';

export interface RepositoryState {
  /** Why canvases are kept in memory only; null when all is well. */
  problem: OpenProblem | null;
  ready: boolean;
  /** Another tab upgraded the database: this one must reload to keep saving. */
  reloadNeeded: boolean;
  /** Opening (or opened): kept here so that a store reset to its initial state opens afresh. */
  opening: Promise<OpenedRepository> | null;
  /** The repository, once opened and once closed tabs' unsaved changes are in it. */
  repository(): Promise<CanvasRepository>;
}

export interface RepositoryStoreOptions {
  tabs: Pick<TabSync, 'announceSaved' | 'openTabIds'>;
  /** Opens storage; `onUpgradedElsewhere` runs when another tab upgrades the database. */
  open?: (onUpgradedElsewhere: () => void) => Promise<OpenedRepository>;
}

/**
 * Storage (Dexie, the validators) is its own chunk, fetched when the app first
 * asks for the repository: the shell and the library's first paint need none of it.
 */
const openStorage: NonNullable<RepositoryStoreOptions['open']> = async (onUpgraded) =>
  (await import('../storage/openRepository')).openRepository(undefined, onUpgraded);

export const createRepositoryStore = ({ tabs, open = openStorage }: RepositoryStoreOptions) =>
  create<RepositoryState>()((set, get) => ({
    problem: null,
    ready: false,
    reloadNeeded: false,
    opening: null,

    async repository() {
      let opening = get().opening;
      if (!opening) {
        // The notes' reader (with the validators) is fetched alongside storage when a tab left notes, not after it has opened.
        const journal = hasNotes() ? import('../storage/journalNotes') : null;
        opening = open(() => set({ reloadNeeded: true })).then(async (result) => {
          await recoverNotes(result, tabs, journal);
          set({ problem: result.problem, ready: true });
          return result;
        });
        set({ opening });
      }
      return (await opening).repository;
    },
  }));

export type RepositoryStore = ReturnType<typeof createRepositoryStore>;

/**
 * Changes noted by tabs that closed or crashed before saving them go into
 * storage before anything is read: every note, newest change per record.
 * Notes of tabs still open are theirs to save.
 */
async function recoverNotes(
  { repository, problem }: OpenedRepository,
  tabs: RepositoryStoreOptions['tabs'],
  journal: Promise<typeof JournalNotes> | null,
): Promise<void> {
  if (problem || !journal) return;
  const { readNotes, removeRecoveredNote } = await journal;
  const notes = readNotes();
  if (!notes.length) return;
  const open = await tabs.openTabIds();
  for (const note of notes) {
    if (note.tabId && open?.has(note.tabId)) continue;
    try {
      await repository.saveNewerChanges(note.canvasId, note.changes, note.metaBase);
      removeRecoveredNote(note);
      // A tab with this canvas open takes in what was recovered.
      tabs.announceSaved(note.canvasId);
    } catch (error) {
      console.warn('Outcome Canvas: unsaved changes could not be recovered yet; they are kept for next time.', error);
    }
  }
}

/** The running app's repository. */
export const useRepositoryStore = createRepositoryStore({ tabs: tabSync });

/** The running app's repository, for the stores' `repository` option and for features that read storage directly. */
export const repository = (): Promise<CanvasRepository> => useRepositoryStore.getState().repository();

/**
 * Opens storage while the rest of the app's code is still loading (main.tsx), unless a closed
 * tab left unsaved-changes notes: recovering them tells the other tabs, whose channel the app
 * starts only once it has loaded, so then storage opens when the app first asks, as before.
 */
export function openStorageEarly(): void {
  if (!hasNotes()) repository().catch(() => {}); // a failure is met again, and shown, by whatever asks next
}
