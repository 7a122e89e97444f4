/**
 * The one shared repository for the running app, opened once. The stores
 * await it, so nothing reads or writes before storage has answered.
 */
import { create } from 'zustand';
import { clearJournal, readJournals } from '../storage/journal';
import { type OpenedRepository, openRepository } from '../storage/openRepository';
import type { OpenProblem } from '../storage/problems';
import type { CanvasRepository } from '../storage/repository';

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
    await recoverJournals(result);
    useRepositoryStore.setState({ problem: result.problem, ready: true });
    return result;
  });
  return opening;
}

/** Changes noted as a tab closed go into storage before anything is read. */
async function recoverJournals({ repository, problem }: OpenedRepository): Promise<void> {
  if (problem) return;
  for (const entry of readJournals()) {
    try {
      await repository.saveNewerChanges(entry.canvasId, entry.changes);
      clearJournal(entry.canvasId);
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
