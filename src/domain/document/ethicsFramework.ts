/**
 * A draft self-assessment against the UK Data Ethics Framework (2020): its
 * three overarching principles (transparency, accountability, fairness),
 * which the team scores from 0 to 5, and its five specific actions, each
 * with the evidence the canvas holds: the checks that bear on it, with
 * their status and notes, and the cards and records that show it.
 *
 * It proposes nothing the evidence does not support: no score is proposed
 * (a score is the team's judgement, not a count), the evidence is quoted
 * as recorded, and what is not recorded is listed as a gap.
 */
import { actionItemsInOrder } from '../actionLog';
import { type CheckEntry, allChecks, isOpenConcern } from '../canvas';
import { datasetsInOrder } from '../dataInventory';
import { GOVERNANCE_ITEMS } from '../governanceKeys';
import { type AnyCheckKey, type Canvas, LENS_IDS, STEP_IDS, checkKey, governanceKey } from '../model';
import type { GovernanceId } from '../governanceKeys';
import type { LensId } from '../model';
import { normaliseText } from '../text';
import { checkLabel, canvasTitle } from './canvasDocument';
import { formatLongDate } from './dates';
import { cardEvidence, checkEntries, checkEvidence, isRecorded } from './evidence';
import {
  type Block,
  type Doc,
  type ListItem,
  type Section,
  hint,
  item,
  labelled,
  list,
  paragraph,
  section,
  strong,
  table,
  text,
} from './model';

const lens = (id: LensId): AnyCheckKey[] => STEP_IDS.map((step) => checkKey(step, id));
const governance = (...ids: GovernanceId[]): AnyCheckKey[] => ids.map(governanceKey);

interface Area {
  id: string;
  title: string;
  /** What the framework asks, in our words. */
  asks: string;
  /** The checks that bear on it. */
  checks: AnyCheckKey[];
  /** Other things the canvas holds that show it. */
  more: (canvas: Canvas) => Block[];
}

const PRINCIPLES: Area[] = [
  {
    id: 'transparency',
    title: 'Transparency',
    asks: 'Are your actions, processes and data made open to inspection, so that people can see and understand how data is used?',
    checks: [...lens('transparency'), ...governance('privacy-information', 'individual-rights')],
    more: () => [],
  },
  {
    id: 'accountability',
    title: 'Accountability',
    asks: 'Are there effective governance and oversight for the project, with someone answerable for it?',
    checks: [...lens('power'), ...governance('senior-owner', 'dpo-involved', 'review-date', 'stop-conditions', 'automated-decisions')],
    more: (canvas) => actionLogEvidence(canvas),
  },
  {
    id: 'fairness',
    title: 'Fairness',
    asks: 'Have you worked to remove unintended discriminatory effects on people and groups, and to ensure the project treats people fairly?',
    checks: [...lens('inclusivity'), ...lens('trust'), ...governance('equality-impact')],
    more: (canvas) => whoIsMissingEvidence(canvas),
  },
];

