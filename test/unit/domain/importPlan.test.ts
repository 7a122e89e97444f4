// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyContent } from '../../../src/domain/content';
import { planImport } from '../../../src/domain/importPlan';
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
      replaceExisting: true,
      newId: counter(),
    });
    expect(plan.summary).toEqual({ added: 1, replaced: 1, copied: 0, templates: 1, ids: ['here', 'fresh'] });
    expect(plan.canvases.map(({ canvas, replaces }) => [canvas.id, canvas.title, replaces])).toEqual([
      ['here', 'Already here', true],
      ['fresh', 'New one', false],
    ]);
    // A replaced template keeps its id; an imported template is never a preset.
    expect(plan.templates.map((t) => [t.id, t.preset])).toEqual([['t', false]]);
  });

  it('otherwise adds a canvas already here as a copy, with a new id and a title that says so', () => {
    const plan = planImport({
      canvases,
      templates: [template('t')],
      existingCanvasIds: new Set(['here']),
      existingTemplateIds: new Set(['t']),
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

  it('gives every imported card a fresh id, keeping its text and step', () => {
    const plan = planImport({
      canvases,
      templates: [],
      existingCanvasIds: new Set(),
      existingTemplateIds: new Set(),
      replaceExisting: false,
      newId: counter(),
    });
    const [first, second] = plan.canvases.map(({ canvas }) => canvas);
    expect(Object.keys(first!.cards)).not.toContain('outcome-1');
    expect(textsIn(first!, 'outcome')).toEqual(['A']);
    expect(textsIn(second!, 'action')).toEqual(['B']);
    expect(Object.values(first!.cards).every((card) => first!.cards[card.id] === card)).toBe(true);
  });
});
