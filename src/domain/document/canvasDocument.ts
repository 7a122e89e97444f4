/**
 * A canvas as a document: the one description of what a canvas says that
 * the print view, the previews, the document Markdown, "Copy for a
 * document", the HTML page and the .docx all render.
 *
 * Built from the canvas's content (contentOf: text cleaned, blank cards and
 * deleted records left out, everything in display order), plus what is
 * worked out from it: the golden thread, the open and resolved concerns,
 * the checks not yet discussed and what is still to settle.
 */
import { actionItemFlags, actionItemsForConcern, actionItemsInOrder } from '../actionLog';
import { type CheckEntry, allChecks, isOpenConcern } from '../canvas';
import { type CanvasContent, type CardContent, type CheckContent, cardRef, contentOf, hasText, lineContent } from '../content';
import { ANSWER_LABELS, DPIA_LABELS, LAWFUL_BASIS_LABELS, SHARING_AGREEMENT_LABELS, datasetGaps, datasetsInOrder } from '../dataInventory';
import { localDateString } from '../dates';
import { GOVERNANCE_CHECKS } from '../governance';
import { GOVERNANCE_ITEMS, governanceIdsForStep } from '../governanceKeys';
import { CHECK_GUIDANCE, LENS_GUIDANCE, STEP_GUIDANCE } from '../guidance';
import { idMap } from '../idMap';
import {
  type AnyCheckKey,
  type Canvas,
  type StepId,
  CHECK_STATUS_LABELS,
  DEFAULT_VOTES_PER_PERSON,
  LENS_IDS,
  STEP_IDS,
  checkKey,
} from '../model';
import { SOURCES } from '../sources';
import { clampText, normaliseText } from '../text';
import { type ThreadNode, threadTree } from '../thread';
import { wrapUp } from '../wrapUp';
import {
  ACTION_LOG_COLUMNS,
  ACTION_STATUS_LABELS,
  DATASET_LABELS,
  NOT_DECIDED,
  NO_CARDS_LINE,
  RESOLVED_LABEL,
  SECTION,
  TITLE_WHEN_EMPTY,
  UNNAMED_DATASET,
  WORKSHOP_LABELS,
  governanceHeading,
  suggestedTimeLine,
} from '../markdown/format';
import { cardMarks } from './cardMarks';
import { formatDay, formatLongDate } from './dates';
import {
  type Block,
  type Doc,
  type Inline,
  type ListItem,
  type Section,
  emphasis,
  hint,
  item,
  labelled,
  list,
  marks,
  paragraph,
  section,
  strong,
  table,
  text,
} from './model';

export interface CanvasDocumentOptions {
  /** When the document is made: its date line, and which actions are overdue. */
  now: number;
  /** A canvas, or a template (a starting point: only the checks it fills, and nothing worked out). */
  kind?: 'canvas' | 'template';
  /** The line under the title: "Exported from Outcome Canvas on …", or none. */
  dateLine?: 'exported' | 'printed' | null;
  /** The trainer's notes for each step. */
  includeFacilitatorNotes?: boolean;
  /** A template's example cards: marked as examples, or left out. */
  examples?: 'mark' | 'omit';
}

export const SECTION_TITLES = {
  ...SECTION,
  resolvedConcerns: 'Resolved concerns',
  stillToSettle: 'Still to settle',
  sources: 'Sources',
} as const;

export const NO_OWNER = 'No owner yet';

/** A step's heading: "1. Outcome". */
export const stepHeading = (step: StepId) => `${STEP_IDS.indexOf(step) + 1}. ${STEP_GUIDANCE[step].title}`;
export const ethicsCaption = (step: StepId) => `Ethics checks: ${STEP_GUIDANCE[step].title}`;
export const governanceCaption = (step: StepId) => governanceHeading(STEP_GUIDANCE[step].title);

/** A canvas's title as documents write it: one line, cleaned, never empty. */
export const canvasTitle = (canvas: Canvas) => lineContent(canvas.title) || TITLE_WHEN_EMPTY;

