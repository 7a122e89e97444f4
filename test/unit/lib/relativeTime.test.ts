// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from '../../../src/lib/relativeTime';

const NOW = Date.UTC(2024, 2, 5, 12, 0, 0);
const ago = (ms: number) => formatRelativeTime(NOW - ms, NOW);

describe('formatRelativeTime', () => {
  it('says when a canvas was last edited in plain British English', () => {
    expect(ago(10_000)).toBe('just now');
    expect(ago(5 * 60_000)).toBe('5 minutes ago');
    expect(ago(3 * 3600_000)).toBe('3 hours ago');
    expect(ago(24 * 3600_000)).toBe('yesterday');
    expect(ago(3 * 86400_000)).toBe('3 days ago');
  });

  it('gives a date for anything older than about a week', () => {
    expect(ago(30 * 86400_000)).toMatch(/^4 Feb 2024/);
  });
});
