/**
 * A document as HTML, in two forms:
 * - `documentToClipboardHtml`: a fragment for "Copy for a document" that
 *   Word, Google Docs, Outlook and Confluence keep when pasting: real
 *   headings, lists and tables, no classes, styles, comments or scripts;
 * - `documentToHtmlPage`: one self-contained page to send by email: its
 *   styles inline in the file, no script at all, and a Content-Security-
 *   Policy that forbids loading anything, so it can never fetch from
 *   anywhere even if opened from a web server.
 *
 * Every piece of user text is escaped here; nothing is passed through as HTML.
 */
import type { CardColour } from '../model';
import { type Block, type Doc, type Inline, type List, type Section, type Table, marksText } from './model';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/** Text with its line breaks as <br>. */
const lines = (value: string) => escapeHtml(value).replaceAll('\n', '<br>');

/** Card colours on paper: light fills a printer and a projector both show, with dark text. */
export const CARD_FILLS: Record<CardColour, string> = {
  yellow: '#fff4b8',
  blue: '#d9ecff',
  green: '#dcf5dc',
  pink: '#ffe0ec',
  orange: '#ffe6cc',
  purple: '#ece0ff',
};

interface Flavour {
  /** Inline style for an element, or class for the page. */
  attr: (name: StyleName, extra?: string) => string;
  page: boolean;
}

type StyleName = 'table' | 'th' | 'td' | 'rowHeader' | 'marks' | 'hint' | 'question' | 'note' | 'noteTitle' | 'cards' | 'card';

/**
 * The clipboard's HTML is styled by attributes, not CSS: a browser cleans
 * HTML written to the clipboard by parsing it in the app's page, whose
 * Content-Security-Policy forbids inline styles. Word, Google Docs, Outlook
 * and Confluence all draw a table's borders from these attributes, and keep
 * headings, lists, bold and italics as they are.
 */
const CLIPBOARD: Flavour = {
  attr: (name) => (name === 'table' ? ' border="1" cellpadding="6" cellspacing="0" width="100%"' : ''),
  page: false,
};

const PAGE: Flavour = {
  attr: (name, extra) => ` class="${name}"${extra ?? ''}`,
  page: true,
};

function inlines(content: readonly Inline[], flavour: Flavour): string {
  return content
    .map((node) => {
      if (node.type === 'strong') return `<strong>${lines(node.text)}</strong>`;
      if (node.type === 'emphasis') return `<em>${lines(node.text)}</em>`;
      if (node.type === 'marks')
        return flavour.page
          ? ` <span${flavour.attr('marks')}>${escapeHtml(marksText(node.labels).trim())}</span>`
          : ` <em>${escapeHtml(marksText(node.labels).trim())}</em>`;
      return lines(node.text);
    })
    .join('');
}

function listHtml(value: List, flavour: Flavour): string {
  const tag = value.ordered ? 'ol' : 'ul';
  const cards = value.cards && flavour.page;
  const items = value.items.map((entry) => {
    const look =
      cards && entry.colour
        ? flavour.attr('card', ` style="background:${CARD_FILLS[entry.colour]}"${entry.example ? ' data-example="true"' : ''}`)
        : '';
    return `<li${look}>${inlines(entry.content, flavour)}${entry.children ? listHtml(entry.children, flavour) : ''}</li>`;
  });
  return `<${tag}${cards ? flavour.attr('cards') : ''}>${items.join('')}</${tag}>`;
}

