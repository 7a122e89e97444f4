// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deleteCard, moveCard, parkCard, restoreCard } from '../../../src/domain/cards';
import { type Canvas, isRefusal } from '../../../src/domain/model';
import {
  countLooseEnds,
  hasThread,
  linkCandidates,
  linkCards,
  linkRefusal,
  looseEnds,
  misfitLinks,
  servingCards,
  threadTree,
  unlinkCards,
} from '../../../src/domain/thread';
import { T0, buildCanvas, snapshot, applied } from '../helpers/canvasBuilder';

const LATER = T0 + 1000;
const refused = (result: Canvas | { refused: string }) => (isRefusal(result) ? result.refused : null);

/** Two outcomes, two actions, two insights, two enablers, no links yet. */
const base = buildCanvas({
  cards: { outcome: ['O1', 'O2'], action: ['A1', 'A2'], insight: ['I1', 'I2'], enablers: ['E1', 'E2'] },
});
const linked = () => {
  let canvas = applied(linkCards(base, 'action-1', 'outcome-1', LATER));
  canvas = applied(linkCards(canvas, 'insight-1', 'action-1', LATER));
  canvas = applied(linkCards(canvas, 'enablers-1', 'insight-1', LATER));
  canvas = applied(linkCards(canvas, 'enablers-1', 'outcome-2', LATER));
  return canvas;
};
const names = (canvas: Canvas, ids: { id: string }[]) => ids.map(({ id }) => canvas.cards[id]!.text);

describe('linking cards', () => {
  it('links in the directions of the step rule, leaving the input and other cards alone', () => {
    const before = snapshot(base);
    const canvas = applied(linkCards(base, 'insight-1', 'action-2', LATER));
    expect(canvas.cards['insight-1']).toMatchObject({ serves: ['action-2'], updatedAt: LATER });
    expect(canvas.cards['action-2']).toBe(base.cards['action-2']);
    expect(base).toEqual(before);
    expect(applied(linkCards(canvas, 'insight-1', 'action-2', LATER))).toBe(canvas);
  });

  it.each([
    ['insight-1', 'outcome-1', 'An Insight card serves an Action card, not an Outcome card.'],
    ['action-1', 'insight-1', 'An Action card serves an Outcome card, not an Insight card.'],
    ['enablers-1', 'enablers-2', 'An Enabler card serves an Outcome, Action or Insight card, not an Enabler card.'],
    ['outcome-1', 'action-1', 'An Outcome is what everything else serves: it does not serve another card.'],
    ['action-1', 'action-1', 'A card cannot serve itself.'],
    ['action-1', 'gone', 'That card is no longer on the canvas.'],
  ])('refuses %s serving %s: "%s"', (from, to, message) => {
    expect(refused(linkCards(base, from, to, LATER))).toBe(message);
  });

  it('refuses a link that would loop the thread back on itself (possible after a move)', () => {
    let canvas = applied(linkCards(base, 'action-1', 'outcome-1', LATER));
    canvas = moveCard(canvas, 'outcome-1', { step: 'insight', index: 0 }, LATER);
    expect(refused(linkCards(canvas, 'outcome-1', 'action-1', LATER))).toBe('That link would make the thread loop back on itself.');
  });

  it('refuses links to or from a parked card', () => {
    const canvas = applied(parkCard(base, 'action-1', LATER));
    expect(refused(linkCards(canvas, 'action-1', 'outcome-1', LATER))).toMatch(/parking lot/);
  });

  it('unlinks, and offers as candidates only the cards a link may go to', () => {
    const canvas = linked();
    expect(unlinkCards(canvas, 'action-1', 'outcome-1', LATER).cards['action-1']!.serves).toEqual([]);
    expect(unlinkCards(canvas, 'action-2', 'outcome-1', LATER)).toBe(canvas);
    expect(linkCandidates(canvas, 'insight-1').map(({ card, linked: isLinked }) => [card.text, isLinked])).toEqual([
      ['A1', true],
      ['A2', false],
    ]);
    expect(linkCandidates(canvas, 'enablers-2').map(({ card }) => card.text)).toEqual(['O1', 'O2', 'A1', 'A2', 'I1', 'I2']);
    expect(linkCandidates(canvas, 'outcome-1')).toEqual([]);
    expect(linkRefusal(canvas, 'insight-2', 'action-2')).toBeNull();
  });
});

