/**
 * Canvas -> GitHub-flavoured Markdown in the canvas Markdown format, version
 * 2 (docs/canvas-markdown.md). The document is built as an mdast tree and
 * serialised by mdast-util-to-markdown, so user text always sits in text
 * nodes and is escaped by the serialiser: `#`, `*`, `|`, `<script>`,
 * backticks and `[x](javascript:...)` come out literally, by construction.
 * The only raw HTML written is the app's own: machine notes in comments,
 * <br> in table cells and character references for tabs and edge spaces.
 *
 * Tables are written compact (one space each side of a pipe), never padded
 * to line up: alignment by character width is different in every tool for
 * emoji, CJK and combining accents, and a misaligned table fails the
 * project's markdownlint rules. Tabs are written as `&#x9;` for the same
 * reason (MD010), so `markdownlint --fix` has nothing to change.
 */
import type { BlockContent, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { type CanvasContent, type CardContent, type CheckContent, cardRef, contentOf, hasText } from '../content';
import { ANSWER_LABELS, DPIA_LABELS, LAWFUL_BASIS_LABELS, SHARING_AGREEMENT_LABELS } from '../dataInventory';
import { GOVERNANCE_ITEMS, governanceIdsForStep } from '../governanceKeys';
import { LENS_GUIDANCE, STEP_GUIDANCE } from '../guidance';
import {
  type AnyCheckKey,
  type Canvas,
  type StepId,
  CHECK_STATUS_LABELS,
  DEFAULT_VOTES_PER_PERSON,
  LENS_IDS,
  STEP_IDS,
  checkKey,
  displayTitle,
} from '../model';
import { parseCheckKey } from '../canvas';
import { slugify } from '../text';
import {
  ACTION_LOG_COLUMNS,
  ACTION_STATUS_LABELS,
  DATASET_LABELS,
  FORMAT_NAME,
  FORMAT_VERSION,
  NOT_DECIDED,
  NO_CARDS_LINE,
  NO_TIME,
  NO_TIME_LINE,
  RESOLVED_LABEL,
  SECTION,
  SUGGESTED_TIME,
  TEMPLATE_FIELDS,
  TITLE_WHEN_EMPTY,
  WORKSHOP_LABELS,
  cardMarker,
  commentString,
  datasetHeading,
  governanceHeading,
  suggestedTimeLine,
} from './format';
import type { TemplateDetails } from './importCanvas';
import { cell, html, multiline, serialise, text } from './mdast';
import { canvasDocument, excerpt } from '../document/canvasDocument';
import { formatLongDate } from '../document/dates';
import { sectionsToMdast } from '../document/markdown';

export interface ExportOptions {
  exportedAt: Date;
  /** Facilitator notes are for the trainer; they go into a file only when asked for. */
  includeFacilitatorNotes?: boolean;
  /** Writes the file as a template with these details in its front matter. */
  template?: TemplateDetails;
}

const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: text(value) });
const paragraph = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: text(value) });

function list(items: PhrasingContent[][]): RootContent {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({ type: 'listItem', spread: false, children: [paragraph(...children)] })),
  };
}

function row(cells: PhrasingContent[][]): TableRow {
  return { type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) };
}

function table(header: string[], rows: PhrasingContent[][][]): RootContent {
  return { type: 'table', align: header.map(() => 'left'), children: [row(header.map((name) => text(name))), ...rows.map(row)] };
}

/** The sections of the document (canvasDocument) that the file carries as they are: worked out, so skipped on import. */
const WORKED_OUT = new Set(['golden-thread', 'open-concerns', 'resolved-concerns', 'not-discussed']);

/** The refs some card or data set points at: only those cards write their ref. */
function linkTargets(content: CanvasContent): Set<string> {
  const targets = new Set<string>();
  for (const card of [...STEP_IDS.flatMap((step) => content.cards[step]), ...content.parked])
    card.serves.forEach((ref) => targets.add(ref));
  for (const dataset of content.datasets) dataset.usedBy.forEach((ref) => targets.add(ref));
  return targets;
}

/** A card's list item: its text, the visible marker, and its machine fields in one trailing comment. */
function cardItem(card: CardContent, ref: string, targets: Set<string>, parkedFrom: StepId | null): PhrasingContent[] {
  const fields: string[] = [];
  if (targets.has(ref)) fields.push(`ref=${ref}`);
  if (parkedFrom) fields.push(`step=${parkedFrom}`);
  if (card.colour !== 'yellow') fields.push(`colour=${card.colour}`);
  if (card.votes) fields.push(`votes=${card.votes}`);
  if (card.agreed) fields.push('agreed');
  if (card.example) fields.push('example');
  if (card.source) fields.push(`source=${commentString(card.source)}`);
  if (card.serves.length) fields.push(`serves=${card.serves.join(',')}`);
  const marker = cardMarker(card, parkedFrom);
  return [...multiline(card.text + (marker ?? '')), ...(fields.length ? [html(`<!-- card: ${fields.join('; ')} -->`)] : [])];
}

