// @vitest-environment node
// (Node's DOMException is an Error, as in browsers; jsdom's is not.)
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCheckStatus, setTitle } from '../../../src/domain/canvas';
import { addCard, deleteCard, setCardText } from '../../../src/domain/cards';
import { canvasProgress } from '../../../src/domain/canvas';
import { CanvasDatabase, DATABASE_NAME, RECORD_VERSION } from '../../../src/storage/db';
import { type CanvasRepository, MemoryRepository, describeWriteError, openRepository } from '../../../src/storage/repository';
import { T0, buildCanvas, textsIn } from '../helpers/canvasBuilder';

const LATER = T0 + 60_000;

function sampleCanvas(id = 'canvas-1') {
  return buildCanvas({
    id,
    cardIdPrefix: id === 'canvas-1' ? '' : `${id}:`,
    title: 'Care leavers',
    description: 'Stable homes',
    cards: { outcome: ['A', 'B'], action: ['C'] },
    checks: [{ step: 'insight', lens: 'trust', status: 'concern', notes: 'Errors in records' }],
  });
}

/** A second connection to the same database, to see what is really stored. */
function rawDb(): CanvasDatabase {
  return new CanvasDatabase(DATABASE_NAME);
}

const repositories: [string, () => Promise<CanvasRepository>][] = [
  ['IndexedDB', async () => (await openRepository()).repository],
  ['memory', async () => new MemoryRepository()],
];

describe.each(repositories)('%s repository', (_kind, open) => {
  let repo: CanvasRepository;
  beforeEach(async () => {
    repo = await open();
  });

  it('loads a saved new canvas back equal to what was saved', async () => {
    const canvas = sampleCanvas();
    await repo.saveChanges(null, canvas);
    expect(await repo.loadCanvas('canvas-1')).toEqual(canvas);
  });

  it('gives null for a canvas it does not have', async () => {
    expect(await repo.loadCanvas('nope')).toBeNull();
  });

  it('loads the latest version after a series of saved edits', async () => {
    const v1 = sampleCanvas();
    await repo.saveChanges(null, v1);
    const v2 = setTitle(addCard(v1, { id: 'n', step: 'enablers', text: 'Funding' }, LATER), 'Renamed', LATER);
    await repo.saveChanges(v1, v2);
    const v3 = deleteCard(setCheckStatus(v2, 'outcome', 'power', 'no-concern', LATER + 1), 'outcome-1', LATER + 1);
    await repo.saveChanges(v2, v3);
    const loaded = await repo.loadCanvas('canvas-1');
    expect(loaded).toEqual(v3);
    expect(textsIn(loaded!, 'outcome')).toEqual(['B']);
  });

  it('lists every canvas with its progress', async () => {
    const first = sampleCanvas('first');
    const second = buildCanvas({ id: 'second', title: 'Empty' });
    await repo.saveChanges(null, first);
    await repo.saveChanges(null, second);
    const list = await repo.listCanvases();
    const byId = Object.fromEntries(list.map((summary) => [summary.meta.id, summary]));
    expect(Object.keys(byId).sort()).toEqual(['first', 'second']);
    expect(byId.first!.meta).toMatchObject({ title: 'Care leavers', description: 'Stable homes' });
    expect(byId.first!.progress).toEqual({
      stepsWithContent: 2,
      stepCount: 4,
      checksDiscussed: 1,
      checkCount: 20,
      openConcerns: 1,
      cardCount: 3,
    });
    expect(byId.second!.progress).toEqual(canvasProgress(second));
  });

  it('renames, deletes and restores a canvas through updateMeta', async () => {
    await repo.saveChanges(null, sampleCanvas());
    await repo.updateMeta('canvas-1', { title: 'New name' }, LATER);
    expect(await repo.loadCanvas('canvas-1')).toMatchObject({ title: 'New name', updatedAt: LATER, deletedAt: null });

    await repo.updateMeta('canvas-1', { deletedAt: LATER + 1 }, LATER + 1);
    expect((await repo.listCanvases())[0]!.meta.deletedAt).toBe(LATER + 1);

    await repo.updateMeta('canvas-1', { deletedAt: null }, LATER + 2);
    const restored = await repo.loadCanvas('canvas-1');
    expect(restored).toMatchObject({ title: 'New name', deletedAt: null, updatedAt: LATER + 2 });
    expect(textsIn(restored!, 'outcome')).toEqual(['A', 'B']);
  });

  it('purges deleted canvases for good and leaves the others', async () => {
    await repo.saveChanges(null, sampleCanvas('keep'));
    await repo.saveChanges(null, sampleCanvas('doomed'));
    await repo.updateMeta('doomed', { deletedAt: LATER }, LATER);
    expect(await repo.purgeDeleted()).toBe(1);
    expect(await repo.loadCanvas('doomed')).toBeNull();
    expect((await repo.listCanvases()).map((summary) => summary.meta.id)).toEqual(['keep']);
    expect(await repo.loadCanvas('keep')).toEqual(sampleCanvas('keep'));
    expect(await repo.purgeDeleted()).toBe(0);
  });
});

