// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  addCard,
  addParkedItem,
  addVote,
  agreedCards,
  applyMoveCommand,
  bringBackCard,
  cardPosition,
  cardsByVotes,
  cardsInStep,
  clearVotes,
  restoreVotes,
  votesOnCards,
  countLiveCards,
  deleteCard,
  exampleCards,
  keepAsOwnCard,
  moveCard,
  parkCard,
  parkedCards,
  removeAllExamples,
  removeVote,
  restoreCard,
  setAgreed,
  setCardColour,
  setCardSource,
  setCardText,
  setVotes,
  sortStepByVotes,
  stepsWithContent,
  totalVotes,
} from '../../../src/domain/cards';
import { withRecords } from '../../../src/domain/idMap';
import { type Canvas, LIMITS, createCanvas, isRefusal } from '../../../src/domain/model';
import { T0, buildCanvas, card, idsIn, snapshot, textsIn, applied } from '../helpers/canvasBuilder';

const LATER = T0 + 1000;

describe('addCard', () => {
  it('adds a new card at the end of its step by default', () => {
    const canvas = buildCanvas({ cards: { outcome: ['First', 'Second'] } });
    const next = addCard(canvas, { id: 'new', step: 'outcome', text: 'Third' }, LATER);
    expect(textsIn(next, 'outcome')).toEqual(['First', 'Second', 'Third']);
    expect(card(next, 'new')).toMatchObject({ step: 'outcome', colour: 'yellow', deletedAt: null, createdAt: LATER, updatedAt: LATER });
    expect(next.updatedAt).toBe(LATER);
  });

  it('inserts at the given index among the step’s cards', () => {
    const canvas = buildCanvas({ cards: { action: ['A', 'B', 'C'] } });
    expect(textsIn(addCard(canvas, { id: 'x', step: 'action', text: 'X', index: 0 }, LATER), 'action')).toEqual(['X', 'A', 'B', 'C']);
    expect(textsIn(addCard(canvas, { id: 'x', step: 'action', text: 'X', index: 2 }, LATER), 'action')).toEqual(['A', 'B', 'X', 'C']);
  });

  it('puts a card with an out-of-range index at the nearest end', () => {
    const canvas = buildCanvas({ cards: { action: ['A', 'B'] } });
    expect(textsIn(addCard(canvas, { id: 'x', step: 'action', text: 'X', index: 99 }, LATER), 'action')).toEqual(['A', 'B', 'X']);
    expect(textsIn(addCard(canvas, { id: 'x', step: 'action', text: 'X', index: -5 }, LATER), 'action')).toEqual(['X', 'A', 'B']);
  });

  it('does not touch other steps or the existing cards', () => {
    const canvas = buildCanvas({ cards: { outcome: ['O'], action: ['A'] } });
    const before = snapshot(canvas);
    const next = addCard(canvas, { id: 'x', step: 'action', text: 'X', index: 0 }, LATER);
    expect(canvas).toEqual(before);
    expect(next.cards['outcome-1']).toBe(canvas.cards['outcome-1']);
    expect(next.cards['action-1']).toBe(canvas.cards['action-1']);
  });

  it('clamps the text of a new card to the card limit', () => {
    const next = addCard(createCanvas('c', T0), { id: 'x', step: 'outcome', text: 'a'.repeat(LIMITS.cardTextLength + 50) }, T0);
    expect(card(next, 'x').text).toHaveLength(LIMITS.cardTextLength);
  });
});

describe('cardsInStep', () => {
  it('lists a step’s live cards in display order, leaving out deleted cards and other steps', () => {
    let canvas = buildCanvas({ cards: { outcome: ['One', 'Two', 'Three'], action: ['Elsewhere'] } });
    canvas = addCard(canvas, { id: 'top', step: 'outcome', text: 'Zero', index: 0 }, LATER);
    canvas = deleteCard(canvas, 'outcome-2', LATER);
    expect(textsIn(canvas, 'outcome')).toEqual(['Zero', 'One', 'Three']);
  });

  it('is empty for a step with no cards', () => {
    expect(cardsInStep(buildCanvas(), 'insight')).toEqual([]);
  });
});

