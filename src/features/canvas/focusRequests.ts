/**
 * Where keyboard focus should land after a card is added or moved between
 * lists: the card's component is new then, so it asks on mount.
 */
export type CardFocusTarget = 'text' | 'move';

let pending: { cardId: string; target: CardFocusTarget } | null = null;

export function requestCardFocus(cardId: string, target: CardFocusTarget): void {
  pending = { cardId, target };
}

export function takeCardFocusRequest(cardId: string): CardFocusTarget | null {
  if (pending?.cardId !== cardId) return null;
  const { target } = pending;
  pending = null;
  return target;
}