describe('the thread and its loose ends', () => {
  it('is a tree from each outcome down', () => {
    const canvas = linked();
    const tree = threadTree(canvas);
    const shape = (nodes: ReturnType<typeof threadTree>): unknown[] =>
      nodes.map((node) => (node.servedBy.length ? [node.card.text, shape(node.servedBy)] : node.card.text));
    expect(shape(tree)).toEqual([
      ['O1', [['A1', [['I1', ['E1']]]]]],
      ['O2', ['E1']],
    ]);
    expect(tree[1]!.servedBy[0]!.repeat).toBe(false);
    expect(names(canvas, servingCards(canvas, 'outcome-2'))).toEqual(['E1']);
    expect(hasThread(canvas)).toBe(true);
    expect(hasThread(base)).toBe(false);
  });

  it('expands a card serving many cards only once, so the tree stays as small as the links', () => {
    let canvas = base;
    for (const action of ['action-1', 'action-2']) canvas = applied(linkCards(canvas, action, 'outcome-1', LATER));
    for (const action of ['action-1', 'action-2']) canvas = applied(linkCards(canvas, 'insight-1', action, LATER));
    canvas = applied(linkCards(canvas, 'enablers-1', 'insight-1', LATER));
    const [o1] = threadTree(canvas);
    const [a1, a2] = o1!.servedBy;
    expect(a1!.servedBy[0]).toMatchObject({ repeat: false, servedBy: [{ card: { text: 'E1' } }] });
    expect(a2!.servedBy[0]).toMatchObject({ repeat: true, servedBy: [] });
  });

  it('lists what is loose: outcomes nobody acts on, actions with no outcome, insights with no action, enablers serving nothing', () => {
    const canvas = linked();
    const loose = looseEnds(canvas);
    expect(names(canvas, loose.outcomesWithoutAction)).toEqual(['O2']);
    expect(names(canvas, loose.actionsWithoutOutcome)).toEqual(['A2']);
    expect(names(canvas, loose.insightsWithoutAction)).toEqual(['I2']);
    expect(names(canvas, loose.enablersServingNothing)).toEqual(['E2']);
    expect(countLooseEnds(loose)).toBe(4);
    expect(countLooseEnds(looseEnds(base))).toBe(8);
  });

  it('keeps links through a move and reports one that no longer fits, instead of dropping it', () => {
    const moved = moveCard(linked(), 'insight-1', { step: 'outcome', index: 0 }, LATER);
    expect(moved.cards['insight-1']!.serves).toEqual(['action-1']);
    expect(misfitLinks(moved).map(({ from, to }) => [from.text, to.text])).toEqual([['I1', 'A1']]);
    expect(threadTree(moved).find((node) => node.card.text === 'O1')!.servedBy[0]!.servedBy).toEqual([]);
    const back = moveCard(moved, 'insight-1', { step: 'insight', index: 0 }, LATER);
    expect(misfitLinks(back)).toEqual([]);
  });

  it('ignores links to a deleted card while it is deleted, and an undo brings them back', () => {
    const deleted = deleteCard(linked(), 'action-1', LATER);
    expect(names(deleted, looseEnds(deleted).insightsWithoutAction)).toEqual(['I1', 'I2']);
    expect(deleted.cards['insight-1']!.serves).toEqual(['action-1']);
    const restored = restoreCard(deleted, 'action-1', LATER);
    expect(names(restored, looseEnds(restored).insightsWithoutAction)).toEqual(['I2']);
  });
});