describe('setCardText', () => {
  it('changes the text and the card’s updatedAt', () => {
    const canvas = buildCanvas({ cards: { outcome: ['Old'] } });
    const next = setCardText(canvas, 'outcome-1', 'New', LATER);
    expect(card(next, 'outcome-1')).toMatchObject({ text: 'New', updatedAt: LATER });
    expect(card(canvas, 'outcome-1').text).toBe('Old');
  });

  it('clamps text at 10,000 characters', () => {
    const canvas = buildCanvas({ cards: { outcome: [''] } });
    const long = 'é'.repeat(10_001);
    expect(card(setCardText(canvas, 'outcome-1', long, LATER), 'outcome-1').text).toBe('é'.repeat(10_000));
  });

  it('returns the same canvas object when the text does not change', () => {
    const canvas = buildCanvas({ cards: { outcome: ['Same'] } });
    expect(setCardText(canvas, 'outcome-1', 'Same', LATER)).toBe(canvas);
  });

  it('returns the same canvas when over-long text clamps to what is already there', () => {
    const full = 'x'.repeat(LIMITS.cardTextLength);
    const canvas = buildCanvas({ cards: { outcome: [full] } });
    expect(setCardText(canvas, 'outcome-1', `${full}more`, LATER)).toBe(canvas);
  });

  it('ignores an unknown card id', () => {
    const canvas = buildCanvas({ cards: { outcome: ['A'] } });
    expect(setCardText(canvas, 'nope', 'B', LATER)).toBe(canvas);
  });
});

describe('setCardColour', () => {
  it('changes only the colour, and is a no-op for the current colour', () => {
    const canvas = buildCanvas({ cards: { outcome: ['A'] } });
    expect(card(setCardColour(canvas, 'outcome-1', 'pink', LATER), 'outcome-1').colour).toBe('pink');
    expect(setCardColour(canvas, 'outcome-1', 'yellow', LATER)).toBe(canvas);
  });
});

describe('deleteCard and restoreCard', () => {
  it('deletes softly: the card leaves the step but stays in the canvas with deletedAt', () => {
    const canvas = buildCanvas({ cards: { outcome: ['A', 'B'] } });
    const next = deleteCard(canvas, 'outcome-1', LATER);
    expect(textsIn(next, 'outcome')).toEqual(['B']);
    expect(card(next, 'outcome-1')).toMatchObject({ text: 'A', deletedAt: LATER });
    expect(countLiveCards(next)).toBe(1);
  });

  it('restore brings the card back to its old place with its text', () => {
    const canvas = buildCanvas({ cards: { outcome: ['A', 'B', 'C'] } });
    const restored = restoreCard(deleteCard(canvas, 'outcome-2', LATER), 'outcome-2', LATER + 1);
    expect(textsIn(restored, 'outcome')).toEqual(['A', 'B', 'C']);
    expect(card(restored, 'outcome-2').deletedAt).toBeNull();
  });

  it('deleting a deleted card or restoring a live one changes nothing', () => {
    const canvas = buildCanvas({ cards: { outcome: ['A'] } });
    expect(restoreCard(canvas, 'outcome-1', LATER)).toBe(canvas);
    const deleted = deleteCard(canvas, 'outcome-1', LATER);
    expect(deleteCard(deleted, 'outcome-1', LATER + 1)).toBe(deleted);
  });
});