/** The label an action item's Concern cell shows for a check key. */
export function concernLabel(key: AnyCheckKey): string {
  const parsed = parseCheckKey(key);
  if (!parsed) return key;
  return parsed.kind === 'ethics'
    ? `${STEP_GUIDANCE[parsed.step].title}, ${LENS_GUIDANCE[parsed.lens].title}`
    : GOVERNANCE_ITEMS[parsed.id].name;
}

function statusLabel(check: CheckContent): string {
  return check.status === 'concern' && check.resolved ? RESOLVED_LABEL : CHECK_STATUS_LABELS[check.status];
}

/** A checks table; the Resolution column appears only when a check in it has one. */
function checksTable(first: string, rows: { label: PhrasingContent[]; check: CheckContent }[]): RootContent {
  const withResolution = rows.some(({ check }) => check.resolved || check.resolution !== '');
  return table(
    [first, 'Status', 'Notes', ...(withResolution ? ['Resolution'] : [])],
    rows.map(({ label, check }) => [
      label,
      text(statusLabel(check)),
      cell(check.notes),
      ...(withResolution ? [cell(check.resolution)] : []),
    ]),
  );
}

function workshopSection(content: CanvasContent): RootContent[] {
  const { workshop } = content;
  const items: PhrasingContent[][] = [];
  const line = (label: string, value: string) => items.push([...text(`${label}: `), ...multiline(value)]);
  if (workshop.heldOn) line(WORKSHOP_LABELS.heldOn, workshop.heldOn);
  if (workshop.organisation) line(WORKSHOP_LABELS.organisation, workshop.organisation);
  if (workshop.facilitator) line(WORKSHOP_LABELS.facilitator, workshop.facilitator);
  if (workshop.participants) line(WORKSHOP_LABELS.participants, workshop.participants);
  if (content.votesPerPerson !== DEFAULT_VOTES_PER_PERSON) line(WORKSHOP_LABELS.votesPerPerson, String(content.votesPerPerson));
  return items.length ? [heading(2, SECTION.workshop), list(items)] : [];
}

function facilitationBlocks(content: CanvasContent, step: StepId): RootContent[] {
  const note = content.facilitation[step];
  if (note.minutes === null && !note.notes) return [];
  const blocks: RootContent[] = [heading(3, `Facilitator notes: ${STEP_GUIDANCE[step].title}`)];
  // A note that reads like a time line is kept a note by saying first that no time is set.
  const looksLikeTime = SUGGESTED_TIME.test(note.notes.trim()) || NO_TIME.test(note.notes.trim());
  if (note.minutes !== null) blocks.push(paragraph(...text(suggestedTimeLine(note.minutes))));
  else if (looksLikeTime) blocks.push(paragraph(...text(NO_TIME_LINE)));
  if (note.notes) blocks.push(paragraph(...multiline(note.notes)));
  return blocks;
}

function actionLogSection(content: CanvasContent): RootContent[] {
  if (!content.actionItems.length) return [];
  return [
    heading(2, SECTION.actionLog),
    table(
      [...ACTION_LOG_COLUMNS],
      content.actionItems.map((item) => [
        cell(item.text),
        cell(item.owner),
        text(item.due),
        text(ACTION_STATUS_LABELS[item.status]),
        item.concern ? [...text(concernLabel(item.concern)), html(`<!-- concern: ${item.concern} -->`)] : [],
      ]),
    ),
  ];
}

function dataInventorySection(content: CanvasContent): RootContent[] {
  if (!content.datasets.length) return [];
  const cardsByRef = new Map<string, CardContent>();
  for (const step of STEP_IDS) content.cards[step].forEach((card, i) => cardsByRef.set(cardRef(step, i), card));
  content.parked.forEach((card, i) => cardsByRef.set(cardRef('parked', i), card));
  const blocks: RootContent[] = [heading(2, SECTION.dataInventory)];
  for (const [index, dataset] of content.datasets.entries()) {
    const items: PhrasingContent[][] = [];
    const line = (label: string, value: PhrasingContent[]) => items.push([...text(`${label}: `), ...value]);
    const textLine = (label: string, value: string) => value && line(label, multiline(value));
    textLine(DATASET_LABELS.holder, dataset.holder);
    textLine(DATASET_LABELS.contents, dataset.contents);
    line(DATASET_LABELS.personal, text(ANSWER_LABELS[dataset.personal]));
    line(DATASET_LABELS.specialCategory, text(ANSWER_LABELS[dataset.specialCategory]));
    line(DATASET_LABELS.criminalOffence, text(ANSWER_LABELS[dataset.criminalOffence]));
    line(DATASET_LABELS.children, text(ANSWER_LABELS[dataset.children]));
    line(DATASET_LABELS.lawfulBasis, text(dataset.lawfulBasis ? LAWFUL_BASIS_LABELS[dataset.lawfulBasis] : NOT_DECIDED));
    line(
      DATASET_LABELS.sharingAgreement,
      text(dataset.sharingAgreement ? SHARING_AGREEMENT_LABELS[dataset.sharingAgreement] : NOT_DECIDED),
    );
    line(DATASET_LABELS.dpia, text(dataset.dpia ? DPIA_LABELS[dataset.dpia] : NOT_DECIDED));
    textLine(DATASET_LABELS.qualityProblems, dataset.qualityProblems);
    textLine(DATASET_LABELS.whoIsMissing, dataset.whoIsMissing);
    textLine(DATASET_LABELS.retention, dataset.retention);
    if (dataset.usedBy.length) {
      const names = dataset.usedBy.map((ref) => excerpt(cardsByRef.get(ref)?.text ?? ref)).join(', ');
      line(DATASET_LABELS.usedBy, [...text(names), html(`<!-- used-by: ${dataset.usedBy.join(',')} -->`)]);
    }
    blocks.push(heading(3, datasetHeading(index, dataset.name)), list(items));
  }
  return blocks;
}

