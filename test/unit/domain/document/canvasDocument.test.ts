import { describe, expect, it } from 'vitest';
import { addActionItem } from '../../../../src/domain/actionLog';
import { setCheckNotes, setCheckStatus, setFacilitatorNote, setPlannedMinutes } from '../../../../src/domain/canvas';
import { addCard, deleteCard } from '../../../../src/domain/cards';
import { canvasDocument } from '../../../../src/domain/document/canvasDocument';
import { type Block, type Doc, type Section, type Table, allSections, inlineText } from '../../../../src/domain/document/model';
import { type Canvas, type Refusal, isRefusal } from '../../../../src/domain/model';
import { T0, buildCanvas } from '../../helpers/canvasBuilder';
import { FINISHED, finishedCanvas } from '../../helpers/finishedCanvas';

const ok = (value: Canvas | Refusal): Canvas => {
  if (isRefusal(value)) throw new Error(value.refused);
  return value;
};
const MARCH_20 = Date.UTC(2026, 2, 20, 12);
const section = (doc: Doc, id: string): Section => {
  const found = allSections(doc).find((part) => part.id === id);
  if (!found) throw new Error(`no section ${id}: ${allSections(doc).map((part) => part.id)}`);
  return found;
};
const blocksText = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((block) => {
    if (block.type === 'paragraph') return [inlineText(block.content)];
    if (block.type === 'list') {
      const walk = (items: typeof block.items): string[] =>
        items.flatMap((entry) => [inlineText(entry.content), ...(entry.children ? walk(entry.children.items) : [])]);
      return walk(block.items);
    }
    if (block.type === 'table') return block.rows.map((row) => row.map(inlineText).join(' | '));
    return [block.title, ...blocksText(block.blocks)];
  });
const tables = (part: Section) => part.blocks.filter((block): block is Table => block.type === 'table');

