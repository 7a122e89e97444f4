/**
 * The one shared repository for the running app, opened once. The stores
 * await it, so nothing reads or writes before storage has answered.
 */
import { create } from 'zustand';
import { clearJournal, readJournals } from '../storage/journal';
import { type OpenedStorage, openRepository } from '../storage/repository';

let opening: Promise<OpenedStorage> | null = null;

interface StorageState {
  /** Why canvases are kept in memory only, in words for the user; null when all is well. */
  problem: string | null;
  ready: boolean;
  /** Another tab upgraded the database: this one must reload to keep saving. */
  reloadNeeded: boolean;
}

export const useStorageState = create<StorageState>(() => ({ problem: null, ready: false, reloadNeeded: false }));

const upgradedElsewhereListeners = new Set<() => void>();
/** Called when another tab upgrades the database (the open canvas notes its unsaved changes). */
export function onUpgradedElsewhere(listener: () => void): void {
  upgradedElsewhereListeners.add(listener);
}

export function storage(): Promise<OpenedStorage> {
  opening ??= openRepository(undefined, () => {
    upgradedElsewhereListeners.forEach((listener) => listener());
    useStorageState.setState({ reloadNeeded: true });
  }).then(async (opened) => {
    await recoverJournals(opened);
    useStorageState.setState({ problem: opened.problem, ready: true });
    return opened;
  });
  return opening;
}

/** Changes noted as a tab closed go into storage before anything is read. */
async function recoverJournals({ repository, problem }: OpenedStorage): Promise<void> {
  if (problem) return;
  for (const entry of readJournals()) {
    try {
      await repository.applyJournal(entry);
      clearJournal(entry.canvasId);
    } catch (error) {
      console.warn('Outcome Canvas: unsaved changes could not be recovered yet; they are kept for next time.', error);
    }
  }
}

export async function repository() {
  return (await storage()).repository;
}

/** Tests open a fresh database each time. */
export function resetStorageForTests(): void {
  opening = null;
  useStorageState.setState({ problem: null, ready: false, reloadNeeded: false });
}
