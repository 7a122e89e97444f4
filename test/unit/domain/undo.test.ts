// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  COALESCE_MS,
  UNDO_LIMIT,
  type UndoStack,
  canRedo,
  canUndo,
  emptyUndoStack,
  mapUndoStack,
  recordChange,
  redo,
  undo,
} from '../../../src/domain/undo';

/** A value and its undo stack, as the canvas store keeps them. */
class Editor<T> {
  stack: UndoStack<T> = emptyUndoStack<T>();
  constructor(public present: T) {}
  change(next: T, now: number, group: string | null = null): this {
    this.stack = recordChange(this.stack, this.present, next, now, group);
    this.present = next;
    return this;
  }
  undo(): this {
    const step = undo(this.stack, this.present);
    if (step) ({ stack: this.stack, present: this.present } = step);
    return this;
  }
  redo(): this {
    const step = redo(this.stack, this.present);
    if (step) ({ stack: this.stack, present: this.present } = step);
    return this;
  }
}

describe('undo stack', () => {
  it('undo returns to the previous state and redo goes forward again', () => {
    const e = new Editor('a').change('b', 1000).change('c', 5000);
    expect(canUndo(e.stack)).toBe(true);
    expect(canRedo(e.stack)).toBe(false);
    expect(e.undo().present).toBe('b');
    expect(e.undo().present).toBe('a');
    expect(canUndo(e.stack)).toBe(false);
    expect(e.redo().present).toBe('b');
    expect(e.redo().present).toBe('c');
    expect(canRedo(e.stack)).toBe(false);
  });

  it('undo and redo with nothing to do say so', () => {
    const stack = emptyUndoStack<string>();
    expect(undo(stack, 'a')).toBeNull();
    expect(redo(stack, 'a')).toBeNull();
  });

  it('a new change after undo drops the redo stack', () => {
    const e = new Editor('a').change('b', 1000).change('c', 5000).undo().change('d', 9000);
    expect(e.present).toBe('d');
    expect(canRedo(e.stack)).toBe(false);
    expect(e.undo().present).toBe('b');
  });

  it('recording the same present changes nothing', () => {
    const stack = emptyUndoStack<string>();
    expect(recordChange(stack, 'a', 'a', 1000)).toBe(stack);
  });

  it('typing in one field within COALESCE_MS undoes as one step', () => {
    const e = new Editor('')
      .change('H', 10_000, 'card-text:1')
      .change('Hi', 10_000 + COALESCE_MS - 1, 'card-text:1')
      .change('Hi!', 10_000 + 2 * COALESCE_MS - 2, 'card-text:1');
    expect(e.stack.past).toEqual(['']);
    expect(e.undo().present).toBe('');
  });

  it('typing in a different field starts a new undo step', () => {
    const e = new Editor('').change('A', 10_000, 'card-text:1').change('AB', 10_100, 'card-text:2');
    expect(e.undo().present).toBe('A');
  });

  it('a pause of COALESCE_MS or more starts a new undo step', () => {
    const e = new Editor('').change('A', 10_000, 'title').change('AB', 10_000 + COALESCE_MS, 'title');
    expect(e.undo().present).toBe('A');
  });

  it('changes without a group never coalesce', () => {
    const e = new Editor(0).change(1, 10_000).change(2, 10_001);
    expect(e.undo().present).toBe(1);
  });

  it('typing again in the same field right after an undo is a new step', () => {
    const e = new Editor('').change('A', 10_000, 'title').change('B', 20_000, 'title').undo().change('AC', 20_100, 'title');
    expect(e.undo().present).toBe('A');
  });

  it(`keeps at most ${UNDO_LIMIT} undo steps, dropping the oldest`, () => {
    const e = new Editor(0);
    for (let i = 1; i <= UNDO_LIMIT + 10; i++) e.change(i, i * 10_000);
    expect(e.stack.past).toHaveLength(UNDO_LIMIT);
    expect(e.stack.past[0]).toBe(10);
    let steps = 0;
    while (canUndo(e.stack)) {
      e.undo();
      steps++;
    }
    expect(steps).toBe(UNDO_LIMIT);
    expect(e.present).toBe(10);
  });

  it('mapUndoStack changes every kept version, past and future, and nothing else', () => {
    const e = new Editor(1).change(2, 10_000).change(3, 20_000).undo();
    const mapped = mapUndoStack(e.stack, (n) => n * 10);
    expect(mapped.past).toEqual([10]);
    expect(mapped.future).toEqual([30]);
    expect(e.stack.past).toEqual([1]);
  });
});
