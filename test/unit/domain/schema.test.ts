// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { metaOf } from '../../../src/domain/diff';
import { LIMITS } from '../../../src/domain/model';
import {
  actionItemSchema,
  canvasMetaSchema,
  cardSchema,
  checkSchema,
  datasetSchema,
  describeIssues,
  governanceCheckSchema,
} from '../../../src/domain/schema';
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

describe('records written before workshop mode, governance and the inventory', () => {
  it('read with every new field at its default', () => {
    const oldCard = { id: 'c', step: 'action', order: 'a0', text: 'Old', colour: 'green', createdAt: 1, updatedAt: 2, deletedAt: null };
    expect(cardSchema.parse(oldCard)).toEqual({
      ...oldCard,
      votes: 0,
      agreed: false,
      parkedAt: null,
      example: false,
      source: '',
      serves: [],
    });
    const oldCheck = { step: 'insight', lens: 'consent', status: 'concern', notes: 'n', updatedAt: 2 };
    expect(checkSchema.parse(oldCheck)).toEqual({ ...oldCheck, resolvedAt: null, resolution: '' });
    const oldMeta = { id: 'm', title: 'Old', description: '', createdAt: 1, updatedAt: 2, deletedAt: null };
    expect(canvasMetaSchema.parse(oldMeta)).toMatchObject({
      workshop: { heldOn: '', organisation: '', facilitator: '', participants: '' },
      timer: { step: null, runningSince: null, spentMs: { outcome: 0, action: 0, insight: 0, enablers: 0 } },
      votesPerPerson: 3,
      privacyDismissed: [],
    });
  });

  it('give each record its own default objects, never one shared between records', () => {
    const oldMeta = { id: 'm', title: 'Old', description: '', createdAt: 1, updatedAt: 2, deletedAt: null };
    const a = canvasMetaSchema.parse(oldMeta);
    const b = canvasMetaSchema.parse(oldMeta);
    expect(a.timer).not.toBe(b.timer);
    expect(a.privacyDismissed).not.toBe(b.privacyDismissed);
  });

  it.each([
    ['1,000 votes', { votes: 1000 }],
    ['a fractional vote', { votes: 1.5 }],
    ['a link that is not an id', { serves: [''] }],
    ['more than 50 links', { serves: Array.from({ length: 51 }, (_, i) => `c${i}`) }],
    ['a source over 500 characters', { source: 's'.repeat(501) }],
  ])('reject a card with %s', (_what, change) => {
    expect(cardSchema.safeParse({ ...validCard, ...change }).success).toBe(false);
  });

  it.each([
    ['a date held that is no date', { workshop: { heldOn: '2026-02-30' } }],
    ['0 votes per person', { votesPerPerson: 0 }],
    ['21 votes per person', { votesPerPerson: 21 }],
    ['a timer on an unknown step', { timer: { step: 'discovery', runningSince: null } }],
  ])('reject canvas details with %s', (_what, change) => {
    expect(canvasMetaSchema.safeParse({ ...validMeta, ...change }).success).toBe(false);
  });

  it('check action items, data sets and governance checks', () => {
    const item = {
      id: 'a',
      text: 't',
      owner: '',
      due: '',
      status: 'open',
      concern: 'governance:dpia-done',
      order: 'a0',
      createdAt: 1,
      updatedAt: 1,
      deletedAt: null,
    };
    expect(actionItemSchema.safeParse(item).success).toBe(true);
    expect(actionItemSchema.safeParse({ ...item, due: '31/03/2026' }).success).toBe(false);
    expect(actionItemSchema.safeParse({ ...item, concern: 'governance:vibes' }).success).toBe(false);
    expect(actionItemSchema.safeParse({ ...item, status: 'doing' }).success).toBe(false);
    const dataset = { id: 'd', name: 'n', order: 'a0', createdAt: 1, updatedAt: 1, deletedAt: null };
    expect(datasetSchema.parse(dataset)).toMatchObject({ personal: 'unknown', lawfulBasis: '', usedBy: [] });
    expect(datasetSchema.safeParse({ ...dataset, lawfulBasis: 'consent-ish' }).success).toBe(false);
    expect(governanceCheckSchema.safeParse({ id: 'dpia-done', status: 'concern', notes: '', updatedAt: 1 }).success).toBe(true);
    expect(governanceCheckSchema.safeParse({ id: 'made-up', status: 'concern', notes: '', updatedAt: 1 }).success).toBe(false);
  });
});
