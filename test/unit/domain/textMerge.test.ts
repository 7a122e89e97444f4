// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeText } from '../../../src/domain/textMerge';

const merge = (base: string, ours: string, theirs: string) => mergeText(base, ours, theirs, '\n');

describe('merging one text changed in two tabs at once', () => {
  it('takes the only side that changed', () => {
    expect(merge('one', 'one', 'one, theirs')).toBe('one, theirs');
    expect(merge('one', 'one, ours', 'one')).toBe('one, ours');
    expect(merge('one', 'same', 'same')).toBe('same');
  });

  it('applies edits in different places both', () => {
    expect(merge('Families in temporary housing', 'Young families in temporary housing', 'Families in temporary housing in Hackney')).toBe(
      'Young families in temporary housing in Hackney',
    );
  });

  it('keeps both texts typed in the same place, ours first, on a line of their own', () => {
    expect(merge('', 'typed here', 'typed there')).toBe('typed here\ntyped there');
    expect(merge('Start. ', 'Start. Ours', 'Start. Theirs')).toBe('Start. Ours\nTheirs');
  });

  it('goes on merging as both keep typing: a second round adds only the new letters', () => {
    // Round 1, in tab B: A saved "a"; B had typed "b".
    const round1 = merge('', 'b', 'a');
    expect(round1).toBe('b\na');
    // Round 2, in tab A: it saved "a", has typed "a2" since, and B saved round 1.
    expect(merge('a', 'a2', round1)).toBe('b\na2');
  });

  it('keeps a word changed on both sides whole, once from each side', () => {
    expect(merge('Shared', 'Our title', 'Their title')).toBe('Our title\nTheir title');
    expect(merge('abc', 'abcd', 'abce')).toBe('abcd\nabce');
  });

  it('merges two people typing at either end of one word letter by letter', () => {
    expect(merge('form', 'forms', 'reform')).toBe('reforms');
  });

  it('keeps an edit to a part the other side deleted', () => {
    expect(merge('keep this. drop this.', 'keep this. ', 'keep this. drop this, and more.')).toContain('and more');
  });

  it('never splits an emoji', () => {
    expect(merge('👍', '👍🏽', '👍!')).not.toMatch(/\uFFFD/);
    expect(Array.from(merge('', '🙂', '🙃'))).toEqual(['🙂', '\n', '🙃']);
  });

  it('keeps both whole texts when they differ too much to merge cheaply', () => {
    const ours = 'x'.repeat(3000);
    const theirs = 'y'.repeat(3000);
    expect(merge('', ours, theirs)).toBe(`${ours}\n${theirs}`);
  });

  it('never loses a character either side typed (property)', () => {
    // Each side appends its own letters to the same base: every letter typed is in the result, in order.
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (base, mine, yours) => {
        const ours = base + mine.replace(/\s/g, 'o');
        const theirs = base + yours.replace(/\s/g, 't');
        const merged = merge(base, ours, theirs);
        expect(merged.startsWith(base)).toBe(true);
        expect(merged.includes(ours.slice(base.length))).toBe(true);
        expect(merged.includes(theirs.slice(base.length))).toBe(true);
      }),
    );
  });
});
