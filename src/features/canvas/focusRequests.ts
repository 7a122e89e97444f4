/**
 * Where keyboard focus should land after a card is added or moved between
 * lists: the card's component is new then, so it asks on mount.
 */
export type CardFocusTarget = 'text' | 'move';

let pending: { cardId: string; target: CardFocusTarget } | null = null;

export function requestCardFocus(cardId: string, target: CardFocusTarget): void {
  pending = { cardId, target };
}

/** True while a request for this card has not been taken: the card is not on screen. */
export function isCardFocusPending(cardId: string): boolean {
  return pending?.cardId === cardId;
}

export function cancelCardFocusRequest(): void {
  pending = null;
}

export function takeCardFocusRequest(cardId: string): CardFocusTarget | null {
  if (pending?.cardId !== cardId) return null;
  const { target } = pending;
  pending = null;
  return target;
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