/** The label of a check of either kind: "Outcome, Trust" or "Insight, Lawful basis". */
export function checkLabel(key: AnyCheckKey): string {
  const [first, second] = key.split(':') as [string, string];
  if (first === 'governance') {
    const id = second as keyof typeof GOVERNANCE_ITEMS;
    const found = GOVERNANCE_ITEMS[id];
    return found ? `${STEP_GUIDANCE[found.step].title}, ${found.name}` : key;
  }
  const step = first as StepId;
  const lens = second as keyof typeof LENS_GUIDANCE;
  return STEP_GUIDANCE[step] && LENS_GUIDANCE[lens] ? `${STEP_GUIDANCE[step].title}, ${LENS_GUIDANCE[lens].title}` : key;
}

/** The question a check asks. */
export function checkQuestion(entry: CheckEntry): string {
  return entry.kind === 'ethics'
    ? CHECK_GUIDANCE[entry.step][entry.lens].question
    : (GOVERNANCE_CHECKS.find((check) => check.id === entry.id)?.question ?? GOVERNANCE_ITEMS[entry.id].name);
}

/** The first line of a text, shortened, in quotation marks: names a card in a "Used by" line. */
export function excerpt(value: string, max = 60): string {
  const first = value.split('\n')[0]!.trim();
  const short = clampText(first, max);
  return `“${short}${short.length < first.length || value.includes('\n') ? '…' : ''}”`;
}

const statusOf = (check: CheckContent) =>
  check.status === 'concern' && check.resolved ? RESOLVED_LABEL : CHECK_STATUS_LABELS[check.status];
const filled = (check: CheckContent) => check.status !== 'not-discussed' || check.notes !== '' || check.resolution !== '';

/** A checks table; the Resolution column appears only when a check in it has one. */
function checksTable(caption: string, first: string, rows: { label: string; check: CheckContent }[]): Block {
  const withResolution = rows.some(({ check }) => check.resolved || check.resolution !== '');
  return table(
    caption,
    [first, 'Status', 'Notes', ...(withResolution ? ['Resolution'] : [])],
    rows.map(({ label, check }) => [
      [text(label)],
      [text(statusOf(check))],
      check.notes ? [text(check.notes)] : [],
      ...(withResolution ? [check.resolution ? [text(check.resolution)] : []] : []),
    ]),
  );
}

interface Built {
  canvas: Canvas;
  content: CanvasContent;
  options: Required<CanvasDocumentOptions>;
  /** Which cards are shown: examples may be left out. */
  shown: (card: CardContent) => boolean;
}

function cardItem(card: CardContent, parkedFrom: StepId | null): ListItem {
  return {
    content: [text(card.text), ...marks(cardMarks(card, parkedFrom))],
    colour: card.colour,
    ...(card.example ? { example: true } : {}),
  };
}

function cardsBlock(cards: CardContent[], empty: string): Block {
  return cards.length ? { ...list(cards.map((card) => cardItem(card, null))), cards: true } : paragraph(emphasis(empty));
}

function workshopSection({ content }: Built): Section[] {
  const { workshop } = content;
  const items: ListItem[] = [];
  if (workshop.heldOn) items.push(labelled(WORKSHOP_LABELS.heldOn, text(formatDay(workshop.heldOn))));
  if (workshop.organisation) items.push(labelled(WORKSHOP_LABELS.organisation, text(workshop.organisation)));
  if (workshop.facilitator) items.push(labelled(WORKSHOP_LABELS.facilitator, text(workshop.facilitator)));
  if (workshop.participants) items.push(labelled(WORKSHOP_LABELS.participants, text(workshop.participants)));
  if (content.votesPerPerson !== DEFAULT_VOTES_PER_PERSON)
    items.push(labelled(WORKSHOP_LABELS.votesPerPerson, text(String(content.votesPerPerson))));
  return items.length ? [section('workshop', SECTION_TITLES.workshop, [list(items)])] : [];
}

