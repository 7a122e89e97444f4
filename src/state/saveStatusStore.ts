/** Whether the open canvas's latest changes are stored: shown in the header, explained in the banner. */
import { create } from 'zustand';
import type { WriteProblem } from '../storage/problems';
import type { SaveState } from './autosave';

export type { SaveState };

interface SaveStatus {
  state: SaveState;
  /** What went wrong when state is 'error' (put into words by `saveProblems.ts`). */
  problem: WriteProblem | null;
  /** When a save worked again after failing ones, so the app can say everything is saved again. */
  savedAgainAt: number | null;
}

export const useSaveStatusStore = create<SaveStatus>(() => ({ state: 'saved', problem: null, savedAgainAt: null }));

export function setSaveStatus(state: SaveState, problem: WriteProblem | null = null, savedAgain = false): void {
  useSaveStatusStore.setState((status) => ({
    state,
    problem,
    savedAgainAt: savedAgain ? Date.now() : state === 'error' ? null : status.savedAgainAt,
  }));
}
