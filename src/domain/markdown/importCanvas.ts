/**
 * Canvas Markdown -> canvas content. Reads what the exporter writes, and the
 * same format written or edited by hand. Anything ambiguous or wrong is
 * reported with its line number and nothing is imported: a file either
 * comes in whole or not at all.
 */
import type { Heading, List, ListItem, Nodes, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { type CanvasContent, type CardContent, emptyContent, hasText } from '../content';
import { LENS_GUIDANCE, STEP_GUIDANCE } from '../guidance';
import {
  CARD_COLOURS,
  CHECK_STATUSES,
  CHECK_STATUS_LABELS,
  type CardColour,
  type CheckStatus,
  LENS_IDS,
  LIMITS,
  type LensId,
  STEP_IDS,
  type StepId,
  checkKey,
} from '../model';
import {
  CELL_LINE_BREAK,
  COLOUR_COMMENT,
  DERIVED_SECTIONS,
  ETHICS_HEADING,
  EXPORTED_LINE,
  FACILITATOR_HEADING,
  SUGGESTED_TIME,
  TEMPLATE_FIELDS,
  FORMAT_NAME,
  FORMAT_VERSION,
  MAX_IMPORT_BYTES,
  NO_CARDS_LINE,
  TITLE_WHEN_EMPTY,
} from './format';
import { cleanText, normaliseText } from '../text';

export interface ImportProblem {
  /** 1-based line in the file, when the problem has one. */
  line: number | null;
  message: string;
}

export interface TemplateDetails {
  id: string | null;
  name: string;
  summary: string;
  audience: string;
  duration: string;
}

export type MarkdownImport =
  | { ok: true; content: CanvasContent; sourceId: string | null; template: TemplateDetails | null }
  | { ok: false; problems: ImportProblem[] };

const MAX_PROBLEMS = 10;

class Problems extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

interface FrontMatter {
  fields: Map<string, string>;
  /** Lines the front matter takes, so body line numbers can be given as file line numbers. */
  lineCount: number;
}

function readFrontMatter(text: string): FrontMatter | null {
  if (!text.startsWith('---\n')) return null;
  const end = text.indexOf('\n---', 4);
  if (end === -1) return null;
  const block = text.slice(4, end);
  const fields = new Map<string, string>();
  for (const line of block.split('\n')) {
    const match = /^([A-Za-z][\w-]*):\s*(.*?)\s*$/.exec(line);
    if (match) fields.set(match[1]!.toLowerCase(), frontMatterValue(match[2]!));
  }
  const closingLineEnd = text.indexOf('\n', end + 1);
  const consumed = closingLineEnd === -1 ? text.length : closingLineEnd + 1;
  return { fields, lineCount: text.slice(0, consumed).split('\n').length - 1 };
}

/** Values are plain text, or JSON strings (which the exporter writes) when they need quoting. */
function frontMatterValue(raw: string): string {
  if (raw.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(raw);
      if (typeof value === 'string') return cleanText(value);
    } catch {
      /* not JSON: take it as written */
    }
  }
  return raw.replace(/^'(.*)'$/, '$1');
}

export function importCanvasMarkdown(input: string): MarkdownImport {
  try {
    return parse(input);
  } catch (error) {
    if (error instanceof Problems) return { ok: false, problems: error.problems };
    throw error;
  }
}

function parse(input: string): MarkdownImport {
  if (new Blob([input]).size > MAX_IMPORT_BYTES) {
    throw new Problems([
      { line: null, message: 'The file is larger than 10 MB, so it was not read. A canvas file is far smaller than that.' },
    ]);
  }
  // Byte-order mark, CRLF and control characters are normalised for the whole file.
  const text = cleanText(input);
  const front = readFrontMatter(text);
  if (front && front.fields.get('format') !== FORMAT_NAME) throw notACanvas();
  const version = front ? Number(front.fields.get('version')) : FORMAT_VERSION;
  if (!Number.isInteger(version) || version < 1) {
    throw new Problems([
      { line: null, message: 'The file does not say which version of the format it uses (a line "version: 1" at the top).' },
    ]);
  }
  if (version > FORMAT_VERSION) {
    throw new Problems([
      {
        line: null,
        message: `The file was written by a newer version of Outcome Canvas (format version ${version}; this app reads up to ${FORMAT_VERSION}). Update the app, then import it again.`,
      },
    ]);
  }
  const lineCount = front?.lineCount ?? 0;
  const body = text.split('\n').slice(lineCount).join('\n');
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  // Documents often drop the front matter when canvas Markdown is pasted into
  // them; without it, the text must at least have a title and a step heading.
  if (!front && !looksLikeCanvas(tree)) throw notACanvas();
  const reader = new CanvasReader(body, lineCount);
  const content = reader.read(tree);
  return { ok: true, content, sourceId: front?.fields.get('id') || null, template: templateDetails(front, content) };
}