const ACTIONS: Area[] = [
  {
    id: 'public-benefit',
    title: '1. Define and understand public benefit and user need',
    asks: 'Who the project is for, what need it meets, and how it benefits the public.',
    checks: STEP_IDS.slice(0, 1).flatMap((step) => LENS_IDS.map((id) => checkKey(step, id))),
    more: (canvas) => cardsBlock(canvas, 'outcome', 'The outcomes the team set (Outcome cards)'),
  },
  {
    id: 'diverse-expertise',
    title: '2. Involve diverse expertise',
    asks: 'Who was involved in shaping the project, and whose views are still missing.',
    checks: [...lens('inclusivity'), ...lens('consent')],
    more: (canvas) => workshopEvidence(canvas),
  },
  {
    id: 'law',
    title: '3. Comply with the law',
    asks: 'The lawful basis, data protection and equality duties the project must meet.',
    checks: governance(
      'lawful-basis',
      'special-category',
      'new-purpose',
      'data-minimisation',
      'retention',
      'dpia-screening',
      'dpia-done',
      'equality-impact',
      'sharing-agreement',
      'individual-rights',
      'privacy-information',
      'dpo-involved',
    ),
    more: (canvas) => lawfulBasisEvidence(canvas),
  },
  {
    id: 'data-quality',
    title: '4. Review the quality and limitations of the data',
    asks: 'Whether the data is accurate, complete and representative enough for this use, and what its limits are.',
    checks: [...STEP_IDS.slice(2, 3).flatMap((step) => LENS_IDS.map((id) => checkKey(step, id))), ...governance('accuracy')],
    more: (canvas) => [...qualityEvidence(canvas), ...whoIsMissingEvidence(canvas)],
  },
  {
    id: 'policy',
    title: '5. Evaluate and consider wider policy implications',
    asks: 'What else must change around the data, and how the project will be reviewed and stopped if it does harm.',
    checks: [
      ...STEP_IDS.slice(3).flatMap((step) => LENS_IDS.map((id) => checkKey(step, id))),
      ...governance('review-date', 'stop-conditions'),
    ],
    more: (canvas) => cardsBlock(canvas, 'enablers', 'What else must change (Enablers cards)'),
  },
];

function cardsBlock(canvas: Canvas, step: 'outcome' | 'enablers', label: string): Block[] {
  const cards = cardEvidence(canvas, step);
  return cards.length ? [paragraph(strong(`${label}:`)), list(cards)] : [];
}

function workshopEvidence(canvas: Canvas): Block[] {
  const items: ListItem[] = [];
  const { participants, facilitator, organisation } = canvas.workshop;
  if (participants.trim()) items.push(labelled('Who took part', text(normaliseText(participants).trim())));
  if (facilitator.trim()) items.push(labelled('Facilitator', text(facilitator.trim())));
  if (organisation.trim()) items.push(labelled('Organisation', text(organisation.trim())));
  return items.length ? [paragraph(strong('The workshop:')), list(items)] : [];
}

function actionLogEvidence(canvas: Canvas): Block[] {
  const items = actionItemsInOrder(canvas);
  if (!items.length) return [];
  const owned = items.filter((entry) => entry.owner.trim()).length;
  return [paragraph(text(`The action log holds ${items.length} ${items.length === 1 ? 'action' : 'actions'}, ${owned} with an owner.`))];
}

function datasetLines(canvas: Canvas, pick: (dataset: ReturnType<typeof datasetsInOrder>[number]) => string, label: string): Block[] {
  const lines = datasetsInOrder(canvas)
    .map((dataset) => ({ name: dataset.name.trim() || 'Unnamed data set', value: normaliseText(pick(dataset)).trim() }))
    .filter((entry) => entry.value);
  return lines.length ? [paragraph(strong(`${label}:`)), list(lines.map((entry) => labelled(entry.name, text(entry.value))))] : [];
}

const whoIsMissingEvidence = (canvas: Canvas) =>
  datasetLines(canvas, (dataset) => dataset.whoIsMissing, 'Who is missing, miscounted or over-represented in the data (data inventory)');
const qualityEvidence = (canvas: Canvas) =>
  datasetLines(canvas, (dataset) => dataset.qualityProblems, 'Known quality problems (data inventory)');

function lawfulBasisEvidence(canvas: Canvas): Block[] {
  const datasets = datasetsInOrder(canvas);
  if (!datasets.length) return [];
  const decided = datasets.filter((dataset) => dataset.lawfulBasis).length;
  return [
    paragraph(
      text(
        `The data inventory records a lawful basis for ${decided} of its ${datasets.length} data ${datasets.length === 1 ? 'set' : 'sets'}.`,
      ),
    ),
  ];
}

