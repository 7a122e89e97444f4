/**
 * The document model: what a canvas (or a draft built from it) says, as
 * sections, headings, paragraphs, lists, tables and notes, with no format
 * in it. Every output renders this one model (renderers beside this file,
 * and `components/DocumentView.tsx` on screen), so a change to what a
 * canvas says shows in the print view, the previews, the document
 * Markdown, the clipboard, the HTML page and the .docx at once.
 *
 * Text is always plain text: a renderer escapes it for its format. A line
 * break inside a text is '\n'.
 */
import type { CardColour } from '../model';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; text: string }
  | { type: 'emphasis'; text: string }
  /**
   * Short labels about an item, such as "Agreed", "3 votes" or "Example":
   * written after it in brackets, "(Agreed · 3 votes)".
   */
  | { type: 'marks'; labels: readonly string[] };

export interface ListItem {
  content: Inline[];
  /** A nested list under the item (the golden thread). */
  children?: List;
  /** A card's colour, for renderers that draw cards as cards (the print view, the HTML page). */
  colour?: CardColour;
  /** A template's example card: drawn apart from the team's own cards where the renderer can. */
  example?: boolean;
}

export interface List {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
  /** The cards of a step: renderers that can draw them as cards do. */
  cards?: boolean;
}

export interface Table {
  type: 'table';
  /** What the table is; documents write it as a heading before the table, the screen as its caption. */
  caption: string;
  header: readonly string[];
  rows: Inline[][][];
  /** The first cell of each row names the row (a lens, a check, a field). */
  rowHeaders: boolean;
}

export type NoteRole = 'facilitator' | 'draft' | 'to-complete';

export type Block =
  | { type: 'paragraph'; content: Inline[]; role?: 'question' | 'hint' }
  | List
  | Table
  /** A boxed note: a facilitator's notes, the "this is a draft" warning. */
  | { type: 'note'; role: NoteRole; title: string; blocks: Block[] };

export interface Section {
  /** Unique in its document: a renderer may use it as an anchor. */
  id: string;
  title: string;
  blocks: Block[];
  sections: Section[];
}

export interface Doc {
  title: string;
  /** Paragraphs under the title, before the first section. */
  intro: Block[];
  sections: Section[];
}

// ---- Builders: short, so the document builders read as the document does.

export const text = (value: string): Inline => ({ type: 'text', text: value });
export const strong = (value: string): Inline => ({ type: 'strong', text: value });
export const emphasis = (value: string): Inline => ({ type: 'emphasis', text: value });
export const marks = (labels: readonly string[]): Inline[] => (labels.length ? [{ type: 'marks', labels }] : []);

export const paragraph = (...content: Inline[]): Block => ({ type: 'paragraph', content });
export const hint = (...content: Inline[]): Block => ({ type: 'paragraph', content, role: 'hint' });

export const list = (items: ListItem[], ordered = false): List => ({ type: 'list', ordered, items });
export const item = (...content: Inline[]): ListItem => ({ content });

/** "Label: value" as a list item, the label strong. */
export const labelled = (label: string, ...value: Inline[]): ListItem => ({ content: [strong(`${label}:`), text(' '), ...value] });

export const table = (caption: string, header: readonly string[], rows: Inline[][][], rowHeaders = true): Table => ({
  type: 'table',
  caption,
  header,
  rows,
  rowHeaders,
});

export const section = (id: string, title: string, blocks: Block[], sections: Section[] = []): Section => ({ id, title, blocks, sections });

/** How marks read in plain text and Markdown: " (Agreed · 3 votes)". */
export const marksText = (labels: readonly string[]) => (labels.length ? ` (${labels.join(' · ')})` : '');

/** The plain text of some inlines, marks included: for searching, summaries and tests. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((node) => (node.type === 'marks' ? marksText(node.labels) : node.text)).join('');
}

/** Every section in document order, depth first. */
export function allSections(doc: Doc): Section[] {
  const out: Section[] = [];
  const walk = (sections: Section[]) =>
    sections.forEach((child) => {
      out.push(child);
      walk(child.sections);
    });
  walk(doc.sections);
  return out;
}
