import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canvasProgress } from '../../../src/domain/canvas';
import { metaOf } from '../../../src/domain/diff';
import { emptyFacilitation } from '../../../src/domain/model';
import type * as Migrations from '../../../src/storage/migrations';
import { buildCanvas } from '../helpers/canvasBuilder';
import { GOVERNANCE_IDS } from '../../../src/domain/governanceKeys';
import { canvasV1toV2, canvasV2toV3, cardV2toV3, checkV2toV3, recordV1toV2 } from '../../../src/storage/migrations';

/** A database exactly as version 1 of the app left it: the fixture every upgrade is tested from. */
async function writeVersion1Database(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores({ canvases: 'id, updatedAt, deletedAt', cards: 'id, canvasId', checks: '[canvasId+key], canvasId' });
  await v1.open();
  await v1.table('canvases').put({
    v: 1,
    id: 'old',
    title: 'Made with version 1',
    description: 'Before facilitator notes',
    createdAt: 1,
    updatedAt: 2,
    deletedAt: null,
  });
  await v1.table('cards').put({
    v: 1,
    id: 'card-1',
    canvasId: 'old',
    step: 'action',
    order: 'a0',
    text: 'A card from long ago',
    colour: 'green',
    createdAt: 1,
    updatedAt: 2,
    deletedAt: null,
  });
  await v1.table('checks').put({
    v: 1,
    canvasId: 'old',
    key: 'insight:consent',
    step: 'insight',
    lens: 'consent',
    status: 'concern',
    notes: 'Were they asked?',
    updatedAt: 2,
  });
  v1.close();
}

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

afterEach(() => {
  vi.doUnmock('../../../src/storage/migrations');
  vi.resetModules();
});

