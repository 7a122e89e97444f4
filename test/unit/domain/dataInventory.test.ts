// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deleteCard, parkCard } from '../../../src/domain/cards';
import {
  type DatasetFields,
  addDataset,
  datasetGaps,
  datasetsForInsight,
  datasetsInOrder,
  deleteDataset,
  insightsUsing,
  linkDatasetToInsight,
  restoreDataset,
  unlinkDatasetFromInsight,
  updateDataset,
} from '../../../src/domain/dataInventory';
import { type Canvas, type Dataset, LIMITS, isRefusal } from '../../../src/domain/model';
import { T0, buildCanvas, snapshot, applied } from '../helpers/canvasBuilder';

const LATER = T0 + 1000;
const refused = (result: Canvas | { refused: string }) => (isRefusal(result) ? result.refused : null);
const base = buildCanvas({ cards: { insight: ['Weekly list of families'], action: ['Call sooner'] } });
const only = (canvas: Canvas): Dataset => datasetsInOrder(canvas)[0]!;
const gaps = (canvas: Canvas) => datasetGaps(canvas, only(canvas)).map((gap) => gap.code);

describe('the data inventory', () => {
  it('adds a data set with every answer "not known yet", leaving the input alone', () => {
    const before = snapshot(base);
    const canvas = applied(addDataset(base, { id: 'd', name: 'Housing register\nand waiting list', holder: 'Housing' }, LATER));
    expect(only(canvas)).toMatchObject({
      name: 'Housing register and waiting list',
      holder: 'Housing',
      personal: 'unknown',
      specialCategory: 'unknown',
      criminalOffence: 'unknown',
      children: 'unknown',
      lawfulBasis: '',
      sharingAgreement: '',
      dpia: '',
      usedBy: [],
    });
    expect(base).toEqual(before);
  });

  it('updates fields, and refuses values that are not answers, with messages', () => {
    let canvas = applied(addDataset(base, { id: 'd' }, LATER));
    canvas = applied(
      updateDataset(canvas, 'd', { personal: 'yes', lawfulBasis: 'public-task', dpia: 'done', sharingAgreement: 'signed' }, LATER),
    );
    expect(only(canvas)).toMatchObject({ personal: 'yes', lawfulBasis: 'public-task', dpia: 'done', sharingAgreement: 'signed' });
    expect(applied(updateDataset(canvas, 'd', { personal: 'yes' }, LATER))).toBe(canvas);
    const bad = (change: Partial<DatasetFields>) => refused(updateDataset(canvas, 'd', change as Partial<DatasetFields>, LATER));
    expect(bad({ personal: 'maybe' as never })).toBe('Answer yes, no or not known yet.');
    expect(bad({ lawfulBasis: 'vibes' as never })).toMatch(/one of the six in UK GDPR article 6/);
    expect(bad({ dpia: 'soon' as never })).toMatch(/not needed, needed or done/);
    expect(bad({ sharingAgreement: 'verbal' as never })).toMatch(/none, being drafted, signed or not needed/);
  });

  it('links a data set to the Insight cards that use it, and only to those', () => {
    let canvas = applied(addDataset(base, { id: 'd', name: 'Social care' }, LATER));
    canvas = applied(linkDatasetToInsight(canvas, 'd', 'insight-1', LATER));
    expect(insightsUsing(canvas, only(canvas)).map((card) => card.text)).toEqual(['Weekly list of families']);
    expect(datasetsForInsight(canvas, 'insight-1').map((dataset) => dataset.name)).toEqual(['Social care']);
    expect(refused(linkDatasetToInsight(canvas, 'd', 'action-1', LATER))).toBe(
      'A data set can be linked only to an Insight card on the canvas.',
    );
    expect(applied(linkDatasetToInsight(canvas, 'd', 'insight-1', LATER))).toBe(canvas);
    expect(only(unlinkDatasetFromInsight(canvas, 'd', 'insight-1', LATER)).usedBy).toEqual([]);
    // A deleted or parked insight keeps the link but does not count.
    expect(insightsUsing(deleteCard(canvas, 'insight-1', LATER), only(canvas))).toEqual([]);
    expect(insightsUsing(applied(parkCard(canvas, 'insight-1', LATER)), only(canvas))).toEqual([]);
  });

  it('deletes softly and restores', () => {
    const canvas = deleteDataset(applied(addDataset(base, { id: 'd' }, LATER)), 'd', LATER);
    expect(datasetsInOrder(canvas)).toEqual([]);
    expect(refused(updateDataset(canvas, 'd', { name: 'x' }, LATER))).toBe('That data set is no longer in the data inventory.');
    expect(datasetsInOrder(restoreDataset(canvas, 'd', LATER))).toHaveLength(1);
  });

  it(`refuses more than ${LIMITS.datasetsPerCanvas} data sets`, () => {
    let canvas = base;
    for (let i = 0; i < LIMITS.datasetsPerCanvas; i++) canvas = applied(addDataset(canvas, { id: `d${i}` }, LATER));
    expect(refused(addDataset(canvas, { id: 'one-more' }, LATER))).toBe('The data inventory can hold at most 200 data sets.');
  });
});

describe('datasetGaps', () => {
  it('lists everything still missing for a new data set', () => {
    expect(gaps(applied(addDataset(base, { id: 'd' }, LATER)))).toEqual([
      'no-name',
      'personal-unknown',
      'no-sharing-answer',
      'no-retention',
      'no-who-is-missing',
      'no-insight',
    ]);
  });

  it('asks for a lawful basis and a DPIA decision for personal data', () => {
    const canvas = applied(addDataset(base, { id: 'd', name: 'x', personal: 'yes' }, LATER));
    expect(gaps(canvas)).toEqual(expect.arrayContaining(['no-lawful-basis', 'dpia-undecided']));
    expect(datasetGaps(canvas, only(canvas)).find((gap) => gap.code === 'no-lawful-basis')!.message).toBe(
      'It holds personal data but no lawful basis (UK GDPR article 6) is recorded.',
    );
  });

  it('flags a DPIA that is needed and not done, and special category data with no DPIA planned', () => {
    expect(gaps(applied(addDataset(base, { id: 'd', name: 'x', personal: 'yes', dpia: 'needed' }, LATER)))).toContain('dpia-not-done');
    const children = applied(
      addDataset(base, { id: 'd', name: 'x', children: 'yes', dpia: 'not-needed', lawfulBasis: 'public-task' }, LATER),
    );
    expect(gaps(children)).toContain('dpia-screening');
    expect(gaps(children)).not.toContain('personal-unknown');
  });

  it('flags a sharing agreement that is missing or still in draft', () => {
    expect(gaps(applied(addDataset(base, { id: 'd', sharingAgreement: 'drafting' }, LATER)))).toContain('sharing-not-signed');
    expect(gaps(applied(addDataset(base, { id: 'd', sharingAgreement: 'not-needed' }, LATER)))).not.toContain('sharing-not-signed');
  });

  it('has nothing to say about a complete data set', () => {
    let canvas = applied(
      addDataset(
        base,
        {
          id: 'd',
          name: 'Social care records',
          personal: 'yes',
          specialCategory: 'no',
          criminalOffence: 'no',
          children: 'yes',
          lawfulBasis: 'public-task',
          dpia: 'done',
          sharingAgreement: 'signed',
          retention: 'Six years',
          whoIsMissing: 'Families who never contacted the council',
        },
        LATER,
      ),
    );
    canvas = applied(linkDatasetToInsight(canvas, 'd', 'insight-1', LATER));
    expect(datasetGaps(canvas, only(canvas))).toEqual([]);
  });
});