export function canvasToMdast(canvas: Canvas, options: ExportOptions): Root {
  const content = contentOf(canvas);
  const targets = linkTargets(content);
  const children: RootContent[] = [heading(1, content.title || TITLE_WHEN_EMPTY)];
  if (hasText(content.description)) children.push(paragraph(...multiline(content.description)));
  if (!options.template) children.push(paragraph(emphasis(`Exported from Outcome Canvas on ${formatLongDate(options.exportedAt)}.`)));
  children.push(...workshopSection(content));

  STEP_IDS.forEach((step, i) => {
    const guide = STEP_GUIDANCE[step];
    children.push(heading(2, `${i + 1}. ${guide.title}`));
    children.push({ type: 'blockquote', children: [paragraph(...text(`“${guide.question}” (${guide.questionSource})`))] });
    const cards = content.cards[step];
    children.push(
      cards.length ? list(cards.map((card, n) => cardItem(card, cardRef(step, n), targets, null))) : paragraph(emphasis(NO_CARDS_LINE)),
    );
    if (options.includeFacilitatorNotes) children.push(...facilitationBlocks(content, step));
    children.push(heading(3, `Ethics checks: ${guide.title}`));
    children.push(
      checksTable(
        'Lens',
        LENS_IDS.map((lens) => ({ label: text(LENS_GUIDANCE[lens].title), check: content.checks[checkKey(step, lens)] })),
      ),
    );
    const governance = governanceIdsForStep(step);
    if (governance.length) {
      children.push(heading(3, governanceHeading(guide.title)));
      children.push(
        checksTable(
          'Check',
          governance.map((id) => ({
            label: [...text(GOVERNANCE_ITEMS[id].name), html(`<!-- governance: ${id} -->`)],
            check: content.governance[id],
          })),
        ),
      );
    }
  });

  if (content.parked.length) {
    children.push(heading(2, SECTION.parkingLot));
    children.push(list(content.parked.map((card, n) => cardItem(card, cardRef('parked', n), targets, card.step))));
  }
  children.push(...actionLogSection(content), ...dataInventorySection(content));

  // A template is a starting point: what is open is worked out once it is used.
  if (options.template) return { type: 'root', children };

  // What is worked out from the rest (skipped on import) reads as the document for it does.
  const worked = canvasDocument(canvas, { now: options.exportedAt.getTime() }).sections.filter((part) => WORKED_OUT.has(part.id));
  children.push(...sectionsToMdast(worked, 2));

  return { type: 'root', children };
}

/** The format marker and version, as YAML front matter, which Markdown tools know to skip. */
function frontMatter(canvas: Canvas, options: ExportOptions): string {
  const lines = ['---', `format: ${FORMAT_NAME}`, `version: ${FORMAT_VERSION}`];
  const { template } = options;
  if (template) {
    lines.push('kind: template');
    if (template.id) lines.push(`id: ${JSON.stringify(template.id)}`);
    for (const field of TEMPLATE_FIELDS) lines.push(`${field}: ${JSON.stringify(template[field])}`);
  } else {
    lines.push(`id: ${JSON.stringify(canvas.id)}`, `exported: ${options.exportedAt.toISOString()}`);
  }
  return [...lines, '---', '', ''].join('\n');
}

export function canvasToMarkdown(canvas: Canvas, options: ExportOptions): string {
  return frontMatter(canvas, options) + serialise(canvasToMdast(canvas, options));
}

/** A file name a project lead can keep: the title in lower case, dashes for the rest. */
export function markdownFileName(canvas: Canvas): string {
  return `${slugify(displayTitle(canvas)) || 'canvas'}.md`;
}