function facilitationBlocks({ content, options }: Built, step: StepId): Block[] {
  const note = content.facilitation[step];
  if (!options.includeFacilitatorNotes || (note.minutes === null && !note.notes)) return [];
  const blocks: Block[] = [];
  if (note.minutes !== null) blocks.push(paragraph(text(suggestedTimeLine(note.minutes))));
  if (note.notes) blocks.push(paragraph(text(note.notes)));
  return [{ type: 'note', role: 'facilitator', title: `Facilitator notes: ${STEP_GUIDANCE[step].title}`, blocks }];
}

function stepSection(built: Built, step: StepId): Section {
  const { content, options, shown } = built;
  const guide = STEP_GUIDANCE[step];
  const template = options.kind === 'template';
  const blocks: Block[] = [
    { type: 'paragraph', role: 'question', content: [text(`“${guide.question}” (${guide.questionSource})`)] },
    cardsBlock(content.cards[step].filter(shown), template ? 'No cards: the team writes them.' : NO_CARDS_LINE),
    ...facilitationBlocks(built, step),
  ];
  const lenses = LENS_IDS.filter((lens) => !template || filled(content.checks[checkKey(step, lens)]));
  if (lenses.length)
    blocks.push(
      checksTable(
        ethicsCaption(step),
        'Lens',
        lenses.map((lens) => ({ label: LENS_GUIDANCE[lens].title, check: content.checks[checkKey(step, lens)] })),
      ),
    );
  const governance = governanceIdsForStep(step).filter((id) => !template || filled(content.governance[id]));
  if (governance.length)
    blocks.push(
      checksTable(
        governanceCaption(step),
        'Check',
        governance.map((id) => ({ label: GOVERNANCE_ITEMS[id].name, check: content.governance[id] })),
      ),
    );
  return section(step, stepHeading(step), blocks);
}

function parkingLotSection({ content, shown }: Built): Section[] {
  const parked = content.parked.filter(shown);
  if (!parked.length) return [];
  return [section('parking-lot', SECTION_TITLES.parkingLot, [list(parked.map((card) => cardItem(card, card.step)))])];
}

function actionLogSection({ canvas, content, options }: Built): Section[] {
  if (!content.actionItems.length) return [];
  const today = localDateString(options.now);
  // contentOf lists the log in the same order as actionItemsInOrder; the records give the flags.
  const records = actionItemsInOrder(canvas);
  const rows = content.actionItems.map((entry, i) => {
    const flags = records[i] ? actionItemFlags(records[i], today) : null;
    const status = ACTION_STATUS_LABELS[entry.status] + (flags?.overdue ? ', overdue' : '');
    return [
      [text(entry.text)],
      entry.owner ? [text(entry.owner)] : [emphasis(NO_OWNER)],
      entry.due ? [text(formatDay(entry.due))] : [],
      [text(status)],
      entry.concern ? [text(checkLabel(entry.concern))] : [],
    ];
  });
  return [section('action-log', SECTION_TITLES.actionLog, [table(SECTION_TITLES.actionLog, ACTION_LOG_COLUMNS, rows, false)])];
}

