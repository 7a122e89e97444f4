// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { CanvasDatabase, DATABASE_NAME, SCHEMA_VERSION } from '../../../src/storage/db';
import { openRepository } from '../../../src/storage/openRepository';
import { readSummaries } from '../../../src/worker/readSummaries';
import { sampleCanvas, save } from '../helpers/repository';

const opened: CanvasDatabase[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function appDatabase(): Promise<CanvasDatabase> {
  const db = new CanvasDatabase(DATABASE_NAME);
  await db.open();
  opened.push(db);
  return db;
}

const databaseNames = async () => (await indexedDB.databases()).map((database) => database.name);

describe('the service worker reads the library’s summaries', () => {
  it('declares the version the app opens', async () => {
    expect((await appDatabase()).verno).toBe(SCHEMA_VERSION);
  });

  it('reads what the app saved, one summary per canvas, as the library lists it', async () => {
    const { repository } = await openRepository();
    await save(repository, null, sampleCanvas('canvas-1'));
    await save(repository, null, sampleCanvas('canvas-2'));
    const summaries = await readSummaries();
    expect(summaries?.map((summary) => summary.meta.id)).toEqual(['canvas-1', 'canvas-2']);
    const listed = await repository.listCanvases();
    expect(summaries?.map((summary) => summary.meta)).toEqual(listed.map((summary) => summary.meta));
  });

  it('creates no database where there is none', async () => {
    expect(await readSummaries()).toBeNull();
    expect(await databaseNames()).not.toContain(DATABASE_NAME);
  });

  it('serves nothing from another version of the database', async () => {
    const request = indexedDB.open(DATABASE_NAME, 40);
    await new Promise((resolve) => {
      request.onupgradeneeded = () => request.result.createObjectStore('summaries');
      request.onsuccess = resolve;
    });
    request.result.close();
    expect(await readSummaries()).toBeNull();
  });

  it('serves nothing when a summary is damaged or a canvas has none', async () => {
    const { repository } = await openRepository();
    await save(repository, null, sampleCanvas('canvas-1'));
    await save(repository, null, sampleCanvas('canvas-2'));
    const db = await appDatabase();
    const summary = (await db.summaries.get('canvas-1'))!;
    await db.summaries.put({ ...summary, title: 42 as unknown as string });
    expect(await readSummaries()).toBeNull();
    await db.summaries.delete('canvas-1');
    expect(await readSummaries()).toBeNull();
  });

  it('never holds up an upgrade: its connection is closed once it has read', async () => {
    const { repository } = await openRepository();
    await save(repository, null, sampleCanvas('canvas-1'));
    opened.forEach((db) => db.close());
    const read = readSummaries();
    // A newer version of the app upgrades the database while the worker reads.
    const upgrade = indexedDB.open(DATABASE_NAME, SCHEMA_VERSION * 10 + 10);
    const blocked = await new Promise<boolean>((resolve) => {
      upgrade.onblocked = () => resolve(true);
      upgrade.onsuccess = () => resolve(false);
    });
    await read;
    expect(blocked).toBe(false);
    upgrade.result.close();
  });
});
