// @vitest-environment node
// (Node's DOMException is an Error, as in browsers; jsdom's is not.)
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { writeProblemOf } from '../../../src/storage/problems';

describe('writeProblemOf', () => {
  it('recognises a full disk, raised by IndexedDB or raised or wrapped by Dexie', () => {
    expect(writeProblemOf(new DOMException('quota', 'QuotaExceededError'))).toBe('quota');
    expect(writeProblemOf(new Dexie.QuotaExceededError('quota'))).toBe('quota');
    expect(writeProblemOf(new Dexie.AbortError('Transaction aborted', new DOMException('quota', 'QuotaExceededError')))).toBe('quota');
  });

  it('calls any other failure "other"', () => {
    expect(writeProblemOf(new Error('boom'))).toBe('other');
    expect(writeProblemOf(new Dexie.AbortError('Transaction aborted'))).toBe('other');
    expect(writeProblemOf('not even an error')).toBe('other');
  });
});
