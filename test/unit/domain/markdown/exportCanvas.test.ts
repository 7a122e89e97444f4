// @vitest-environment node
import type { Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { deleteCard } from '../../../../src/domain/cards';
import { CHECK_GUIDANCE, STEP_GUIDANCE } from '../../../../src/domain/guidance';
import { canvasToMarkdown, markdownFileName } from '../../../../src/domain/markdown/exportCanvas';
import { STEP_IDS } from '../../../../src/domain/model';
import { type CanvasSpec, buildCanvas } from '../../helpers/canvasBuilder';
import { colourNote, headingText, listItems, nodeTypes, plainText, readExport, section, tableRows } from '../../helpers/markdown';

const EXPORTED_AT = new Date('2024-03-05T12:00:00Z');

function exported(spec: CanvasSpec) {
  const markdown = canvasToMarkdown(buildCanvas(spec), { exportedAt: EXPORTED_AT });
  return { markdown, ...readExport(markdown) };
}

describe('canvasToMarkdown: structure', () => {
  const { root } = exported({
    title: 'Care leavers housing',
    description: 'Tackling homelessness among care leavers.\n\nSecond paragraph.',
    id: 'canvas-42',
    cards: {
      outcome: ['Care leavers keep a stable home', 'Fewer evictions'],
      action: ['Housing officers call earlier'],
      enablers: ['   '],
    },
    checks: [
      { step: 'outcome', lens: 'trust', status: 'no-concern', notes: 'Young people agreed' },
      { step: 'action', lens: 'consent', status: 'concern', notes: 'Need an opt-out' },
      { step: 'insight', lens: 'power', status: 'concern' },
      { step: 'enablers', lens: 'inclusivity', status: 'not-applicable' },
    ],
  });
  const top = root.children;

  it('starts with front matter naming the format, its version, the canvas id and the export time', () => {
    const { markdown, frontMatter } = exported({ id: 'canvas-42' });
    expect(markdown.startsWith('---\n')).toBe(true);
    expect(frontMatter).toEqual({ format: 'outcome-canvas', version: '2', id: 'canvas-42', exported: '2024-03-05T12:00:00.000Z' });
  });

  it('then has the title as the only level-1 heading, the description and the export date', () => {
    expect(top[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(headingText(top[0]!)).toBe('Care leavers housing');
    expect(top.filter((node) => node.type === 'heading' && node.depth === 1)).toHaveLength(1);
    expect(plainText(top[1]!)).toBe('Tackling homelessness among care leavers.\n\nSecond paragraph.');
    expect(plainText(top[2]!)).toBe('Exported from Outcome Canvas on 5 March 2024.');
  });

  it('has one level-2 heading per step in order, then open concerns and checks not yet discussed', () => {
    const h2s = top.filter((node) => node.type === 'heading' && node.depth === 2).map((node) => headingText(node));
    expect(h2s).toEqual(['1. Outcome', '2. Action', '3. Insight', '4. Enablers', 'Open concerns', 'Checks not yet discussed']);
  });

  it.each(STEP_IDS.map((step, i) => [step, i] as const))('quotes LOTI’s question under step %s', (step, i) => {
    const quote = section(root, `${i + 1}. ${STEP_GUIDANCE[step].title}`).find((node) => node.type === 'blockquote');
    expect(quote && plainText(quote)).toContain(STEP_GUIDANCE[step].question);
    expect(quote && plainText(quote)).toContain('LOTI');
  });

  it('lists each step’s cards in order as list items', () => {
    expect(listItems(section(root, '1. Outcome')).map(plainText)).toEqual(['Care leavers keep a stable home', 'Fewer evictions']);
    expect(listItems(section(root, '2. Action')).map(plainText)).toEqual(['Housing officers call earlier']);
  });

  it('says "No cards yet." for a step with no cards or only blank ones', () => {
    for (const title of ['3. Insight', '4. Enablers']) {
      const nodes = section(root, title);
      expect(listItems(nodes)).toEqual([]);
      expect(nodes.some((node) => plainText(node) === 'No cards yet.')).toBe(true);
    }
  });

  it('exports each ethics check under its step as a Lens / Status / Notes table', () => {
    expect(tableRows(section(root, 'Ethics checks: Outcome'))).toEqual([
      ['Lens', 'Status', 'Notes'],
      ['Trust', 'Discussed, no concern', 'Young people agreed'],
      ['Consent', 'Not yet discussed', ''],
      ['Power', 'Not yet discussed', ''],
      ['Transparency', 'Not yet discussed', ''],
      ['Inclusivity', 'Not yet discussed', ''],
    ]);
    expect(tableRows(section(root, 'Ethics checks: Action'))[2]).toEqual(['Consent', 'Concern raised', 'Need an opt-out']);
    expect(tableRows(section(root, 'Ethics checks: Insight'))[3]).toEqual(['Power', 'Concern raised', '']);
    expect(tableRows(section(root, 'Ethics checks: Enablers'))[5]).toEqual(['Inclusivity', 'Not applicable', '']);
  });

  it('puts each step’s table inside that step’s section', () => {
    for (const [i, step] of STEP_IDS.entries()) {
      const titles = section(root, `${i + 1}. ${STEP_GUIDANCE[step].title}`).map(headingText);
      expect(titles).toContain(`Ethics checks: ${STEP_GUIDANCE[step].title}`);
    }
  });

  it('lists open concerns in canvas order with their notes, or the check’s question when there are none', () => {
    expect(listItems(section(root, 'Open concerns')).map(plainText)).toEqual([
      'Action, Consent: Need an opt-out',
      `Insight, Power: ${CHECK_GUIDANCE.insight.power.question}`,
    ]);
  });

  it('lists the lenses not yet discussed, step by step', () => {
    expect(listItems(section(root, 'Checks not yet discussed')).map(plainText)).toEqual([
      'Outcome: Consent, Power, Transparency, Inclusivity',
      'Action: Trust, Power, Transparency, Inclusivity',
      'Insight: Trust, Consent, Transparency, Inclusivity',
      'Enablers: Trust, Consent, Power, Transparency',
    ]);
  });

  it('leaves deleted cards out', () => {
    const canvas = deleteCard(buildCanvas({ cards: { outcome: ['Keep', 'Deleted'] } }), 'outcome-2', 1);
    const items = listItems(section(readExport(canvasToMarkdown(canvas, { exportedAt: EXPORTED_AT })).root, '1. Outcome'));
    expect(items.map(plainText)).toEqual(['Keep']);
  });
});

describe('canvasToMarkdown: the empty and the finished canvas', () => {
  it('calls a canvas with no title "Untitled canvas"', () => {
    const { markdown, root } = exported({ title: '  ' });
    expect(headingText(root.children[0]!)).toBe('Untitled canvas');
    expect(markdown).toContain('\n# Untitled canvas\n');
  });

  it('says so when no concern is raised, and when every check has been discussed', () => {
    const checks = STEP_IDS.flatMap((step) =>
      (['trust', 'consent', 'power', 'transparency', 'inclusivity'] as const).map((lens) => ({
        step,
        lens,
        status: 'no-concern' as const,
      })),
    );
    const { root } = exported({ checks });
    expect(section(root, 'Open concerns').map(plainText)).toEqual(['No concerns raised.']);
    expect(section(root, 'Checks not yet discussed').map(plainText)).toEqual(['Every ethics check has been discussed.']);
  });
});

describe('canvasToMarkdown: user text comes out as plain text', () => {
  const FORBIDDEN = [
    'html',
    'link',
    'linkReference',
    'image',
    'imageReference',
    'emphasis',
    'strong',
    'delete',
    'inlineCode',
    'code',
    'heading',
    'list',
    'blockquote',
    'thematicBreak',
    'footnoteReference',
    'definition',
    'table',
  ];

  const nasty = [
    '# Not a heading',
    '## Also not',
    '*not emphasis* and **not strong**',
    '_not_ __emphasis__',
    'pipes | in | text',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'a `code` span and ``double``',
    '```\nfenced\n```',
    '[x](javascript:alert(1))',
    '![img](http://evil/x.png)',
    '[ref][1]\n\n[1]: http://evil',
    '1. not an ordered list',
    '- not a bullet',
    '+ not a bullet either',
    '> not a quote',
    '---',
    '***',
    '~~not struck~~',
    '[ ] not a task',
    '[^1] not a footnote',
    '&lt;b&gt; stays as typed &amp;',
    'trailing backslash \\',
    'line one\nline two',
    'first line\n# second line is not a heading',
    'first line\n- second line is not a bullet',
    'first line\n> second line is not a quote',
    'first line\n1. second line is not a list',
    'first line\n    indented is not code',
    'windows\r\nline break',
    'paragraph one\n\nparagraph two',
    'ends in a backslash \\\nnext line',
    '  two leading spaces',
    '<!-- colour: blue -->',
    'tab\tinside',
  ];

  it.each(nasty)('keeps %j as exactly that text in one list item', (text) => {
    const { root } = exported({ cards: { outcome: ['before', text, 'after'] } });
    const items = listItems(section(root, '1. Outcome'));
    expect(items.map(plainText)).toEqual(['before', text.replace(/\r\n/g, '\n'), 'after']);
    const types = nodeTypes(items[1]!);
    for (const type of FORBIDDEN) expect(types, `found a ${type} node`).not.toContain(type);
  });

  it('keeps bare web and email addresses exact; a GFM reader may link them, but only to what is shown', () => {
    // GFM turns bare addresses into links when it reads them; that is fine as
    // long as the link goes exactly where its visible text says.
    const text = 'visit www.example.gov.uk or http://evil.example/x?y=1 or mail me@example.org';
    const { root } = exported({ cards: { outcome: [text] } });
    const item = listItems(section(root, '1. Outcome'))[0]!;
    expect(plainText(item)).toBe(text);
    const links = (item.children[0] as Paragraph).children.filter((node) => node.type === 'link');
    for (const link of links) {
      const shown = plainText(link);
      expect([shown, `http://${shown}`, `mailto:${shown}`]).toContain(link.url);
    }
  });

  it('marks a non-yellow card’s colour with a hidden note after its text, and none for yellow', () => {
    const { root } = exported({
      cards: { action: [{ text: 'Pink card', colour: 'pink' }, 'Yellow card', { text: '*Blue*', colour: 'blue' }] },
    });
    const items = listItems(section(root, '2. Action'));
    expect(items.map(plainText)).toEqual(['Pink card', 'Yellow card', '*Blue*']);
    expect(items.map(colourNote)).toEqual(['pink', null, 'blue']);
    expect(nodeTypes(items[2]!)).not.toContain('emphasis');
  });

  it('keeps the title and description as plain text too', () => {
    const { root } = exported({ title: '*Bold* <b>title</b> [x](javascript:alert(1))', description: '# not a heading\n- not a list' });
    expect(headingText(root.children[0]!)).toBe('*Bold* <b>title</b> [x](javascript:alert(1))');
    expect(plainText(root.children[1]!)).toBe('# not a heading\n- not a list');
    expect(nodeTypes(root.children[0]!)).toEqual(new Set(['heading', 'text']));
  });

  it('keeps a `|` in notes inside one table cell', () => {
    const { root } = exported({ checks: [{ step: 'action', lens: 'power', status: 'concern', notes: 'council | supplier | residents' }] });
    const rows = tableRows(section(root, 'Ethics checks: Action'));
    expect(rows.every((row) => row.length === 3)).toBe(true);
    expect(rows[3]).toEqual(['Power', 'Concern raised', 'council | supplier | residents']);
  });

  it('keeps the line breaks of notes in a table cell (as <br>) and in the concerns list', () => {
    const notes = 'Errors in records\n\nNo way to correct them';
    const { root } = exported({ checks: [{ step: 'insight', lens: 'trust', status: 'concern', notes }] });
    const rows = tableRows(section(root, 'Ethics checks: Insight'));
    expect(rows).toHaveLength(6);
    expect(rows[1]).toEqual(['Trust', 'Concern raised', notes]);
    expect(listItems(section(root, 'Open concerns')).map(plainText)).toEqual([`Insight, Trust: ${notes}`]);
  });

  it('keeps spaces at the ends of notes in a table cell', () => {
    const { root } = exported({ checks: [{ step: 'action', lens: 'trust', status: 'no-concern', notes: ' padded ' }] });
    expect(tableRows(section(root, 'Ethics checks: Action'))[1]).toEqual(['Trust', 'Discussed, no concern', ' padded ']);
  });

  it('keeps markup in notes literal in the table and the concerns list', () => {
    const notes = '<script>x</script> [a](javascript:b) *c*';
    const { root } = exported({ checks: [{ step: 'outcome', lens: 'power', status: 'concern', notes }] });
    const table = section(root, 'Ethics checks: Outcome').find((node) => node.type === 'table')!;
    expect(tableRows([table])[3]![2]).toBe(notes);
    for (const type of ['html', 'link', 'emphasis']) expect(nodeTypes(table)).not.toContain(type);
    const concern = listItems(section(root, 'Open concerns'))[0]!;
    expect(plainText(concern)).toBe(`Outcome, Power: ${notes}`);
    expect(nodeTypes(concern)).not.toContain('html');
    expect(nodeTypes(concern)).not.toContain('link');
  });

  it('keeps emoji and right-to-left text', () => {
    const texts = ['🎉 Families better off 👨‍👩‍👧', 'نتائج أفضل للأطفال', 'שלום עולם and English'];
    const { root } = exported({ title: 'مشروع 🏠', cards: { insight: texts } });
    expect(headingText(root.children[0]!)).toBe('مشروع 🏠');
    expect(listItems(section(root, '3. Insight')).map(plainText)).toEqual(texts);
  });
});

describe('markdownFileName', () => {
  const name = (title: string) => markdownFileName(buildCanvas({ title }));

  it('makes a lower-case, dashed .md name from the title', () => {
    expect(name('Tackling Racial Inequality: Youth Justice!')).toBe('tackling-racial-inequality-youth-justice.md');
  });

  it('names an untitled canvas "untitled-canvas.md" and falls back to "canvas.md" for titles with no Latin letters', () => {
    expect(name('')).toBe('untitled-canvas.md');
    expect(name('مشروع 🏠')).toBe('canvas.md');
  });

  it('drops accents instead of splitting words at them', () => {
    expect(name('Café résumé')).toBe('cafe-resume.md');
  });

  it('keeps long names to 60 characters, without a dash at the end', () => {
    const file = name(`${'a'.repeat(59)} b`);
    const slug = file.replace(/\.md$/, '');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).not.toMatch(/-$/);
  });
});
