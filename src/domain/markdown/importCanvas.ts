/**
 * Canvas Markdown -> canvas content. Reads what the exporter writes (format
 * versions 1 and 2), and the same format written or edited by hand.
 * Anything ambiguous or wrong is reported with its line number and nothing
 * is imported: a file either comes in whole or not at all. One problem gives
 * one message: what follows a bad heading is not reported again.
 *
 * Before the parser runs, the text is checked against work bounds
 * (bounds.ts), so a small hostile file is refused with a message about the
 * file instead of overflowing the stack or keeping the tab busy.
 */
import type { Heading, List, ListItem, Nodes, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { parseCheckKey } from '../canvas';
import {
  type ActionItemContent,
  type CanvasContent,
  type CardContent,
  type CheckContent,
  type DatasetContent,
  cardRef,
  emptyContent,
  hasText,
  lineContent,
  noCheckContent,
  textContent,
} from '../content';
import { ANSWER_LABELS, DPIA_LABELS, LAWFUL_BASIS_LABELS, SHARING_AGREEMENT_LABELS, emptyDatasetFields } from '../dataInventory';
import { isIsoDate } from '../dates';
import { EMPTY_FILE, isBlankText } from '../fileText';
import { GOVERNANCE_IDS, GOVERNANCE_ITEMS, type GovernanceId, isGovernanceId } from '../governanceKeys';
import { LENS_GUIDANCE, STEP_GUIDANCE } from '../guidance';
import {
  ACTION_ITEM_STATUSES,
  ANSWERS,
  type AnyCheckKey,
  CARD_COLOURS,
  CHECK_STATUSES,
  CHECK_STATUS_LABELS,
  type CardColour,
  DPIA_STATES,
  LAWFUL_BASES,
  LENS_IDS,
  LIMITS,
  type LensId,
  SHARING_AGREEMENTS,
  STEP_IDS,
  type StepId,
  checkKey,
  isStepId,
} from '../model';
import { cleanText, normaliseText } from '../text';
import { checkMarkdownBounds } from './bounds';
import {
  ACTION_LOG_COLUMNS,
  ACTION_STATUS_LABELS,
  CARD_COMMENT,
  CELL_LINE_BREAK,
  COLOUR_COMMENT,
  CONCERN_COMMENT,
  DATASET_LABELS,
  DERIVED_SECTIONS,
  ETHICS_HEADING,
  EXPORTED_LINE,
  FACILITATOR_HEADING,
  FORMAT_NAME,
  FORMAT_VERSION,
  GOVERNANCE_COMMENT,
  GOVERNANCE_HEADING,
  MAX_IMPORT_BYTES,
  NOT_DECIDED,
  NO_CARDS_LINE,
  NO_TIME,
  READABLE_VERSIONS,
  RESOLVED_LABEL,
  SECTION,
  SUGGESTED_TIME,
  TEMPLATE_FIELDS,
  TITLE_WHEN_EMPTY,
  UNNAMED_DATASET,
  USED_BY_COMMENT,
  WORKSHOP_LABELS,
  cardMarker,
} from './format';

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
  | { ok: true; content: CanvasContent; sourceId: string | null; template: TemplateDetails | null; version: number }
  | { ok: false; problems: ImportProblem[] };

const MAX_PROBLEMS = 10;

class Problems extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

const fail = (message: string, line: number | null = null) => new Problems([{ line, message }]);

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
    const match = /^([A-Za-z][\w-]*):[ \t]*(.*)$/.exec(line);
    if (match) fields.set(match[1]!.toLowerCase(), frontMatterValue(match[2]!));
  }
  const closingLineEnd = text.indexOf('\n', end + 1);
  const consumed = closingLineEnd === -1 ? text.length : closingLineEnd + 1;
  return { fields, lineCount: text.slice(0, consumed).split('\n').length - 1 };
}

/**
 * Values are plain text (trimmed), or JSON strings (which the exporter
 * writes) when they need quoting: those are kept exactly, spaces included.
 */
function frontMatterValue(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (typeof value === 'string') return cleanText(value);
    } catch {
      /* not JSON: take it as written */
    }
  }
  return trimmed.replace(/^'(.*)'$/, '$1');
}

export function importCanvasMarkdown(input: string): MarkdownImport {
  try {
    return parse(input);
  } catch (error) {
    if (error instanceof Problems) return { ok: false, problems: error.problems };
    // A stack overflow or the like in the parser: the file's fault, never storage's.
    if (error instanceof RangeError)
      return {
        ok: false,
        problems: [{ line: null, message: 'The file is too deeply nested or too complex for the app to read, so nothing was imported.' }],
      };
    throw error;
  }
}

