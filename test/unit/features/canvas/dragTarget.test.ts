// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type DropPlace, type KeyboardTarget, nextKeyboardTarget, slotAtPoint } from '../../../../src/features/canvas/dragTarget';

const list = (step: DropPlace['step'], count: number): DropPlace => ({ step, kind: 'list', droppableId: `step:${step}`, count });
const rail = (step: DropPlace['step'], count: number): DropPlace => ({ step, kind: 'rail', droppableId: `rail:${step}`, count });
const at = (place: DropPlace, index: number, goalRow = index): KeyboardTarget => ({
  step: place.step,
  kind: place.kind,
  droppableId: place.droppableId,
  index,
  goalRow,
});

describe('moving a picked-up card with the arrow keys', () => {
  const board = [list('outcome', 2), list('action', 1), list('insight', 0), list('enablers', 3)];

  it('goes up and down one place within the step, stopping at its ends', () => {
    expect(nextKeyboardTarget(at(board[0]!, 0), 'ArrowDown', board)).toMatchObject({ step: 'outcome', index: 1 });
    expect(nextKeyboardTarget(at(board[0]!, 2), 'ArrowDown', board)).toBeNull();
    expect(nextKeyboardTarget(at(board[0]!, 0), 'ArrowUp', board)).toBeNull();
  });

  it('on the board, goes left and right to the neighbouring column, keeping its row as far as that column has cards', () => {
    const inAction = nextKeyboardTarget(at(board[0]!, 2), 'ArrowRight', board)!;
    expect(inAction).toMatchObject({ step: 'action', droppableId: 'step:action', index: 1, goalRow: 2 });
    const inInsight = nextKeyboardTarget(inAction, 'ArrowRight', board)!;
    expect(inInsight).toMatchObject({ step: 'insight', index: 0 });
    // Back across, the row it started from comes back.
    expect(nextKeyboardTarget(nextKeyboardTarget(inInsight, 'ArrowLeft', board)!, 'ArrowLeft', board)).toMatchObject({
      step: 'outcome',
      index: 2,
    });
    expect(nextKeyboardTarget(at(board[3]!, 0), 'ArrowRight', board)).toBeNull();
    expect(nextKeyboardTarget(at(board[0]!, 0), 'ArrowLeft', board)).toBeNull();
  });

  it('in the step view, reaches every other step through the side rail, landing at the end of it', () => {
    // Action's own list, with Outcome, Insight and Enablers in the rail (in any order on screen).
    const stepView = [rail('enablers', 4), list('action', 2), rail('outcome', 3), rail('insight', 0)];
    const start = at(stepView[1]!, 1);
    const left = nextKeyboardTarget(start, 'ArrowLeft', stepView)!;
    expect(left).toMatchObject({ step: 'outcome', kind: 'rail', index: 3 });
    expect(nextKeyboardTarget(left, 'ArrowLeft', stepView)).toBeNull();
    expect(nextKeyboardTarget(left, 'ArrowUp', stepView)).toBeNull();
    const back = nextKeyboardTarget(left, 'ArrowRight', stepView)!;
    expect(back).toMatchObject({ step: 'action', kind: 'list', index: 1 });
    const insight = nextKeyboardTarget(back, 'ArrowRight', stepView)!;
    expect(insight).toMatchObject({ step: 'insight', index: 0 });
    expect(nextKeyboardTarget(insight, 'ArrowRight', stepView)).toMatchObject({ step: 'enablers', index: 4 });
  });

  it('ignores other keys', () => {
    expect(nextKeyboardTarget(at(board[0]!, 0), 'KeyN', board)).toBeNull();
  });
});

describe('the slot under the pointer', () => {
  const box = (left: number, top: number, width = 100, height = 50) => ({ left, top, right: left + width, bottom: top + height });

  it('in a column, is before the first card whose middle the pointer has not passed', () => {
    const column = [box(0, 0), box(0, 60), box(0, 120)];
    expect(slotAtPoint(column, { x: 50, y: 10 })).toBe(0);
    expect(slotAtPoint(column, { x: 50, y: 40 })).toBe(1);
    expect(slotAtPoint(column, { x: 50, y: 55 })).toBe(1);
    expect(slotAtPoint(column, { x: 50, y: 160 })).toBe(3);
    expect(slotAtPoint(column, { x: 50, y: 400 })).toBe(3);
    expect(slotAtPoint([], { x: 0, y: 0 })).toBe(0);
  });

  it('with cards side by side, goes left to right along each row', () => {
    const grid = [box(0, 0), box(110, 0), box(0, 60), box(110, 60)];
    expect(slotAtPoint(grid, { x: 20, y: 20 })).toBe(0);
    expect(slotAtPoint(grid, { x: 80, y: 20 })).toBe(1);
    expect(slotAtPoint(grid, { x: 190, y: 20 })).toBe(2);
    expect(slotAtPoint(grid, { x: 130, y: 80 })).toBe(3);
    expect(slotAtPoint(grid, { x: 200, y: 80 })).toBe(4);
  });

  it('in a column of hundreds of cards, finds the slot measuring only a handful of them', () => {
    const cards = Array.from({ length: 500 }, (_, i) => box(0, i * 60));
    let measured = 0;
    const boxes = { length: cards.length, at: (i: number) => (measured++, cards.at(i)) };
    expect(slotAtPoint(boxes, { x: 50, y: 10 })).toBe(0);
    expect(slotAtPoint(boxes, { x: 50, y: 250 * 60 + 40 })).toBe(251);
    expect(slotAtPoint(boxes, { x: 50, y: 499 * 60 + 10 })).toBe(499);
    expect(slotAtPoint(boxes, { x: 50, y: 500 * 60 })).toBe(500);
    expect(measured).toBeLessThan(4 * 15);
  });
});
