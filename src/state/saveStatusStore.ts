/** Whether the open canvas's latest changes are stored: shown in the header, explained in the banner. */
import { create } from 'zustand';
import type { WriteProblem } from '../storage/problems';
import type { SaveState } from './autosave';

export type { SaveState };

export interface SaveStatusState {
  state: SaveState;
  /** What went wrong when state is 'error' (put into words by `saveProblems.ts`). */
  problem: WriteProblem | null;
  /** When a save worked again after failing ones, so the app can say everything is saved again. */
  savedAgainAt: number | null;
  /** The autosaver's report (its `onStatus`). */
  report(state: SaveState, problem?: WriteProblem | null, savedAgain?: boolean): void;
}

export const createSaveStatusStore = () =>
  create<SaveStatusState>()((set) => ({
    state: 'saved',
    problem: null,
    savedAgainAt: null,
    report(state, problem = null, savedAgain = false) {
      set((status) => ({
        state,
        problem,
        savedAgainAt: savedAgain ? Date.now() : state === 'error' ? null : status.savedAgainAt,
      }));
    },
  }));

export type SaveStatusStore = ReturnType<typeof createSaveStatusStore>;

/** The running app's save status. */
export const useSaveStatusStore = createSaveStatusStore();