describe('IndexedDB repository: what reaches the database', () => {
  let repo: CanvasRepository;
  let db: CanvasDatabase;
  beforeEach(async () => {
    repo = (await openRepository()).repository;
    db = rawDb();
    await db.open();
  });
  afterEach(() => db.close());

  it('stores one canvas record, its cards and its 20 checks, each tagged with the record version', async () => {
    await repo.saveChanges(null, sampleCanvas());
    expect(await db.canvases.toArray()).toEqual([expect.objectContaining({ id: 'canvas-1', v: RECORD_VERSION })]);
    const cards = await db.cards.toArray();
    expect(cards).toHaveLength(3);
    expect(cards.every((card) => card.canvasId === 'canvas-1' && card.v === RECORD_VERSION)).toBe(true);
    expect(await db.checks.where('canvasId').equals('canvas-1').count()).toBe(20);
  });

  it('writes only the records that changed', async () => {
    const v1 = sampleCanvas();
    await repo.saveChanges(null, v1);
    // Mark every stored record; a record that is written again loses its mark.
    await db.cards.toCollection().modify({ marked: true } as never);
    await db.checks.toCollection().modify({ marked: true } as never);

    await repo.saveChanges(v1, setCardText(v1, 'outcome-2', 'B edited', LATER));

    const cards = await db.cards.toArray();
    const rewritten = cards.filter((card) => !(card as unknown as { marked?: boolean }).marked).map((card) => card.id);
    expect(rewritten).toEqual(['outcome-2']);
    expect((await db.cards.get('outcome-2'))?.text).toBe('B edited');
    const checks = await db.checks.toArray();
    expect(checks.every((check) => (check as unknown as { marked?: boolean }).marked)).toBe(true);
  });

  it('writes nothing when nothing changed', async () => {
    const v1 = sampleCanvas();
    await repo.saveChanges(null, v1);
    await db.canvases.update('canvas-1', { title: 'changed behind the app’s back' });
    await repo.saveChanges(v1, v1);
    expect((await db.canvases.get('canvas-1'))?.title).toBe('changed behind the app’s back');
  });

  it('removes a card whose add was undone', async () => {
    const v1 = sampleCanvas();
    const v2 = addCard(v1, { id: 'extra', step: 'insight', text: 'X' }, LATER);
    await repo.saveChanges(null, v1);
    await repo.saveChanges(v1, v2);
    expect(await db.cards.get('extra')).toBeDefined();
    await repo.saveChanges(v2, v1);
    expect(await db.cards.get('extra')).toBeUndefined();
  });

  it('purging removes the canvas, its cards and its checks, and nothing of other canvases', async () => {
    await repo.saveChanges(null, sampleCanvas('keep'));
    await repo.saveChanges(null, buildCanvas({ id: 'doomed', cardIdPrefix: 'doomed:', cards: { outcome: ['Z'] } }));
    await repo.updateMeta('doomed', { deletedAt: LATER }, LATER);
    await repo.purgeDeleted();
    expect(await db.canvases.get('doomed')).toBeUndefined();
    expect(await db.cards.where('canvasId').equals('doomed').count()).toBe(0);
    expect(await db.checks.where('canvasId').equals('doomed').count()).toBe(0);
    expect(await db.cards.where('canvasId').equals('keep').count()).toBe(3);
    expect(await db.checks.where('canvasId').equals('keep').count()).toBe(20);
  });

  it('skips a stored card that fails validation, without deleting it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const v1 = sampleCanvas();
    await repo.saveChanges(null, v1);
    await db.cards.update('outcome-1', { colour: 'tartan' as never });

    const loaded = await repo.loadCanvas('canvas-1');
    expect(textsIn(loaded!, 'outcome')).toEqual(['B']);
    expect(textsIn(loaded!, 'action')).toEqual(['C']);
    expect((await repo.listCanvases())[0]!.progress.cardCount).toBe(2);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be read and were left untouched'));

    // Editing and saving the rest of the canvas leaves the bad record where it was.
    await repo.saveChanges(loaded, setCardText(loaded!, 'outcome-2', 'B2', LATER));
    expect(await db.cards.get('outcome-1')).toMatchObject({ text: 'A', colour: 'tartan' });
  });

  it('reads a check that fails validation as not yet discussed, leaving it stored', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await repo.saveChanges(null, sampleCanvas());
    await db.checks.update(['canvas-1', 'insight:trust'], { status: 'worried' as never });
    const loaded = await repo.loadCanvas('canvas-1');
    expect(loaded!.checks['insight:trust'].status).toBe('not-discussed');
    expect((await db.checks.get(['canvas-1', 'insight:trust']))?.status).toBe('worried');
  });

  it('leaves out of the list a canvas whose stored details fail validation, and says so when it is opened', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await repo.saveChanges(null, sampleCanvas('good'));
    await repo.saveChanges(null, sampleCanvas('bad'));
    await db.canvases.update('bad', { title: 42 as never });
    expect((await repo.listCanvases()).map((summary) => summary.meta.id)).toEqual(['good']);
    await expect(repo.loadCanvas('bad')).rejects.toThrow(/cannot read/);
    expect(await db.canvases.get('bad')).toBeDefined();
  });
});

