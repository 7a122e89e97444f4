// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { metaOf } from '../../../src/domain/diff';
import { LIMITS } from '../../../src/domain/model';
import { canvasMetaSchema, cardSchema, checkSchema, describeIssues } from '../../../src/domain/schema';
import { buildCanvas, card } from '../helpers/canvasBuilder';

const canvas = buildCanvas({
  title: 'Valid',
  cards: { outcome: ['A card'] },
  checks: [{ step: 'action', lens: 'power', status: 'concern', notes: 'n' }],
});
const validCard = card(canvas, 'outcome-1');
const validCheck = canvas.checks['action:power'];
const validMeta = metaOf(canvas);

describe('record schemas', () => {
  it('accept the records the domain makes', () => {
    expect(cardSchema.safeParse(validCard).success).toBe(true);
    expect(checkSchema.safeParse(validCheck).success).toBe(true);
    expect(canvasMetaSchema.safeParse(validMeta).success).toBe(true);
    expect(cardSchema.safeParse({ ...validCard, deletedAt: 123 }).success).toBe(true);
  });

  it('accept text exactly at the limit', () => {
    expect(cardSchema.safeParse({ ...validCard, text: 'x'.repeat(LIMITS.cardTextLength) }).success).toBe(true);
    expect(canvasMetaSchema.safeParse({ ...validMeta, title: 't'.repeat(LIMITS.titleLength) }).success).toBe(true);
  });

  it.each([
    ['a numeric text', { text: 42 }],
    ['a missing id', { id: undefined }],
    ['an empty id', { id: '' }],
    ['an unknown step', { step: 'discovery' }],
    ['an unknown colour', { colour: 'red' }],
    ['over-long text', { text: 'x'.repeat(LIMITS.cardTextLength + 1) }],
    ['a string timestamp', { createdAt: '2024-01-01' }],
    ['a negative timestamp', { updatedAt: -1 }],
    ['a fractional timestamp', { updatedAt: 1.5 }],
    ['an undefined deletedAt', { deletedAt: undefined }],
  ])('reject a card with %s', (_what, change) => {
    expect(cardSchema.safeParse({ ...validCard, ...change }).success).toBe(false);
  });

  it.each([
    ['an unknown status', { status: 'maybe' }],
    ['an unknown lens', { lens: 'privacy' }],
    ['notes that are not text', { notes: null }],
    ['over-long notes', { notes: 'n'.repeat(LIMITS.notesLength + 1) }],
  ])('reject a check with %s', (_what, change) => {
    expect(checkSchema.safeParse({ ...validCheck, ...change }).success).toBe(false);
  });

  it.each([
    ['an over-long title', { title: 't'.repeat(LIMITS.titleLength + 1) }],
    ['an over-long description', { description: 'd'.repeat(LIMITS.descriptionLength + 1) }],
    ['a numeric title', { title: 7 }],
  ])('reject canvas details with %s', (_what, change) => {
    expect(canvasMetaSchema.safeParse({ ...validMeta, ...change }).success).toBe(false);
  });

  it('reject things that are not records at all', () => {
    for (const value of [null, undefined, 'card', 42, []]) expect(cardSchema.safeParse(value).success).toBe(false);
  });

  it('describe a failure by naming the field that is wrong', () => {
    const result = cardSchema.safeParse({ ...validCard, colour: 'red' });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(/^colour: /);
  });
});