describe('moveCard', () => {
  const threeInOutcome = () => buildCanvas({ cards: { outcome: ['A', 'B', 'C'], action: ['X', 'Y'] } });

  it('reorders within a step, changing only the moved card', () => {
    const canvas = threeInOutcome();
    const before = snapshot(canvas);
    const next = moveCard(canvas, 'outcome-3', { step: 'outcome', index: 0 }, LATER);
    expect(textsIn(next, 'outcome')).toEqual(['C', 'A', 'B']);
    for (const id of ['outcome-1', 'outcome-2', 'action-1', 'action-2']) expect(next.cards[id]).toBe(canvas.cards[id]);
    expect(card(next, 'outcome-3')).toMatchObject({ step: 'outcome', text: 'C', updatedAt: LATER });
    expect(card(next, 'outcome-3').order).not.toBe(card(canvas, 'outcome-3').order);
    expect(canvas).toEqual(before);
  });

  it('moves down within a step to the index it is given', () => {
    const next = moveCard(threeInOutcome(), 'outcome-1', { step: 'outcome', index: 2 }, LATER);
    expect(textsIn(next, 'outcome')).toEqual(['B', 'C', 'A']);
  });

  it('moves across steps: the card changes step and position, siblings keep their order keys', () => {
    const canvas = threeInOutcome();
    const before = snapshot(canvas);
    const next = moveCard(canvas, 'outcome-2', { step: 'action', index: 1 }, LATER);
    expect(textsIn(next, 'outcome')).toEqual(['A', 'C']);
    expect(textsIn(next, 'action')).toEqual(['X', 'B', 'Y']);
    expect(Object.keys(next.cards)).toHaveLength(5);
    for (const id of ['outcome-1', 'outcome-3', 'action-1', 'action-2']) {
      expect(next.cards[id]).toBe(canvas.cards[id]);
    }
    expect(card(next, 'outcome-2')).toMatchObject({ id: 'outcome-2', step: 'action', text: 'B', createdAt: T0 });
    expect(canvas).toEqual(before);
  });

  it('moves into an empty step', () => {
    const next = moveCard(threeInOutcome(), 'outcome-1', { step: 'enablers', index: 0 }, LATER);
    expect(textsIn(next, 'enablers')).toEqual(['A']);
  });

  it('returns the same canvas when the card is already there, deleted or unknown', () => {
    const canvas = threeInOutcome();
    expect(moveCard(canvas, 'outcome-2', { step: 'outcome', index: 1 }, LATER)).toBe(canvas);
    expect(moveCard(canvas, 'missing', { step: 'action', index: 0 }, LATER)).toBe(canvas);
    const deleted = deleteCard(canvas, 'outcome-1', LATER);
    expect(moveCard(deleted, 'outcome-1', { step: 'action', index: 0 }, LATER)).toBe(deleted);
  });

  it('re-keys a step whose cards share an order key instead of throwing', () => {
    // Two cards with the same key, as after merging two tabs' concurrent inserts.
    const base = buildCanvas({ cards: { outcome: ['A', 'B'], action: ['M'] } });
    const shared = card(base, 'outcome-1').order;
    const canvas: Canvas = { ...base, cards: { ...base.cards, 'outcome-2': { ...card(base, 'outcome-2'), order: shared } } };
    expect(textsIn(canvas, 'outcome')).toEqual(['A', 'B']);

    const next = moveCard(canvas, 'action-1', { step: 'outcome', index: 1 }, LATER);
    expect(textsIn(next, 'outcome')).toEqual(['A', 'M', 'B']);
    const orders = ['outcome-1', 'action-1', 'outcome-2'].map((id) => card(next, id).order);
    expect(new Set(orders).size).toBe(3);
    expect([...orders].sort()).toEqual(orders);

    const added = addCard(canvas, { id: 'n', step: 'outcome', text: 'N', index: 1 }, LATER);
    expect(textsIn(added, 'outcome')).toEqual(['A', 'N', 'B']);
    expect(new Set(idsIn(added, 'outcome').map((id) => card(added, id).order)).size).toBe(3);
  });
});

describe('applyMoveCommand', () => {
  const canvas = buildCanvas({ cards: { insight: ['A', 'B', 'C', 'D'], enablers: ['E'] } });

  it('moves up and down by one place', () => {
    expect(textsIn(applyMoveCommand(canvas, 'insight-3', 'up', LATER), 'insight')).toEqual(['A', 'C', 'B', 'D']);
    expect(textsIn(applyMoveCommand(canvas, 'insight-2', 'down', LATER), 'insight')).toEqual(['A', 'C', 'B', 'D']);
  });

  it('moves to the top and the bottom', () => {
    expect(textsIn(applyMoveCommand(canvas, 'insight-3', 'top', LATER), 'insight')).toEqual(['C', 'A', 'B', 'D']);
    expect(textsIn(applyMoveCommand(canvas, 'insight-2', 'bottom', LATER), 'insight')).toEqual(['A', 'C', 'D', 'B']);
  });

  it('does nothing past either end', () => {
    expect(applyMoveCommand(canvas, 'insight-1', 'up', LATER)).toBe(canvas);
    expect(applyMoveCommand(canvas, 'insight-1', 'top', LATER)).toBe(canvas);
    expect(applyMoveCommand(canvas, 'insight-4', 'down', LATER)).toBe(canvas);
    expect(applyMoveCommand(canvas, 'insight-4', 'bottom', LATER)).toBe(canvas);
  });

  it('moves to the end of another step', () => {
    const next = applyMoveCommand(canvas, 'insight-1', { step: 'enablers' }, LATER);
    expect(textsIn(next, 'enablers')).toEqual(['E', 'A']);
    expect(textsIn(next, 'insight')).toEqual(['B', 'C', 'D']);
    expect(cardPosition(next, 'insight-1')).toEqual({ step: 'enablers', index: 1, count: 2 });
  });

  it('does nothing when asked to move to the card’s own step', () => {
    expect(applyMoveCommand(canvas, 'insight-2', { step: 'insight' }, LATER)).toBe(canvas);
  });
});

