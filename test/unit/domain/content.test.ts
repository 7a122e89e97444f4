// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deleteCard, parkCard } from '../../../src/domain/cards';
import { canvasFromContent, cardRef, contentOf } from '../../../src/domain/content';
import { withRecords } from '../../../src/domain/idMap';
import { linkCards } from '../../../src/domain/thread';
import { T0, buildCanvas, applied } from '../helpers/canvasBuilder';

describe('content', () => {
  it('names cards by position and carries golden-thread links as those names', () => {
    let canvas = buildCanvas({ cards: { outcome: ['O1', 'O2'], action: ['A1'], insight: ['I1'] } });
    canvas = applied(linkCards(canvas, 'action-1', 'outcome-2', T0));
    canvas = applied(linkCards(canvas, 'insight-1', 'action-1', T0));
    const content = contentOf(canvas);
    expect(cardRef('outcome', 1)).toBe('o2');
    expect(content.cards.action[0]!.serves).toEqual(['o2']);
    expect(content.cards.insight[0]!.serves).toEqual(['a1']);
  });

  it('leaves out deleted and blank cards with the links to them, and keeps parked ones with theirs', () => {
    let canvas = buildCanvas({ cards: { outcome: ['O1', '   ', 'O3'], action: ['A1', 'A2'] } });
    canvas = {
      ...canvas,
      cards: withRecords(canvas.cards, [{ ...canvas.cards['action-1']!, serves: ['outcome-1', 'outcome-2', 'outcome-3', 'action-1'] }]),
    };
    canvas = deleteCard(canvas, 'outcome-1', T0);
    canvas = applied(linkCards(canvas, 'action-2', 'outcome-3', T0));
    canvas = applied(parkCard(canvas, 'action-2', T0));
    const content = contentOf(canvas);
    expect(content.cards.outcome.map((card) => card.text)).toEqual(['O3']);
    expect(content.cards.action[0]!.serves).toEqual(['o1']);
    expect(content.parked).toMatchObject([{ text: 'A2', step: 'action', serves: ['o1'] }]);
  });

  it('makes a canvas with fresh ids for every record and the links rewired', () => {
    let canvas = buildCanvas({ cards: { outcome: ['O1'], action: ['A1'] } });
    canvas = applied(linkCards(canvas, 'action-1', 'outcome-1', T0));
    let n = 0;
    const made = canvasFromContent(contentOf(canvas), 'new', () => `fresh-${n++}`, T0 + 5);
    const outcome = Object.values(made.cards).find((card) => card.text === 'O1')!;
    const action = Object.values(made.cards).find((card) => card.text === 'A1')!;
    expect(outcome.id).toMatch(/^fresh-/);
    expect(action.serves).toEqual([outcome.id]);
    expect(contentOf(made)).toEqual(contentOf(canvas));
  });
});
