// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplateMarkdown, templateToMarkdown } from '../../../../src/domain/markdown/templateFiles';
import { LENS_IDS, STEP_IDS, checkKey } from '../../../../src/domain/model';
import { templateSchema } from '../../../../src/domain/schema';
import { canvasFromTemplate, templateFromCanvas } from '../../../../src/domain/templates';
import type { Template } from '../../../../src/domain/templates';
import { presetFiles, readPreset as preset } from '../../helpers/presets';

const files = presetFiles();

const allCardText = (template: Template, step?: (typeof STEP_IDS)[number]) =>
  (step ? [step] : STEP_IDS).flatMap((s) => template.content.cards[s].map((card) => card.text)).join('\n');

describe('preset templates in templates/', () => {
  it('includes the three presets the trainers asked for', () => {
    expect(files.sort()).toEqual(['blank-with-guidance.md', 'early-help-data-linkage.md', 'tackling-racial-inequality.md']);
  });

  it.each(files)('%s parses, validates and has details and facilitator notes for every step', (file) => {
    const template = preset(file);
    expect(templateSchema.safeParse(template).success).toBe(true);
    expect(template.name).not.toBe('');
    expect(template.summary).not.toBe('');
    expect(template.audience).not.toBe('');
    expect(template.duration).not.toBe('');
    for (const step of STEP_IDS) {
      expect(template.content.facilitation[step].minutes, `${file} ${step} minutes`).toBeGreaterThan(0);
      expect(template.content.facilitation[step].notes.length, `${file} ${step} notes`).toBeGreaterThan(40);
    }
  });

  it.each(files)('%s survives being written out and read back unchanged', (file) => {
    const template = preset(file);
    const again = readTemplateMarkdown(templateToMarkdown(template, new Date()), { id: 'x', now: 0, preset: true });
    expect(again.ok && again.template.content).toEqual(template.content);
    expect(again.ok && [again.template.name, again.template.summary, again.template.audience, again.template.duration]).toEqual([
      template.name,
      template.summary,
      template.audience,
      template.duration,
    ]);
  });

  describe('Tackling Racial Inequality', () => {
    const template = preset('tackling-racial-inequality.md');

    it('offers each of LOTI’s six specific projects as a candidate action', () => {
      const actions = allCardText(template, 'action');
      for (const project of [
        /professional networks.*youth justice/i,
        /London Crime Reduction Board/i,
        /Kevin Fenton/i,
        /Thrive LDN/i,
        /employment/i,
        /rough sleep|sleeping rough/i,
      ]) {
        expect(actions).toMatch(project);
      }
    });

    it('names the four kinds of data need and the question of reproducing bias', () => {
      const insight = allCardText(template, 'insight');
      for (const need of [/new data/i, /combin/i, /shar/i, /analys/i]) expect(insight).toMatch(need);
      expect(insight).toMatch(/reproduce.*bias/i);
    });

    it('names the four kinds of enabler and the systems view', () => {
      const enablers = allCardText(template, 'enablers');
      for (const kind of [/policy/i, /process/i, /culture/i, /funding/i, /system/i, /racism/i]) expect(enablers).toMatch(kind);
    });

    it('asks for outcomes for specific ethnic groups', () => {
      expect(`${template.content.description}\n${allCardText(template, 'outcome')}`).toMatch(/specific ethnic group/i);
    });
  });

  describe('Early help for families through data linkage', () => {
    const template = preset('early-help-data-linkage.md');
    const notes = STEP_IDS.flatMap((step) => LENS_IDS.map((lens) => template.content.checks[checkKey(step, lens)].notes)).join('\n');

    it('pre-fills the ethics checks with the brief’s figures, each with its source', () => {
      const figures: [RegExp, string][] = [
        [/82%/, 'do not feel they know or understand how records are used'],
        [/81%/, 'want government to publicise how it links data'],
        [/60%/, 'want to be asked permission'],
        [/66%/, 'marginalised groups wanting permission'],
        [/35%/, 'sure they would not avoid a service'],
        [/15%/, 'sure other families would not avoid services'],
        [/28%/, 'Black parents trusting linked police data'],
        [/55%/, 'against commercial sharing'],
      ];
      for (const [figure, what] of figures) expect(notes, what).toMatch(figure);
      const checksWithFigures = STEP_IDS.flatMap((step) =>
        LENS_IDS.map((lens) => template.content.checks[checkKey(step, lens)].notes),
      ).filter((note) => /\d+%/.test(note));
      for (const note of checksWithFigures) expect(note).toMatch(/Edwards et al\.,? 2023/);
    });

    it('carries the figures as the brief gives them', () => {
      expect(notes).toMatch(/28% of Black parents/i);
      expect(notes).not.toMatch(/28% of (all )?parents/i);
      expect(notes).toMatch(/82%[^.]*(know|understand)/i);
    });

    it('offers the brief’s recommendations as candidate enablers, with the service-capacity caveat', () => {
      const enablers = allCardText(template, 'enablers');
      for (const recommendation of [
        /consent/i,
        /view|see all/i,
        /correct|fixed/i,
        /opt out/i,
        /commercial|private/i,
        /algorithm register/i,
        /independent/i,
        /resourc|capacity|funded/i,
      ]) {
        expect(enablers).toMatch(recommendation);
      }
    });
  });

  it('the blank canvas has no cards but guidance at every step', () => {
    const template = preset('blank-with-guidance.md');
    expect(allCardText(template)).toBe('');
    const minutes = STEP_IDS.reduce((sum, step) => sum + (template.content.facilitation[step].minutes ?? 0), 0);
    expect(minutes).toBeGreaterThanOrEqual(90);
    expect(minutes).toBeLessThanOrEqual(150);
  });
});

