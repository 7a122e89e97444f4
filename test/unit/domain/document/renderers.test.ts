/**
 * Every output renders the one document model: each renderer is checked
 * against the model itself (every text in the document appears in the
 * output, read back by an independent reader where there is one), and
 * against what its format demands (lint-clean Markdown, HTML with no
 * markup from user text, a Word file pandoc reads).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { applyFixes } from 'markdownlint';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { addCard } from '../../../../src/domain/cards';
import { canvasDocument } from '../../../../src/domain/document/canvasDocument';
import { documentToDocx } from '../../../../src/domain/document/docx';
import { ethicsFrameworkDraft } from '../../../../src/domain/document/ethicsFramework';
import { documentToClipboardHtml, documentToHtmlPage } from '../../../../src/domain/document/html';
import { documentToMarkdown } from '../../../../src/domain/document/markdown';
import { type Block, type Doc, type Inline, inlineText, marksText } from '../../../../src/domain/document/model';
import { documentToPlainText } from '../../../../src/domain/document/plainText';
import { registerDraft } from '../../../../src/domain/document/register';
import { canvasToMarkdown } from '../../../../src/domain/markdown/exportCanvas';
import { buildFromSpec, canvasSpecArb } from '../../helpers/arbitraries';
import { T0 } from '../../helpers/canvasBuilder';
import { FINISHED, finishedCanvas } from '../../helpers/finishedCanvas';
import { parseMarkdown, plainText } from '../../helpers/markdown';

const config = JSON.parse(readFileSync(join(__dirname, '../../../../.markdownlint.json'), 'utf8'));
const lintErrors = (text: string) => lint({ strings: { doc: text }, config }).doc ?? [];
const HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) | *stars* # not a heading';
const NOW = Date.UTC(2026, 2, 20, 12);

/**
 * Every piece of text the document holds, one line at a time (marks as they
 * read). Plain text names a table's rows, not its first column: without
 * `firstHeaders` that header is left out.
 */
function textsOf(doc: Doc, firstHeaders = true): string[] {
  const inline = (content: readonly Inline[]) =>
    content.flatMap((node) => (node.type === 'marks' ? [marksText(node.labels).trim()] : node.text.split('\n'))).map((line) => line.trim());
  const blocks = (values: readonly Block[]): string[] =>
    values.flatMap((block) => {
      if (block.type === 'paragraph') return inline(block.content);
      if (block.type === 'list') {
        const walk = (items: typeof block.items): string[] =>
          items.flatMap((entry) => [...inline(entry.content), ...(entry.children ? walk(entry.children.items) : [])]);
        return walk(block.items);
      }
      if (block.type === 'table') return [...block.header.slice(firstHeaders ? 0 : 1), ...block.rows.flatMap((row) => row.flatMap(inline))];
      return [block.title, ...blocks(block.blocks)];
    });
  const sections = (parts: Doc['sections']): string[] =>
    parts.flatMap((part) => [part.title, ...blocks(part.blocks), ...sections(part.sections)]);
  return [doc.title, ...blocks(doc.intro), ...sections(doc.sections)].filter((line) => line !== '');
}

const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
const withHostileCard = () => addCard(finishedCanvas(), { id: 'h1', step: 'insight', text: HOSTILE }, T0);
const documents: [string, () => Doc][] = [
  ['the canvas', () => canvasDocument(withHostileCard(), { now: NOW, dateLine: 'exported', includeFacilitatorNotes: true })],
  ['the register draft', () => registerDraft(withHostileCard(), { now: NOW })],
  ['the self-assessment', () => ethicsFrameworkDraft(withHostileCard(), { now: NOW })],
];

