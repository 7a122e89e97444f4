import { create } from 'zustand';

export type SaveState = 'saved' | 'saving' | 'error';

interface SaveStatus {
  state: SaveState;
  /** What went wrong, in words for the user, when state is 'error'. */
  message: string | null;
}

export const useSaveStatus = create<SaveStatus>(() => ({ state: 'saved', message: null }));

export function setSaveStatus(state: SaveState, message: string | null = null): void {
  useSaveStatus.setState({ state, message });
}
