// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LENS_IDS, STEP_IDS, checkKey, createCanvas, displayTitle, isStepId } from '../../../src/domain/model';
import { T0 } from '../helpers/canvasBuilder';

describe('createCanvas', () => {
  it('starts empty, with all 20 ethics checks not yet discussed', () => {
    const canvas = createCanvas('c1', T0, 'Housing');
    expect(canvas).toMatchObject({ id: 'c1', title: 'Housing', description: '', createdAt: T0, updatedAt: T0, deletedAt: null, cards: {} });
    const checks = Object.values(canvas.checks);
    expect(checks).toHaveLength(STEP_IDS.length * LENS_IDS.length);
    expect(checks.every((check) => check.status === 'not-discussed' && check.notes === '')).toBe(true);
    for (const step of STEP_IDS) for (const lens of LENS_IDS) expect(canvas.checks[checkKey(step, lens)]).toMatchObject({ step, lens });
  });
});

describe('displayTitle', () => {
  it('shows "Untitled canvas" for an empty or blank title and the title otherwise', () => {
    expect(displayTitle({ title: '' })).toBe('Untitled canvas');
    expect(displayTitle({ title: '   ' })).toBe('Untitled canvas');
    expect(displayTitle({ title: ' Youth justice ' })).toBe('Youth justice');
  });
});

describe('isStepId', () => {
  it('accepts the four steps only', () => {
    expect(STEP_IDS.every(isStepId)).toBe(true);
    expect(isStepId('board')).toBe(false);
    expect(isStepId(undefined)).toBe(false);
  });
});

describe('clampText', () => {
  it('cuts at the limit without splitting an emoji, a flag, a family or an accent from its letter', async () => {
    const { clampText } = await import('../../../src/domain/text');
    expect(clampText('abc', 5)).toBe('abc');
    expect(clampText('ab👩🏽‍💻', 4)).toBe('ab');
    expect(clampText('ab🇬🇧', 5)).toBe('ab');
    expect(clampText('abe\u0301', 3)).toBe('ab');
    expect(clampText('שלום עולם', 4)).toBe('שלום');
  });
});
