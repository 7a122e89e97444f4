// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { moveCard } from '../../../../src/domain/cards';
import { destinationOf } from '../../../../src/features/canvas/CanvasDnd';
import { isCardDragData, isStepDropData, stepDropId, stepFromDropId } from '../../../../src/features/canvas/dragData';
import { T0, buildCanvas, textsIn } from '../../helpers/canvasBuilder';

const canvas = buildCanvas({ cards: { outcome: ['A', 'B', 'C'], action: ['X', 'Y'] } });
const drop = (active: string, over: string, data: unknown) => {
  const to = destinationOf(canvas, active, over, data);
  return to ? moveCard(canvas, active, to, T0 + 1) : canvas;
};

describe('dropping a dragged card', () => {
  it('on a card in the same step takes that card’s place', () => {
    expect(textsIn(drop('outcome-1', 'outcome-3', { type: 'card', step: 'outcome' }), 'outcome')).toEqual(['B', 'C', 'A']);
    expect(textsIn(drop('outcome-3', 'outcome-1', { type: 'card', step: 'outcome' }), 'outcome')).toEqual(['C', 'A', 'B']);
  });

  it('on a card in another step goes in before that card', () => {
    const next = drop('outcome-2', 'action-2', { type: 'card', step: 'action' });
    expect(textsIn(next, 'action')).toEqual(['X', 'B', 'Y']);
    expect(textsIn(next, 'outcome')).toEqual(['A', 'C']);
  });

  it('on a step (its list or its place in the side rail) goes to the end of that step', () => {
    expect(textsIn(drop('outcome-1', 'rail:action', { type: 'step', step: 'action' }), 'action')).toEqual(['X', 'Y', 'A']);
    expect(textsIn(drop('action-1', stepDropId('insight'), { type: 'step', step: 'insight' }), 'insight')).toEqual(['X']);
  });

  it('somewhere unknown leaves the canvas as it was', () => {
    expect(destinationOf(canvas, 'outcome-1', 'nowhere', undefined)).toBeNull();
  });
});

describe('drag data', () => {
  it('tells card data from step data', () => {
    expect(isCardDragData({ type: 'card', step: 'outcome' })).toBe(true);
    expect(isCardDragData({ type: 'step', step: 'outcome' })).toBe(false);
    expect(isStepDropData({ type: 'step', step: 'action' })).toBe(true);
    expect(isStepDropData(null)).toBe(false);
  });

  it('reads a step back from its drop id and nothing from other ids', () => {
    expect(stepFromDropId(stepDropId('enablers'))).toBe('enablers');
    expect(stepFromDropId('step:nonsense')).toBeNull();
    expect(stepFromDropId('outcome')).toBeNull();
  });
});