function templateDetails(front: FrontMatter | null, content: CanvasContent): TemplateDetails | null {
  if (front?.fields.get('kind') !== 'template') return null;
  const field = (name: (typeof TEMPLATE_FIELDS)[number]) => (front.fields.get(name) ?? '').trim();
  const problems: ImportProblem[] = [];
  for (const name of TEMPLATE_FIELDS) {
    if (field(name).length > LIMITS.titleLength * 5)
      problems.push({ line: null, message: `The template's ${name} is too long (at most ${LIMITS.titleLength * 5} characters).` });
  }
  if (problems.length) throw new Problems(problems);
  return {
    id: front.fields.get('id') || null,
    name: field('name') || content.title || 'Untitled template',
    summary: field('summary'),
    audience: field('audience'),
    duration: field('duration'),
  };
}

function notACanvas(): Problems {
  return new Problems([
    {
      line: 1,
      message: `This is not an Outcome Canvas file. A canvas file starts with "format: ${FORMAT_NAME}" between two "---" lines, or at least has a title ("# ...") and step headings such as "## 1. Outcome". Export a canvas to see the format.`,
    },
  ]);
}

function looksLikeCanvas(tree: Root): boolean {
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const stepNames = STEP_IDS.map((id) => STEP_GUIDANCE[id].title.toLowerCase());
  return (
    headings.some((heading) => heading.depth === 1) &&
    headings.some(
      (heading) =>
        heading.depth === 2 &&
        stepNames.includes(
          plainText(heading.children)
            .replace(/^\d+[.)]?\s*/, '')
            .trim()
            .toLowerCase(),
        ),
    )
  );
}

function plainText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => ('value' in node ? node.value : 'children' in node ? plainText(node.children as PhrasingContent[]) : ''))
    .join('');
}

type Section =
  | { kind: 'preamble' }
  | { kind: 'step'; step: StepId }
  | { kind: 'facilitation'; step: StepId }
  | { kind: 'checks'; step: StepId }
  | { kind: 'derived' };

class CanvasReader {
  private readonly problems: ImportProblem[] = [];
  private readonly content = emptyContent();
  private titleSeen = false;
  private readonly stepsSeen = new Set<StepId>();
  private readonly descriptionParts: string[] = [];
  private cardCount = 0;

  constructor(
    private readonly source: string,
    private readonly lineOffset: number,
  ) {}

