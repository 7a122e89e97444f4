// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { COALESCE_MS, HISTORY_LIMIT, canRedo, canUndo, record, redo, startHistory, undo } from '../../../src/domain/history';

describe('history', () => {
  it('undo returns to the previous state and redo goes forward again', () => {
    let h = startHistory('a');
    h = record(h, 'b', 1000);
    h = record(h, 'c', 5000);
    expect(canUndo(h)).toBe(true);
    expect(canRedo(h)).toBe(false);
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe('b');
    h = redo(h);
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
  });

  it('undo and redo with nothing to do leave the history as it is', () => {
    const h = startHistory('a');
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it('a new change after undo drops the redo stack', () => {
    let h = record(record(startHistory('a'), 'b', 1000), 'c', 5000);
    h = record(undo(h), 'd', 9000);
    expect(h.present).toBe('d');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('recording the same present changes nothing', () => {
    const h = startHistory('a');
    expect(record(h, 'a', 1000)).toBe(h);
  });

  it('typing in one field within COALESCE_MS undoes as one step', () => {
    let h = startHistory('');
    h = record(h, 'H', 10_000, 'card-text:1');
    h = record(h, 'Hi', 10_000 + COALESCE_MS - 1, 'card-text:1');
    h = record(h, 'Hi!', 10_000 + 2 * COALESCE_MS - 2, 'card-text:1');
    expect(h.past).toEqual(['']);
    expect(undo(h).present).toBe('');
  });

  it('typing in a different field starts a new undo step', () => {
    let h = startHistory('');
    h = record(h, 'A', 10_000, 'card-text:1');
    h = record(h, 'AB', 10_100, 'card-text:2');
    expect(undo(h).present).toBe('A');
  });

  it('a pause of COALESCE_MS or more starts a new undo step', () => {
    let h = startHistory('');
    h = record(h, 'A', 10_000, 'title');
    h = record(h, 'AB', 10_000 + COALESCE_MS, 'title');
    expect(undo(h).present).toBe('A');
  });

  it('changes without a group never coalesce', () => {
    let h = startHistory(0);
    h = record(h, 1, 10_000);
    h = record(h, 2, 10_001);
    expect(undo(h).present).toBe(1);
  });

  it('typing again in the same field right after an undo is a new step', () => {
    let h = startHistory('');
    h = record(h, 'A', 10_000, 'title');
    h = record(h, 'B', 20_000, 'title');
    h = undo(h);
    h = record(h, 'AC', 20_100, 'title');
    expect(undo(h).present).toBe('A');
  });

  it(`keeps at most ${HISTORY_LIMIT} undo steps, dropping the oldest`, () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = record(h, i, i * 10_000);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(10);
    let steps = 0;
    while (canUndo(h)) {
      h = undo(h);
      steps++;
    }
    expect(steps).toBe(HISTORY_LIMIT);
    expect(h.present).toBe(10);
  });
});