function dataInventorySection({ canvas, content }: Built): Section[] {
  if (!content.datasets.length) return [];
  const cardsByRef = new Map<string, CardContent>();
  for (const step of STEP_IDS) content.cards[step].forEach((card, i) => cardsByRef.set(cardRef(step, i), card));
  content.parked.forEach((card, i) => cardsByRef.set(cardRef('parked', i), card));
  const records = datasetsInOrder(canvas);
  const sections = content.datasets.map((dataset, index) => {
    const name = dataset.name || UNNAMED_DATASET;
    const rows: Inline[][][] = [];
    const row = (label: string, value: string) => rows.push([[text(label)], value ? [text(value)] : []]);
    row(DATASET_LABELS.holder, dataset.holder);
    row(DATASET_LABELS.contents, dataset.contents);
    row(DATASET_LABELS.personal, ANSWER_LABELS[dataset.personal]);
    row(DATASET_LABELS.specialCategory, ANSWER_LABELS[dataset.specialCategory]);
    row(DATASET_LABELS.criminalOffence, ANSWER_LABELS[dataset.criminalOffence]);
    row(DATASET_LABELS.children, ANSWER_LABELS[dataset.children]);
    row(DATASET_LABELS.lawfulBasis, dataset.lawfulBasis ? LAWFUL_BASIS_LABELS[dataset.lawfulBasis] : NOT_DECIDED);
    row(DATASET_LABELS.sharingAgreement, dataset.sharingAgreement ? SHARING_AGREEMENT_LABELS[dataset.sharingAgreement] : NOT_DECIDED);
    row(DATASET_LABELS.dpia, dataset.dpia ? DPIA_LABELS[dataset.dpia] : NOT_DECIDED);
    row(DATASET_LABELS.qualityProblems, dataset.qualityProblems);
    row(DATASET_LABELS.whoIsMissing, dataset.whoIsMissing);
    row(DATASET_LABELS.retention, dataset.retention);
    row(DATASET_LABELS.usedBy, dataset.usedBy.map((ref) => excerpt(cardsByRef.get(ref)?.text ?? ref)).join(', '));
    const title = `${index + 1}. ${name}`;
    const blocks: Block[] = [table(title, ['Field', 'Value'], rows)];
    const record = records[index];
    const gaps = record ? datasetGaps(canvas, record) : [];
    if (gaps.length) blocks.push(paragraph(strong('Still to settle:')), list(gaps.map((gap) => item(text(gap.message)))));
    return section(`data-set-${index + 1}`, title, blocks);
  });
  return [section('data-inventory', SECTION_TITLES.dataInventory, [], sections)];
}

function threadSection({ canvas, options }: Built): Section[] {
  // Blank cards are not in the document, nor examples left out, so they are not in its thread either.
  const kept = Object.values(canvas.cards).filter(
    (card) => hasText(normaliseText(card.text)) && (options.examples === 'mark' || !card.example),
  );
  const tree = threadTree({ ...canvas, cards: idMap(kept) });
  if (!tree.some((node) => node.servedBy.length)) return [];
  const nested = (nodes: ThreadNode[]): ListItem[] =>
    nodes.map((node) => ({
      content: [
        strong(`${STEP_GUIDANCE[node.card.step].title}:`),
        text(` ${normaliseText(node.card.text).trim()}`),
        ...(node.repeat ? [text(' '), emphasis('(as above)')] : []),
      ],
      ...(node.servedBy.length ? { children: list(nested(node.servedBy)) } : {}),
    }));
  return [
    section('golden-thread', SECTION_TITLES.goldenThread, [
      hint(text('Each outcome, with the actions that serve it, the insights that serve those, and the enablers that serve any of them.')),
      list(nested(tree)),
    ]),
  ];
}

function actionsFor(canvas: Canvas, key: AnyCheckKey, today: string): ListItem[] {
  return actionItemsForConcern(canvas, key).map((action) => {
    const details = [
      action.owner.trim() || NO_OWNER,
      ...(action.due ? [`due ${formatDay(action.due)}`] : []),
      ...(action.status === 'done' ? ['done'] : actionItemFlags(action, today).overdue ? ['overdue'] : []),
    ];
    return item(strong('Action:'), text(` ${normaliseText(action.text).trim()}`), ...marks(details));
  });
}