describe('cardPosition', () => {
  it('says where a live card is and nothing for a deleted one', () => {
    const canvas = buildCanvas({ cards: { action: ['A', 'B'] } });
    expect(cardPosition(canvas, 'action-2')).toEqual({ step: 'action', index: 1, count: 2 });
    expect(cardPosition(deleteCard(canvas, 'action-2', LATER), 'action-2')).toBeNull();
  });
});

describe('stepsWithContent', () => {
  it('lists, in canvas order, the steps that have at least one live card', () => {
    let canvas = buildCanvas({ cards: { enablers: ['E'], outcome: ['O'], insight: ['I'] } });
    canvas = deleteCard(canvas, 'insight-1', LATER);
    expect(stepsWithContent(canvas)).toEqual(['outcome', 'enablers']);
    expect(stepsWithContent(buildCanvas())).toEqual([]);
  });
});
const refusal = (result: Canvas | { refused: string }): string => {
  if (!isRefusal(result)) throw new Error('expected a refusal');
  return result.refused;
};

describe('dot votes', () => {
  const canvas = buildCanvas({ cards: { outcome: ['A', 'B', 'C'] } });

  it('add and remove one vote at a time, without touching other cards or the input', () => {
    const before = snapshot(canvas);
    const voted = applied(addVote(applied(addVote(canvas, 'outcome-2', LATER)), 'outcome-2', LATER));
    expect(card(voted, 'outcome-2')).toMatchObject({ votes: 2, updatedAt: LATER });
    expect(voted.cards['outcome-1']).toBe(canvas.cards['outcome-1']);
    expect(card(applied(removeVote(voted, 'outcome-2', LATER)), 'outcome-2').votes).toBe(1);
    expect(canvas).toEqual(before);
  });

  it('refuse to go below zero or past 999 votes, with a message', () => {
    expect(refusal(removeVote(canvas, 'outcome-1', LATER))).toBe('This card has no votes to take away.');
    const full = applied(setVotes(canvas, 'outcome-1', 999, LATER));
    expect(refusal(addVote(full, 'outcome-1', LATER))).toBe('This card already has 999 votes, the most a card can hold.');
  });

  it('refuse 1,000 votes on one card, a negative count and a fraction', () => {
    expect(refusal(setVotes(canvas, 'outcome-1', 1000, LATER))).toBe('A card can hold at most 999 votes; 1,000 is more than that.');
    expect(refusal(setVotes(canvas, 'outcome-1', -1, LATER))).toMatch(/fewer than 0/);
    expect(refusal(setVotes(canvas, 'outcome-1', 2.5, LATER))).toMatch(/whole numbers/);
    expect(refusal(addVote(canvas, 'no-such-card', LATER))).toMatch(/no longer on the canvas/);
  });

  it('sorting by votes is a view; reordering by votes is one change of order keys', () => {
    let voted = applied(setVotes(canvas, 'outcome-3', 5, LATER));
    voted = applied(setVotes(voted, 'outcome-1', 2, LATER));
    expect(cardsByVotes(voted, 'outcome').map((c) => c.text)).toEqual(['C', 'A', 'B']);
    expect(textsIn(voted, 'outcome')).toEqual(['A', 'B', 'C']);
    const sorted = sortStepByVotes(voted, 'outcome', LATER);
    expect(textsIn(sorted, 'outcome')).toEqual(['C', 'A', 'B']);
    expect(sortStepByVotes(sorted, 'outcome', LATER)).toBe(sorted);
    expect(totalVotes(voted)).toBe(7);
    expect(totalVotes(clearVotes(voted, LATER))).toBe(0);
    expect(clearVotes(canvas, LATER)).toBe(canvas);
  });

  it('votes cleared for a new round can be put back, the exact inverse of clearing them', () => {
    let voted = applied(setVotes(canvas, 'outcome-3', 5, LATER));
    voted = applied(setVotes(voted, 'outcome-1', 2, LATER));
    voted = applied(setVotes(voted, 'outcome-2', 4, LATER));
    voted = deleteCard(voted, 'outcome-2', LATER);
    const before = votesOnCards(voted);
    expect(before).toEqual([
      ['outcome-1', 2],
      ['outcome-2', 4],
      ['outcome-3', 5],
    ]);
    const cleared = clearVotes(voted, LATER);
    const restored = restoreVotes(cleared, before, LATER + 1);
    expect(restored.cards).toEqual(
      Object.fromEntries(Object.entries(voted.cards).map(([id, card]) => [id, { ...card, updatedAt: restored.cards[id]!.updatedAt }])),
    );
    expect(restoreVotes(restored, before, LATER + 2)).toBe(restored);
    // A card gone from the canvas meanwhile is passed over; an odd id is only an id.
    expect(
      restoreVotes(
        cleared,
        [
          ['no-such-card', 3],
          ['__proto__', 1],
        ],
        LATER + 2,
      ),
    ).toBe(cleared);
  });
});