function areaSection(canvas: Canvas, area: Area, principle: boolean): Section {
  const entries = checkEntries(canvas, area.checks as Parameters<typeof checkEntries>[1]);
  const recorded = entries.filter(isRecorded);
  const gaps = entries.filter((entry) => !isRecorded(entry));
  const open = entries.filter((entry) => isOpenConcern(entry.check));
  const more = area.more(canvas);
  const blocks: Block[] = [paragraph(strong('What the framework asks:'), text(` ${area.asks}`))];
  blocks.push(
    paragraph(
      strong('What the evidence shows:'),
      text(
        ` ${recorded.length} of the ${entries.length} related checks discussed; ${open.length} open ${open.length === 1 ? 'concern' : 'concerns'}.`,
      ),
    ),
  );
  if (recorded.length) blocks.push(paragraph(strong('Evidence from the checks:')), list(recorded.map(checkEvidence)));
  blocks.push(...more);
  if (!recorded.length && !more.length) blocks.push(paragraph(text('The canvas holds no evidence for this yet.')));
  if (gaps.length) blocks.push(paragraph(strong('Not yet discussed:'), text(` ${gaps.map((entry) => shortLabel(entry)).join(', ')}.`)));
  if (principle)
    blocks.push({
      type: 'note',
      role: 'to-complete',
      title: 'Score, 0 to 5',
      blocks: [paragraph(text('For the team to decide. This draft proposes no score.'))],
    });
  return section(area.id, area.title, blocks);
}

const shortLabel = (entry: CheckEntry) => (entry.kind === 'governance' ? `${GOVERNANCE_ITEMS[entry.id].name}` : checkLabel(entry.key));

export interface EthicsFrameworkOptions {
  now: number;
}

/** The draft self-assessment (see the module comment). */
export function ethicsFrameworkDraft(canvas: Canvas, options: EthicsFrameworkOptions): Doc {
  const name = canvasTitle(canvas);
  const open = allChecks(canvas).filter((entry) => isOpenConcern(entry.check));
  const summary = table(
    'Principles at a glance',
    ['Principle', 'Checks discussed', 'Open concerns', 'Score, 0 to 5'],
    PRINCIPLES.map((area) => {
      const entries = checkEntries(canvas, area.checks as Parameters<typeof checkEntries>[1]);
      return [
        [text(area.title)],
        [text(`${entries.filter(isRecorded).length} of ${entries.length}`)],
        [text(String(entries.filter((entry) => isOpenConcern(entry.check)).length))],
        [text('For the team to decide')],
      ];
    }),
  );
  return {
    title: `Data Ethics Framework self-assessment (draft): ${name}`,
    intro: [
      {
        type: 'note',
        role: 'draft',
        title: 'Draft for the team to complete',
        blocks: [
          paragraph(
            text(
              `Drafted by Outcome Canvas on ${formatLongDate(options.now)} from the canvas “${name}”, against the UK Data Ethics Framework (2020): its three overarching principles, which the team scores from 0 to 5, and its five specific actions.`,
            ),
          ),
          paragraph(
            text(
              'Each part quotes the checks and records that bear on it, as the team recorded them, and lists the checks not yet discussed. It proposes no score: scoring is the team’s judgement.',
            ),
          ),
        ],
      },
    ],
    sections: [
      section(
        'principles',
        'Overarching principles',
        [summary],
        PRINCIPLES.map((area) => areaSection(canvas, area, true)),
      ),
      section(
        'actions',
        'Specific actions',
        [],
        ACTIONS.map((area) => areaSection(canvas, area, false)),
      ),
      section('open-concerns', 'Open concerns to answer', [
        open.length
          ? list(
              open.map((entry) =>
                item(strong(`${checkLabel(entry.key)}:`), text(` ${normaliseText(entry.check.notes).trim() || 'no notes recorded.'}`)),
              ),
            )
          : paragraph(text('No open concerns.')),
      ]),
      section('about', 'About this draft', [
        hint(
          text(
            'The UK Data Ethics Framework is published by the Central Digital and Data Office on GOV.UK. The questions above are summarised in our own words; read the framework itself when you complete the assessment.',
          ),
        ),
      ]),
    ],
  };
}
