// @vitest-environment node
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as schemas from '../../../src/domain/schema';
import { CanvasDatabase, DATABASE_NAME, RECORD_VERSION } from '../../../src/storage/db';
import { openRepository } from '../../../src/storage/openRepository';
import type { CanvasRepository } from '../../../src/storage/repository';
import { type RecordKind, readAsWritten, readRecords } from '../../../src/storage/storedRecords';
import { buildFromSpec, canvasSpecArb } from '../helpers/arbitraries';
import { finishedCanvas } from '../helpers/finishedCanvas';
import { save } from '../helpers/repository';

const validatorOf: Record<RecordKind, { safeParse(value: unknown): { success: boolean; data?: unknown } }> = {
  card: schemas.cardSchema,
  check: schemas.checkSchema,
  governance: schemas.governanceCheckSchema,
  actionItem: schemas.actionItemSchema,
  dataset: schemas.datasetSchema,
  meta: schemas.canvasMetaSchema,
  summary: schemas.summaryRecordSchema,
};

/** Every record of a canvas exactly as IndexedDB holds it, by kind. */
async function storedRecords(db: CanvasDatabase, id: string): Promise<[RecordKind, unknown][]> {
  const checks = await db.checks.where('canvasId').equals(id).toArray();
  return [
    ['meta', await db.canvases.get(id)],
    ['summary', await db.summaries.get(id)],
    ...(await db.cards.where('canvasId').equals(id).toArray()).map((record): [RecordKind, unknown] => ['card', record]),
    ...checks.map((record): [RecordKind, unknown] => [record.key.startsWith('governance:') ? 'governance' : 'check', record]),
    ...(await db.actionItems.where('canvasId').equals(id).toArray()).map((record): [RecordKind, unknown] => ['actionItem', record]),
    ...(await db.datasets.where('canvasId').equals(id).toArray()).map((record): [RecordKind, unknown] => ['dataset', record]),
  ];
}

describe('records this app wrote, read without the validators', () => {
  let repo: CanvasRepository;
  let db: CanvasDatabase;
  beforeEach(async () => {
    repo = (await openRepository()).repository;
    db = new CanvasDatabase(DATABASE_NAME);
    await db.open();
  });
  afterEach(() => db.close());

  it('reads every record the app writes exactly as the validators would, for any canvas', async () => {
    await fc.assert(
      fc.asyncProperty(canvasSpecArb, async (spec) => {
        // Card ids repeat from one generated canvas to the next: each starts from an empty database.
        await Promise.all(db.tables.map((table) => table.clear()));
        const canvas = buildFromSpec(spec);
        await save(repo, null, canvas);
        for (const [kind, record] of await storedRecords(db, canvas.id)) {
          const validated = validatorOf[kind].safeParse(record);
          expect(validated.success, `${kind}: ${JSON.stringify(record).slice(0, 300)}`).toBe(true);
          expect(readAsWritten(kind, record)).toStrictEqual(validated.data);
        }
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('leaves to the validators a record of an older version, one with a field missing, extra or of the wrong type', async () => {
    const canvas = finishedCanvas();
    await save(repo, null, canvas);
    const records = await storedRecords(db, canvas.id);
    expect(new Set(records.map(([kind]) => kind))).toEqual(new Set(Object.keys(validatorOf)));
    for (const [kind, record] of records) {
      const fields = record as Record<string, unknown>;
      expect(readAsWritten(kind, record), kind).toBeDefined();
      expect(readAsWritten(kind, { ...fields, v: RECORD_VERSION - 1 }), `${kind} of an older version`).toBeUndefined();
      expect(readAsWritten(kind, { ...fields, surprise: 1 }), `${kind} with an extra field`).toBeUndefined();
      for (const field of Object.keys(fields).filter((name) => name !== 'v')) {
        const { [field]: _left, ...without } = fields;
        expect(readAsWritten(kind, without), `${kind} without ${field}`).toBeUndefined();
        for (const wrong of [undefined, 42.5, 'tartan', { nested: true }, [1]]) {
          if (validatorOf[kind].safeParse({ ...fields, [field]: wrong }).success) continue; // e.g. any text where text is allowed
          expect(readAsWritten(kind, { ...fields, [field]: wrong }), `${kind}.${field} = ${JSON.stringify(wrong)}`).toBeUndefined();
        }
      }
    }
    expect(readAsWritten('card', null)).toBeUndefined();
    expect(readAsWritten('card', 'a card')).toBeUndefined();
  });

  it('reads an older record through the validators, with its defaults, and leaves out and reports a damaged one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const canvas = finishedCanvas();
    await save(repo, null, canvas);
    const cards = await db.cards.where('canvasId').equals(canvas.id).toArray();
    const [first, second, ...rest] = cards;
    // A version 2 card had no votes, agreed, parking, example, source or links yet.
    const { votes: _votes, agreed: _agreed, parkedAt: _parkedAt, example: _example, source: _source, serves: _serves, ...old } = first!;
    const read = await readRecords('card', [{ ...old, v: 2 }, { ...second!, colour: 'tartan' }, ...rest], 'cards');
    expect(read.map((card) => card.id)).toEqual([first!.id, ...rest.map((card) => card.id)]);
    expect(read[0]).toMatchObject({ votes: 0, agreed: false, parkedAt: null, example: false, source: '', serves: [] });
    expect(warn).toHaveBeenCalledWith('Outcome Canvas: 1 stored cards could not be read and were left untouched.');
  });
});