describe('agreed', () => {
  it('marks and unmarks a card the room takes forward', () => {
    const canvas = buildCanvas({ cards: { action: ['A', 'B'] } });
    const agreed = setAgreed(canvas, 'action-2', true, LATER);
    expect(agreedCards(agreed, 'action').map((c) => c.text)).toEqual(['B']);
    expect(setAgreed(agreed, 'action-2', true, LATER)).toBe(agreed);
    expect(agreedCards(setAgreed(agreed, 'action-2', false, LATER), 'action')).toEqual([]);
  });
});

describe('the parking lot', () => {
  const canvas = buildCanvas({ cards: { outcome: ['A', 'B'], insight: ['I'] } });

  it('a parked card leaves its step for the lot, keeping where it came from, its votes and links', () => {
    let next = applied(setVotes(canvas, 'outcome-2', 3, LATER));
    next = applied(parkCard(next, 'outcome-2', LATER));
    expect(textsIn(next, 'outcome')).toEqual(['A']);
    expect(parkedCards(next).map((c) => [c.text, c.step, c.votes, c.parkedAt])).toEqual([['B', 'outcome', 3, LATER]]);
    expect(cardPosition(next, 'outcome-2')).toBeNull();
    expect(countLiveCards(next)).toBe(3);
    expect(applied(parkCard(next, 'outcome-2', LATER))).toBe(next);
  });

  it('keeps its own order, and brings a card back to the end of its step or another', () => {
    let next = applied(parkCard(canvas, 'insight-1', LATER));
    next = applied(parkCard(next, 'outcome-1', LATER + 1));
    expect(parkedCards(next).map((c) => c.text)).toEqual(['I', 'A']);
    const back = applied(bringBackCard(next, 'outcome-1', LATER + 2));
    expect(textsIn(back, 'outcome')).toEqual(['B', 'A']);
    expect(card(back, 'outcome-1').parkedAt).toBeNull();
    const elsewhere = applied(bringBackCard(next, 'insight-1', LATER + 2, 'action'));
    expect(textsIn(elsewhere, 'action')).toEqual(['I']);
    expect(refusal(bringBackCard(canvas, 'outcome-1', LATER))).toBe('That card is not in the parking lot.');
  });

  it('moving a parked card brings it back', () => {
    const parked = applied(parkCard(canvas, 'outcome-1', LATER));
    expect(textsIn(moveCard(parked, 'outcome-1', { step: 'action', index: 0 }, LATER), 'action')).toEqual(['A']);
  });

  it('takes an item written straight into it, and refuses an empty one', () => {
    const next = applied(addParkedItem(canvas, { id: 'p', step: 'action', text: 'Ask the schools' }, LATER));
    expect(parkedCards(next)).toMatchObject([{ id: 'p', step: 'action', text: 'Ask the schools', parkedAt: LATER }]);
    expect(cardsInStep(next, 'action')).toEqual([]);
    expect(refusal(addParkedItem(canvas, { id: 'q', step: 'action', text: '   ' }, LATER))).toBe('Write what to park first.');
  });

  it('holds 500 items in order, and refuses one past the card limit', () => {
    let lot = buildCanvas();
    for (let i = 0; i < 500; i++) lot = applied(addParkedItem(lot, { id: `p${i}`, step: 'outcome', text: `Item ${i}` }, LATER + i));
    expect(parkedCards(lot).map((c) => c.text)).toEqual(Array.from({ length: 500 }, (_, i) => `Item ${i}`));
    const many = Array.from({ length: LIMITS.cardsPerCanvas }, (_, i) => ({ ...card(lot, 'p0'), id: `x${i}`, order: `a${i}` }));
    const full = { ...lot, cards: withRecords(buildCanvas().cards, many) };
    expect(refusal(addParkedItem(full, { id: 'one-more', step: 'outcome', text: 'x' }, LATER))).toMatch(/at most 5,000 cards/);
    expect(addCard(full, { id: 'one-more', step: 'outcome' }, LATER)).toBe(full);
  });
});

