/**
 * One polite live region for the canvas screen: what a key on a card did
 * ("Card 2 in Outcome: 3 votes.") is said without moving focus or putting a
 * message on the projector.
 */
import { create } from 'zustand';

interface AnnouncerState {
  message: string;
  /** Bumped on each message, so saying the same sentence twice is heard twice. */
  serial: number;
}

export const useAnnouncer = create<AnnouncerState>(() => ({ message: '', serial: 0 }));

export function announce(message: string): void {
  useAnnouncer.setState((state) => ({ message, serial: state.serial + 1 }));
}
