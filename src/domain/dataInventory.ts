/**
 * The data inventory at Insight (issue 10 §4): each data set the team
 * names, what it holds, on what basis it may be used, and the insights that
 * use it. `datasetGaps` lists what is still missing for each, in sentences
 * a team can act on. Deletes are soft.
 */
import { byOrder, liveCard, orderKeyAt } from './cards';
import { type IdMap, recordOf, withRecords } from './idMap';
import {
  type Answer,
  type Canvas,
  type Card,
  type Dataset,
  type DpiaState,
  type LawfulBasis,
  type Refusal,
  type SharingAgreement,
  ANSWERS,
  DPIA_STATES,
  LAWFUL_BASES,
  LIMITS,
  SHARING_AGREEMENTS,
  refuse,
} from './model';
import { clampText, oneLine } from './text';

export const ANSWER_LABELS: Record<Answer, string> = { yes: 'Yes', no: 'No', unknown: 'Not known yet' };

export const LAWFUL_BASIS_LABELS: Record<LawfulBasis, string> = {
  consent: 'Consent (article 6(1)(a))',
  contract: 'Contract (article 6(1)(b))',
  'legal-obligation': 'Legal obligation (article 6(1)(c))',
  'vital-interests': 'Vital interests (article 6(1)(d))',
  'public-task': 'Public task (article 6(1)(e))',
  'legitimate-interests': 'Legitimate interests (article 6(1)(f))',
};

export const SHARING_AGREEMENT_LABELS: Record<SharingAgreement, string> = {
  none: 'None',
  drafting: 'Being drafted',
  signed: 'Signed',
  'not-needed': 'Not needed',
};

export const DPIA_LABELS: Record<DpiaState, string> = { 'not-needed': 'Not needed', needed: 'Needed', done: 'Done' };

/** What a user can fill in about a data set (everything but ids, order, links and times). */
export type DatasetFields = Omit<Dataset, 'id' | 'order' | 'usedBy' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

const ONE_LINE_FIELDS = ['name', 'holder', 'retention'] as const;
const LONG_FIELDS = ['contents', 'qualityProblems', 'whoIsMissing'] as const;
const ANSWER_FIELDS = ['personal', 'specialCategory', 'criminalOffence', 'children'] as const;

export function emptyDatasetFields(): DatasetFields {
  return {
    name: '',
    holder: '',
    contents: '',
    personal: 'unknown',
    specialCategory: 'unknown',
    criminalOffence: 'unknown',
    children: 'unknown',
    lawfulBasis: '',
    sharingAgreement: '',
    dpia: '',
    qualityProblems: '',
    whoIsMissing: '',
    retention: '',
  };
}

export function datasetsInOrder(canvas: Canvas): Dataset[] {
  return Object.values(canvas.datasets)
    .filter((dataset) => dataset.deletedAt === null)
    .sort(byOrder);
}

function withDatasets(canvas: Canvas, changed: Dataset[], now: number): Canvas {
  return { ...canvas, datasets: withRecords(canvas.datasets, changed) as IdMap<Dataset>, updatedAt: now };
}

function liveDataset(canvas: Canvas, id: string): Dataset | undefined {
  const dataset = recordOf(canvas.datasets, id);
  return dataset && dataset.deletedAt === null ? dataset : undefined;
}

const GONE = refuse('That data set is no longer in the data inventory.');

/** Checks and tidies a change to a data set's fields; a refusal names the field in plain words. */
function cleanFields(change: Partial<DatasetFields>): Partial<DatasetFields> | Refusal {
  const clean: Partial<DatasetFields> = {};
  for (const field of ONE_LINE_FIELDS)
    if (change[field] !== undefined) clean[field] = clampText(oneLine(change[field]), LIMITS.shortTextLength);
  for (const field of LONG_FIELDS) if (change[field] !== undefined) clean[field] = clampText(change[field], LIMITS.longTextLength);
  for (const field of ANSWER_FIELDS) {
    const value = change[field];
    if (value === undefined) continue;
    if (!ANSWERS.includes(value)) return refuse('Answer yes, no or not known yet.');
    clean[field] = value;
  }
  if (change.lawfulBasis !== undefined) {
    if (change.lawfulBasis !== '' && !LAWFUL_BASES.includes(change.lawfulBasis))
      return refuse('The lawful basis must be one of the six in UK GDPR article 6, or left to decide later.');
    clean.lawfulBasis = change.lawfulBasis;
  }
  if (change.sharingAgreement !== undefined) {
    if (change.sharingAgreement !== '' && !SHARING_AGREEMENTS.includes(change.sharingAgreement))
      return refuse('The data-sharing agreement is none, being drafted, signed or not needed.');
    clean.sharingAgreement = change.sharingAgreement;
  }
  if (change.dpia !== undefined) {
    if (change.dpia !== '' && !DPIA_STATES.includes(change.dpia)) return refuse('The DPIA is not needed, needed or done.');
    clean.dpia = change.dpia;
  }
  return clean;
}