describe('example cards from templates', () => {
  const withExamples = (): Canvas => {
    const canvas = buildCanvas({ cards: { outcome: ['Ours', 'Example one'], action: ['Example two'] } });
    const examples = ['outcome-2', 'action-1'].map((id) => ({ ...card(canvas, id), example: true }));
    return setCardSource({ ...canvas, cards: withRecords(canvas.cards, examples) }, 'action-1', 'LOTI, "A Caveat on Data"', T0);
  };

  it('editing an example keeps it an example; "keep as our own" makes it ours and keeps its source', () => {
    const canvas = setCardText(withExamples(), 'action-1', 'Edited', LATER);
    expect(card(canvas, 'action-1')).toMatchObject({ text: 'Edited', example: true });
    const kept = keepAsOwnCard(canvas, 'action-1', LATER);
    expect(card(kept, 'action-1')).toMatchObject({ example: false, source: 'LOTI, "A Caveat on Data"' });
    expect(keepAsOwnCard(kept, 'action-1', LATER)).toBe(kept);
  });

  it('"remove all examples" deletes every example in one undoable change, and leaves the team’s own cards', () => {
    const canvas = withExamples();
    expect(exampleCards(canvas)).toHaveLength(2);
    const removed = removeAllExamples(canvas, LATER);
    expect(textsIn(removed, 'outcome')).toEqual(['Ours']);
    expect(exampleCards(removed)).toEqual([]);
    expect(textsIn(restoreCard(removed, 'outcome-2', LATER), 'outcome')).toEqual(['Ours', 'Example one']);
    expect(removeAllExamples(removed, LATER)).toBe(removed);
  });

  it('a source is one line, and clamped', () => {
    const canvas = setCardSource(buildCanvas({ cards: { outcome: ['A'] } }), 'outcome-1', 'Line one\nline two', LATER);
    expect(card(canvas, 'outcome-1').source).toBe('Line one line two');
    expect(card(setCardSource(canvas, 'outcome-1', 'x'.repeat(600), LATER), 'outcome-1').source).toHaveLength(LIMITS.shortTextLength);
  });
});

describe('deleted cards and the new fields', () => {
  it('a deleted card cannot be voted, parked or agreed', () => {
    const canvas = deleteCard(buildCanvas({ cards: { outcome: ['A'] } }), 'outcome-1', LATER);
    expect(isRefusal(addVote(canvas, 'outcome-1', LATER))).toBe(true);
    expect(isRefusal(parkCard(canvas, 'outcome-1', LATER))).toBe(true);
    expect(setAgreed(canvas, 'outcome-1', true, LATER)).toBe(canvas);
  });
});
