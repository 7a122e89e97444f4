// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyContent } from '../../../src/domain/content';
import { addCard } from '../../../src/domain/cards';
import { planImport } from '../../../src/domain/importPlan';
import { type Canvas, isRefusal } from '../../../src/domain/model';
import { makeSnapshot } from '../../../src/domain/snapshots';
import { linkCards } from '../../../src/domain/thread';
import type { Template } from '../../../src/domain/templates';
import { buildCanvas, textsIn } from '../helpers/canvasBuilder';

const template = (id: string): Template => ({
  id,
  name: id,
  summary: '',
  audience: '',
  duration: '',
  preset: true,
  content: emptyContent(),
  createdAt: 0,
  updatedAt: 0,
});

function counter() {
  let n = 0;
  return () => `new-${++n}`;
}

const canvases = [
  buildCanvas({ id: 'here', title: 'Already here', cards: { outcome: ['A'] } }),
  buildCanvas({ id: 'fresh', title: 'New one', cardIdPrefix: 'f:', cards: { action: ['B'] } }),
];

describe('planImport', () => {
  it('adds new canvases as they are and replaces ones already here when asked, counting each', () => {
    const plan = planImport({
      canvases,
      templates: [template('t')],
      existingCanvasIds: new Set(['here']),
      existingTemplateIds: new Set(['t']),
      cardOwners: new Map(),
      existingSnapshotIds: new Set(),
      replaceExisting: true,
      newId: counter(),
    });
    expect(plan.summary).toEqual({ added: 1, replaced: 1, copied: 0, templates: 1, versions: 0, ids: ['here', 'fresh'], sharedKept: [] });
    expect(plan.canvases.map(({ canvas, replaces }) => [canvas.id, canvas.title, replaces])).toEqual([
      ['here', 'Already here', true],
      ['fresh', 'New one', false],
    ]);
    // A replaced template keeps its id; an imported template is never a preset.
    expect(plan.templates.map((t) => [t.id, t.preset])).toEqual([['t', false]]);
  });

  it('never replaces a shared canvas, even when asked: the backup’s version comes in as a copy beside it, and says so', () => {
    const plan = planImport({
      canvases,
      templates: [],
      existingCanvasIds: new Set(['here']),
      existingTemplateIds: new Set(),
      cardOwners: new Map([['outcome-1', 'here']]),
      existingSnapshotIds: new Set(),
      replaceExisting: true,
      keepAsCopy: new Set(['here']),
      newId: counter(),
    });
    expect(plan.summary).toMatchObject({ added: 1, replaced: 0, copied: 1, sharedKept: ['Already here'] });
    const [copy] = plan.canvases;
    expect(copy!.replaces).toBe(false);
    expect(copy!.canvas.id).not.toBe('here');
    expect(copy!.canvas.title).toBe('Already here (copy)');
    // Its cards get new ids, so the shared canvas's cards are untouched.
    expect(Object.keys(copy!.canvas.cards)).not.toContain('outcome-1');
  });

  it('otherwise adds a canvas already here as a copy, with a new id and a title that says so', () => {
    const plan = planImport({
      canvases,
      templates: [template('t')],
      existingCanvasIds: new Set(['here']),
      existingTemplateIds: new Set(['t']),
      cardOwners: new Map([['outcome-1', 'here']]),
      existingSnapshotIds: new Set(),
      replaceExisting: false,
      newId: counter(),
    });
    expect(plan.summary).toMatchObject({ added: 1, replaced: 0, copied: 1 });
    const [copy] = plan.canvases;
    expect(copy!.canvas.id).toBe(plan.summary.ids[0]);
    expect(copy!.canvas.id).not.toBe('here');
    expect(copy!.canvas.title).toBe('Already here (copy)');
    expect(copy!.replaces).toBe(false);
    expect(plan.templates[0]!.id).not.toBe('t');
    // Keep-both names the template copy as one, so the gallery never shows two with one name.
    expect(plan.templates[0]!.name).toBe('t (copy)');
  });

  it('keeps card ids unless they clash with another canvas’s, and then rewires links and saved versions', () => {
    const incoming = linkCards(canvases[1]!, 'f:action-1', 'f:action-1', 0);
    expect(isRefusal(incoming)).toBe(true);
    let fresh = addCard(canvases[1]!, { id: 'f:outcome-1', step: 'outcome', text: 'O' }, 0);
    fresh = linkCards(fresh, 'f:action-1', 'f:outcome-1', 0) as Canvas;
    const version = makeSnapshot(fresh, 'opened', 'v1', 0);
    const plan = planImport({
      canvases: [canvases[0]!, fresh],
      templates: [],
      snapshots: [version],
      existingCanvasIds: new Set(),
      existingTemplateIds: new Set(),
      // 'f:outcome-1' is already a card of a canvas not in the backup; the saved version's id is taken too.
      cardOwners: new Map([['f:outcome-1', 'elsewhere']]),
      existingSnapshotIds: new Set(['v1']),
      replaceExisting: false,
      newId: counter(),
    });
    const [first, second] = plan.canvases.map(({ canvas }) => canvas);
    expect(Object.keys(first!.cards)).toEqual(Object.keys(canvases[0]!.cards));
    expect(Object.keys(second!.cards)).toContain('f:action-1');
    const outcomeId = Object.values(second!.cards).find((card) => card.text === 'O')!.id;
    expect(outcomeId).not.toBe('f:outcome-1');
    expect(second!.cards['f:action-1']!.serves).toEqual([outcomeId]);
    expect(plan.snapshots).toHaveLength(1);
    expect(plan.snapshots[0]!.id).not.toBe('v1');
    expect(plan.snapshots[0]!.canvas.cards['f:action-1']!.serves).toEqual([outcomeId]);
    expect(plan.summary.versions).toBe(1);
    expect(textsIn(second!, 'action')).toEqual(['B']);
  });

  it('moves a copy’s saved versions to the copy, with its new card ids', () => {
    const version = makeSnapshot(canvases[0]!, 'editing', 'v-here', 0);
    const plan = planImport({
      canvases: [canvases[0]!],
      templates: [],
      snapshots: [version],
      existingCanvasIds: new Set(['here']),
      existingTemplateIds: new Set(),
      cardOwners: new Map([['outcome-1', 'here']]),
      existingSnapshotIds: new Set(),
      replaceExisting: false,
      newId: counter(),
    });
    const [copy] = plan.canvases.map(({ canvas }) => canvas);
    expect(plan.snapshots[0]).toMatchObject({ id: 'v-here', canvasId: copy!.id });
    expect(Object.keys(plan.snapshots[0]!.canvas.cards)).toEqual(Object.keys(copy!.cards));
    expect(Object.keys(copy!.cards)).not.toContain('outcome-1');
  });
});

describe('planImport and saved versions', () => {
  it('renames a saved version whose id another in the file already has (two canvases copied from one)', () => {
    const one = buildCanvas({ id: 'one', cardIdPrefix: 'one:' });
    const two = buildCanvas({ id: 'two', cardIdPrefix: 'two:' });
    const plan = planImport({
      canvases: [one, two],
      templates: [],
      snapshots: [makeSnapshot(one, 'opened', 'same', 0), makeSnapshot(two, 'opened', 'same', 0)],
      existingCanvasIds: new Set(),
      existingTemplateIds: new Set(),
      cardOwners: new Map(),
      existingSnapshotIds: new Set(),
      replaceExisting: false,
      newId: counter(),
    });
    expect(plan.snapshots.map((snapshot) => [snapshot.id, snapshot.canvasId])).toEqual([
      ['same', 'one'],
      ['new-1', 'two'],
    ]);
  });
});