function parseVersion(front: FrontMatter | null): number {
  if (!front) return FORMAT_VERSION;
  const raw = front.fields.get('version');
  if (raw === undefined || raw === '')
    throw fail(`The file does not say which version of the format it uses (a line "version: ${FORMAT_VERSION}" at the top).`);
  const version = Number(raw);
  if (/^\d+$/.test(raw) && version > FORMAT_VERSION)
    throw fail(
      `The file was written by a newer version of Outcome Canvas (format version ${version}; this app reads up to ${FORMAT_VERSION}). Update the app, then import it again.`,
    );
  if (!/^\d+$/.test(raw) || !READABLE_VERSIONS.includes(version))
    throw fail(
      `The file says it uses format version "${raw}", which is not a version of the canvas format. This app reads versions ${READABLE_VERSIONS.join(' and ')}.`,
    );
  return version;
}

function parse(input: string): MarkdownImport {
  if (new Blob([input]).size > MAX_IMPORT_BYTES) {
    throw fail('The file is larger than 10 MB, so it was not read. A canvas file is far smaller than that.');
  }
  if (isBlankText(input)) throw fail(EMPTY_FILE);
  // Byte-order mark, CRLF and control characters are normalised for the whole file.
  const text = cleanText(input);
  const front = readFrontMatter(text);
  if (front && front.fields.get('format') !== FORMAT_NAME) throw notACanvas();
  const version = parseVersion(front);
  const lineCount = front?.lineCount ?? 0;
  const body = text.split('\n').slice(lineCount).join('\n');
  const bound = checkMarkdownBounds(body, lineCount);
  if (bound) throw new Problems([bound]);
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  // Documents often drop the front matter when canvas Markdown is pasted into
  // them; without it, the text must at least have a title and a step heading.
  if (!front && !looksLikeCanvas(tree)) throw notACanvas();
  const reader = new CanvasReader(body, lineCount, version);
  const content = reader.read(tree);
  return { ok: true, content, sourceId: front?.fields.get('id') || null, template: templateDetails(front), version };
}

function templateDetails(front: FrontMatter | null): TemplateDetails | null {
  if (front?.fields.get('kind') !== 'template') return null;
  const field = (name: (typeof TEMPLATE_FIELDS)[number]) => front.fields.get(name) ?? '';
  const tooLong = TEMPLATE_FIELDS.filter((name) => field(name).length > LIMITS.titleLength * 5);
  if (tooLong.length)
    throw fail(
      `The template's ${tooLong.join(', ')} ${tooLong.length === 1 ? 'is' : 'are'} too long (at most ${LIMITS.titleLength * 5} characters each).`,
    );
  return {
    id: front.fields.get('id') || null,
    name: field('name'),
    summary: field('summary'),
    audience: field('audience'),
    duration: field('duration'),
  };
}

function notACanvas(): Problems {
  return fail(
    `This is not an Outcome Canvas file. A canvas file starts with "format: ${FORMAT_NAME}" between two "---" lines, or at least has a title ("# ...") and step headings such as "## 1. Outcome". Export a canvas to see the format.`,
    1,
  );
}

function looksLikeCanvas(tree: Root): boolean {
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const stepNames = STEP_IDS.map((id) => STEP_GUIDANCE[id].title.toLowerCase());
  return (
    headings.some((heading) => heading.depth === 1) &&
    headings.some((heading) => heading.depth === 2 && stepNames.includes(sectionName(plainText(heading.children))))
  );
}

const sectionName = (text: string) =>
  text
    .replace(/^\d+[.)]?\s*/, '')
    .trim()
    .toLowerCase();

function plainText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => ('value' in node ? node.value : 'children' in node ? plainText(node.children as PhrasingContent[]) : ''))
    .join('');
}

type Section =
  | { kind: 'preamble' }
  | { kind: 'step'; step: StepId; part: 'cards' | 'facilitation' | 'checks' | 'governance' }
  | { kind: 'workshop' }
  | { kind: 'parking' }
  | { kind: 'actions' }
  | { kind: 'datasets'; current: DatasetContent | null }
  | { kind: 'derived' }
  /** After a heading already reported as wrong: its content is skipped, not reported again. */
  | { kind: 'skip' };

/** A card as read, before links are resolved: the refs it declares and points at, as written. */
interface ReadCard {
  /** A parked card also says which step it came from. */
  card: CardContent & { step?: StepId };
  declared: string | null;
  node: Nodes;
}

interface PendingLinks {
  refs: string[];
  apply: (refs: string[]) => void;
}

