// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dateProblem, isIsoDate, localDateString } from '../../../src/domain/dates';

describe('dates', () => {
  it('accept real YYYY-MM-DD dates only', () => {
    for (const date of ['2026-03-31', '2024-02-29', '1999-12-31']) expect(isIsoDate(date)).toBe(true);
    for (const date of ['2026-02-30', '2025-02-29', '2026-13-01', '31/03/2026', '2026-3-31', '', '2026-03-31T00:00'])
      expect(isIsoDate(date)).toBe(false);
    expect(dateProblem('', 'The due date')).toBeNull();
    expect(dateProblem('soon', 'The due date')).toBe('The due date must be a real date written as year-month-day, for example 2026-03-31.');
  });

  it('give today as the local calendar date', () => {
    expect(localDateString(new Date(2026, 2, 5, 23, 59).getTime())).toBe('2026-03-05');
  });
});