/** Adds a data set at the end of the inventory. Refused past LIMITS.datasetsPerCanvas. */
export function addDataset(canvas: Canvas, input: { id: string } & Partial<DatasetFields>, now: number): Canvas | Refusal {
  const datasets = datasetsInOrder(canvas);
  if (datasets.length >= LIMITS.datasetsPerCanvas)
    return refuse(`The data inventory can hold at most ${LIMITS.datasetsPerCanvas} data sets.`);
  const { id, ...change } = input;
  const fields = cleanFields(change);
  if ('refused' in fields) return fields as Refusal;
  const { key, rekeyed } = orderKeyAt(datasets, datasets.length);
  const dataset: Dataset = {
    id,
    ...emptyDatasetFields(),
    ...fields,
    usedBy: [],
    order: key,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  return withDatasets(canvas, [...rekeyed, dataset], now);
}

/** Changes any of a data set's fields at once. */
export function updateDataset(canvas: Canvas, id: string, change: Partial<DatasetFields>, now: number): Canvas | Refusal {
  const dataset = liveDataset(canvas, id);
  if (!dataset) return GONE;
  const fields = cleanFields(change);
  if ('refused' in fields) return fields as Refusal;
  const same = (Object.keys(fields) as (keyof DatasetFields)[]).every((field) => dataset[field] === fields[field]);
  return same ? canvas : withDatasets(canvas, [{ ...dataset, ...fields, updatedAt: now }], now);
}

export function deleteDataset(canvas: Canvas, id: string, now: number): Canvas {
  const dataset = liveDataset(canvas, id);
  return dataset ? withDatasets(canvas, [{ ...dataset, deletedAt: now, updatedAt: now }], now) : canvas;
}

export function restoreDataset(canvas: Canvas, id: string, now: number): Canvas {
  const dataset = recordOf(canvas.datasets, id);
  return dataset && dataset.deletedAt !== null ? withDatasets(canvas, [{ ...dataset, deletedAt: null, updatedAt: now }], now) : canvas;
}

/** Links a data set to an Insight card that uses it. Refused for any card that is not a live Insight. */
export function linkDatasetToInsight(canvas: Canvas, datasetId: string, cardId: string, now: number): Canvas | Refusal {
  const dataset = liveDataset(canvas, datasetId);
  if (!dataset) return GONE;
  const card = liveCard(canvas, cardId);
  if (!card || card.step !== 'insight' || card.parkedAt !== null)
    return refuse('A data set can be linked only to an Insight card on the canvas.');
  if (dataset.usedBy.includes(cardId)) return canvas;
  if (dataset.usedBy.length >= LIMITS.linksPerCard) return refuse(`A data set can be linked to at most ${LIMITS.linksPerCard} insights.`);
  return withDatasets(canvas, [{ ...dataset, usedBy: [...dataset.usedBy, cardId], updatedAt: now }], now);
}

export function unlinkDatasetFromInsight(canvas: Canvas, datasetId: string, cardId: string, now: number): Canvas {
  const dataset = liveDataset(canvas, datasetId);
  if (!dataset || !dataset.usedBy.includes(cardId)) return canvas;
  return withDatasets(canvas, [{ ...dataset, usedBy: dataset.usedBy.filter((id) => id !== cardId), updatedAt: now }], now);
}

/** The Insight cards on the board that use a data set. */
export function insightsUsing(canvas: Canvas, dataset: Dataset): Card[] {
  return dataset.usedBy
    .map((id) => liveCard(canvas, id))
    .filter((card): card is Card => !!card && card.step === 'insight' && card.parkedAt === null);
}

/** The data sets an Insight card uses. */
export function datasetsForInsight(canvas: Canvas, cardId: string): Dataset[] {
  return datasetsInOrder(canvas).filter((dataset) => dataset.usedBy.includes(cardId));
}

export type DatasetGapCode =
  | 'no-name'
  | 'personal-unknown'
  | 'no-lawful-basis'
  | 'dpia-undecided'
  | 'dpia-not-done'
  | 'dpia-screening'
  | 'no-sharing-answer'
  | 'sharing-not-signed'
  | 'no-retention'
  | 'no-who-is-missing'
  | 'no-insight';

export interface DatasetGap {
  code: DatasetGapCode;
  message: string;
}

/**
 * What is still missing for a data set, most pressing first. Worded as
 * gaps to close, never as legal advice.
 */
export function datasetGaps(canvas: Canvas, dataset: Dataset): DatasetGap[] {
  const gaps: DatasetGap[] = [];
  const add = (code: DatasetGapCode, message: string) => gaps.push({ code, message });
  if (dataset.name.trim() === '') add('no-name', 'It has no name yet.');
  const sensitive = ANSWER_FIELDS.slice(1).some((field) => dataset[field] === 'yes');
  const personal = dataset.personal === 'yes' || sensitive;
  if (dataset.personal === 'unknown' && !sensitive) add('personal-unknown', 'Nobody has said yet whether it holds personal data.');
  if (personal && dataset.lawfulBasis === '')
    add('no-lawful-basis', 'It holds personal data but no lawful basis (UK GDPR article 6) is recorded.');
  if (personal && dataset.dpia === '') add('dpia-undecided', 'It holds personal data, and whether a DPIA is needed has not been decided.');
  if (dataset.dpia === 'needed') add('dpia-not-done', 'A DPIA is needed and is not done yet.');
  if (sensitive && dataset.dpia === 'not-needed')
    add(
      'dpia-screening',
      'It holds special category, criminal offence or children’s data, yet no DPIA is planned: check the ICO’s screening criteria.',
    );
  if (dataset.sharingAgreement === '') add('no-sharing-answer', 'Nobody has said yet whether a data-sharing agreement is needed.');
  else if (dataset.sharingAgreement === 'none' || dataset.sharingAgreement === 'drafting')
    add('sharing-not-signed', `The data-sharing agreement is ${dataset.sharingAgreement === 'none' ? 'missing' : 'still being drafted'}.`);
  if (dataset.retention.trim() === '') add('no-retention', 'How long it is kept, and when it is deleted, is not recorded.');
  if (dataset.whoIsMissing.trim() === '') add('no-who-is-missing', 'Nobody has said who is missing, miscounted or over-represented in it.');
  if (insightsUsing(canvas, dataset).length === 0) add('no-insight', 'It is not linked to any insight.');
  return gaps;
}
