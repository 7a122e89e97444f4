// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canvasFromContent, contentOf } from '../../../../src/domain/content';
import { canvasToMarkdown } from '../../../../src/domain/markdown/exportCanvas';
import { importCanvasMarkdown } from '../../../../src/domain/markdown/importCanvas';
import { CARD_COLOURS, CHECK_STATUSES, LENS_IDS, STEP_IDS, checkKey, createCanvas } from '../../../../src/domain/model';
import { addCard } from '../../../../src/domain/cards';
import { setCheckNotes, setCheckStatus, setDescription, setTitle } from '../../../../src/domain/canvas';

/** Pieces of text that Markdown treats specially, plus scripts in other directions. */
const awkward = fc.constantFrom(
  '#',
  '# heading',
  '*',
  '**',
  '_',
  '`',
  '```',
  '|',
  '\\',
  '<script>alert(1)</script>',
  '<b>',
  '&amp;',
  '&#x20;',
  '[x](javascript:alert(1))',
  '![img](http://evil.example/x.png)',
  'http://example.com',
  'www.example.com',
  '1.',
  '- ',
  '+ ',
  '> ',
  '---',
  '===',
  '~~',
  '[ ]',
  '<!-- colour: blue -->',
  '<br>',
  '👩🏽‍💻',
  '🇬🇧',
  'مرحبا بالعالم',
  'שלום',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  'a',
  'word',
);
const awkwardText = fc
  .array(fc.oneof(awkward, fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

const canvasArb = fc.record({
  title: fc.array(fc.oneof(awkward, fc.string({ maxLength: 5 })), { maxLength: 5 }).map((parts) => parts.join('').replace(/\n/g, ' ')),
  description: awkwardText,
  cards: fc.array(fc.record({ step: fc.constantFrom(...STEP_IDS), text: awkwardText, colour: fc.constantFrom(...CARD_COLOURS) }), {
    maxLength: 12,
  }),
  checks: fc.array(
    fc.record({
      step: fc.constantFrom(...STEP_IDS),
      lens: fc.constantFrom(...LENS_IDS),
      status: fc.constantFrom(...CHECK_STATUSES),
      notes: awkwardText,
    }),
    { maxLength: 8 },
  ),
});

type CanvasSpec = typeof canvasArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: CanvasSpec) {
  let canvas = createCanvas('round-trip', 1);
  canvas = setTitle(canvas, spec.title, 2);
  canvas = setDescription(canvas, spec.description, 2);
  spec.cards.forEach((card, i) => {
    canvas = addCard(canvas, { id: `card-${i}`, step: card.step, text: card.text, colour: card.colour }, 3);
  });
  for (const check of spec.checks) {
    canvas = setCheckStatus(canvas, check.step, check.lens, check.status, 4);
    canvas = setCheckNotes(canvas, check.step, check.lens, check.notes, 4);
  }
  return canvas;
}

describe('canvas Markdown round trip', () => {
  it('imports an exported canvas back into the same content, whatever the text', () => {
    fc.assert(
      fc.property(canvasArb, (spec) => {
        const canvas = build(spec);
        const markdown = canvasToMarkdown(canvas, { exportedAt: new Date('2026-11-22T10:00:00Z') });
        const result = importCanvasMarkdown(markdown);
        if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}\n${markdown}`);
        expect(result.content).toEqual(contentOf(canvas));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('gives the same Markdown when an imported canvas is exported again', () => {
    fc.assert(
      fc.property(canvasArb, (spec) => {
        const exportedAt = new Date('2026-11-22T10:00:00Z');
        const first = canvasToMarkdown(build(spec), { exportedAt });
        const result = importCanvasMarkdown(first);
        if (!result.ok) throw new Error('import failed');
        let n = 0;
        const again = canvasToMarkdown(
          canvasFromContent(result.content, 'round-trip', () => `c${n++}`, 1),
          { exportedAt },
        );
        expect(again).toBe(first);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('keeps each check keyed to its own step and lens', () => {
    let canvas = createCanvas('c', 1);
    canvas = setCheckStatus(canvas, 'insight', 'consent', 'concern', 2);
    canvas = setCheckNotes(canvas, 'insight', 'consent', 'Residents were never asked', 2);
    const result = importCanvasMarkdown(canvasToMarkdown(canvas, { exportedAt: new Date() }));
    expect(result.ok && result.content.checks[checkKey('insight', 'consent')]).toEqual({
      status: 'concern',
      notes: 'Residents were never asked',
    });
    expect(result.ok && result.content.checks[checkKey('action', 'consent')]).toEqual({ status: 'not-discussed', notes: '' });
  });
});
