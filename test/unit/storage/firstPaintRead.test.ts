// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { CanvasDatabase, DATABASE_NAME, SCHEMA_VERSION } from '../../../src/storage/db';
import { canvasForFirstPaint } from '../../../src/storage/firstPaintCanvas';
import { readStoredParts } from '../../../src/storage/firstPaintRead';
import { openRepository } from '../../../src/storage/openRepository';
import type { CanvasRepository } from '../../../src/storage/repository';
import { finishedCanvas } from '../helpers/finishedCanvas';
import { sampleCanvas, save } from '../helpers/repository';

const databaseNames = async () => (await indexedDB.databases()).map((database) => database.name);

/** Opens the database at a raw IndexedDB version, creating it with only `stores` if it is new. */
function openRaw(version: number, stores: string[] = []): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, version);
    request.onupgradeneeded = () => stores.forEach((name) => request.result.createObjectStore(name));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked'));
  });
}

describe('reading a canvas for the first paint, before the app loads', () => {
  it('creates no database when there is none', async () => {
    expect(await readStoredParts('anything')).toBeNull();
    expect(await databaseNames()).not.toContain(DATABASE_NAME);
    // And the app's own open still creates it, at its version.
    const { repository, problem } = await openRepository();
    expect(problem).toBeNull();
    expect(await repository.loadCanvas('anything')).toBeNull();
  });

  it('declares the schema version Dexie opens (the raw read checks it)', () => {
    expect(new CanvasDatabase().verno).toBe(SCHEMA_VERSION);
  });

  describe('with the app’s database', () => {
    let repo: CanvasRepository;
    beforeEach(async () => {
      repo = (await openRepository()).repository;
    });

    it('reads a canvas exactly as the app loads it, actions and data sets too (the app can take it instead of reading it again)', async () => {
      const canvas = finishedCanvas();
      expect(Object.keys(canvas.actionItems).length).toBeGreaterThan(0);
      expect(Object.keys(canvas.datasets).length).toBeGreaterThan(0);
      await save(repo, null, canvas);
      const loaded = (await repo.loadCanvas(canvas.id))!;
      const painted = canvasForFirstPaint((await readStoredParts(canvas.id))!);
      expect(painted).toStrictEqual(loaded);
    });

    it('reads nothing for a canvas that is not there or is deleted', async () => {
      await save(repo, null, sampleCanvas('kept'));
      expect(await readStoredParts('missing')).toBeNull();
      await repo.updateMeta('kept', { deletedAt: 1_700_000_000_000 }, 1_700_000_000_000);
      expect(canvasForFirstPaint((await readStoredParts('kept'))!)).toBeNull();
    });

    it('reads nothing when any record is not as this version writes it', async () => {
      const canvas = sampleCanvas('c1');
      await save(repo, null, canvas);
      const db = new CanvasDatabase();
      const [first] = await db.cards.where('canvasId').equals('c1').toArray();
      await db.cards.put({ ...first!, colour: 'plaid' as never });
      expect(canvasForFirstPaint((await readStoredParts('c1'))!)).toBeNull();
      // An older record (the app reads it with its defaults; the first paint leaves it to the app).
      await db.cards.put({ ...first!, v: 2 });
      expect(canvasForFirstPaint((await readStoredParts('c1'))!)).toBeNull();
      await db.cards.put(first!);
      expect(canvasForFirstPaint((await readStoredParts('c1'))!)).not.toBeNull();
      await db.checks
        .where('canvasId')
        .equals('c1')
        .modify((check) => {
          check.notes = 42 as never;
        });
      expect(canvasForFirstPaint((await readStoredParts('c1'))!)).toBeNull();
      await save(repo, null, finishedCanvas());
      const { id } = finishedCanvas();
      expect(canvasForFirstPaint((await readStoredParts(id))!)).not.toBeNull();
      // A damaged action, which the board does not show: the app reads the canvas itself (and reports it).
      await db.actionItems
        .where('canvasId')
        .equals(id)
        .modify((item) => {
          item.status = 'someday' as never;
        });
      expect(canvasForFirstPaint((await readStoredParts(id))!)).toBeNull();
      db.close();
    });

    it('closes its connection, so an upgrade right after it is never blocked', async () => {
      await save(repo, null, sampleCanvas('c1'));
      const reads = [readStoredParts('c1'), readStoredParts('c1')];
      await Promise.all(reads);
      // Dexie's own connection (the repository's) gives way to upgrades too; what matters here is the read's.
      const db = await openRaw((SCHEMA_VERSION + 1) * 10);
      expect(db.version).toBe((SCHEMA_VERSION + 1) * 10);
      db.close();
    });
  });

  it('reads nothing from a database of another schema version', async () => {
    (await openRaw(10, ['canvases', 'cards', 'checks'])).close();
    expect(await readStoredParts('c1')).toBeNull();
  });

  it('reads nothing from a database of this version without the app’s indexes, and leaves it to the app', async () => {
    (await openRaw(SCHEMA_VERSION * 10, ['canvases', 'cards', 'checks'])).close();
    expect(await readStoredParts('c1')).toBeNull();
    const upgraded = await openRaw((SCHEMA_VERSION + 1) * 10);
    expect(upgraded.version).toBe((SCHEMA_VERSION + 1) * 10);
    upgraded.close();
  });
});
