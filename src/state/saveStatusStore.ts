/** Whether the open canvas's latest changes are stored: shown in the header, explained in the banner. */
import { create } from 'zustand';
import type { WriteProblem } from '../storage/problems';

export type SaveState = 'saved' | 'saving' | 'error';

interface SaveStatus {
  state: SaveState;
  /** What went wrong when state is 'error' (put into words by `saveProblems.ts`). */
  problem: WriteProblem | null;
}

export const useSaveStatusStore = create<SaveStatus>(() => ({ state: 'saved', problem: null }));

export function setSaveStatus(state: SaveState, problem: WriteProblem | null = null): void {
  useSaveStatusStore.setState({ state, problem });
}