  read(tree: Root): CanvasContent {
    let section: Section | null = null;
    for (const node of tree.children) {
      if (this.problems.length >= MAX_PROBLEMS) break;
      if (node.type === 'heading' && node.depth <= 2) {
        section = this.startSection(node);
        continue;
      }
      if (node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())) continue; // a comment: notes to self
      if (node.type === 'definition' || node.type === 'thematicBreak') continue;
      if (!section) {
        this.problem(node, 'The file must start with the canvas title as a level-one heading ("# Title").');
        continue;
      }
      this.readInSection(section, node);
    }
    if (!this.titleSeen && this.problems.length === 0)
      this.problems.push({ line: null, message: 'The file has no title: add a level-one heading ("# Title") at the top.' });
    if (this.problems.length) throw new Problems(this.problems);
    this.content.description = this.descriptionParts.join('\n\n');
    return this.content;
  }

  private startSection(heading: Heading): Section | null {
    const text = this.inlineText(heading.children).trim();
    if (heading.depth === 1) {
      if (this.titleSeen) {
        this.problem(heading, 'There is more than one title ("# ..." heading). A file holds one canvas.');
        return null;
      }
      if (this.stepsSeen.size) this.problem(heading, 'The title ("# ...") must come before the steps.');
      this.titleSeen = true;
      this.content.title = this.checkLength(heading, text === TITLE_WHEN_EMPTY ? '' : text, LIMITS.titleLength, 'The title');
      return { kind: 'preamble' };
    }
    if (!this.titleSeen) this.problem(heading, 'The canvas title ("# Title") must come first.');
    const name = text
      .replace(/^\d+[.)]?\s*/, '')
      .trim()
      .toLowerCase();
    if (DERIVED_SECTIONS.includes(name)) return { kind: 'derived' };
    const step = STEP_IDS.find((id) => STEP_GUIDANCE[id].title.toLowerCase() === name);
    if (!step) {
      this.problem(
        heading,
        `"## ${text}" is not a canvas step. The steps are ${STEP_IDS.map((id) => STEP_GUIDANCE[id].title).join(', ')}.`,
      );
      return null;
    }
    if (this.stepsSeen.has(step)) this.problem(heading, `The step ${STEP_GUIDANCE[step].title} appears twice.`);
    this.stepsSeen.add(step);
    return { kind: 'step', step };
  }

  private readInSection(section: Section, node: RootContent): void {
    switch (section.kind) {
      case 'derived':
        return; // open concerns and undiscussed checks are worked out from the checks
      case 'preamble':
        if (node.type !== 'paragraph') return this.problem(node, 'Only the description may come between the title and the first step.');
        if (
          node.children.length === 1 &&
          node.children[0]!.type === 'emphasis' &&
          EXPORTED_LINE.test(this.inlineText(node.children[0]!.children))
        )
          return;
        this.descriptionParts.push(this.inlineText(node.children));
        return;
      case 'step':
      case 'facilitation':
      case 'checks':
        if (node.type === 'heading' && node.depth === 3) {
          const heading = this.inlineText(node.children).trim();
          if (ETHICS_HEADING.test(heading)) return void Object.assign(section, { kind: 'checks' });
          if (FACILITATOR_HEADING.test(heading)) return void Object.assign(section, { kind: 'facilitation' });
          return this.problem(
            node,
            `"### ${heading}" is not part of a step. Under a step, only "### Facilitator notes" and "### Ethics checks" may follow the cards.`,
          );
        }
        if (section.kind === 'facilitation') return this.readFacilitation(section.step, node);
        if (section.kind === 'checks') {
          if (node.type === 'table') return this.readChecks(section.step, node);
          return this.problem(
            node,
            `Under "Ethics checks: ${STEP_GUIDANCE[section.step].title}" only a table with the columns Lens, Status and Notes is expected.`,
          );
        }
        if (node.type === 'blockquote') return; // LOTI's question for the step
        if (
          node.type === 'paragraph' &&
          node.children.length === 1 &&
          node.children[0]!.type === 'emphasis' &&
          this.inlineText(node.children[0]!.children) === NO_CARDS_LINE
        )
          return;
        if (node.type === 'list') return this.readCards(section.step, node);
        return this.problem(
          node,
          `Under ${STEP_GUIDANCE[section.step].title}, this is not a card. Put each card on its own line starting with "- ".`,
        );
    }
  }

  /** Facilitator notes: an optional "Suggested time: N minutes" line, then paragraphs and lists kept as text. */
  private readFacilitation(step: StepId, node: RootContent): void {
    const note = this.content.facilitation[step];
    let text: string;
    if (node.type === 'paragraph') {
      text = this.inlineText(node.children);
      const time = SUGGESTED_TIME.exec(text.trim());
      if (time && note.minutes === null && note.notes === '') {
        note.minutes = Number(time[1]);
        return;
      }
    } else if (node.type === 'list') {
      text = node.children
        .map(
          (item) =>
            `- ${item.children.map((block) => (block.type === 'paragraph' ? this.inlineText(block.children) : this.literal(block))).join(' ')}`,
        )
        .join('\n');
    } else {
      return this.problem(node, `Facilitator notes for ${STEP_GUIDANCE[step].title} can hold only paragraphs and lists.`);
    }
    const notes = note.notes ? `${note.notes}\n\n${text}` : text;
    note.notes = this.checkLength(node, normaliseText(notes), LIMITS.notesLength, 'Facilitator notes');
  }

  private readCards(step: StepId, list: List): void {
    for (const item of list.children) {
      const card = this.readCard(item);
      if (!card || !hasText(card.text)) continue;
      this.cardCount++;
      if (this.cardCount === LIMITS.cardsPerCanvas + 1)
        this.problem(item, `The file has more than ${LIMITS.cardsPerCanvas} cards, more than one canvas can hold.`);
      this.content.cards[step].push(card);
    }
  }

  private readCard(item: ListItem): CardContent | null {
    const parts: string[] = [];
    let colour: CardColour = 'yellow';
    for (const block of item.children) {
      // Raw HTML typed at the start of a card is kept as the characters typed.
      if (block.type === 'html') {
        parts.push(block.value);
        continue;
      }
      if (block.type !== 'paragraph') {
        this.problem(block, 'A card can hold only text: lists, headings, tables or code blocks inside a card are not supported.');
        return null;
      }
      const inline = [...block.children];
      const last = inline[inline.length - 1];
      const colourMatch = last?.type === 'html' ? COLOUR_COMMENT.exec(last.value) : null;
      if (colourMatch) {
        inline.pop();
        const named = colourMatch[1] as CardColour;
        if (!CARD_COLOURS.includes(named)) {
          this.problem(last!, `"${colourMatch[1]}" is not a card colour. Use one of: ${CARD_COLOURS.join(', ')}.`);
          return null;
        }
        colour = named;
      }
      parts.push(this.inlineText(inline));
    }
    const prefix = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
    const text = normaliseText(prefix + parts.join('\n\n'));
    return { text: this.checkLength(item, text, LIMITS.cardTextLength, 'A card'), colour };
  }

  private readChecks(step: StepId, table: Table): void {
    const [header, ...rows] = table.children;
    const columns = header?.children.map((cell) => this.cellText(cell).trim().toLowerCase()) ?? [];
    if (columns[0] !== 'lens' || columns[1] !== 'status' || (columns.length > 2 && columns[2] !== 'notes') || columns.length > 3) {
      this.problem(table, 'The ethics checks table must have the columns Lens, Status and Notes, in that order.');
      return;
    }
    const seen = new Set<LensId>();
    for (const row of rows) {
      const [lensCell, statusCell, notesCell] = row.children;
      const lensName = lensCell ? this.cellText(lensCell).trim() : '';
      const lens = LENS_IDS.find((id) => LENS_GUIDANCE[id].title.toLowerCase() === lensName.toLowerCase());
      if (!lens) {
        this.problem(row, `"${lensName}" is not one of the five lenses (${LENS_IDS.map((id) => LENS_GUIDANCE[id].title).join(', ')}).`);
        continue;
      }
      if (seen.has(lens)) {
        this.problem(row, `${LENS_GUIDANCE[lens].title} appears twice in the ethics checks for ${STEP_GUIDANCE[step].title}.`);
        continue;
      }
      seen.add(lens);
      const statusText = statusCell ? this.cellText(statusCell).trim().toLowerCase() : '';
      const status =
        CHECK_STATUSES.find((id) => id === statusText || CHECK_STATUS_LABELS[id].toLowerCase() === statusText) ??
        (statusText === '' ? 'not-discussed' : null);
      if (!status) {
        this.problem(
          row,
          `"${statusText}" is not a status. Use one of: ${CHECK_STATUSES.map((id) => CHECK_STATUS_LABELS[id]).join(', ')}.`,
        );
        continue;
      }
      const notes = normaliseText(notesCell ? this.cellText(notesCell) : '');
      this.content.checks[checkKey(step, lens)] = {
        status: status as CheckStatus,
        notes: this.checkLength(row, notes, LIMITS.notesLength, 'A note'),
      };
    }
  }

  private cellText(cell: TableCell): string {
    return this.inlineText(cell.children, true);
  }

  /**
   * Plain text of inline content. What the exporter writes is text, hard
   * breaks and bare web addresses (which GFM turns into links); anything else
   * (emphasis, code, links written by hand) is kept as the characters typed.
   */
  private inlineText(nodes: PhrasingContent[], inCell = false): string {
    return nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
            return node.value;
          case 'break':
            return '\n';
          case 'html':
            return inCell && node.value.toLowerCase().replace(/\s|\//g, '') === CELL_LINE_BREAK ? '\n' : node.value;
          case 'link':
            // Bare web addresses become links through GFM's transform, which
            // leaves them without a position: their text is what was typed.
            if (!node.position) return this.inlineText(node.children, inCell);
            return this.literal(node);
          default:
            return this.literal(node);
        }
      })
      .join('');
  }

  private literal(node: Nodes): string {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? '' : this.source.slice(start, end);
  }

  private checkLength(node: Nodes, text: string, limit: number, what: string): string {
    if (text.length > limit)
      this.problem(
        node,
        `${what} is ${text.length.toLocaleString('en-GB')} characters long; the most allowed is ${limit.toLocaleString('en-GB')}.`,
      );
    return text;
  }

  private problem(node: Nodes, message: string): void {
    if (this.problems.length >= MAX_PROBLEMS) return;
    const line = node.position ? node.position.start.line + this.lineOffset : null;
    this.problems.push({ line, message });
  }
}

export function describeProblems(problems: ImportProblem[]): string[] {
  return problems.map((problem) => (problem.line ? `Line ${problem.line}: ${problem.message}` : problem.message));
}