class CanvasReader {
  private readonly problems: ImportProblem[] = [];
  private readonly content = emptyContent();
  private titleSeen = false;
  private beforeTitleReported = false;
  private readonly seen = new Set<string>();
  private readonly descriptionParts: string[] = [];
  private cardCount = 0;
  private readonly cards: Record<StepId | 'parked', ReadCard[]> = { outcome: [], action: [], insight: [], enablers: [], parked: [] };
  private readonly links: PendingLinks[] = [];
  private readonly timeLineSeen = new Set<StepId>();

  constructor(
    private readonly source: string,
    private readonly lineOffset: number,
    private readonly version: number,
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
        if (!this.beforeTitleReported) this.problem(node, 'The file must start with the canvas title as a level-one heading ("# Title").');
        this.beforeTitleReported = true;
        continue;
      }
      this.readInSection(section, node);
    }
    if (!this.titleSeen && this.problems.length === 0)
      this.problems.push({ line: null, message: 'The file has no title: add a level-one heading ("# Title") at the top.' });
    this.finishCards();
    if (this.problems.length) throw new Problems(this.problems);
    this.content.description = this.descriptionParts.join('\n\n');
    return this.content;
  }

  private once(name: string, heading: Heading, what: string): boolean {
    if (this.seen.has(name)) {
      this.problem(heading, `${what} appears twice.`);
      return false;
    }
    this.seen.add(name);
    return true;
  }

  private startSection(heading: Heading): Section {
    const text = this.inlineText(heading.children).trim();
    if (heading.depth === 1) {
      if (this.titleSeen) {
        this.problem(heading, 'There is more than one title ("# ..." heading). A file holds one canvas.');
        return { kind: 'skip' };
      }
      if (this.seen.size) this.problem(heading, 'The title ("# ...") must come before the steps.');
      this.titleSeen = true;
      this.content.title = this.checkLength(heading, text === TITLE_WHEN_EMPTY ? '' : lineContent(text), LIMITS.titleLength, 'The title');
      return { kind: 'preamble' };
    }
    if (!this.titleSeen && !this.beforeTitleReported) {
      this.problem(heading, 'The canvas title ("# Title") must come first.');
      this.beforeTitleReported = true;
    }
    const name = sectionName(text);
    if (DERIVED_SECTIONS.includes(name)) return { kind: 'derived' };
    const named = (title: string) => name === title.toLowerCase();
    if (named(SECTION.workshop)) return this.once('workshop', heading, 'The Workshop section') ? { kind: 'workshop' } : { kind: 'skip' };
    if (named(SECTION.parkingLot)) return this.once('parking', heading, 'The Parking lot') ? { kind: 'parking' } : { kind: 'skip' };
    if (named(SECTION.actionLog)) return this.once('actions', heading, 'The Action log') ? { kind: 'actions' } : { kind: 'skip' };
    if (named(SECTION.dataInventory))
      return this.once('datasets', heading, 'The Data inventory') ? { kind: 'datasets', current: null } : { kind: 'skip' };
    const step = STEP_IDS.find((id) => STEP_GUIDANCE[id].title.toLowerCase() === name);
    if (!step) {
      const sections = [SECTION.workshop, SECTION.parkingLot, SECTION.actionLog, SECTION.dataInventory].join(', ');
      this.problem(
        heading,
        `"## ${text}" is not a canvas step or section. The steps are ${STEP_IDS.map((id) => STEP_GUIDANCE[id].title).join(', ')}; the other sections are ${sections}.`,
      );
      return { kind: 'skip' };
    }
    if (!this.once(step, heading, `The step ${STEP_GUIDANCE[step].title}`)) return { kind: 'skip' };
    return { kind: 'step', step, part: 'cards' };
  }

  private readInSection(section: Section, node: RootContent): void {
    switch (section.kind) {
      case 'derived':
      case 'skip':
        return;
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
      case 'workshop':
        if (node.type !== 'list')
          return this.problem(node, 'Under "Workshop", put each detail on its own line, such as "- Date held: 2026-03-31".');
        return this.readWorkshop(node);
      case 'parking':
        if (node.type !== 'list')
          return this.problem(node, 'Under "Parking lot", put each parked card on its own line starting with "- ".');
        return this.readCards('parked', node);
      case 'actions':
        if (node.type !== 'table')
          return this.problem(node, `Under "Action log" only a table with the columns ${ACTION_LOG_COLUMNS.join(', ')} is expected.`);
        return this.readActionLog(node);
      case 'datasets':
        return this.readDatasetPart(section, node);
      case 'step':
        return this.readStepPart(section, node);
    }
  }

  private readStepPart(section: Extract<Section, { kind: 'step' }>, node: RootContent): void {
    const { step } = section;
    if (node.type === 'heading' && node.depth === 3) {
      const heading = this.inlineText(node.children).trim();
      if (ETHICS_HEADING.test(heading)) section.part = 'checks';
      else if (FACILITATOR_HEADING.test(heading)) section.part = 'facilitation';
      else if (GOVERNANCE_HEADING.test(heading)) section.part = 'governance';
      else
        this.problem(
          node,
          `"### ${heading}" is not part of a step. Under a step, only "### Facilitator notes", "### Ethics checks" and "### Before this goes live" may follow the cards.`,
        );
      return;
    }
    switch (section.part) {
      case 'facilitation':
        return this.readFacilitation(step, node);
      case 'checks':
        if (node.type === 'table') return this.readChecks(step, node);
        return this.problem(
          node,
          `Under "Ethics checks: ${STEP_GUIDANCE[step].title}" only a table with the columns Lens, Status and Notes is expected.`,
        );
      case 'governance':
        if (node.type === 'table') return this.readGovernance(node);
        return this.problem(node, 'Under "Before this goes live" only a table with the columns Check, Status and Notes is expected.');
      case 'cards':
        if (node.type === 'blockquote') return; // LOTI's question for the step
        if (
          node.type === 'paragraph' &&
          node.children.length === 1 &&
          node.children[0]!.type === 'emphasis' &&
          this.inlineText(node.children[0]!.children) === NO_CARDS_LINE
        )
          return;
        if (node.type === 'list') return this.readCards(step, node);
        return this.problem(
          node,
          `Under ${STEP_GUIDANCE[step].title}, this is not a card. Put each card on its own line starting with "- ".`,
        );
    }
  }

  /** Facilitator notes: an optional "Suggested time: N minutes" (or "not set") line, then paragraphs and lists kept as text. */
  private readFacilitation(step: StepId, node: RootContent): void {
    const note = this.content.facilitation[step];
    let text: string;
    if (node.type === 'paragraph') {
      text = this.inlineText(node.children);
      const first = !this.timeLineSeen.has(step) && note.notes === '';
      const time = SUGGESTED_TIME.exec(text.trim());
      if (first && time) {
        note.minutes = Number(time[1]);
        this.timeLineSeen.add(step);
        return;
      }
      if (first && NO_TIME.test(text.trim())) {
        this.timeLineSeen.add(step);
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
    this.timeLineSeen.add(step);
    const notes = note.notes ? `${note.notes}\n\n${text}` : text;
    note.notes = this.checkLength(node, normaliseText(notes), LIMITS.notesLength, 'Facilitator notes');
  }

  // ---- Cards ----------------------------------------------------------------------

  private readCards(where: StepId | 'parked', list: List): void {
    for (const item of list.children) {
      const read = this.readCard(item, where === 'parked');
      if (!read || !hasText(read.card.text)) continue;
      this.cardCount++;
      if (this.cardCount === LIMITS.cardsPerCanvas + 1)
        this.problem(item, `The file has more than ${LIMITS.cardsPerCanvas} cards, more than one canvas can hold.`);
      this.cards[where].push(read);
    }
  }

  private readCard(item: ListItem, parked: boolean): ReadCard | null {
    const parts: string[] = [];
    const card: CardContent = { text: '', colour: 'yellow', votes: 0, agreed: false, example: false, source: '', serves: [] };
    let declared: string | null = null;
    let step: StepId | null = null;
    let serves: string[] = [];
    let hadComment = false;
    for (const [index, block] of item.children.entries()) {
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
      const isLastBlock = index === item.children.length - 1;
      const colourMatch = last?.type === 'html' ? COLOUR_COMMENT.exec(last.value) : null;
      const cardMatch = last?.type === 'html' && this.version >= 2 && isLastBlock ? CARD_COMMENT.exec(last.value) : null;
      if (colourMatch) {
        inline.pop();
        const named = colourMatch[1] as CardColour;
        if (!CARD_COLOURS.includes(named)) {
          this.problem(last!, `"${colourMatch[1]}" is not a card colour. Use one of: ${CARD_COLOURS.join(', ')}.`);
          return null;
        }
        card.colour = named;
      } else if (cardMatch) {
        inline.pop();
        hadComment = true;
        const fields = this.readCardFields(last!, cardMatch[1]!);
        if (!fields) return null;
        Object.assign(card, fields.card);
        declared = fields.ref;
        step = fields.step;
        serves = fields.serves;
      }
      let blockText = this.inlineText(inline);
      // The visible " (Agreed · 3 votes)" after a card's text is worked out from its comment: drop exactly that.
      const marker = hadComment && isLastBlock ? cardMarker(card, parked ? (step ?? 'outcome') : null) : null;
      if (marker && blockText.endsWith(marker)) blockText = blockText.slice(0, -marker.length);
      parts.push(blockText);
    }
    const prefix = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
    card.text = this.checkLength(item, normaliseText(prefix + parts.join('\n\n')), LIMITS.cardTextLength, 'A card');
    const read: ReadCard = { card: parked ? { ...card, step: step ?? 'outcome' } : card, declared, node: item };
    this.links.push({ refs: serves, apply: (refs) => (read.card.serves = refs) });
    return read;
  }

  /** Reads `ref=a1; colour=blue; votes=3; agreed; example; source="…"; serves=o1,o2; step=action`. */
  private readCardFields(
    node: Nodes,
    body: string,
  ): { card: Partial<CardContent>; ref: string | null; step: StepId | null; serves: string[] } | null {
    const card: Partial<CardContent> = {};
    let ref: string | null = null;
    let step: StepId | null = null;
    let serves: string[] = [];
    const parsed = commentFields(body);
    if (!parsed) {
      this.problem(node, 'A card\'s note is not written as "key=value; key=value", so it could not be read.');
      return null;
    }
    for (const [key, value] of parsed) {
      const bad = (what: string) => {
        this.problem(node, `In a card's note, ${what}`);
        return null;
      };
      switch (key) {
        case 'ref':
          if (!value || !/^[\w-]{1,20}$/.test(value)) return bad(`"ref=${value ?? ''}" should be a short name such as a1.`);
          ref = value;
          break;
        case 'step':
          if (!isStepId(value)) return bad(`"step=${value ?? ''}" is not a step (outcome, action, insight or enablers).`);
          step = value;
          break;
        case 'colour':
        case 'color':
          if (!CARD_COLOURS.includes(value as CardColour))
            return bad(`"${value ?? ''}" is not a card colour. Use one of: ${CARD_COLOURS.join(', ')}.`);
          card.colour = value as CardColour;
          break;
        case 'votes': {
          const votes = Number(value);
          if (!/^\d+$/.test(value ?? '') || votes > LIMITS.votesPerCard)
            return bad(`votes must be a whole number from 0 to ${LIMITS.votesPerCard}.`);
          card.votes = votes;
          break;
        }
        case 'agreed':
        case 'example':
          if (value !== null) return bad(`"${key}" takes no value.`);
          card[key] = true;
          break;
        case 'source': {
          const source = lineContent(value ?? '');
          if (source.length > LIMITS.shortTextLength) return bad(`the source is longer than ${LIMITS.shortTextLength} characters.`);
          card.source = source;
          break;
        }
        case 'serves':
          serves = (value ?? '')
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean);
          if (serves.length > LIMITS.linksPerCard) return bad(`a card can serve at most ${LIMITS.linksPerCard} others.`);
          break;
        default:
          return bad(`"${key}" is not something a card can carry (ref, colour, votes, agreed, example, source, serves, step).`);
      }
    }
    return { card, ref, step, serves };
  }

  /** Turns the refs written in the file into the canonical refs of content (o1, a2, p1…), and drops links to no card. */
  private finishCards(): void {
    const declared = new Map<string, string>();
    const canonical = new Set<string>();
    for (const where of [...STEP_IDS, 'parked'] as const) {
      this.cards[where].forEach((read, i) => {
        const ref = cardRef(where, i);
        canonical.add(ref);
        if (!read.declared) return;
        if (declared.has(read.declared)) this.problem(read.node, `Two cards have the ref "${read.declared}", so links to it are unclear.`);
        declared.set(read.declared, ref);
      });
    }
    for (const pending of this.links) {
      const resolved = pending.refs.map((ref) => declared.get(ref) ?? (canonical.has(ref) && !declared.has(ref) ? ref : null));
      pending.apply([...new Set(resolved.filter((ref): ref is string => ref !== null))]);
    }
    for (const step of STEP_IDS) {
      this.content.cards[step] = this.cards[step].map((read, i) => ({
        ...read.card,
        serves: read.card.serves.filter((ref) => ref !== cardRef(step, i)),
      }));
    }
    this.content.parked = this.cards.parked.map((read, i) => ({
      ...(read.card as CardContent & { step: StepId }),
      serves: read.card.serves.filter((ref) => ref !== cardRef('parked', i)),
    }));
  }

  // ---- Workshop details -------------------------------------------------------------

  private readWorkshop(list: List): void {
    const labels = Object.entries(WORKSHOP_LABELS) as [keyof typeof WORKSHOP_LABELS, string][];
    for (const item of list.children) {
      const line = this.itemText(item);
      const found = labels.find(([, label]) => line.toLowerCase().startsWith(`${label.toLowerCase()}:`));
      if (!found) {
        this.problem(
          item,
          `"${line.split('\n')[0]}" is not a workshop detail. The details are ${labels.map(([, label]) => label).join(', ')}.`,
        );
        continue;
      }
      const [field, label] = found;
      const value = valueAfter(line, label);
      const workshop = this.content.workshop;
      if (field === 'heldOn') {
        if (value.trim() !== '' && !isIsoDate(value.trim()))
          this.problem(item, `The date held must be written year-month-day, for example 2026-03-31.`);
        else workshop.heldOn = value.trim();
      } else if (field === 'votesPerPerson') {
        const votes = Number(value.trim());
        if (!Number.isInteger(votes) || votes < LIMITS.votesPerPersonMin || votes > LIMITS.votesPerPersonMax)
          this.problem(item, `Votes per person must be a whole number from ${LIMITS.votesPerPersonMin} to ${LIMITS.votesPerPersonMax}.`);
        else this.content.votesPerPerson = votes;
      } else if (field === 'participants') {
        workshop.participants = this.checkLength(item, textContent(value), LIMITS.notesLength, 'Who took part');
      } else {
        workshop[field] = this.checkLength(item, lineContent(value), LIMITS.shortTextLength, label);
      }
    }
  }

  // ---- Checks ------------------------------------------------------------------------

  /** The header of a checks table: the first column's name, then Status, Notes and an optional Resolution. */
  private checksColumns(table: Table, first: string): boolean {
    const columns = table.children[0]?.children.map((cell) => this.cellText(cell).trim().toLowerCase()) ?? [];
    const expected = [first.toLowerCase(), 'status', 'notes', 'resolution'];
    const ok = columns.length >= 2 && columns.length <= 4 && columns.every((column, i) => column === expected[i]);
    if (!ok)
      this.problem(table, `This checks table must have the columns ${first}, Status and Notes (and Resolution, if any), in that order.`);
    return ok;
  }

  private readCheckRow(cells: TableCell[], row: Nodes, where: string): CheckContent | null {
    const [, statusCell, notesCell, resolutionCell] = cells;
    const statusText = statusCell ? this.cellText(statusCell).trim().toLowerCase() : '';
    const resolved = statusText === RESOLVED_LABEL.toLowerCase();
    const status = resolved
      ? 'concern'
      : (CHECK_STATUSES.find((id) => id === statusText || CHECK_STATUS_LABELS[id].toLowerCase() === statusText) ??
        (statusText === '' ? 'not-discussed' : null));
    if (!status) {
      this.problem(
        row,
        `"${statusText}" is not a status${where}. Use one of: ${[...CHECK_STATUSES.map((id) => CHECK_STATUS_LABELS[id]), RESOLVED_LABEL].join(', ')}.`,
      );
      return null;
    }
    return {
      status,
      notes: this.checkLength(row, normaliseText(notesCell ? this.cellText(notesCell) : ''), LIMITS.notesLength, 'A note'),
      resolved,
      resolution: this.checkLength(
        row,
        textContent(resolutionCell ? this.cellText(resolutionCell) : ''),
        LIMITS.notesLength,
        'A resolution',
      ),
    };
  }

  private readChecks(step: StepId, table: Table): void {
    if (!this.checksColumns(table, 'Lens')) return;
    const seen = new Set<LensId>();
    for (const row of table.children.slice(1)) {
      const lensName = row.children[0] ? this.cellText(row.children[0]).trim() : '';
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
      const check = this.readCheckRow(row.children, row, '');
      if (check) this.content.checks[checkKey(step, lens)] = check;
    }
  }

  private readGovernance(table: Table): void {
    if (!this.checksColumns(table, 'Check')) return;
    for (const row of table.children.slice(1)) {
      const first = row.children[0];
      const idComment = first?.children
        .map((node) => (node.type === 'html' ? GOVERNANCE_COMMENT.exec(node.value)?.[1] : undefined))
        .find(Boolean);
      const name = first ? this.cellText(first, true).trim().toLowerCase() : '';
      const id: GovernanceId | undefined = isGovernanceId(idComment)
        ? idComment
        : GOVERNANCE_IDS.find((other) => other === name || GOVERNANCE_ITEMS[other].name.toLowerCase() === name);
      if (!id) {
        this.problem(row, `"${name}" is not one of the checks before this goes live.`);
        continue;
      }
      if (this.seen.has(`governance:${id}`)) {
        this.problem(row, `The check "${GOVERNANCE_ITEMS[id].name}" appears twice.`);
        continue;
      }
      this.seen.add(`governance:${id}`);
      const check = this.readCheckRow(row.children, row, '');
      if (check) this.content.governance[id] = check;
    }
  }

  // ---- Action log ----------------------------------------------------------------------

  private readActionLog(table: Table): void {
    const columns = table.children[0]?.children.map((cell) => this.cellText(cell).trim().toLowerCase()) ?? [];
    const expected = ACTION_LOG_COLUMNS.map((column) => column.toLowerCase());
    if (columns.length < 4 || columns.length > 5 || !columns.every((column, i) => column === expected[i])) {
      this.problem(table, `The action log table must have the columns ${ACTION_LOG_COLUMNS.join(', ')}, in that order.`);
      return;
    }
    for (const row of table.children.slice(1)) {
      if (this.content.actionItems.length >= LIMITS.actionItemsPerCanvas) {
        this.problem(
          row,
          `The action log has more than ${LIMITS.actionItemsPerCanvas.toLocaleString('en-GB')} actions, more than a canvas can hold.`,
        );
        return;
      }
      const [textCell, ownerCell, dueCell, statusCell, concernCell] = row.children;
      const cellValue = (cell: TableCell | undefined) => (cell ? this.cellText(cell) : '');
      const due = cellValue(dueCell).trim();
      if (due !== '' && !isIsoDate(due)) {
        this.problem(row, `"${due}" is not a due date: write it year-month-day, for example 2026-03-31.`);
        continue;
      }
      const statusText = cellValue(statusCell).trim().toLowerCase();
      const status =
        ACTION_ITEM_STATUSES.find((id) => id === statusText || ACTION_STATUS_LABELS[id].toLowerCase() === statusText) ??
        (statusText === '' ? 'open' : null);
      if (!status) {
        this.problem(row, `"${statusText}" is not an action's status. Use Open or Done.`);
        continue;
      }
      const concern = this.readConcernCell(concernCell, row);
      if (concern === undefined) continue;
      const item: ActionItemContent = {
        text: this.checkLength(row, textContent(cellValue(textCell)), LIMITS.longTextLength, 'An action'),
        owner: this.checkLength(row, lineContent(cellValue(ownerCell)), LIMITS.shortTextLength, 'An owner'),
        due,
        status,
        concern,
      };
      this.content.actionItems.push(item);
    }
  }

  /** The check an action answers: from the cell's comment, or else its label; undefined after a problem. */
  private readConcernCell(cell: TableCell | undefined, row: Nodes): AnyCheckKey | null | undefined {
    if (!cell) return null;
    const key = cell.children.map((node) => (node.type === 'html' ? CONCERN_COMMENT.exec(node.value)?.[1] : undefined)).find(Boolean);
    if (key) {
      if (parseCheckKey(key)) return key as AnyCheckKey;
      this.problem(row, `"${key}" is not one of the canvas's checks.`);
      return undefined;
    }
    const label = this.cellText(cell, true).trim().toLowerCase();
    if (label === '') return null;
    for (const step of STEP_IDS)
      for (const lens of LENS_IDS)
        if (`${STEP_GUIDANCE[step].title}, ${LENS_GUIDANCE[lens].title}`.toLowerCase() === label) return checkKey(step, lens);
    const governance = GOVERNANCE_IDS.find((id) => GOVERNANCE_ITEMS[id].name.toLowerCase() === label);
    if (governance) return `governance:${governance}`;
    this.problem(row, `"${label}" is not one of the canvas's checks. Write it as step and lens, such as "Insight, Consent".`);
    return undefined;
  }

  // ---- Data inventory -------------------------------------------------------------------

  private readDatasetPart(section: Extract<Section, { kind: 'datasets' }>, node: RootContent): void {
    if (node.type === 'heading' && node.depth === 3) {
      if (this.content.datasets.length >= LIMITS.datasetsPerCanvas) {
        if (this.content.datasets.length === LIMITS.datasetsPerCanvas)
          this.problem(node, `The data inventory has more than ${LIMITS.datasetsPerCanvas} data sets, more than a canvas can hold.`);
        section.current = null;
        return;
      }
      // "### 2. Housing register": the number the exporter wrote goes; a heading without it is the name as written.
      const heading = lineContent(this.inlineText(node.children));
      const number = `${this.content.datasets.length + 1}. `;
      const name = heading.startsWith(number) ? heading.slice(number.length) : heading;
      const dataset: DatasetContent = { ...emptyDatasetFields(), name: name === UNNAMED_DATASET ? '' : name, usedBy: [] };
      dataset.name = this.checkLength(node, dataset.name, LIMITS.shortTextLength, 'A data set’s name');
      this.content.datasets.push(dataset);
      section.current = dataset;
      return;
    }
    if (!section.current)
      return this.problem(node, 'Under "Data inventory", each data set starts with its name as a heading ("### Housing register").');
    if (node.type !== 'list') return this.problem(node, 'Under a data set, put each detail on its own line, such as "- Held by: Housing".');
    for (const item of node.children) this.readDatasetLine(section.current, item);
  }

  private readDatasetLine(dataset: DatasetContent, item: ListItem): void {
    const line = this.itemText(item);
    const lower = line.toLowerCase().replace(/'/g, '’');
    const entry = (Object.entries(DATASET_LABELS) as [keyof typeof DATASET_LABELS, string][]).find(([, label]) =>
      lower.startsWith(`${label.toLowerCase()}:`),
    );
    if (!entry)
      return this.problem(
        item,
        `"${line.split('\n')[0]}" is not a detail of a data set. The details are ${Object.values(DATASET_LABELS).join(', ')}.`,
      );
    const [field, label] = entry;
    const value = valueAfter(line, label);
    const choose = <T extends string>(
      options: readonly T[],
      labels: Record<T, string>,
      blank: T | '' | null,
      what: string,
    ): T | '' | null => {
      const wanted = value.trim().toLowerCase();
      if (blank !== null && (wanted === '' || wanted === NOT_DECIDED.toLowerCase())) return blank;
      const found = options.find((option) => option === wanted || labels[option].toLowerCase() === wanted);
      if (found) return found;
      this.problem(
        item,
        `"${value.trim()}" is not an answer for ${what}. Use one of: ${[...options.map((option) => labels[option]), ...(blank === '' ? [NOT_DECIDED] : [])].join(', ')}.`,
      );
      return null;
    };
    switch (field) {
      case 'personal':
      case 'specialCategory':
      case 'criminalOffence':
      case 'children': {
        const answer = choose(ANSWERS, ANSWER_LABELS, null, label.toLowerCase());
        if (answer) dataset[field] = answer;
        return;
      }
      case 'lawfulBasis': {
        const basis = choose(LAWFUL_BASES, LAWFUL_BASIS_LABELS, '', 'the lawful basis');
        if (basis !== null) dataset.lawfulBasis = basis;
        return;
      }
      case 'sharingAgreement': {
        const agreement = choose(SHARING_AGREEMENTS, SHARING_AGREEMENT_LABELS, '', 'the data-sharing agreement');
        if (agreement !== null) dataset.sharingAgreement = agreement;
        return;
      }
      case 'dpia': {
        const dpia = choose(DPIA_STATES, DPIA_LABELS, '', 'the DPIA');
        if (dpia !== null) dataset.dpia = dpia;
        return;
      }
      case 'usedBy': {
        const paragraph = item.children.at(-1);
        const last = paragraph?.type === 'paragraph' ? paragraph.children.at(-1) : undefined;
        const refs = last?.type === 'html' ? USED_BY_COMMENT.exec(last.value)?.[1] : undefined;
        this.links.push({
          refs: (refs ?? '')
            .split(',')
            .map((ref) => ref.trim())
            .filter(Boolean),
          apply: (resolved) => (dataset.usedBy = resolved),
        });
        return;
      }
      case 'holder':
      case 'retention':
        dataset[field] = this.checkLength(item, lineContent(value), LIMITS.shortTextLength, label);
        return;
      default:
        dataset[field] = this.checkLength(item, textContent(value), LIMITS.longTextLength, label);
    }
  }

  // ---- Text ------------------------------------------------------------------------------

  /** The text of a list item's paragraphs (comments left out), for "Label: value" lines. */
  private itemText(item: ListItem): string {
    return item.children
      .map((block) =>
        block.type === 'paragraph'
          ? this.inlineText(block.children.filter((node) => !(node.type === 'html' && /^<!--/.test(node.value))))
          : this.literal(block),
      )
      .join('\n\n');
  }

  private cellText(cell: TableCell, withoutComments = false): string {
    const children = withoutComments
      ? cell.children.filter((node) => !(node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value)))
      : cell.children;
    return this.inlineText(children, true);
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

/** "Label: value" -> value, keeping the value's own spaces (only the one after the colon goes). */
function valueAfter(line: string, label: string): string {
  const rest = line.slice(label.length + 1);
  return rest.startsWith(' ') ? rest.slice(1) : rest;
}

/** The `key=value; flag; key="string"` fields of a machine note, in order; null when it is not written that way. */
export function commentFields(body: string): [string, string | null][] | null {
  const fields: [string, string | null][] = [];
  const pattern = /\s*([\w-]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^;"]*?))?\s*(?:;|$)/y;
  const end = body.trimEnd().length;
  while (pattern.lastIndex < end) {
    const match = pattern.exec(body);
    if (!match || match[0] === '') return null;
    const raw = match[2];
    let value: string | null = raw === undefined ? null : raw;
    if (raw?.startsWith('"')) {
      try {
        value = JSON.parse(raw) as string;
      } catch {
        value = raw;
      }
    }
    fields.push([match[1]!.toLowerCase(), value]);
  }
  return fields;
}

export function describeProblems(problems: ImportProblem[]): string[] {
  return problems.map((problem) => (problem.line ? `Line ${problem.line}: ${problem.message}` : problem.message));
}

export { noCheckContent };