function concernSections({ canvas, options }: Built): Section[] {
  const today = localDateString(options.now);
  const entries = allChecks(canvas);
  const open = entries.filter((entry) => isOpenConcern(entry.check));
  const resolved = entries.filter((entry) => entry.check.status === 'concern' && entry.check.resolvedAt !== null);
  const concernItem = (entry: CheckEntry, withResolution: boolean): ListItem => {
    const notes = normaliseText(entry.check.notes).trim();
    const resolution = normaliseText(entry.check.resolution).trim();
    const actions = actionsFor(canvas, entry.key, today);
    const under = [...(withResolution ? [item(strong('Resolved:'), text(` ${resolution || 'no note of how.'}`))] : []), ...actions];
    return {
      content: [strong(`${checkLabel(entry.key)}:`), text(` ${notes || checkQuestion(entry)}`)],
      ...(under.length ? { children: list(under) } : {}),
    };
  };
  const sections = [
    section(
      'open-concerns',
      SECTION_TITLES.openConcerns,
      open.length ? [list(open.map((entry) => concernItem(entry, false)))] : [paragraph(text('No concerns raised.'))],
    ),
  ];
  if (resolved.length)
    sections.push(section('resolved-concerns', SECTION_TITLES.resolvedConcerns, [list(resolved.map((entry) => concernItem(entry, true)))]));
  return sections;
}

/** The ethics lenses not yet discussed, step by step (the governance tables show their own). */
function undiscussedSection({ canvas }: Built): Section {
  const entries = allChecks(canvas).filter((entry) => entry.kind === 'ethics' && entry.check.status === 'not-discussed');
  const items = STEP_IDS.flatMap((step) => {
    const names = entries
      .filter((entry) => entry.step === step)
      .map((entry) => (entry.kind === 'ethics' ? LENS_GUIDANCE[entry.lens].title : ''));
    return names.length ? [labelled(STEP_GUIDANCE[step].title, text(names.join(', ')))] : [];
  });
  return section(
    'not-discussed',
    SECTION_TITLES.undiscussed,
    items.length ? [list(items)] : [paragraph(text('Every ethics check has been discussed.'))],
  );
}

function stillToSettleSection({ canvas, options }: Built): Section[] {
  const missing = wrapUp(canvas, options.now).missing;
  if (!missing.length) return [];
  return [section('still-to-settle', SECTION_TITLES.stillToSettle, [list(missing.map((entry) => item(text(entry.message))))])];
}

function sourcesSection({ content, shown }: Built): Section {
  const loti = SOURCES.loti;
  const named = new Set<string>();
  for (const card of [...STEP_IDS.flatMap((step) => content.cards[step]), ...content.parked])
    if (card.source && shown(card)) named.add(card.source);
  const items: ListItem[] = [item(text(`${loti.reference} The question under each step is quoted from it.`))];
  const others = [...named].filter((name) => name !== loti.cite);
  if (named.has(loti.cite)) items.push(item(text(`Cards that name ${loti.cite} as their source are taken from the same slides.`)));
  if (others.length) items.push(item(text(`Other sources named on cards: ${others.join('; ')}.`)));
  return section('sources', SECTION_TITLES.sources, [list(items)]);
}

/** The canvas as a document (see the module comment). */
export function canvasDocument(canvas: Canvas, options: CanvasDocumentOptions): Doc {
  const resolved: Required<CanvasDocumentOptions> = {
    kind: 'canvas',
    dateLine: null,
    includeFacilitatorNotes: false,
    examples: 'mark',
    ...options,
  };
  const content = contentOf(canvas);
  const built: Built = {
    canvas,
    content,
    options: resolved,
    shown: (card) => resolved.examples === 'mark' || !card.example,
  };
  const intro: Block[] = [];
  if (content.description) intro.push(paragraph(text(content.description)));
  if (resolved.dateLine)
    intro.push(
      hint(text(`${resolved.dateLine === 'printed' ? 'Printed' : 'Exported'} from Outcome Canvas on ${formatLongDate(resolved.now)}.`)),
    );

  const sections: Section[] = [...workshopSection(built), ...STEP_IDS.map((step) => stepSection(built, step))];
  sections.push(...parkingLotSection(built), ...actionLogSection(built), ...dataInventorySection(built));
  if (resolved.kind === 'canvas') {
    sections.push(...threadSection(built), ...concernSections(built), undiscussedSection(built), ...stillToSettleSection(built));
  }
  // A template says in its own description whose words its cards are.
  if (resolved.kind === 'canvas') sections.push(sourcesSection(built));
  return { title: content.title || TITLE_WHEN_EMPTY, intro, sections };
}
