/**
 * The one shared repository for the running app, opened once. The stores
 * await it, so nothing reads or writes before storage has answered.
 */
import { create } from 'zustand';
import { readNotes, removeRecoveredNote } from '../storage/journal';
import { type OpenedRepository, openRepository } from '../storage/openRepository';
import type { OpenProblem } from '../storage/problems';
import type { CanvasRepository } from '../storage/repository';
import { announceSaved, openTabIds } from './tabSync';

let opening: Promise<OpenedRepository> | null = null;

interface RepositoryState {
  /** Why canvases are kept in memory only; null when all is well. */
  problem: OpenProblem | null;
  ready: boolean;
  /** Another tab upgraded the database: this one must reload to keep saving. */
  reloadNeeded: boolean;
}

export const useRepositoryStore = create<RepositoryState>(() => ({ problem: null, ready: false, reloadNeeded: false }));

const upgradedElsewhereListeners = new Set<() => void>();
/** Called when another tab upgrades the database (the open canvas notes its unsaved changes). */
export function onUpgradedElsewhere(listener: () => void): void {
  upgradedElsewhereListeners.add(listener);
}

function opened(): Promise<OpenedRepository> {
  opening ??= openRepository(undefined, () => {
    upgradedElsewhereListeners.forEach((listener) => listener());
    useRepositoryStore.setState({ reloadNeeded: true });
  }).then(async (result) => {
    await recoverNotes(result);
    useRepositoryStore.setState({ problem: result.problem, ready: true });
    return result;
  });
  return opening;
}

/**
 * Changes noted by tabs that closed or crashed before saving them go into
 * storage before anything is read: every note, newest change per record.
 * Notes of tabs still open are theirs to save.
 */
async function recoverNotes({ repository, problem }: OpenedRepository): Promise<void> {
  if (problem) return;
  const notes = readNotes();
  if (!notes.length) return;
  const open = await openTabIds();
  for (const note of notes) {
    if (note.tabId && open?.has(note.tabId)) continue;
    try {
      await repository.saveNewerChanges(note.canvasId, note.changes, note.metaBase);
      removeRecoveredNote(note);
      // A tab with this canvas open takes in what was recovered.
      announceSaved(note.canvasId);
    } catch (error) {
      console.warn('Outcome Canvas: unsaved changes could not be recovered yet; they are kept for next time.', error);
    }
  }
}

export async function repository(): Promise<CanvasRepository> {
  return (await opened()).repository;
}

/** Tests open a fresh database each time. */
export function resetRepositoryForTests(): void {
  opening = null;
  useRepositoryStore.setState({ problem: null, ready: false, reloadNeeded: false });
}
