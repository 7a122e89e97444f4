/**
 * Which cards a canvas shows, and where: read-only questions about its cards, with nothing of the
 * operations that change them (`cards.ts`, which re-exports these). The board painted before the
 * app loads (`features/canvas/boardPicture.ts`) uses these without loading the operations (the
 * order keys' library among them).
 */
import { recordOf } from './idMap';
import { type Canvas, type Card, type StepId, STEP_IDS } from './model';

export function byOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order < b.order) return -1;
  if (a.order > b.order) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A card on the board: not deleted and not parked. */
export const isOnBoard = (card: Card) => card.deletedAt === null && card.parkedAt === null;

/** The cards the user sees in a step, in display order (parked and deleted cards left out). */
export function cardsInStep(canvas: Canvas, step: StepId): Card[] {
  return Object.values(canvas.cards)
    .filter((card) => card.step === step && isOnBoard(card))
    .sort(byOrder);
}

/** The parking lot, in its own order. Each card's `step` says where it came from. */
export function parkedCards(canvas: Canvas): Card[] {
  return Object.values(canvas.cards)
    .filter((card) => card.deletedAt === null && card.parkedAt !== null)
    .sort(byOrder);
}

/** Cards not deleted, parked ones included: what counts against the card limit. */
export function countLiveCards(canvas: Canvas): number {
  let count = 0;
  for (const card of Object.values(canvas.cards)) if (card.deletedAt === null) count++;
  return count;
}

export const liveCard = (canvas: Canvas, id: string): Card | undefined => {
  const card = recordOf(canvas.cards, id);
  return card && card.deletedAt === null ? card : undefined;
};

export function stepsWithContent(canvas: Canvas): StepId[] {
  return STEP_IDS.filter((step) => cardsInStep(canvas, step).length > 0);
}

/** Live example cards (on the board or parked). */
export function exampleCards(canvas: Canvas): Card[] {
  return Object.values(canvas.cards).filter((card) => card.deletedAt === null && card.example);
}
