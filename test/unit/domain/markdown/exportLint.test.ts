// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import fc from 'fast-check';
import { applyFixes } from 'markdownlint';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { canvasToMarkdown } from '../../../../src/domain/markdown/exportCanvas';
import { buildFromSpec, canvasSpecArb } from '../../helpers/arbitraries';
import { buildCanvas } from '../../helpers/canvasBuilder';

const config = JSON.parse(readFileSync(join(__dirname, '../../../../.markdownlint.json'), 'utf8'));

const sample = buildCanvas({
  title: 'Tackling racial inequality | youth justice',
  description: 'Fewer young Black Londoners drawn into the justice system.\nSecond line of the description.',
  cards: {
    outcome: [
      'Young Black men aged 16 to 24 are diverted from custody',
      { text: 'Families trust the service\nand use it early', colour: 'blue' },
    ],
    action: ['Youth offending teams see <script>alert(1)</script> *risk* scores | weekly', '# not a heading'],
    insight: ['[x](javascript:alert(1)) ![img](http://evil.example/x.png) `code`'],
  },
  checks: [
    { step: 'insight', lens: 'consent', status: 'concern', notes: 'Residents were never asked\nRaise with the DPO | urgently' },
    { step: 'outcome', lens: 'trust', status: 'no-concern', notes: 'Discussed with the youth panel' },
    { step: 'enablers', lens: 'power', status: 'not-applicable' },
  ],
});
const markdown = canvasToMarkdown(sample, { exportedAt: new Date('2026-11-22T10:00:00Z') });

describe('exported Markdown', () => {
  it('passes markdownlint with the committed configuration', () => {
    const results = lint({ strings: { export: markdown }, config });
    expect(results.toString()).toBe('');
  });

  it('parses with an independent CommonMark parser into the expected headings, lists and tables', () => {
    const md = new MarkdownIt('commonmark').enable('table');
    const tokens = md.parse(markdown.replace(/^---[\s\S]*?\n---\n/, ''), {});
    const headings = tokens.flatMap((token, i) => (token.type === 'heading_open' ? [`${token.tag} ${tokens[i + 1]!.content}`] : []));
    expect(headings).toEqual([
      'h1 Tackling racial inequality | youth justice',
      'h2 1. Outcome',
      'h3 Ethics checks: Outcome',
      'h2 2. Action',
      'h3 Ethics checks: Action',
      'h2 3. Insight',
      'h3 Ethics checks: Insight',
      'h3 Before this goes live: Insight',
      'h2 4. Enablers',
      'h3 Ethics checks: Enablers',
      'h3 Before this goes live: Enablers',
      'h2 Open concerns',
      'h2 Checks not yet discussed',
    ]);
    // Four ethics tables (a header and five lenses each), and the governance checks under Insight and Enablers.
    expect(tokens.filter((token) => token.type === 'table_open')).toHaveLength(6);
    expect(tokens.filter((token) => token.type === 'tr_open')).toHaveLength(4 * 6 + (1 + 8) + (1 + 9));
    const html = md.render(markdown);
    expect(html).not.toMatch(/<script|<img|href="javascript/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Raise with the DPO | urgently');
  });

  it('lists every card under its step, in order', () => {
    const html = new MarkdownIt('commonmark').render(markdown.replace(/^---[\s\S]*?\n---\n/, ''));
    const action = html.slice(html.indexOf('2. Action'), html.indexOf('3. Insight'));
    expect(action.indexOf('Youth offending teams')).toBeLessThan(action.indexOf('# not a heading'));
    expect(action).not.toContain('<h1># not');
  });
});

describe('exported Markdown for any text', () => {
  const lintErrors = (text: string) => lint({ strings: { export: text }, config }).export ?? [];

  it('is lint-clean whatever the canvas holds: tabs, ZWJ emoji, combining accents, CJK, zero-width characters', () => {
    fc.assert(
      fc.property(canvasSpecArb, (spec) => {
        const exported = canvasToMarkdown(buildFromSpec(spec), {
          exportedAt: new Date('2026-11-22T10:00:00Z'),
          includeFacilitatorNotes: true,
        });
        const errors = lintErrors(exported);
        if (errors.length)
          throw new Error(
            `${errors.map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.errorDetail ?? ''}`).join('\n')}\n${exported}`,
          );
      }),
      { numRuns: 60 },
    );
  }, 180_000);

  it('is left unchanged by markdownlint --fix', () => {
    fc.assert(
      fc.property(canvasSpecArb, (spec) => {
        const exported = canvasToMarkdown(buildFromSpec(spec), {
          exportedAt: new Date('2026-11-22T10:00:00Z'),
          includeFacilitatorNotes: true,
        });
        expect(applyFixes(exported, lintErrors(exported))).toBe(exported);
      }),
      { numRuns: 30 },
    );
  }, 180_000);

  it('writes a card holding a tab, and notes holding ZWJ emoji, accents, CJK and zero-width characters, lint-clean', () => {
    const tricky = buildCanvas({
      cards: { outcome: ['Tab\tinside', '\tleading tab'] },
      checks: [{ step: 'insight', lens: 'trust', status: 'concern', notes: '👩‍👩‍👧 family · e\u0301 · 漢字 · a\u200Bb \u200D' }],
    });
    const exported = canvasToMarkdown(tricky, { exportedAt: new Date('2026-11-22T10:00:00Z') });
    expect(lintErrors(exported)).toEqual([]);
    expect(exported).not.toContain('\t');
    expect(applyFixes(exported, lintErrors(exported))).toBe(exported);
  });
});