function tableHtml(value: Table, flavour: Flavour): string {
  const head = value.header.map((name) => `<th scope="col"${flavour.attr('th')}>${escapeHtml(name)}</th>`).join('');
  const rows = value.rows.map(
    (cells) =>
      `<tr>${cells
        .map((content, i) =>
          i === 0 && value.rowHeaders
            ? `<th scope="row"${flavour.attr('rowHeader')}>${inlines(content, flavour)}</th>`
            : `<td${flavour.attr('td', flavour.page ? ` data-label="${escapeHtml(value.header[i] ?? '')}"` : '')}>${inlines(content, flavour)}</td>`,
        )
        .join('')}</tr>`,
  );
  return `<table${flavour.attr('table')}><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const headingTag = (level: number) => `h${Math.min(6, Math.max(1, level))}`;

function blocksHtml(values: readonly Block[], level: number, sectionTitle: string, flavour: Flavour): string {
  return values
    .map((block) => {
      switch (block.type) {
        case 'paragraph': {
          const body = inlines(block.content, flavour);
          if (!body) return '';
          if (block.role === 'question') return flavour.page ? `<p${flavour.attr('question')}>${body}</p>` : `<p><em>${body}</em></p>`;
          if (block.role === 'hint') return flavour.page ? `<p${flavour.attr('hint')}>${body}</p>` : `<p><em>${body}</em></p>`;
          return `<p>${body}</p>`;
        }
        case 'list':
          return block.items.length ? listHtml(block, flavour) : '';
        case 'table': {
          const tag = headingTag(level + 1);
          const caption = block.caption && block.caption !== sectionTitle ? `<${tag}>${escapeHtml(block.caption)}</${tag}>` : '';
          return caption + tableHtml(block, flavour);
        }
        case 'note': {
          const tag = flavour.page ? 'aside' : 'blockquote';
          const title = flavour.page ? escapeHtml(block.title) : `<strong>${escapeHtml(block.title)}</strong>`;
          return `<${tag}${flavour.attr('note', ` data-role="${block.role}"`)}><p${flavour.attr('noteTitle')}>${title}</p>${blocksHtml(block.blocks, level, '', flavour)}</${tag}>`;
        }
      }
    })
    .join('');
}

function sectionHtml(value: Section, level: number, flavour: Flavour): string {
  const tag = headingTag(level);
  const id = flavour.page ? ` id="${escapeHtml(value.id)}"` : '';
  const body = `<${tag}${id}>${escapeHtml(value.title)}</${tag}>${blocksHtml(value.blocks, level, value.title, flavour)}${value.sections
    .map((child) => sectionHtml(child, level + 1, flavour))
    .join('')}`;
  return flavour.page ? `<section>${body}</section>` : body;
}

function bodyHtml(doc: Doc, flavour: Flavour): string {
  return `<h1>${escapeHtml(doc.title)}</h1>${blocksHtml(doc.intro, 1, doc.title, flavour)}${doc.sections
    .map((child) => sectionHtml(child, 2, flavour))
    .join('')}`;
}

/** The fragment "Copy for a document" puts on the clipboard as text/html. */
export function documentToClipboardHtml(doc: Doc): string {
  return bodyHtml(doc, CLIPBOARD);
}

const PAGE_STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f4f4f1; color: #1b1b1b; font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; }
main { max-width: 56rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; background: #fff; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.75rem; }
h2 { font-size: 1.5rem; margin: 2rem 0 0.5rem; padding-top: 0.75rem; border-top: 2px solid #1b1b1b; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
h4, h5, h6 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; }
p, li { overflow-wrap: anywhere; }
.hint, .marks { color: #505050; }
.question { font-style: italic; color: #3d3d3d; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.6rem; }
.card { padding: 0.6rem 0.75rem; border: 1px solid #8a8a8a; border-radius: 4px; white-space: normal; }
.card[data-example="true"] { border-style: dashed; }
.marks { display: block; font-size: 0.9em; margin-top: 0.25rem; }
li .marks { display: inline; }
.card .marks { display: block; }
.table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
.th, .td, .rowHeader { border: 1px solid #767676; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.th { background: #ececec; }
.rowHeader { font-weight: 700; width: 11rem; }
.note { border-left: 6px solid #505050; background: #f4f4f1; margin: 0.75rem 0 1rem; padding: 0.5rem 1rem; }
.note[data-role="draft"] { border-color: #b00020; background: #fff0f0; }
.noteTitle { font-weight: 700; margin: 0.25rem 0; }
nav ol { padding-left: 1.25rem; }
footer { max-width: 56rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; color: #505050; font-size: 0.9rem; }
@media (max-width: 36rem) {
  main { padding: 1rem 0.75rem 2rem; }
  /* Narrow screens: each row a block, each value under its column's name. */
  .table, .table tbody, .table tr, .table th, .table td { display: block; width: auto; }
  .table thead { display: none; }
  .table tr { border: 1px solid #767676; margin-bottom: 0.5rem; }
  .table .rowHeader, .table .td { border: 0; }
  .table .rowHeader { background: #ececec; }
  .table .td:empty { display: none; }
  .table .td::before { content: attr(data-label) ": "; font-weight: 700; }
}
@media print { body { background: #fff; } main { padding: 0; } nav, footer { display: none; } h2 { break-after: avoid; } .card, tr { break-inside: avoid; } }
`;

/**
 * Loads nothing and runs nothing: no script may run, and nothing may be
 * fetched (styles are the ones in the file).
 */
export const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export interface PageOptions {
  /** The line at the foot of the page: when and from what it was made. */
  footer: string;
}

/** The read-only page to send: one HTML file, self-contained (see the module comment). */
export function documentToHtmlPage(doc: Doc, options: PageOptions): string {
  const contents = doc.sections.map((part) => `<li><a href="#${escapeHtml(part.id)}">${escapeHtml(part.title)}</a></li>`).join('');
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="Outcome Canvas">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    blocksHtml(doc.intro, 1, doc.title, PAGE),
    contents ? `<nav aria-label="Contents"><h2>Contents</h2><ol>${contents}</ol></nav>` : '',
    doc.sections.map((child) => sectionHtml(child, 2, PAGE)).join(''),
    '</main>',
    `<footer><p>${escapeHtml(options.footer)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
