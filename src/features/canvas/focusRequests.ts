/**
 * Where keyboard focus goes among cards.
 *
 * Each step's cards are one Tab stop (a roving tabindex, WAI-ARIA Authoring
 * Practices "Keyboard navigation inside components"): the card last focused
 * in a step keeps tabindex 0, the others -1, and arrow keys move between
 * them. A new card asks for focus when it mounts; a card kept in place asks
 * after the render that moved it.
 */
import { create } from 'zustand';
import type { StepId } from '../../domain/model';

interface RovingState {
  /** The card in each step that Tab lands on (the last one focused). */
  current: Partial<Record<StepId, string>>;
}

export const useRovingCard = create<RovingState>(() => ({ current: {} }));

export function setRovingCard(step: StepId, cardId: string): void {
  if (useRovingCard.getState().current[step] === cardId) return;
  useRovingCard.setState((state) => ({ current: { ...state.current, [step]: cardId } }));
}

/** A canvas starts with Tab landing on each step's first card. */
export function resetRovingCards(): void {
  useRovingCard.setState({ current: {} });
}

export const cardElement = (cardId: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`);

/** A new card opens for editing when it mounts. */
let pendingEdit: string | null = null;

export function requestCardEdit(cardId: string): void {
  pendingEdit = cardId;
}

export const isCardEditRequested = (cardId: string): boolean => pendingEdit === cardId;

export function clearCardEditRequest(cardId: string): void {
  if (pendingEdit === cardId) pendingEdit = null;
}

let focusRequest: string | null = null;

/**
 * Focus the card once the change that moved it is on screen (the next
 * frame), or sooner: the list that loses focus as the change goes in hands it
 * straight to the card (`focusRequestedCard`), so the browser lays the board
 * out once, not for a neighbour and then again for the card. If the card is
 * no longer on screen (moved to a step this view does not show), its list has
 * already moved focus to the card that took its place.
 */
export function focusCardAfterRender(cardId: string): void {
  focusRequest = cardId;
  requestAnimationFrame(() => {
    if (focusRequest !== cardId) return;
    focusRequest = null;
    cardElement(cardId)?.focus();
  });
}

/** Focuses the card a change asked for, if it is in the page by now: true when it did. */
export function focusRequestedCard(): boolean {
  const card = focusRequest ? cardElement(focusRequest) : null;
  if (!card) return false;
  focusRequest = null;
  card.focus();
  return true;
}

/**
 * Left and Right between columns keep the row a person started from, as a
 * text editor keeps the column when the cursor crosses a short line.
 */
let goalRow: number | null = null;

export function rememberRow(row: number | null): void {
  goalRow = row;
}

export function goalRowOr(row: number): number {
  return goalRow ?? row;
}

/** The ethics check to bring into view when its step opens (from the concerns list). */
let pendingCheck: string | null = null;

export function requestCheckFocus(elementId: string): void {
  pendingCheck = elementId;
}

export function takeCheckFocusRequest(elementId: string): boolean {
  if (pendingCheck !== elementId) return false;
  pendingCheck = null;
  return true;
}
