import { describe, expect, it } from 'vitest';
import { addCard, deleteCard } from '../../../src/domain/cards';
import { type Canvas, type Refusal, isRefusal } from '../../../src/domain/model';
import type { Refused } from '../../../src/sync/binding';
import { dotsNotKeptMessage, notKeptMessage } from '../../../src/sync/notKept';
import { T0, buildCanvas } from '../helpers/canvasBuilder';

const ok = (result: Canvas | Refusal): Canvas => {
  if (isRefusal(result)) throw new Error(result.refused);
  return result;
};

const wanted = deleteCard(
  ok(
    addCard(
      ok(addCard(buildCanvas(), { id: 'c1', step: 'outcome', text: 'Fewer evictions' }, T0)),
      { id: 'c2', step: 'outcome', text: '  A very long card text that goes on and on about housing  ' },
      T0,
    ),
  ),
  'c1',
  T0 + 1,
);

describe('what a participant’s device could not keep, in plain words', () => {
  it('names the card and the permission the facilitator took away', () => {
    expect(notKeptMessage([{ root: 'cards', id: 'c1', field: 'deletedAt' }], wanted)).toBe(
      'Your deletion of “Fewer evictions” was not kept: the facilitator no longer allows participants to delete cards.',
    );
    expect(notKeptMessage([{ root: 'cards', id: 'c2', field: 'create' }], wanted)).toBe(
      'Your new card “A very long card text that goes on and…” was not kept: the facilitator no longer allows participants to add cards.',
    );
    expect(notKeptMessage([{ root: 'cards', id: 'c2', field: 'step' }], wanted)).toMatch(/^Your move of “A very long/);
  });

  it('names a check by its lens and step, and says when only the facilitator may change something', () => {
    expect(notKeptMessage([{ root: 'checks', id: 'outcome:trust', field: 'status' }], wanted)).toBe(
      'Your change to the Trust check at Outcome was not kept: the facilitator no longer allows participants to change ethics and governance checks.',
    );
    expect(notKeptMessage([{ root: 'cards', id: 'c2', field: 'votes' }], wanted)).toMatch(
      /was not kept: only the facilitator can change this\.$/,
    );
  });

  it('says how many of a person’s dots were not kept, and the new limit', () => {
    expect(dotsNotKeptMessage(0, 3)).toBe('');
    expect(dotsNotKeptMessage(1, 3)).toBe('1 of your dots was not kept: each person now has 3.');
    expect(dotsNotKeptMessage(2, 1)).toBe('2 of your dots were not kept: each person now has 1.');
  });

  it('says each thing once, at most three, then how many more', () => {
    expect(notKeptMessage([], wanted)).toBe('');
    const same: Refused = { root: 'checks', id: 'outcome:trust', field: 'status' };
    expect(notKeptMessage([same, { ...same, field: 'notes' }], wanted).match(/was not kept/g)).toHaveLength(1);
    const many: Refused[] = ['trust', 'consent', 'power', 'transparency', 'inclusivity'].map((lens) => ({
      root: 'checks',
      id: `action:${lens}`,
      field: 'status',
    }));
    const message = notKeptMessage(many, wanted);
    expect(message.match(/was not kept:/g)).toHaveLength(3);
    expect(message).toMatch(/ 2 other changes were not kept either\.$/);
  });
});
