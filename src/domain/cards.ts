/**
 * Card operations. Every function takes a canvas and returns a new one
 * (never mutating its input), so undo is a stack of references and the
 * storage layer can find what changed by comparing references. An
 * operation that changes nothing returns the very same canvas.
 *
 * Operations that can be refused (a vote past the limit, parking a card
 * that is gone) return a `Refusal` with a sentence for the user instead.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { type IdMap, recordOf, withRecords } from './idMap';
import { type Canvas, type Card, type CardColour, type Refusal, type StepId, LIMITS, newCardRecord, refuse } from './model';
import { clampText, oneLine } from './text';
import { byOrder, cardsInStep, countLiveCards, exampleCards, isOnBoard, liveCard, parkedCards, stepsWithContent } from './cardQueries';

export { byOrder, cardsInStep, countLiveCards, exampleCards, isOnBoard, liveCard, parkedCards, stepsWithContent };

function withCards(canvas: Canvas, changed: Card[], now: number): Canvas {
  return { ...canvas, cards: withRecords(canvas.cards, changed) as IdMap<Card>, updatedAt: now };
}

const clampCardText = (text: string) => clampText(text, LIMITS.cardTextLength);

/**
 * Order keys for a slot between two neighbours. Two cards can share a key
 * after a merge of concurrent inserts; then the list is re-keyed, which is
 * the one case where a move rewrites siblings.
 */