describe('storage upgrades', () => {
  it('never change the record they are given', () => {
    const canvas = deepFreeze({ v: 1, id: 'x', title: 't' });
    const card = deepFreeze({ v: 1, id: 'c' });
    expect(canvasV1toV2(canvas)).toEqual({ v: 2, id: 'x', title: 't', facilitation: emptyFacilitation() });
    expect(recordV1toV2(card)).toEqual({ v: 2, id: 'c' });
    expect(canvas).toEqual({ v: 1, id: 'x', title: 't' });
  });

  it('open a version 1 database and upgrade every record, losing nothing', async () => {
    await writeVersion1Database('upgrade-from-v1');
    const { openRepository } = await import('../../../src/storage/openRepository');
    const opened = await openRepository('upgrade-from-v1');
    expect(opened.problem).toBeNull();
    const canvas = await opened.repository.loadCanvas('old');
    expect(canvas?.title).toBe('Made with version 1');
    expect(canvas?.facilitation).toEqual(emptyFacilitation());
    expect(Object.values(canvas!.cards).map((card) => [card.text, card.colour, card.step])).toEqual([
      ['A card from long ago', 'green', 'action'],
    ]);
    expect(canvas?.checks['insight:consent']).toMatchObject({ status: 'concern', notes: 'Were they asked?' });
    expect(await opened.repository.listSnapshots('old')).toEqual([]);

    const raw = new Dexie('upgrade-from-v1');
    await raw.open();
    expect((await raw.table('canvases').toArray()).map((record) => record.v)).toEqual([3]);
    expect((await raw.table('cards').toArray()).map((record) => record.v)).toEqual([3]);
    raw.close();
  });

  it('leave the old data intact, and say so, when an upgrade fails halfway', async () => {
    await writeVersion1Database('failing-upgrade');
    vi.doMock('../../../src/storage/migrations', () => ({
      canvasV1toV2: (record: Record<string, unknown>) => ({ ...record, facilitation: emptyFacilitation(), v: 2 }),
      recordV1toV2: () => {
        throw new Error('simulated failure in the middle of an upgrade');
      },
    }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { openRepository } = await import('../../../src/storage/openRepository');
    const opened = await openRepository('failing-upgrade');
    expect(opened.repository.kind).toBe('memory');
    expect(opened.problem).toBe('upgrade-failed');
    expect(warn).toHaveBeenCalled();

    // The database is still version 1, every record as it was, canvases table untouched by the half-done upgrade.
    const v1 = new Dexie('failing-upgrade');
    v1.version(1).stores({ canvases: 'id, updatedAt, deletedAt', cards: 'id, canvasId', checks: '[canvasId+key], canvasId' });
    await v1.open();
    expect(v1.verno).toBe(1);
    expect(await v1.table('canvases').toArray()).toEqual([
      {
        v: 1,
        id: 'old',
        title: 'Made with version 1',
        description: 'Before facilitator notes',
        createdAt: 1,
        updatedAt: 2,
        deletedAt: null,
      },
    ]);
    expect(await v1.table('cards').count()).toBe(1);
    v1.close();
  });
});

/** A database exactly as version 3 of the app left it (schema and records), with one canvas. */
async function writeVersion3Database(name: string) {
  const v3 = new Dexie(name);
  v3.version(1).stores({ canvases: 'id, updatedAt, deletedAt', cards: 'id, canvasId', checks: '[canvasId+key], canvasId' });
  v3.version(2).stores({ templates: 'id, updatedAt' });
  v3.version(3).stores({ snapshots: 'id, canvasId, [canvasId+takenAt]' });
  await v3.open();
  const canvas = buildCanvas({
    id: 'v3',
    title: 'Made with version 3',
    description: 'Before summaries',
    cards: { outcome: ['One', 'Two'], insight: ['Three'] },
    checks: [{ step: 'action', lens: 'power', status: 'concern', notes: 'Who decides?' }],
  });
  await v3.table('canvases').put({ ...metaOf(canvas), v: 2 });
  await v3.table('cards').bulkPut(Object.values(canvas.cards).map((card) => ({ ...card, canvasId: 'v3', v: 2 })));
  await v3
    .table('checks')
    .bulkPut(Object.values(canvas.checks).map((check) => ({ ...check, canvasId: 'v3', key: `${check.step}:${check.lens}`, v: 2 })));
  v3.close();
  return canvas;
}

describe('version 4: a summary per canvas', () => {
  it('gives every canvas its summary, counted from its records, and drops the indexes nothing queried', async () => {
    const canvas = await writeVersion3Database('upgrade-from-v3');
    const { openRepository } = await import('../../../src/storage/openRepository');
    const opened = await openRepository('upgrade-from-v3');
    expect(opened.problem).toBeNull();
    expect(await opened.repository.listCanvases()).toEqual([
      { meta: expect.objectContaining({ id: 'v3', title: 'Made with version 3' }), progress: canvasProgress(canvas) },
    ]);
    expect(await opened.repository.loadCanvas('v3')).toEqual(canvas);

    const raw = new Dexie('upgrade-from-v3');
    await raw.open();
    expect(raw.verno).toBe(5);
    const indexes = (table: string) => raw.table(table).schema.indexes.map((index) => index.name);
    expect(indexes('canvases')).toEqual([]);
    expect(indexes('templates')).toEqual([]);
    expect(await raw.table('summaries').count()).toBe(1);
    raw.close();
  });

  it('says so, and leaves version 3 as it was, when the summaries cannot be made', async () => {
    await writeVersion3Database('failing-v4');
    const actual = await vi.importActual<typeof Migrations>('../../../src/storage/migrations');
    vi.doMock('../../../src/storage/migrations', () => ({
      ...actual,
      summaryV4: () => {
        throw new Error('simulated failure while counting');
      },
    }));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { openRepository } = await import('../../../src/storage/openRepository');
    const opened = await openRepository('failing-v4');
    expect(opened.repository.kind).toBe('memory');
    // No upgrade function flags itself: the failure is known from the stored version.
    expect(opened.problem).toBe('upgrade-failed');

    const raw = new Dexie('failing-v4');
    await raw.open();
    expect(raw.verno).toBe(3);
    expect(raw.tables.map((table) => table.name)).not.toContain('summaries');
    expect(await raw.table('cards').count()).toBe(3);
    raw.close();
  });
});

/**
 * A database exactly as the release before workshop mode left it (database
 * version 3, records v2): a canvas with facilitator notes, a card, a check, a
 * trainer's template and a saved version.
 */
async function writeDatabaseBeforeWorkshopMode(name: string, databaseVersion: 2 | 3 = 3) {
  const v3 = new Dexie(name);
  v3.version(1).stores({ canvases: 'id, updatedAt, deletedAt', cards: 'id, canvasId', checks: '[canvasId+key], canvasId' });
  v3.version(2).stores({ templates: 'id, updatedAt' });
  if (databaseVersion === 3) v3.version(3).stores({ snapshots: 'id, canvasId, [canvasId+takenAt]' });
  await v3.open();
  const facilitation = { ...emptyFacilitation(), outcome: { minutes: 30, notes: 'Ask which group' } };
  const meta = {
    id: 'v3',
    title: 'Made before workshop mode',
    description: 'd',
    facilitation,
    createdAt: 1,
    updatedAt: 2,
    deletedAt: null,
  };
  const card = {
    id: 'v3-card',
    step: 'insight',
    order: 'a0',
    text: 'A weekly list',
    colour: 'blue',
    createdAt: 1,
    updatedAt: 2,
    deletedAt: null,
  };
  const check = { step: 'action', lens: 'power', status: 'concern', notes: 'Who decides?', updatedAt: 2 };
  await v3.table('canvases').put({ ...meta, v: 2 });
  await v3.table('cards').put({ ...card, canvasId: 'v3', v: 2 });
  await v3.table('checks').put({ ...check, canvasId: 'v3', key: 'action:power', v: 2 });
  await v3.table('templates').put({
    v: 2,
    id: 'own',
    name: 'Own template',
    summary: '',
    audience: '',
    duration: '',
    preset: false,
    content: {
      title: 'T',
      description: '',
      facilitation,
      cards: { outcome: [{ text: 'An outcome', colour: 'yellow' }], action: [], insight: [], enablers: [] },
      checks: { 'outcome:trust': { status: 'no-concern', notes: 'ok' } },
    },
    createdAt: 1,
    updatedAt: 2,
  });
  if (databaseVersion === 3)
    await v3.table('snapshots').put({
      v: 2,
      id: 'snap',
      canvasId: 'v3',
      takenAt: 3,
      reason: 'editing',
      summary: '1 card',
      canvas: { ...meta, cards: { 'v3-card': card }, checks: { 'action:power': check } },
    });
  v3.close();
}

describe('the upgrade for workshop mode, governance and the data inventory (database version 5)', () => {
  it('opens a version 2 database (templates, no version history yet) and reads every record', async () => {
    await writeDatabaseBeforeWorkshopMode('upgrade-from-v2', 2);
    const { openRepository } = await import('../../../src/storage/openRepository');
    const opened = await openRepository('upgrade-from-v2');
    expect(opened.problem).toBeNull();
    expect((await opened.repository.loadCanvas('v3'))!.cards['v3-card']).toMatchObject({ text: 'A weekly list', votes: 0 });
    expect((await opened.repository.listTemplates())[0]!.content.parked).toEqual([]);
    expect(await opened.repository.listSnapshots('v3')).toEqual([]);
  });

  it('never changes the records it is given', () => {
    const canvas = deepFreeze({ v: 2, id: 'x', title: 't' });
    const card = deepFreeze({ v: 2, id: 'c', text: 't' });
    const check = deepFreeze({ v: 2, step: 'outcome', lens: 'trust', status: 'concern', notes: '' });
    expect(canvasV2toV3(canvas)).toMatchObject({ v: 3, votesPerPerson: 3, privacyDismissed: [], timer: { step: null } });
    expect(cardV2toV3(card)).toEqual({
      v: 3,
      id: 'c',
      text: 't',
      votes: 0,
      agreed: false,
      parkedAt: null,
      example: false,
      source: '',
      serves: [],
    });
    expect(checkV2toV3(check)).toEqual({ ...check, v: 3, resolvedAt: null, resolution: '' });
    expect(canvas).toEqual({ v: 2, id: 'x', title: 't' });
    expect(card).toEqual({ v: 2, id: 'c', text: 't' });
  });

  it('opens a database from before it, and every record reads whole with the new fields at their defaults', async () => {
    await writeDatabaseBeforeWorkshopMode('upgrade-before-workshop-mode');
    const { openRepository } = await import('../../../src/storage/openRepository');
    const opened = await openRepository('upgrade-before-workshop-mode');
    expect(opened.problem).toBeNull();
    const canvas = (await opened.repository.loadCanvas('v3'))!;
    expect(canvas).toMatchObject({ title: 'Made before workshop mode', votesPerPerson: 3, privacyDismissed: [] });
    expect(canvas.facilitation.outcome).toEqual({ minutes: 30, notes: 'Ask which group' });
    expect(canvas.workshop).toEqual({ heldOn: '', organisation: '', facilitator: '', participants: '' });
    expect(canvas.cards['v3-card']).toMatchObject({
      text: 'A weekly list',
      colour: 'blue',
      votes: 0,
      agreed: false,
      parkedAt: null,
      serves: [],
    });
    expect(canvas.checks['action:power']).toMatchObject({ status: 'concern', notes: 'Who decides?', resolvedAt: null, resolution: '' });
    expect(Object.keys(canvas.governance)).toHaveLength(GOVERNANCE_IDS.length);
    expect(Object.keys(canvas.actionItems)).toEqual([]);
    const [template] = await opened.repository.listTemplates();
    expect(template!.content.cards.outcome).toEqual([
      { text: 'An outcome', colour: 'yellow', votes: 0, agreed: false, example: false, source: '', serves: [] },
    ]);
    expect(template!.content.checks['outcome:trust']).toEqual({ status: 'no-concern', notes: 'ok', resolved: false, resolution: '' });
    const version = (await opened.repository.loadSnapshot('snap'))!;
    expect(version.canvas.cards['v3-card']).toMatchObject({ votes: 0, serves: [] });
    expect(version.canvas.timer.runningSince).toBeNull();
    // Stored records now carry the new version and fields, and the new tables exist.
    const raw = new Dexie('upgrade-before-workshop-mode');
    await raw.open();
    expect(raw.verno).toBe(5);
    expect((await raw.table('cards').toArray())[0]).toMatchObject({ v: 3, votes: 0, serves: [] });
    expect((await raw.table('checks').toArray())[0]).toMatchObject({ v: 3, resolvedAt: null });
    expect(await raw.table('actionItems').count()).toBe(0);
    raw.close();
  });

  it('leaves a version 3 database exactly as it was, and says so, when this upgrade fails', async () => {
    await writeDatabaseBeforeWorkshopMode('failing-v5');
    vi.doMock('../../../src/storage/migrations', async (importOriginal) => ({
      ...(await importOriginal<typeof Migrations>()),
      cardV2toV3: () => {
        throw new Error('simulated failure in the middle of an upgrade');
      },
    }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { openRepository } = await import('../../../src/storage/openRepository');
    const opened = await openRepository('failing-v5');
    expect(opened.problem).toBe('upgrade-failed');
    expect(warn).toHaveBeenCalled();
    const raw = new Dexie('failing-v5');
    await raw.open();
    expect(raw.verno).toBe(3);
    expect((await raw.table('canvases').toArray())[0]).toMatchObject({ v: 2, title: 'Made before workshop mode' });
    expect((await raw.table('cards').toArray())[0]).toEqual({
      id: 'v3-card',
      step: 'insight',
      order: 'a0',
      text: 'A weekly list',
      colour: 'blue',
      createdAt: 1,
      updatedAt: 2,
      deletedAt: null,
      canvasId: 'v3',
      v: 2,
    });
    raw.close();
  });
});

describe('from version 4 (summaries) to version 5', () => {
  it('counts every summary again, with governance checks written for each canvas', async () => {
    const v4 = new Dexie('upgrade-from-v4');
    v4.version(1).stores({ canvases: 'id, updatedAt, deletedAt', cards: 'id, canvasId', checks: '[canvasId+key], canvasId' });
    v4.version(2).stores({ templates: 'id, updatedAt' });
    v4.version(3).stores({ snapshots: 'id, canvasId, [canvasId+takenAt]' });
    v4.version(4).stores({ canvases: 'id', templates: 'id', summaries: 'id' });
    await v4.open();
    const meta = {
      id: 'v4',
      title: 'With a summary',
      description: '',
      facilitation: emptyFacilitation(),
      createdAt: 1,
      updatedAt: 2,
      deletedAt: null,
    };
    await v4.table('canvases').put({ ...meta, v: 2 });
    const card = {
      id: 'v4-card',
      step: 'outcome',
      order: 'a0',
      text: 'One',
      colour: 'yellow',
      createdAt: 1,
      updatedAt: 2,
      deletedAt: null,
    };
    await v4.table('cards').put({ ...card, canvasId: 'v4', v: 2 });
    const check = { step: 'insight', lens: 'trust', status: 'concern', notes: 'n', updatedAt: 2 };
    await v4.table('checks').put({ ...check, canvasId: 'v4', key: 'insight:trust', v: 2 });
    const oldCounts = { cardsByStep: { outcome: 1, action: 0, insight: 0, enablers: 0 }, checks: 1, checksDiscussed: 1, openConcerns: 1 };
    await v4
      .table('summaries')
      .put({ id: 'v4', title: 'With a summary', description: '', createdAt: 1, updatedAt: 2, deletedAt: null, counts: oldCounts, v: 2 });
    v4.close();

    const { openRepository } = await import('../../../src/storage/openRepository');
    const opened = await openRepository('upgrade-from-v4');
    expect(opened.problem).toBeNull();
    const [listed] = await opened.repository.listCanvases();
    expect(listed!.progress).toMatchObject({
      governanceCount: GOVERNANCE_IDS.length,
      governanceDiscussed: 0,
      openConcerns: 1,
      openActionItems: 0,
      parkedCount: 0,
    });
    const raw = new Dexie('upgrade-from-v4');
    await raw.open();
    expect(raw.verno).toBe(5);
    expect(await raw.table('checks').count()).toBe(1 + GOVERNANCE_IDS.length);
    expect((await raw.table('summaries').get('v4')).counts).toMatchObject({ governance: GOVERNANCE_IDS.length, checks: 1, parked: 0 });
    raw.close();
  });
});
