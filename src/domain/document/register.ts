/**
 * A draft record for the UK Algorithmic Transparency Recording Standard
 * (ATRS, version 3), filled from what a canvas holds: tier 1 then tier 2,
 * each field in the standard's order. A field the canvas can fill quotes
 * what the team recorded and says where it comes from; a field it cannot
 * fill (architecture, models, contact details and the like) is marked
 * "Still to complete" and listed at the top, never invented. The whole
 * record is marked as a draft. Field names follow the summary in
 * shared/notes/register-and-frameworks.md; the current GOV.UK template is
 * the authority, and the draft says so.
 */
import { actionItemsForConcern } from '../actionLog';
import { type CheckEntry, allChecks, isOpenConcern } from '../canvas';
import { ANSWER_LABELS, DPIA_LABELS, LAWFUL_BASIS_LABELS, SHARING_AGREEMENT_LABELS, datasetsInOrder } from '../dataInventory';
import { type Canvas, type Dataset } from '../model';
import { normaliseText } from '../text';
import { NO_OWNER, checkLabel, checkQuestion, canvasTitle } from './canvasDocument';
import { formatDay, formatLongDate } from './dates';
import { cardEvidence, checkEntries, checkEvidence, isRecorded } from './evidence';
import {
  type Block,
  type Doc,
  type Inline,
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

export const STILL_TO_COMPLETE = 'Still to complete';

/** One field of the record: what the canvas gives for it, and what is still to complete. */
interface Field {
  title: string;
  /** What the canvas holds for it; empty when it holds nothing. */
  blocks: Block[];
  /** What the team must still write, or null when the canvas fills it (to be checked all the same). */
  missing: string | null;
}

/**
 * A field: `missing` says what to write when the canvas holds nothing for
 * it, or, when `partial`, what the team must add to what the canvas holds
 * (evidence from a check is not the answer itself).
 */
const field = (title: string, blocks: Block[], missing: string | null, partial = false): Field => ({
  title,
  blocks,
  missing: blocks.length && !partial ? null : missing,
});
const fromCanvas = (where: string) => hint(text(`From the canvas: ${where}. Check it, and rewrite it for the reader.`));

/** Evidence from checks, or nothing when none of them was discussed. */
function checksBlocks(entries: CheckEntry[], where: string): Block[] {
  const recorded = entries.filter(isRecorded);
  return recorded.length ? [fromCanvas(where), list(recorded.map(checkEvidence))] : [];
}

function cardsBlocks(canvas: Canvas, step: 'outcome' | 'action' | 'insight' | 'enablers', where: string): Block[] {
  const cards = cardEvidence(canvas, step);
  return cards.length ? [fromCanvas(where), list(cards)] : [];
}

const slug = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function fieldSection(parent: string, value: Field): Section {
  const blocks = [...value.blocks];
  if (value.missing)
    blocks.push({
      type: 'note',
      role: 'to-complete',
      title: STILL_TO_COMPLETE,
      blocks: [paragraph(text(value.missing))],
    });
  return section(`${parent}-${slug(value.title)}`, value.title, blocks);
}

function datasetItems(dataset: Dataset): ListItem[] {
  const answer = (label: string, value: keyof typeof ANSWER_LABELS) => `${label}: ${ANSWER_LABELS[value]}`;
  const lines: ListItem[] = [];
  const add = (label: string, value: string) => value.trim() && lines.push(labelled(label, text(normaliseText(value).trim())));
  add('Held by', dataset.holder);
  add('Description', dataset.contents);
  lines.push(
    labelled(
      'Sensitive attributes',
      text(
        [
          answer('personal data', dataset.personal),
          answer('special category data', dataset.specialCategory),
          answer('criminal offence data', dataset.criminalOffence),
          answer('children’s data', dataset.children),
        ].join('; '),
      ),
    ),
  );
  add('Completeness and representativeness: known quality problems', dataset.qualityProblems);
  add('Completeness and representativeness: who is missing, miscounted or over-represented', dataset.whoIsMissing);
  lines.push(
    labelled(
      'Data-sharing agreement',
      text(dataset.sharingAgreement ? SHARING_AGREEMENT_LABELS[dataset.sharingAgreement] : 'Not decided yet'),
    ),
  );
  lines.push(labelled('Lawful basis', text(dataset.lawfulBasis ? LAWFUL_BASIS_LABELS[dataset.lawfulBasis] : 'Not decided yet')));
  add('Kept for', dataset.retention);
  return lines;
}

function risksTable(canvas: Canvas, entries: CheckEntry[]): Block {
  const rows = entries.map((entry): Inline[][] => {
    const notes = normaliseText(entry.check.notes).trim();
    const actions = actionItemsForConcern(canvas, entry.key).map((action) => {
      const who = action.owner.trim() || NO_OWNER;
      const due = action.due ? `, due ${formatDay(action.due)}` : '';
      return `${normaliseText(action.text).trim()} (${who}${due}${action.status === 'done' ? ', done' : ''})`;
    });
    const resolution = normaliseText(entry.check.resolution).trim();
    const mitigations = [...actions, ...(entry.check.resolvedAt !== null && resolution ? [`Resolved: ${resolution}`] : [])];
    return [
      [text(checkLabel(entry.key))],
      [text(notes || checkQuestion(entry))],
      mitigations.length ? [text(mitigations.join('\n'))] : [strong(`${STILL_TO_COMPLETE}.`)],
    ];
  });
  return table('Risks', ['Risk category', 'Description', 'Mitigating actions'], rows);
}

export interface RegisterOptions {
  now: number;
}

/** The draft record (see the module comment). */
export function registerDraft(canvas: Canvas, options: RegisterOptions): Doc {
  const name = canvasTitle(canvas);
  const description = normaliseText(canvas.description).trim();
  const organisation = canvas.workshop.organisation.trim();
  const checks = (...keys: Parameters<typeof checkEntries>[1]) => checkEntries(canvas, keys);
  const datasets = datasetsInOrder(canvas);
  const concerns = allChecks(canvas).filter((entry) => entry.check.status === 'concern');

  const tier1: Field[] = [
    field(
      'Name',
      canvas.title.trim() ? [paragraph(text(name)), fromCanvas('its title')] : [],
      canvas.title.trim() ? null : 'The name people know the tool by.',
    ),
    field(
      'Description',
      [
        ...(description ? [paragraph(text(description))] : []),
        ...cardsBlocks(canvas, 'outcome', 'the description and the Outcome cards (what the work is for)'),
      ],
      'A plain-English description for the public: what the tool is, how it is used and why.',
    ),
    field('Website', [], 'The address of a page with more about the tool.'),
    field('Contact email', [], 'An email address for the team or organisation that answers questions about the tool.'),
  ];

  const owner: Field[] = [
    field(
      'Organisation or department',
      organisation ? [paragraph(text(organisation)), fromCanvas('the workshop details')] : [],
      organisation ? null : 'The organisation responsible for the tool.',
    ),
    field('Team', [], 'The team responsible for the tool.'),
    field(
      'Senior responsible owner',
      checksBlocks(checks('governance:senior-owner'), 'the “Senior accountable owner” check'),
      'The role of the senior responsible owner.',
      true,
    ),
    field(
      'Third-party involvement',
      checksBlocks(checks('governance:sharing-agreement'), 'the “Data-sharing agreement” check'),
      'Whether a supplier is involved: who, their role, how they were procured, and the terms on which they can access data.',
      true,
    ),
  ];

  const rationale: Field[] = [
    field(
      'Detailed description',
      [
        ...cardsBlocks(canvas, 'outcome', 'the Outcome cards: who is better off, and how'),
        ...cardsBlocks(canvas, 'action', 'the Action cards: who does what differently'),
        ...cardsBlocks(canvas, 'insight', 'the Insight cards: what they must see to act'),
      ],
      'How the tool works: the canvas says what it is for and what it shows, not how it is built or how it produces its output.',
      true,
    ),
    field(
      'Scope',
      cardsBlocks(canvas, 'action', 'the Action cards (what the tool is for)'),
      'What the tool is not for, and where its use stops.',
      true,
    ),
    field('Benefits', cardsBlocks(canvas, 'outcome', 'the Outcome cards'), 'The benefits the tool is meant to bring, and to whom.'),
    field('Previous process', [], 'The process the tool replaces or supports.'),
    field('Alternatives considered', [], 'The other ways of meeting the need that were considered, and why this one was chosen.'),
  ];

  const decisions: Field[] = [
    field('Process integration', cardsBlocks(canvas, 'action', 'the Action cards'), 'How the tool fits into the decisions people make.'),
    field(
      'Information provided',
      cardsBlocks(canvas, 'insight', 'the Insight cards (what someone must see on a screen to act)'),
      'What the tool shows the people who use it.',
    ),
    field('Frequency and scale of use', [], 'How often the tool is used, and for how many people or cases.'),
    field(
      'Human decisions and review',
      checksBlocks(
        checks('governance:automated-decisions', 'action:power', 'insight:power'),
        'the “Automated decisions and human review” check and the Power checks',
      ),
      'Who makes each decision, what they review, and how they can disagree with the tool. What the checks recorded is evidence, not the answer.',
      true,
    ),
    field('Required training', [], 'The training people who use the tool receive.'),
    field(
      'Appeals and review',
      checksBlocks(
        checks('governance:individual-rights', 'governance:privacy-information', 'action:transparency', 'insight:transparency'),
        'the “People’s rights” and “Telling people” checks and the Transparency checks',
      ),
      'How someone affected can find out about a decision and challenge it. What the checks recorded is evidence, not the answer.',
      true,
    ),
  ];

  const dataBlocks: Block[] = datasets.length
    ? [
        fromCanvas('the data inventory'),
        list(
          datasets.map((dataset): ListItem => ({
            content: [strong(dataset.name.trim() || 'Unnamed data set')],
            children: list(datasetItems(dataset)),
          })),
          true,
        ),
      ]
    : cardsBlocks(canvas, 'insight', 'the Insight cards, which name the data the screen needs');

  const specification: Field[] = [
    field('System architecture', [], 'How the system is built and where it runs.'),
    field('Phase', [], 'Pre-deployment, beta or pilot, production, or retired.'),
    field(
      'Maintenance',
      checksBlocks(checks('governance:review-date', 'governance:stop-conditions'), 'the “Review date” and “When to stop” checks'),
      'How and how often the tool is reviewed and maintained.',
      true,
    ),
    field(
      'Models',
      [],
      'For each model: its name, task, inputs and outputs, architecture, performance, and the data sets used to train and test it.',
    ),
    field(
      'Data specification',
      dataBlocks,
      datasets.length
        ? 'For each data set: its modality, quantities, how the data was collected and cleaned, and access and storage.'
        : 'For each data set: its name and description, modality, quantities, sensitive attributes, completeness and representativeness, how it was collected and cleaned, data-sharing agreements, and access and storage.',
      true,
    ),
  ];

  const dpiaStates = datasets
    .filter((dataset) => dataset.dpia)
    .map((dataset) =>
      item(strong(`${dataset.name.trim() || 'Unnamed data set'}:`), text(` DPIA ${DPIA_LABELS[dataset.dpia as 'done'].toLowerCase()}`)),
    );
  const assessments = checksBlocks(
    checks('governance:dpia-screening', 'governance:dpia-done', 'governance:equality-impact'),
    'the DPIA and equality impact checks',
  );
  const risks: Field[] = [
    field(
      'Impact assessments',
      [...assessments, ...(dpiaStates.length ? [fromCanvas('the data inventory'), list(dpiaStates)] : [])],
      'Each impact assessment done (for example a DPIA or an equality impact assessment): its name, date, and a link or a summary.',
      true,
    ),
    field(
      'Risks',
      concerns.length
        ? [fromCanvas('the concerns raised in the ethics and governance checks, and the action log'), risksTable(canvas, concerns)]
        : [],
      concerns.length
        ? concerns.some((entry) => isOpenConcern(entry.check) && actionItemsForConcern(canvas, entry.key).length === 0)
          ? 'A mitigating action for every risk marked “Still to complete”, and any risk the checks did not raise.'
          : null
        : 'The risks of using the tool, each with its category, a description and the actions that reduce it.',
    ),
  ];

  const groups: { id: string; title: string; fields: Field[] }[] = [
    { id: 'tier-1', title: 'Tier 1: overview', fields: tier1 },
    { id: 'owner', title: 'Tier 2, section 1: Owner and responsibility', fields: owner },
    { id: 'rationale', title: 'Tier 2, section 2: Description and rationale', fields: rationale },
    { id: 'decisions', title: 'Tier 2, section 3: Decision-making process', fields: decisions },
    { id: 'specification', title: 'Tier 2, section 4: Tool specification', fields: specification },
    { id: 'risks', title: 'Tier 2, section 5: Risks, mitigations and impact assessments', fields: risks },
  ];

  const toComplete = groups.flatMap((group) =>
    group.fields
      .filter((entry) => entry.missing)
      .map((entry) => labelled(`${group.title.replace(/^Tier 2, section \d: /, '')} › ${entry.title}`, text(entry.missing!))),
  );

  return {
    title: `Algorithmic transparency record (draft): ${name}`,
    intro: [
      {
        type: 'note',
        role: 'draft',
        title: 'Draft: not for publication',
        blocks: [
          paragraph(
            text(
              `Drafted by Outcome Canvas on ${formatLongDate(options.now)} from the canvas “${name}”. It follows the Algorithmic Transparency Recording Standard (ATRS), version 3: tier 1, then tier 2, each field in the standard’s order. Check the headings against the current template on GOV.UK before you publish.`,
            ),
          ),
          paragraph(
            text(
              `Fields filled from the canvas quote what the team recorded and say where it came from: check each one and rewrite it for the reader. ${toComplete.length} fields are marked “${STILL_TO_COMPLETE}”: the canvas does not hold them, and this draft does not guess them.`,
            ),
          ),
        ],
      },
    ],
    sections: [
      section('still-to-complete', STILL_TO_COMPLETE, [list(toComplete)]),
      ...groups.map((group) =>
        section(
          group.id,
          group.title,
          [],
          group.fields.map((entry) => fieldSection(group.id, entry)),
        ),
      ),
    ],
  };
}