export function orderKeyAt<T extends { order: string }>(siblings: T[], index: number): { key: string; rekeyed: T[] } {
  const before = siblings[index - 1]?.order ?? null;
  const after = siblings[index]?.order ?? null;
  if (before === null || after === null || before < after) {
    return { key: generateKeyBetween(before, after), rekeyed: [] };
  }
  const keys = generateNKeysBetween(null, null, siblings.length + 1);
  const rekeyed: T[] = [];
  siblings.forEach((item, i) => {
    const key = keys[i < index ? i : i + 1]!;
    rekeyed.push({ ...item, order: key });
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

/** Adds a card to a step. At the card limit the canvas comes back unchanged (the UI says why with `cardLimitRefusal`). */
export function addCard(canvas: Canvas, input: NewCard, now: number): Canvas {
  if (cardLimitRefusal(canvas)) return canvas;
  const siblings = cardsInStep(canvas, input.step);
  const index = Math.max(0, Math.min(input.index ?? siblings.length, siblings.length));
  const { key, rekeyed } = orderKeyAt(siblings, index);
  const card = newCardRecord(
    { id: input.id, step: input.step, order: key, text: clampCardText(input.text ?? ''), colour: input.colour ?? 'yellow' },
    now,
  );
  return withCards(canvas, [...rekeyed, card], now);
}

/** Why no card can be added, or null when one can. */
export function cardLimitRefusal(canvas: Canvas): Refusal | null {
  // The sentence is written only when needed: formatting a number loads the browser's locale data,
  // ~4 ms of the first visit's start on this machine when this module was evaluated.
  return countLiveCards(canvas) >= LIMITS.cardsPerCanvas
    ? refuse(`A canvas can hold at most ${LIMITS.cardsPerCanvas.toLocaleString('en-GB')} cards. Delete some, or start a new canvas.`)
    : null;
}

function updateCard(canvas: Canvas, id: string, now: number, change: (card: Card) => Card | null): Canvas {
  const card = recordOf(canvas.cards, id);
  if (!card) return canvas;
  const next = change(card);
  if (!next) return canvas;
  return withCards(canvas, [{ ...next, updatedAt: now }], now);
}

export function setCardText(canvas: Canvas, id: string, text: string, now: number): Canvas {
  const clamped = clampCardText(text);
  return updateCard(canvas, id, now, (card) => (card.text === clamped ? null : { ...card, text: clamped }));
}

export function setCardColour(canvas: Canvas, id: string, colour: CardColour, now: number): Canvas {
  return updateCard(canvas, id, now, (card) => (card.colour === colour ? null : { ...card, colour }));
}

/** Soft delete. Links to the card stay and are ignored while it is deleted, so undo brings them back. */
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
 * key only: a move is never a delete plus an insert. Moving a parked card
 * brings it back onto the board. Golden-thread links survive a move; one
 * whose direction no longer fits is reported by `misfitLinks`, not dropped.
 */
export function moveCard(canvas: Canvas, id: string, to: CardDestination, now: number): Canvas {
  const card = liveCard(canvas, id);
  if (!card) return canvas;
  const siblings = cardsInStep(canvas, to.step).filter((other) => other.id !== id);
  const index = Math.max(0, Math.min(to.index, siblings.length));
  if (card.parkedAt === null) {
    const currentIndex = cardsInStep(canvas, card.step).findIndex((other) => other.id === id);
    if (card.step === to.step && currentIndex === index) return canvas;
  }
  const { key, rekeyed } = orderKeyAt(siblings, index);
  return withCards(canvas, [...rekeyed, { ...card, step: to.step, order: key, parkedAt: null, updatedAt: now }], now);
}

export type MoveCommand = 'up' | 'down' | 'top' | 'bottom' | { step: StepId };

/** The non-drag moves offered by the "Move to..." menu (WCAG 2.2 SC 2.5.7). */
export function applyMoveCommand(canvas: Canvas, id: string, command: MoveCommand, now: number): Canvas {
  const card = liveCard(canvas, id);
  if (!card || card.parkedAt !== null) return canvas;
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

/** Where a card sits, for announcements: "position 2 of 5 in Action". Null for a parked or deleted card. */
export function cardPosition(canvas: Canvas, id: string): { step: StepId; index: number; count: number } | null {
  const card = liveCard(canvas, id);
  if (!card || card.parkedAt !== null) return null;
  const siblings = cardsInStep(canvas, card.step);
  return { step: card.step, index: siblings.findIndex((other) => other.id === id), count: siblings.length };
}

// ---- Dot votes --------------------------------------------------------------

const NO_SUCH_CARD = refuse('That card is no longer on the canvas.');

/**
 * Sets a card's dot votes, as a scribe types them in. Refused past
 * LIMITS.votesPerCard, below zero or for a fraction.
 */
export function setVotes(canvas: Canvas, id: string, votes: number, now: number): Canvas | Refusal {
  if (!liveCard(canvas, id)) return NO_SUCH_CARD;
  if (!Number.isInteger(votes)) return refuse('Votes are whole numbers: give a number such as 3.');
  if (votes < 0) return refuse('A card cannot have fewer than 0 votes.');
  if (votes > LIMITS.votesPerCard)
    return refuse(`A card can hold at most ${LIMITS.votesPerCard} votes; ${votes.toLocaleString('en-GB')} is more than that.`);
  return updateCard(canvas, id, now, (card) => (card.votes === votes ? null : { ...card, votes }));
}

/** One more dot. Refused at LIMITS.votesPerCard. */
export function addVote(canvas: Canvas, id: string, now: number): Canvas | Refusal {
  const card = liveCard(canvas, id);
  if (!card) return NO_SUCH_CARD;
  if (card.votes >= LIMITS.votesPerCard) return refuse(`This card already has ${LIMITS.votesPerCard} votes, the most a card can hold.`);
  return setVotes(canvas, id, card.votes + 1, now);
}

/** One dot fewer. Refused when the card has none. */
export function removeVote(canvas: Canvas, id: string, now: number): Canvas | Refusal {
  const card = liveCard(canvas, id);
  if (!card) return NO_SUCH_CARD;
  if (card.votes === 0) return refuse('This card has no votes to take away.');
  return setVotes(canvas, id, card.votes - 1, now);
}

/** Clears every card's votes, for a new round of voting. */
export function clearVotes(canvas: Canvas, now: number): Canvas {
  const changed = Object.values(canvas.cards)
    .filter((card) => card.votes !== 0)
    .map((card) => ({ ...card, votes: 0, updatedAt: now }));
  return changed.length ? withCards(canvas, changed, now) : canvas;
}

/** Each card's votes, of the cards that have any: what `clearVotes` takes away, for `restoreVotes`. */
export function votesOnCards(canvas: Canvas): ReadonlyArray<readonly [id: string, votes: number]> {
  return Object.values(canvas.cards)
    .filter((card) => card.votes > 0)
    .map((card) => [card.id, card.votes] as const);
}

/** Puts back votes taken away by `clearVotes`, on the cards still in the canvas. */
export function restoreVotes(canvas: Canvas, votes: ReadonlyArray<readonly [id: string, votes: number]>, now: number): Canvas {
  const changed = votes.flatMap(([id, count]) => {
    const card = recordOf(canvas.cards, id);
    return card && card.votes !== count ? [{ ...card, votes: count, updatedAt: now }] : [];
  });
  return changed.length ? withCards(canvas, changed, now) : canvas;
}

/** All votes on cards on the board and in the parking lot. */
export function totalVotes(canvas: Canvas): number {
  let total = 0;
  for (const card of Object.values(canvas.cards)) if (card.deletedAt === null) total += card.votes;
  return total;
}

/** A step's cards, most votes first (ties keep their display order). A view: nothing is reordered. */
export function cardsByVotes(canvas: Canvas, step: StepId): Card[] {
  return cardsInStep(canvas, step)
    .map((card, index) => ({ card, index }))
    .sort((a, b) => b.card.votes - a.card.votes || a.index - b.index)
    .map(({ card }) => card);
}

/** Reorders a step by votes, most first, when the facilitator asks for it (one undoable step). */
export function sortStepByVotes(canvas: Canvas, step: StepId, now: number): Canvas {
  const current = cardsInStep(canvas, step);
  const sorted = cardsByVotes(canvas, step);
  if (sorted.every((card, i) => card === current[i])) return canvas;
  const keys = generateNKeysBetween(null, null, sorted.length);
  return withCards(
    canvas,
    sorted.map((card, i) => ({ ...card, order: keys[i]!, updatedAt: now })),
    now,
  );
}

// ---- Agreed -------------------------------------------------------------------

/** Marks a card as one the room agreed to take forward, or takes the mark off. */
export function setAgreed(canvas: Canvas, id: string, agreed: boolean, now: number): Canvas {
  if (!liveCard(canvas, id)) return canvas;
  return updateCard(canvas, id, now, (card) => (card.agreed === agreed ? null : { ...card, agreed }));
}

/** A step's agreed cards, in display order. */
export function agreedCards(canvas: Canvas, step: StepId): Card[] {
  return cardsInStep(canvas, step).filter((card) => card.agreed);
}

// ---- Parking lot -----------------------------------------------------------------

/**
 * Parks a card: it leaves its step for the end of the parking lot, keeping
 * its step (where it came from), text, votes and links.
 */
export function parkCard(canvas: Canvas, id: string, now: number): Canvas | Refusal {
  const card = liveCard(canvas, id);
  if (!card) return NO_SUCH_CARD;
  if (card.parkedAt !== null) return canvas;
  const lot = parkedCards(canvas);
  const { key, rekeyed } = orderKeyAt(lot, lot.length);
  return withCards(canvas, [...rekeyed, { ...card, parkedAt: now, order: key, updatedAt: now }], now);
}

/** Brings a parked card back to the end of a step: the one it came from unless another is given. */
export function bringBackCard(canvas: Canvas, id: string, now: number, step?: StepId): Canvas | Refusal {
  const card = liveCard(canvas, id);
  if (!card) return NO_SUCH_CARD;
  if (card.parkedAt === null) return refuse('That card is not in the parking lot.');
  const to = step ?? card.step;
  return moveCard(canvas, id, { step: to, index: cardsInStep(canvas, to).length }, now);
}

/**
 * Writes an item straight into the parking lot: a card created parked,
 * with the step the facilitator was on (or chose). Refused when empty or at
 * the card limit.
 */
export function addParkedItem(canvas: Canvas, input: { id: string; step: StepId; text: string }, now: number): Canvas | Refusal {
  if (input.text.trim() === '') return refuse('Write what to park first.');
  const full = cardLimitRefusal(canvas);
  if (full) return full;
  const lot = parkedCards(canvas);
  const { key, rekeyed } = orderKeyAt(lot, lot.length);
  const card = newCardRecord({ id: input.id, step: input.step, order: key, text: clampCardText(input.text), parkedAt: now }, now);
  return withCards(canvas, [...rekeyed, card], now);
}

// ---- Example cards from templates ----------------------------------------------

/** "Keep as our own card": the card stops being an example. Its source, if any, stays as a record of where it came from. */
export function keepAsOwnCard(canvas: Canvas, id: string, now: number): Canvas {
  if (!liveCard(canvas, id)) return canvas;
  return updateCard(canvas, id, now, (card) => (card.example ? { ...card, example: false } : null));
}

/** "Remove all examples": deletes every example card in one undoable step. */
export function removeAllExamples(canvas: Canvas, now: number): Canvas {
  const doomed = exampleCards(canvas).map((card) => ({ ...card, deletedAt: now, updatedAt: now }));
  return doomed.length ? withCards(canvas, doomed, now) : canvas;
}

/** Sets where a card's text comes from (one line, LIMITS.shortTextLength). */
export function setCardSource(canvas: Canvas, id: string, source: string, now: number): Canvas {
  const next = clampText(oneLine(source), LIMITS.shortTextLength);
  return updateCard(canvas, id, now, (card) => (card.source === next ? null : { ...card, source: next }));
}