describe('openRepository', () => {
  it('uses IndexedDB when the browser has it', async () => {
    const opened = await openRepository();
    expect(opened.repository.kind).toBe('indexeddb');
    expect(opened.problem).toBeNull();
  });

  it('falls back to memory with a message for people when IndexedDB is missing, and the memory repository works', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const saved = globalThis.indexedDB;
    // Dexie keeps its own reference to the factory, taken when it loaded.
    Reflect.deleteProperty(globalThis, 'indexedDB');
    Dexie.dependencies.indexedDB = undefined as never;
    try {
      const opened = await openRepository('no-idb');
      expect(opened.repository.kind).toBe('memory');
      expect(opened.problem).toMatch(/not letting Outcome Canvas save anything/);
      expect(opened.problem).not.toMatch(/Error|undefined|IndexedDB API/);
      expect(warn).toHaveBeenCalled();

      const canvas = sampleCanvas();
      await opened.repository.saveChanges(null, canvas);
      expect(await opened.repository.loadCanvas('canvas-1')).toEqual(canvas);
      expect((await opened.repository.listCanvases())[0]!.progress.cardCount).toBe(3);
    } finally {
      globalThis.indexedDB = saved;
      Dexie.dependencies.indexedDB = saved;
    }
  });
});

describe('describeWriteError', () => {
  it('explains a full disk in words and says the changes are still in the tab', () => {
    const message = describeWriteError(new DOMException('quota', 'QuotaExceededError'));
    expect(message).toMatch(/run out of storage space/);
    expect(message).toMatch(/still here in this tab/);
  });

  it('recognises a quota error raised or wrapped by Dexie', () => {
    expect(describeWriteError(new Dexie.QuotaExceededError('quota'))).toMatch(/run out of storage space/);
    const wrapped = new Dexie.AbortError('Transaction aborted', new DOMException('quota', 'QuotaExceededError'));
    expect(describeWriteError(wrapped)).toMatch(/run out of storage space/);
  });

  it('gives a general message for any other failure', () => {
    expect(describeWriteError(new Error('boom'))).toMatch(/could not be saved to this browser/);
  });
});
