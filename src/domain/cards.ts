/**
 * Card operations. Every function takes a canvas and returns a new one
 * (never mutating its input), so undo is a stack of references and the
 * storage layer can find what changed by comparing references.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { type Canvas, type Card, type CardColour, type StepId, LIMITS, STEP_IDS } from './model';

export function byOrder(a: Card, b: Card): number {
  if (a.order < b.order) return -1;
  if (a.order > b.order) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The cards the user sees in a step, in display order. */
export function cardsInStep(canvas: Canvas, step: StepId): Card[] {
  return Object.values(canvas.cards)
    .filter((card) => card.step === step && card.deletedAt === null)
    .sort(byOrder);
}

export function countLiveCards(canvas: Canvas): number {
  let count = 0;
  for (const card of Object.values(canvas.cards)) if (card.deletedAt === null) count++;
  return count;
}

function withCards(canvas: Canvas, changed: Card[], now: number): Canvas {
  const cards = { ...canvas.cards };
  for (const card of changed) cards[card.id] = card;
  return { ...canvas, cards, updatedAt: now };
}

function clampText(text: string): string {
  return text.length > LIMITS.cardTextLength ? text.slice(0, LIMITS.cardTextLength) : text;
}

/**
 * Order keys for a slot between two neighbours. Two cards can share a key
 * after a merge of concurrent inserts; then the step is re-keyed, which is
 * the one case where a move rewrites siblings.
 */
function orderKeyAt(siblings: Card[], index: number): { key: string; rekeyed: Card[] } {
  const before = siblings[index - 1]?.order ?? null;
  const after = siblings[index]?.order ?? null;
  if (before === null || after === null || before < after) {
    return { key: generateKeyBetween(before, after), rekeyed: [] };
  }
  const keys = generateNKeysBetween(null, null, siblings.length + 1);
  const rekeyed: Card[] = [];
  siblings.forEach((card, i) => {
    const key = keys[i < index ? i : i + 1]!;
    rekeyed.push({ ...card, order: key });
  });
  return { key: keys[index]!, rekeyed };
}

export interface NewCard {
  id: string;
  step: StepId;
  text?: string;
  colour?: CardColour;
  /** Where to insert among the step's cards; defaults to the end. */
  index?: number;
}

export function addCard(canvas: Canvas, input: NewCard, now: number): Canvas {
  const siblings = cardsInStep(canvas, input.step);
  const index = Math.max(0, Math.min(input.index ?? siblings.length, siblings.length));
  const { key, rekeyed } = orderKeyAt(siblings, index);
  const card: Card = {
    id: input.id,
    step: input.step,
    order: key,
    text: clampText(input.text ?? ''),
    colour: input.colour ?? 'yellow',
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  return withCards(canvas, [...rekeyed, card], now);
}

function updateCard(canvas: Canvas, id: string, now: number, change: (card: Card) => Card | null): Canvas {
  const card = canvas.cards[id];
  if (!card) return canvas;
  const next = change(card);
  if (!next) return canvas;
  return withCards(canvas, [{ ...next, updatedAt: now }], now);
}

export function setCardText(canvas: Canvas, id: string, text: string, now: number): Canvas {
  const clamped = clampText(text);
  return updateCard(canvas, id, now, (card) => (card.text === clamped ? null : { ...card, text: clamped }));
}

export function setCardColour(canvas: Canvas, id: string, colour: CardColour, now: number): Canvas {
  return updateCard(canvas, id, now, (card) => (card.colour === colour ? null : { ...card, colour }));
}

export function deleteCard(canvas: Canvas, id: string, now: number): Canvas {
  return updateCard(canvas, id, now, (card) => (card.deletedAt !== null ? null : { ...card, deletedAt: now }));
}

export function restoreCard(canvas: Canvas, id: string, now: number): Canvas {
  return updateCard(canvas, id, now, (card) => (card.deletedAt === null ? null : { ...card, deletedAt: null }));
}

export interface CardDestination {
  step: StepId;
  /** Position among the destination step's cards once the moved card is taken out. */
  index: number;
}

/**
 * Moves a card to a step and position. Changes the card's step and order
 * key only: a move is never a delete plus an insert.
 */
export function moveCard(canvas: Canvas, id: string, to: CardDestination, now: number): Canvas {
  const card = canvas.cards[id];
  if (!card || card.deletedAt !== null) return canvas;
  const siblings = cardsInStep(canvas, to.step).filter((other) => other.id !== id);
  const index = Math.max(0, Math.min(to.index, siblings.length));
  const currentIndex = cardsInStep(canvas, card.step).findIndex((other) => other.id === id);
  if (card.step === to.step && currentIndex === index) return canvas;
  const { key, rekeyed } = orderKeyAt(siblings, index);
  return withCards(canvas, [...rekeyed, { ...card, step: to.step, order: key, updatedAt: now }], now);
}

export type MoveCommand = 'up' | 'down' | 'top' | 'bottom' | { step: StepId };

/** The non-drag moves offered by the "Move to..." menu (WCAG 2.2 SC 2.5.7). */
export function applyMoveCommand(canvas: Canvas, id: string, command: MoveCommand, now: number): Canvas {
  const card = canvas.cards[id];
  if (!card) return canvas;
  const siblings = cardsInStep(canvas, card.step);
  const index = siblings.findIndex((other) => other.id === id);
  const last = siblings.length - 1;
  if (typeof command === 'object') {
    if (command.step === card.step) return canvas;
    return moveCard(canvas, id, { step: command.step, index: cardsInStep(canvas, command.step).length }, now);
  }
  const target = { up: index - 1, down: index + 1, top: 0, bottom: last }[command];
  return moveCard(canvas, id, { step: card.step, index: Math.max(0, Math.min(target, last)) }, now);
}

/** Where a card sits, for announcements: "position 2 of 5 in Action". */
export function cardPosition(canvas: Canvas, id: string): { step: StepId; index: number; count: number } | null {
  const card = canvas.cards[id];
  if (!card || card.deletedAt !== null) return null;
  const siblings = cardsInStep(canvas, card.step);
  return { step: card.step, index: siblings.findIndex((other) => other.id === id), count: siblings.length };
}

export function stepsWithContent(canvas: Canvas): StepId[] {
  return STEP_IDS.filter((step) => cardsInStep(canvas, step).length > 0);
}