describe.each(documents)('every output of %s says what the document says', (_, make) => {
  const doc = make();
  const texts = textsOf(doc);

  it('Markdown: every text, read back by an independent parser; lint-clean; no comments or front matter', () => {
    const markdown = documentToMarkdown(doc);
    const read = squash(plainText(parseMarkdown(markdown)));
    for (const line of texts) expect(read, `Markdown holds “${line}”`).toContain(squash(line));
    expect(lintErrors(markdown)).toEqual([]);
    expect(JSON.stringify(parseMarkdown(markdown))).not.toMatch(/"type":"html","value":"<!--/);
    expect(markdown).not.toMatch(/^---$/m);
    const html = new MarkdownIt('commonmark').enable('table').render(markdown);
    expect(html).not.toMatch(/<script|<img|href=/);
  });

  it('HTML for the clipboard and the page: every text, and none of it as markup', () => {
    for (const html of [documentToClipboardHtml(doc), documentToHtmlPage(doc, { footer: 'Made with Outcome Canvas.' })]) {
      // The browser's own parser (jsdom here) reads it back.
      const parsed = new DOMParser().parseFromString(
        html.startsWith('<!doctype') ? html : `<!doctype html><body>${html}</body>`,
        'text/html',
      );
      const body = squash(parsed.body.textContent ?? '');
      for (const line of texts) expect(body, `HTML holds “${line}”`).toContain(squash(line));
      expect(parsed.querySelectorAll('script, img, a[href^="javascript"], iframe, link, object, embed')).toHaveLength(0);
      expect(html).not.toContain('<!--');
    }
  });

  it('plain text: every text', () => {
    const text = squash(documentToPlainText(doc));
    for (const line of textsOf(doc, false)) expect(text, `plain text holds “${line}”`).toContain(squash(line));
  });
});

describe('the Word file, read back by pandoc', () => {
  const pandoc = '/usr/bin/pandoc';
  const dir = mkdtempSync(join(tmpdir(), 'oc-docx-'));
  const read = async (doc: Doc, name: string, to: 'plain' | 'html') => {
    const path = join(dir, name);
    writeFileSync(path, await documentToDocx(doc, { description: 'test' }));
    return execFileSync(pandoc, ['-f', 'docx', '-t', to, '--wrap=none', path], { encoding: 'utf8' });
  };

  it('is installed (scripts/ensure-system-packages.sh installs Debian’s pandoc)', () => {
    expect(existsSync(pandoc)).toBe(true);
  });

  it.each(documents)(
    '%s: every text, with headings, lists and tables as Word structures',
    async (name, make) => {
      const doc = make();
      const text = squash(await read(doc, `${name}.docx`, 'plain'));
      for (const line of textsOf(doc)) expect(text, `the Word file holds “${line}”`).toContain(squash(line));
      const html = await read(doc, `${name}-structure.docx`, 'html');
      expect(html).toMatch(new RegExp(`<h1[^>]*>${doc.title.replace('&', '&amp;').replace(/[()]/g, '\\$&')}</h1>`));
      for (const part of doc.sections) expect(html).toContain(`>${part.title.replace('&', '&amp;').replace(/’/g, '’')}</h2>`);
      expect(html).toContain('<table');
      expect(html).toContain('<li>');
    },
    30_000,
  );

  it('nests the golden thread four lists deep', async () => {
    const html = await read(canvasDocument(finishedCanvas(), { now: NOW }), 'thread.docx', 'html');
    const thread = html.slice(html.indexOf('Golden thread'), html.indexOf('Open concerns'));
    expect(thread.match(/<ul>/g)).toHaveLength(4);
    expect(thread).toContain(FINISHED.enabler);
  }, 30_000);
});

describe('the document Markdown for any canvas', () => {
  it('is lint-clean and left unchanged by markdownlint --fix, with examples marked or left out', () => {
    fc.assert(
      fc.property(canvasSpecArb, fc.boolean(), (spec, omit) => {
        const doc = canvasDocument(buildFromSpec(spec), {
          now: NOW,
          dateLine: 'exported',
          includeFacilitatorNotes: true,
          examples: omit ? 'omit' : 'mark',
        });
        const markdown = documentToMarkdown(doc);
        const errors = lintErrors(markdown);
        if (errors.length)
          throw new Error(
            `${errors.map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.errorDetail ?? ''}`).join('\n')}\n${markdown}`,
          );
        expect(applyFixes(markdown, errors)).toBe(markdown);
        expect(JSON.stringify(parseMarkdown(markdown))).not.toMatch(/"type":"html","value":"<!--/);
      }),
      { numRuns: 60 },
    );
  }, 180_000);

  it('the register draft and self-assessment are lint-clean for any canvas', () => {
    fc.assert(
      fc.property(canvasSpecArb, (spec) => {
        const canvas = buildFromSpec(spec);
        for (const markdown of [
          documentToMarkdown(registerDraft(canvas, { now: NOW })),
          documentToMarkdown(ethicsFrameworkDraft(canvas, { now: NOW })),
        ]) {
          const errors = lintErrors(markdown);
          if (errors.length)
            throw new Error(
              `${errors.map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.errorDetail ?? ''}`).join('\n')}\n${markdown}`,
            );
        }
      }),
      { numRuns: 30 },
    );
  }, 180_000);
});

describe('the canvas file shares the document’s worked-out sections', () => {
  it('writes the golden thread, the concerns and the checks not yet discussed as the document does', () => {
    const canvas = finishedCanvas();
    const file = canvasToMarkdown(canvas, { exportedAt: new Date(NOW) });
    const doc = documentToMarkdown(canvasDocument(canvas, { now: NOW }));
    for (const title of ['Golden thread', 'Open concerns', 'Resolved concerns', 'Checks not yet discussed']) {
      const part = (text: string) => {
        const start = text.indexOf(`## ${title}`);
        const end = text.indexOf('\n## ', start + 3);
        return text.slice(start, end === -1 ? undefined : end).trim();
      };
      expect(part(file), title).toBe(part(doc));
    }
    expect(inlineText([{ type: 'marks', labels: ['Agreed', '4 votes'] }])).toBe(' (Agreed · 4 votes)');
    expect(file).toContain(`- ${FINISHED.outcome} (Agreed · 4 votes)<!-- card:`);
  });
});