describe('templates and canvases', () => {
  it('a canvas made from a template has its content and leaves the template unchanged', () => {
    const template = preset('tackling-racial-inequality.md');
    const before = JSON.stringify(template);
    let n = 0;
    const canvas = canvasFromTemplate(template, 'new-canvas', () => `c${n++}`, 5);
    expect(canvas.title).toBe(template.content.title);
    expect(Object.keys(canvas.cards)).toHaveLength(STEP_IDS.reduce((sum, step) => sum + template.content.cards[step].length, 0));
    expect(canvas.facilitation).toEqual(template.content.facilitation);
    expect(JSON.stringify(template)).toBe(before);
  });

  it('"Save as template" keeps only what the trainer chose', () => {
    const template = preset('early-help-data-linkage.md');
    let n = 0;
    const canvas = canvasFromTemplate(template, 'c', () => `c${n++}`, 5);
    const meta = { name: 'Mine', summary: 's', audience: 'a', duration: '1 hour' };
    const bare = templateFromCanvas(canvas, meta, { cards: false, checks: false, facilitatorNotes: false }, 't1', 6);
    expect(allCardText(bare)).toBe('');
    expect(bare.content.checks[checkKey('insight', 'consent')]).toMatchObject({ status: 'not-discussed', notes: '' });
    expect(bare.content.facilitation.outcome).toEqual({ minutes: null, notes: '' });
    const full = templateFromCanvas(canvas, meta, { cards: true, checks: true, facilitatorNotes: true }, 't2', 6);
    expect(full.content).toEqual(template.content);
    expect(full.preset).toBe(false);
  });
});

