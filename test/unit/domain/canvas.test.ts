// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  canvasProgress,
  checksForStep,
  copyTitle,
  duplicateCanvas,
  openConcerns,
  setCheckNotes,
  setCheckStatus,
  setDescription,
  setTitle,
  undiscussedChecks,
} from '../../../src/domain/canvas';
import { deleteCard } from '../../../src/domain/cards';
import { LIMITS } from '../../../src/domain/model';
import { T0, buildCanvas, snapshot, textsIn } from '../helpers/canvasBuilder';

const LATER = T0 + 5000;

describe('setTitle and setDescription', () => {
  it('change the text and updatedAt without touching the input', () => {
    const canvas = buildCanvas({ title: 'Old' });
    const before = snapshot(canvas);
    const next = setDescription(setTitle(canvas, 'New title', LATER), 'Tackling racial inequality', LATER);
    expect(next).toMatchObject({ title: 'New title', description: 'Tackling racial inequality', updatedAt: LATER });
    expect(canvas).toEqual(before);
  });

  it('return the same canvas when nothing changes', () => {
    const canvas = buildCanvas({ title: 'Same', description: 'Desc' });
    expect(setTitle(canvas, 'Same', LATER)).toBe(canvas);
    expect(setDescription(canvas, 'Desc', LATER)).toBe(canvas);
  });

  it('clamp the title to 200 characters', () => {
    expect(setTitle(buildCanvas(), 't'.repeat(300), LATER).title).toHaveLength(LIMITS.titleLength);
  });
});

describe('setCheckStatus and setCheckNotes', () => {
  it('change one check and leave the other 19 as they were', () => {
    const canvas = buildCanvas();
    const next = setCheckNotes(
      setCheckStatus(canvas, 'action', 'consent', 'concern', LATER),
      'action',
      'consent',
      'Ask residents first',
      LATER,
    );
    expect(next.checks['action:consent']).toEqual({
      step: 'action',
      lens: 'consent',
      status: 'concern',
      notes: 'Ask residents first',
      updatedAt: LATER,
    });
    const others = Object.keys(canvas.checks).filter((key) => key !== 'action:consent') as (keyof typeof canvas.checks)[];
    for (const key of others) expect(next.checks[key]).toBe(canvas.checks[key]);
    expect(canvas.checks['action:consent'].status).toBe('not-discussed');
  });

  it('return the same canvas when the status or notes are unchanged', () => {
    const canvas = buildCanvas({ checks: [{ step: 'outcome', lens: 'trust', status: 'no-concern', notes: 'OK' }] });
    expect(setCheckStatus(canvas, 'outcome', 'trust', 'no-concern', LATER)).toBe(canvas);
    expect(setCheckNotes(canvas, 'outcome', 'trust', 'OK', LATER)).toBe(canvas);
  });

  it('clamp notes to the notes limit', () => {
    const next = setCheckNotes(buildCanvas(), 'insight', 'power', 'n'.repeat(LIMITS.notesLength + 1), LATER);
    expect(next.checks['insight:power'].notes).toHaveLength(LIMITS.notesLength);
  });
});

describe('canvasProgress', () => {
  it('counts steps with content, checks discussed of 20, open concerns and live cards', () => {
    let canvas = buildCanvas({
      cards: { outcome: ['A', 'B'], insight: ['C'], enablers: ['Gone'] },
      checks: [
        { step: 'outcome', lens: 'trust', status: 'no-concern' },
        { step: 'action', lens: 'power', status: 'concern' },
        { step: 'insight', lens: 'consent', status: 'concern' },
        { step: 'enablers', lens: 'inclusivity', status: 'not-applicable' },
      ],
    });
    canvas = deleteCard(canvas, 'enablers-1', LATER);
    expect(canvasProgress(canvas)).toEqual({
      stepsWithContent: 2,
      stepCount: 4,
      checksDiscussed: 4,
      checkCount: 20,
      openConcerns: 2,
      cardCount: 3,
    });
  });

  it('is all zeros for a new canvas', () => {
    expect(canvasProgress(buildCanvas())).toEqual({
      stepsWithContent: 0,
      stepCount: 4,
      checksDiscussed: 0,
      checkCount: 20,
      openConcerns: 0,
      cardCount: 0,
    });
  });
});