describe('canvasDocument: one description of a canvas for every output', () => {
  const doc = canvasDocument(finishedCanvas(), { now: MARCH_20, dateLine: 'exported' });

  it('has the title, the description and the date line, then the sections in reading order', () => {
    expect(doc.title).toBe(FINISHED.title);
    expect(blocksText(doc.intro)).toEqual([FINISHED.description, 'Exported from Outcome Canvas on 20 March 2026.']);
    expect(doc.sections.map((part) => part.title)).toEqual([
      'Workshop',
      '1. Outcome',
      '2. Action',
      '3. Insight',
      '4. Enablers',
      'Parking lot',
      'Action log',
      'Data inventory',
      'Golden thread',
      'Open concerns',
      'Resolved concerns',
      'Checks not yet discussed',
      'Still to settle',
      'Sources',
    ]);
  });

  it('gives each step its question, its cards with their marks, and its checks as tables', () => {
    const outcome = section(doc, 'outcome');
    expect(blocksText(outcome.blocks.slice(0, 2))).toEqual([
      '“What specific person is better off in what specific ways because we acted?” (LOTI, "A Caveat on Data")',
      `${FINISHED.outcome} (Agreed · 4 votes)`,
      FINISHED.outcome2,
    ]);
    const cards = outcome.blocks[1]!;
    expect(cards.type === 'list' && cards.cards && cards.items.map((entry) => entry.colour)).toEqual(['yellow', 'blue']);
    expect(tables(outcome).map((table) => table.caption)).toEqual(['Ethics checks: Outcome']);
    expect(tables(outcome)[0]!.rows.map((row) => row.map(inlineText))).toContainEqual(['Trust', 'Concern raised', FINISHED.trustConcern]);
    const insight = section(doc, 'insight');
    expect(tables(insight).map((table) => table.caption)).toEqual(['Ethics checks: Insight', 'Before this goes live: Insight']);
    // A resolved concern shows its resolution, in a column that appears only when needed.
    expect(tables(insight)[1]!.header).toEqual(['Check', 'Status', 'Notes', 'Resolution']);
    expect(tables(insight)[1]!.rows[0]!.map(inlineText)).toEqual([
      'Lawful basis',
      'Concern resolved',
      FINISHED.lawfulBasisConcern,
      FINISHED.resolution,
    ]);
    expect(tables(insight)[0]!.header).toEqual(['Lens', 'Status', 'Notes']);
    expect(blocksText(insight.blocks)).toContain(`${FINISHED.example} (Example from ${FINISHED.exampleSource})`);
  });

  it('carries the workshop, parking lot, action log, data inventory, golden thread and concerns', () => {
    expect(blocksText(section(doc, 'workshop').blocks)).toEqual([
      'Date held: 12 March 2026',
      'Organisation: London Borough of Example',
      'Facilitator: Alex',
      'Who took part: Youth workers, analysts, a parent',
    ]);
    expect(blocksText(section(doc, 'parking-lot').blocks)).toEqual([`${FINISHED.parked} (Parked from Action)`]);
    // 1 April 2026 is past on 20 March? No: still open, not overdue; the second has no owner.
    expect(blocksText(section(doc, 'action-log').blocks)).toEqual([
      `${FINISHED.actionText} | ${FINISHED.actionOwner} | 1 April 2026 | Open | Outcome, Trust`,
      'Draft the privacy notice | No owner yet |  | Open | ',
    ]);
    const dataset = section(doc, 'data-set-1');
    expect(dataset.title).toBe(`1. ${FINISHED.dataset}`);
    expect(blocksText(dataset.blocks)).toContain('Used by | “A ward map of diversions, refreshed monthly”');
    expect(blocksText(dataset.blocks)).toContain('A DPIA is needed and is not done yet.');
    expect(blocksText(section(doc, 'golden-thread').blocks).slice(1)).toEqual([
      `Outcome: ${FINISHED.outcome}`,
      `Action: ${FINISHED.action}`,
      `Insight: ${FINISHED.insight}`,
      `Enablers: ${FINISHED.enabler}`,
      `Outcome: ${FINISHED.outcome2}`,
    ]);
    expect(blocksText(section(doc, 'open-concerns').blocks)).toEqual([
      `Outcome, Trust: ${FINISHED.trustConcern}`,
      `Action: ${FINISHED.actionText} (${FINISHED.actionOwner} · due 1 April 2026)`,
    ]);
    expect(blocksText(section(doc, 'resolved-concerns').blocks)).toEqual([
      `Insight, Lawful basis: ${FINISHED.lawfulBasisConcern}`,
      `Resolved: ${FINISHED.resolution}`,
    ]);
  });

  it('flags an open action as overdue once its date has passed', () => {
    const later = canvasDocument(finishedCanvas(), { now: Date.UTC(2026, 3, 2, 12) });
    expect(blocksText(section(later, 'action-log').blocks)[0]).toContain('| Open, overdue |');
    expect(blocksText(section(later, 'open-concerns').blocks)[1]).toContain('· overdue)');
  });

  it('marks a template’s example cards, or leaves them out everywhere when asked', () => {
    const without = canvasDocument(finishedCanvas(), { now: MARCH_20, examples: 'omit' });
    const everything = allSections(without)
      .flatMap((part) => blocksText(part.blocks))
      .join('\n');
    expect(everything).not.toContain(FINISHED.example);
    expect(everything).toContain(FINISHED.insight);
  });

  it('leaves out blank and deleted cards, and adds facilitator notes only when asked', () => {
    let canvas = buildCanvas({ title: 'T', cards: { outcome: ['kept', '   ', 'deleted'] } });
    canvas = deleteCard(canvas, 'outcome-3', T0);
    canvas = ok(setPlannedMinutes(canvas, 'outcome', 20, T0));
    canvas = setFacilitatorNote(canvas, 'outcome', { notes: 'Ask who is missing.' }, T0);
    const plain = canvasDocument(canvas, { now: T0 });
    expect(blocksText(section(plain, 'outcome').blocks).slice(1, 2)).toEqual(['kept']);
    expect(JSON.stringify(plain)).not.toContain('Ask who is missing');
    const withNotes = canvasDocument(canvas, { now: T0, includeFacilitatorNotes: true });
    const note = section(withNotes, 'outcome').blocks.find((block) => block.type === 'note');
    expect(note && blocksText([note])).toEqual(['Facilitator notes: Outcome', 'Suggested time: 20 minutes', 'Ask who is missing.']);
  });

  it('as a template: only the checks it fills, and nothing worked out', () => {
    let canvas = buildCanvas({ title: 'A template', cards: { outcome: ['An example'] } });
    canvas = setCheckStatus(canvas, 'action', 'power', 'concern', T0);
    canvas = setCheckNotes(canvas, 'action', 'power', 'Who decides?', T0);
    const template = canvasDocument(canvas, { now: T0, kind: 'template' });
    expect(template.sections.map((part) => part.id)).toEqual(['outcome', 'action', 'insight', 'enablers']);
    expect(tables(section(template, 'outcome'))).toEqual([]);
    expect(tables(section(template, 'action'))[0]!.rows.map((row) => row.map(inlineText))).toEqual([
      ['Power', 'Concern raised', 'Who decides?'],
    ]);
  });

  it('says so when there is nothing open and everything is discussed', () => {
    const empty = canvasDocument(buildCanvas({ title: 'Empty' }), { now: T0 });
    expect(blocksText(section(empty, 'outcome').blocks)).toContain('No cards yet.');
    expect(blocksText(section(empty, 'open-concerns').blocks)).toEqual(['No concerns raised.']);
    expect(empty.sections.map((part) => part.id)).not.toContain('golden-thread');
    expect(empty.sections.map((part) => part.id)).not.toContain('action-log');
  });

  it('changes with the canvas: a card edited or an action added shows at once', () => {
    const before = canvasDocument(finishedCanvas(), { now: MARCH_20 });
    const after = canvasDocument(
      ok(addActionItem(addCard(finishedCanvas(), { id: 'n', step: 'action', text: 'New idea' }, T0), { id: 'y', text: 'Book a room' }, T0)),
      {
        now: MARCH_20,
      },
    );
    expect(blocksText(section(after, 'action').blocks)).toContain('New idea');
    expect(blocksText(section(before, 'action').blocks)).not.toContain('New idea');
    expect(blocksText(section(after, 'action-log').blocks).at(-1)).toContain('Book a room');
  });
});