describe('template files keep exactly what the trainer wrote', () => {
  const base = preset('blank-with-guidance.md');
  const roundTrip = (template: Template) => {
    const again = readTemplateMarkdown(templateToMarkdown(template, new Date()), { id: 'x', now: 0, preset: false });
    if (!again.ok) throw new Error(again.problems.join('\n'));
    return again.template;
  };

  it('keeps a facilitator note whose whole text is "Suggested time: 5 minutes" as a note, not as minutes', () => {
    const facilitation = { ...base.content.facilitation, outcome: { minutes: null, notes: 'Suggested time: 5 minutes' } };
    const again = roundTrip({ ...base, content: { ...base.content, facilitation } });
    expect(again.content.facilitation.outcome).toEqual({ minutes: null, notes: 'Suggested time: 5 minutes' });
  });

  it('keeps such a note beside real minutes, and a note saying "Suggested time: not set"', () => {
    const facilitation = {
      ...base.content.facilitation,
      action: { minutes: 20, notes: 'Suggested time: 5 minutes' },
      insight: { minutes: null, notes: 'Suggested time: not set' },
    };
    const again = roundTrip({ ...base, content: { ...base.content, facilitation } });
    expect(again.content.facilitation.action).toEqual({ minutes: 20, notes: 'Suggested time: 5 minutes' });
    expect(again.content.facilitation.insight).toEqual({ minutes: null, notes: 'Suggested time: not set' });
  });

  it('does not trim template details', () => {
    const details = { name: '  Spaced name  ', summary: ' Leading space', audience: 'Trailing space ', duration: '\t2 hours\t' };
    const again = roundTrip({ ...base, ...details });
    expect({ name: again.name, summary: again.summary, audience: again.audience, duration: again.duration }).toEqual(details);
  });

  it('keeps example cards, their sources and links', () => {
    const markdown = `---\nformat: outcome-canvas\nversion: 2\nkind: template\nname: "Examples"\nsummary: ""\naudience: ""\nduration: ""\n---\n\n# Examples\n\n## Outcome\n\n- A LOTI outcome (Example from LOTI, "A Caveat on Data")<!-- card: ref=o1; example; source="LOTI, \\"A Caveat on Data\\"" -->\n\n## Action\n\n- An example written for the template (Example)<!-- card: example; serves=o1 -->\n`;
    const read = readTemplateMarkdown(markdown, { id: 't', now: 0, preset: false });
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.template.content.cards.outcome[0]).toMatchObject({
      text: 'A LOTI outcome',
      example: true,
      source: 'LOTI, "A Caveat on Data"',
    });
    expect(read.template.content.cards.action[0]).toMatchObject({
      text: 'An example written for the template',
      example: true,
      serves: ['o1'],
    });
    expect(roundTrip(read.template).content).toEqual(read.template.content);
    let n = 0;
    const canvas = canvasFromTemplate(read.template, 'c', () => `id-${n++}`, 1, 'Our canvas');
    expect(canvas.title).toBe('Our canvas');
    const [action] = Object.values(canvas.cards).filter((card) => card.step === 'action');
    const [outcome] = Object.values(canvas.cards).filter((card) => card.step === 'outcome');
    expect(action!.serves).toEqual([outcome!.id]);
    expect(outcome!.example).toBe(true);
  });

  it('reads a template file written by version 1', () => {
    const read = readTemplateMarkdown(readFileSync(join(__dirname, '../fixtures/v1-template.md'), 'utf8'), {
      id: 't',
      now: 0,
      preset: false,
    });
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.template).toMatchObject({
      name: 'Old template',
      summary: 'A template from version 1',
      audience: 'Trainers',
      duration: '2 hours',
    });
    expect(read.template.content.facilitation.outcome).toEqual({ minutes: 30, notes: 'Ask: which group, specifically?' });
    expect(read.template.content.cards.outcome.map((card) => card.text)).toEqual([
      'Young people are diverted from custody',
      'Families trust the service\nand use it early',
    ]);
  });

  it('"Save as template" leaves one workshop’s votes, agreed marks, parking lot and action log behind', () => {
    let canvas = canvasFromTemplate(preset('tackling-racial-inequality.md'), 'c', counter(), 5);
    const [first] = Object.keys(canvas.cards);
    canvas = { ...canvas, cards: { ...canvas.cards, [first!]: { ...canvas.cards[first!]!, votes: 7, agreed: true } } };
    const template = templateFromCanvas(
      canvas,
      { name: 'n', summary: '', audience: '', duration: '' },
      { cards: true, checks: true, facilitatorNotes: true },
      't',
      6,
    );
    const all = STEP_IDS.flatMap((step) => template.content.cards[step]);
    expect(all.every((card) => card.votes === 0 && !card.agreed)).toBe(true);
    expect(template.content.parked).toEqual([]);
    expect(template.content.actionItems).toEqual([]);
  });
});

function counter() {
  let n = 0;
  return () => `id-${n++}`;
}