describe('openConcerns and undiscussedChecks', () => {
  it('list checks step by step, then lens by lens, whatever order they were raised in', () => {
    const canvas = buildCanvas({
      checks: [
        { step: 'enablers', lens: 'trust', status: 'concern' },
        { step: 'outcome', lens: 'inclusivity', status: 'concern' },
        { step: 'outcome', lens: 'consent', status: 'concern' },
        { step: 'action', lens: 'transparency', status: 'concern' },
      ],
    });
    expect(openConcerns(canvas).map((check) => `${check.step}:${check.lens}`)).toEqual([
      'outcome:consent',
      'outcome:inclusivity',
      'action:transparency',
      'enablers:trust',
    ]);
  });

  it('list the checks nobody has discussed yet in canvas order', () => {
    const statuses = ['no-concern', 'concern', 'not-applicable'] as const;
    const checks = (['outcome', 'action', 'insight', 'enablers'] as const).flatMap((step) =>
      (['trust', 'consent', 'power', 'transparency', 'inclusivity'] as const).map((lens, i) => ({ step, lens, status: statuses[i % 3]! })),
    );
    const canvas = buildCanvas({
      checks: checks.filter((check) => !['insight:power', 'action:trust', 'enablers:inclusivity'].includes(`${check.step}:${check.lens}`)),
    });
    expect(undiscussedChecks(canvas).map((check) => `${check.step}:${check.lens}`)).toEqual([
      'action:trust',
      'insight:power',
      'enablers:inclusivity',
    ]);
  });

  it('checksForStep gives a step’s five checks in lens order', () => {
    expect(checksForStep(buildCanvas(), 'insight').map((check) => check.lens)).toEqual([
      'trust',
      'consent',
      'power',
      'transparency',
      'inclusivity',
    ]);
  });
});

describe('duplicateCanvas', () => {
  const original = () => {
    const canvas = buildCanvas({
      id: 'orig',
      title: 'Care leavers',
      description: 'Stable homes',
      cards: { outcome: ['A', 'B'], action: ['Deleted', 'C'] },
      checks: [{ step: 'action', lens: 'power', status: 'concern', notes: 'Who decides?' }],
    });
    return deleteCard(canvas, 'action-1', T0 + 1);
  };

  it('gives the copy a new id, new card ids and the title asked for', () => {
    let n = 0;
    const copy = duplicateCanvas(original(), 'copy', () => `new-${++n}`, LATER, 'Care leavers (copy)');
    expect(copy).toMatchObject({
      id: 'copy',
      title: 'Care leavers (copy)',
      description: 'Stable homes',
      createdAt: LATER,
      updatedAt: LATER,
      deletedAt: null,
    });
    expect(Object.keys(copy.cards).sort()).toEqual(['new-1', 'new-2', 'new-3']);
    expect(Object.values(copy.cards).every((card) => card.id.startsWith('new-'))).toBe(true);
  });

  it('keeps the live cards in order and leaves deleted cards behind', () => {
    let n = 0;
    const copy = duplicateCanvas(original(), 'copy', () => `new-${++n}`, LATER, 'x');
    expect(textsIn(copy, 'outcome')).toEqual(['A', 'B']);
    expect(textsIn(copy, 'action')).toEqual(['C']);
    expect(Object.values(copy.cards).some((card) => card.text === 'Deleted')).toBe(false);
  });

  it('keeps the ethics checks and leaves the original untouched', () => {
    const canvas = original();
    const before = snapshot(canvas);
    let n = 0;
    const copy = duplicateCanvas(canvas, 'copy', () => `new-${++n}`, LATER, 'x');
    expect(copy.checks['action:power']).toMatchObject({ status: 'concern', notes: 'Who decides?' });
    expect(openConcerns(copy)).toHaveLength(1);
    expect(canvas).toEqual(before);
  });
});

describe('copyTitle', () => {
  it('adds "(copy)", names an untitled canvas, and stays within the title limit', () => {
    expect(copyTitle('Housing')).toBe('Housing (copy)');
    expect(copyTitle('  ')).toBe('Untitled canvas (copy)');
    expect(copyTitle('t'.repeat(200))).toHaveLength(LIMITS.titleLength);
  });
});
