// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  canvasProgress,
  checksForStep,
  copyTitle,
  duplicateCanvas,
  governanceForStep,
  openConcernEntries,
  openConcerns,
  parseCheckKey,
  reopenConcern,
  resolveConcern,
  resolvedConcernEntries,
  setCheckNotes,
  setCheckStatus,
  setDescription,
  setGovernanceNotes,
  setGovernanceStatus,
  setTitle,
  setVotesPerPerson,
  setWorkshopDetails,
  stepOfCheck,
  undiscussedChecks,
} from '../../../src/domain/canvas';
import { addActionItem, deleteActionItem } from '../../../src/domain/actionLog';
import { deleteCard } from '../../../src/domain/cards';
import { contentOf } from '../../../src/domain/content';
import { addDataset, linkDatasetToInsight } from '../../../src/domain/dataInventory';
import { type Canvas, LIMITS, isRefusal } from '../../../src/domain/model';
import { linkCards } from '../../../src/domain/thread';
import { startTimer } from '../../../src/domain/timer';
import { T0, buildCanvas, snapshot, textsIn, applied } from '../helpers/canvasBuilder';

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
      resolvedAt: null,
      resolution: '',
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
      governanceDiscussed: 0,
      governanceCount: 17,
      openConcerns: 2,
      cardCount: 3,
      parkedCount: 0,
      openActionItems: 0,
    });
  });

  it('is all zeros for a new canvas', () => {
    expect(canvasProgress(buildCanvas())).toEqual({
      stepsWithContent: 0,
      stepCount: 4,
      checksDiscussed: 0,
      checkCount: 20,
      governanceDiscussed: 0,
      governanceCount: 17,
      openConcerns: 0,
      cardCount: 0,
      parkedCount: 0,
      openActionItems: 0,
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
const refusedWith = (result: Canvas | { refused: string }) => (isRefusal(result) ? result.refused : null);

describe('titles in any script', () => {
  it('keep emoji and right-to-left text, and never cut a character in half at the limit', () => {
    const title = '👩🏽‍💻 فريق البيانات في لامبث שלום 🇬🇧';
    expect(setTitle(buildCanvas(), title, LATER).title).toBe(title);
    const long = `${'x'.repeat(LIMITS.titleLength - 1)}👨‍👩‍👧`;
    const clamped = setTitle(buildCanvas(), long, LATER).title;
    expect(clamped).toBe('x'.repeat(LIMITS.titleLength - 1));
    expect(clamped).not.toMatch(/[\uD800-\uDBFF]$/);
    expect(copyTitle(`${'y'.repeat(LIMITS.titleLength)}`)).toMatch(/ \(copy\)$/);
    expect(copyTitle(`${'y'.repeat(LIMITS.titleLength)}`)).toHaveLength(LIMITS.titleLength);
  });
});

describe('workshop details and voting settings', () => {
  it('set the date held, organisation, facilitator and who took part', () => {
    const canvas = applied(
      setWorkshopDetails(
        buildCanvas(),
        { heldOn: '2026-03-05', organisation: 'Lambeth\nCouncil', facilitator: 'Sam', participants: 'Two social workers\nAn analyst' },
        LATER,
      ),
    );
    expect(canvas.workshop).toEqual({
      heldOn: '2026-03-05',
      organisation: 'Lambeth Council',
      facilitator: 'Sam',
      participants: 'Two social workers\nAn analyst',
    });
    expect(applied(setWorkshopDetails(canvas, { facilitator: 'Sam' }, LATER))).toBe(canvas);
    expect(applied(setWorkshopDetails(canvas, { heldOn: '' }, LATER)).workshop.heldOn).toBe('');
  });

  it('refuse a date that is not a real date', () => {
    expect(refusedWith(setWorkshopDetails(buildCanvas(), { heldOn: '05/03/2026' }, LATER))).toBe(
      'The date the workshop was held must be a real date written as year-month-day, for example 2026-03-31.',
    );
  });

  it('set votes per person from 1 to 20, refusing anything else', () => {
    expect(applied(setVotesPerPerson(buildCanvas(), 5, LATER)).votesPerPerson).toBe(5);
    for (const votes of [0, 21, 2.5])
      expect(refusedWith(setVotesPerPerson(buildCanvas(), votes, LATER))).toBe('Each person can have from 1 to 20 votes.');
  });
});

describe('governance checks and resolving concerns', () => {
  it('set a governance check’s status and notes like an ethics check', () => {
    const canvas = setGovernanceNotes(
      setGovernanceStatus(buildCanvas(), 'lawful-basis', 'concern', LATER),
      'lawful-basis',
      'Which basis?',
      LATER,
    );
    expect(canvas.governance['lawful-basis']).toMatchObject({
      id: 'lawful-basis',
      status: 'concern',
      notes: 'Which basis?',
      updatedAt: LATER,
    });
    expect(governanceForStep(canvas, 'insight').map((check) => check.id)).toContain('lawful-basis');
    expect(governanceForStep(canvas, 'outcome')).toEqual([]);
    expect(canvasProgress(canvas)).toMatchObject({ governanceDiscussed: 1, openConcerns: 1 });
  });

  it('roll open concerns of both kinds up in canvas order', () => {
    let canvas = buildCanvas({
      checks: [
        { step: 'enablers', lens: 'trust', status: 'concern' },
        { step: 'insight', lens: 'power', status: 'concern' },
      ],
    });
    canvas = setGovernanceStatus(canvas, 'dpia-screening', 'concern', LATER);
    canvas = setGovernanceStatus(canvas, 'senior-owner', 'concern', LATER);
    expect(openConcernEntries(canvas).map((entry) => entry.key)).toEqual([
      'insight:power',
      'governance:dpia-screening',
      'enablers:trust',
      'governance:senior-owner',
    ]);
    expect(stepOfCheck('governance:senior-owner')).toBe('enablers');
    expect(parseCheckKey('governance:nope')).toBeNull();
    expect(parseCheckKey('insight:fairness')).toBeNull();
  });

  it('resolve a concern with a note, which takes it out of the open concerns; reopen it keeping the note', () => {
    const canvas = buildCanvas({ checks: [{ step: 'insight', lens: 'consent', status: 'concern', notes: 'Never asked' }] });
    const resolved = applied(resolveConcern(canvas, 'insight:consent', 'Residents’ panel booked', LATER));
    expect(resolved.checks['insight:consent']).toMatchObject({
      status: 'concern',
      resolvedAt: LATER,
      resolution: 'Residents’ panel booked',
    });
    expect(openConcerns(resolved)).toEqual([]);
    expect(resolvedConcernEntries(resolved).map((entry) => entry.key)).toEqual(['insight:consent']);
    expect(canvasProgress(resolved).openConcerns).toBe(0);
    const reopened = reopenConcern(resolved, 'insight:consent', LATER + 1);
    expect(reopened.checks['insight:consent']).toMatchObject({ resolvedAt: null, resolution: 'Residents’ panel booked' });
    expect(reopenConcern(reopened, 'insight:consent', LATER)).toBe(reopened);
  });

  it('refuse to resolve a check with no concern raised; a status change away from concern clears the mark', () => {
    expect(refusedWith(resolveConcern(buildCanvas(), 'outcome:trust', 'x', LATER))).toBe('Only a raised concern can be marked resolved.');
    const canvas = applied(
      resolveConcern(buildCanvas({ checks: [{ step: 'outcome', lens: 'trust', status: 'concern' }] }), 'outcome:trust', '', LATER),
    );
    expect(setCheckStatus(canvas, 'outcome', 'trust', 'no-concern', LATER).checks['outcome:trust'].resolvedAt).toBeNull();
  });
});

describe('duplicateCanvas with links and records', () => {
  it('gives every record a new id, rewires golden-thread links and data sets, and leaves deleted records behind', () => {
    let canvas = buildCanvas({ cards: { outcome: ['O'], action: ['A'], insight: ['I', 'Gone'] } });
    canvas = applied(linkCards(canvas, 'action-1', 'outcome-1', LATER));
    canvas = applied(addDataset(canvas, { id: 'd', name: 'Data' }, LATER));
    canvas = applied(linkDatasetToInsight(canvas, 'd', 'insight-1', LATER));
    canvas = applied(addActionItem(canvas, { id: 'x', text: 'Do it' }, LATER));
    canvas = applied(addActionItem(canvas, { id: 'y', text: 'Deleted' }, LATER));
    canvas = deleteActionItem(deleteCard(canvas, 'insight-2', LATER), 'y', LATER);
    canvas = startTimer(canvas, 'outcome', LATER);
    let n = 0;
    const copy = duplicateCanvas(canvas, 'copy', () => `new-${n++}`, LATER + 5, 'Copy');
    const byText = (text: string) => Object.values(copy.cards).find((card) => card.text === text)!;
    expect(Object.keys(copy.cards)).toHaveLength(3);
    expect(byText('A').serves).toEqual([byText('O').id]);
    expect(Object.values(copy.datasets)[0]!.usedBy).toEqual([byText('I').id]);
    expect(Object.values(copy.actionItems).map((item) => item.text)).toEqual(['Do it']);
    expect(Object.keys(copy.actionItems)).not.toContain('x');
    expect(copy.timer.runningSince).toBeNull();
    expect(contentOf(copy)).toEqual({ ...contentOf(canvas), title: 'Copy' });
  });
});
