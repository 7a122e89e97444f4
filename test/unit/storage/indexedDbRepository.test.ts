// @vitest-environment node
import { GOVERNANCE_IDS } from '../../../src/domain/governanceKeys';
import { addActionItem, deleteActionItem, setActionItemStatus } from '../../../src/domain/actionLog';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { canvasProgress, resolveConcern, setCheckStatus, setGovernanceStatus } from '../../../src/domain/canvas';
import { addCard, deleteCard, parkCard, setCardText } from '../../../src/domain/cards';
import { makeSnapshot } from '../../../src/domain/snapshots';
import { CanvasDatabase, DATABASE_NAME, RECORD_VERSION } from '../../../src/storage/db';
import { openRepository } from '../../../src/storage/openRepository';
import { UnreadableCanvasError } from '../../../src/storage/problems';
import type { CanvasRepository } from '../../../src/storage/repository';
import { buildCanvas, textsIn, applied } from '../helpers/canvasBuilder';
import { LATER, sampleCanvas, save } from '../helpers/repository';

/** A second connection to the same database, to see what is really stored. */
function rawDb(): CanvasDatabase {
  return new CanvasDatabase(DATABASE_NAME);
}

describe('IndexedDB repository: what reaches the database', () => {
  let repo: CanvasRepository;
  let db: CanvasDatabase;
  beforeEach(async () => {
    repo = (await openRepository()).repository;
    db = rawDb();
    await db.open();
  });
  afterEach(() => db.close());

  it('stores one canvas record, its cards, its 20 ethics checks and its governance checks, each tagged with the record version', async () => {
    await save(repo, null, sampleCanvas());
    expect(await db.canvases.toArray()).toEqual([expect.objectContaining({ id: 'canvas-1', v: RECORD_VERSION })]);
    const cards = await db.cards.toArray();
    expect(cards).toHaveLength(3);
    expect(cards.every((card) => card.canvasId === 'canvas-1' && card.v === RECORD_VERSION)).toBe(true);
    expect(await db.checks.where('canvasId').equals('canvas-1').count()).toBe(20 + GOVERNANCE_IDS.length);
  });

  it('writes only the records that changed', async () => {
    const v1 = sampleCanvas();
    await save(repo, null, v1);
    // Mark every stored record; a record that is written again loses its mark.
    await db.cards.toCollection().modify({ marked: true } as never);
    await db.checks.toCollection().modify({ marked: true } as never);

    await save(repo, v1, setCardText(v1, 'outcome-2', 'B edited', LATER));

    const cards = await db.cards.toArray();
    const rewritten = cards.filter((card) => !(card as unknown as { marked?: boolean }).marked).map((card) => card.id);
    expect(rewritten).toEqual(['outcome-2']);
    expect((await db.cards.get('outcome-2'))?.text).toBe('B edited');
    const checks = await db.checks.toArray();
    expect(checks.every((check) => (check as unknown as { marked?: boolean }).marked)).toBe(true);
  });

  it('writes nothing when nothing changed', async () => {
    const v1 = sampleCanvas();
    await save(repo, null, v1);
    await db.canvases.update('canvas-1', { title: 'changed behind the app’s back' });
    await save(repo, v1, v1);
    expect((await db.canvases.get('canvas-1'))?.title).toBe('changed behind the app’s back');
  });

  it('removes a card whose add was undone', async () => {
    const v1 = sampleCanvas();
    const v2 = addCard(v1, { id: 'extra', step: 'insight', text: 'X' }, LATER);
    await save(repo, null, v1);
    await save(repo, v1, v2);
    expect(await db.cards.get('extra')).toBeDefined();
    await save(repo, v2, v1);
    expect(await db.cards.get('extra')).toBeUndefined();
  });

  it('purging removes the canvas, its cards and its checks, and nothing of other canvases', async () => {
    await save(repo, null, sampleCanvas('keep'));
    await save(repo, null, buildCanvas({ id: 'doomed', cardIdPrefix: 'doomed:', cards: { outcome: ['Z'] } }));
    await repo.updateMeta('doomed', { deletedAt: LATER }, LATER);
    await repo.purgeDeleted();
    expect(await db.canvases.get('doomed')).toBeUndefined();
    expect(await db.cards.where('canvasId').equals('doomed').count()).toBe(0);
    expect(await db.checks.where('canvasId').equals('doomed').count()).toBe(0);
    expect(await db.cards.where('canvasId').equals('keep').count()).toBe(3);
    expect(await db.checks.where('canvasId').equals('keep').count()).toBe(20 + GOVERNANCE_IDS.length);
  });

  it('skips a stored card that fails validation, without deleting it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const v1 = sampleCanvas();
    await save(repo, null, v1);
    await db.cards.update('outcome-1', { colour: 'tartan' as never });

    const loaded = await repo.loadCanvas('canvas-1');
    expect(textsIn(loaded!, 'outcome')).toEqual(['B']);
    expect(textsIn(loaded!, 'action')).toEqual(['C']);
    expect((await repo.listCanvases())[0]!.progress.cardCount).toBe(2);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be read and were left untouched'));

    // Editing and saving the rest of the canvas leaves the bad record where it was.
    await save(repo, loaded, setCardText(loaded!, 'outcome-2', 'B2', LATER));
    expect(await db.cards.get('outcome-1')).toMatchObject({ text: 'A', colour: 'tartan' });
  });

  it('reads a check that fails validation as not yet discussed, leaving it stored', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await save(repo, null, sampleCanvas());
    await db.checks.update(['canvas-1', 'insight:trust'], { status: 'worried' as never });
    const loaded = await repo.loadCanvas('canvas-1');
    expect(loaded!.checks['insight:trust'].status).toBe('not-discussed');
    expect((await db.checks.get(['canvas-1', 'insight:trust']))?.status).toBe('worried');
  });

  it('still lists a canvas whose stored details fail validation (from its summary), so it can be opened and explained', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await save(repo, null, sampleCanvas('good'));
    await save(repo, null, sampleCanvas('bad'));
    await db.canvases.update('bad', { title: 42 as never });
    expect((await repo.listCanvases()).map((summary) => summary.meta.id).sort()).toEqual(['bad', 'good']);
    await expect(repo.loadCanvas('bad')).rejects.toBeInstanceOf(UnreadableCanvasError);
    // Without a summary either, it is left out of the list.
    await db.summaries.delete('bad');
    expect((await repo.listCanvases()).map((summary) => summary.meta.id)).toEqual(['good']);
    expect(await db.canvases.get('bad')).toBeDefined();
  });

  it('reads a version whose canvas has a bad card without that card, and leaves out a version that cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const canvas = sampleCanvas();
    await repo.addSnapshot(makeSnapshot(canvas, 'opened', 'good', LATER));
    await repo.addSnapshot(makeSnapshot(canvas, 'editing', 'bad-card', LATER + 1));
    await repo.addSnapshot(makeSnapshot(canvas, 'editing', 'bad-meta', LATER + 2));
    await repo.addSnapshot(makeSnapshot(canvas, 'editing', 'bad-record', LATER + 3));
    await db.snapshots.update('bad-card', { 'canvas.cards.outcome-1.colour': 'tartan' } as never);
    await db.snapshots.update('bad-meta', { 'canvas.title': 42 } as never);
    await db.snapshots.update('bad-record', { reason: 'on a whim' } as never);

    expect((await repo.listSnapshots('canvas-1')).map((listing) => listing.id)).toEqual(['bad-meta', 'bad-card', 'good']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('1 stored versions could not be read'));
    expect((await repo.loadSnapshot('good'))?.canvas).toEqual(canvas);
    const withoutBadCard = await repo.loadSnapshot('bad-card');
    expect(textsIn(withoutBadCard!.canvas, 'outcome')).toEqual(['B']);
    expect(await repo.loadSnapshot('bad-meta')).toBeNull();
    expect(await repo.loadSnapshot('bad-record')).toBeNull();
    // Nothing unreadable was deleted.
    expect(await db.snapshots.count()).toBe(4);
  });

  it('keeps a summary per canvas in step with every save, so the library reads no card', async () => {
    const v1 = sampleCanvas();
    await save(repo, null, v1);
    let canvas = addCard(v1, { id: 'new', step: 'enablers', text: 'Funding' }, LATER);
    canvas = deleteCard(canvas, 'outcome-1', LATER);
    canvas = setCheckStatus(canvas, 'outcome', 'power', 'concern', LATER);
    await save(repo, v1, canvas);
    await repo.updateMeta('canvas-1', { title: 'Renamed' }, LATER + 1);
    expect(await db.summaries.get('canvas-1')).toMatchObject({
      title: 'Renamed',
      updatedAt: LATER + 1,
      counts: { cardsByStep: { outcome: 1, action: 1, insight: 0, enablers: 1 }, checks: 20, checksDiscussed: 2, openConcerns: 2 },
    });
    // The list comes from the summaries: cards and checks gone behind the app's back do not change it.
    await db.cards.clear();
    await db.checks.clear();
    expect((await repo.listCanvases())[0]).toEqual({
      meta: expect.objectContaining({ id: 'canvas-1', title: 'Renamed' }),
      progress: {
        stepsWithContent: 3,
        stepCount: 4,
        checksDiscussed: 2,
        checkCount: 20,
        governanceDiscussed: 0,
        governanceCount: GOVERNANCE_IDS.length,
        openConcerns: 2,
        cardCount: 3,
        parkedCount: 0,
        openActionItems: 0,
      },
    });
  });

  it('keeps the summary’s parked cards, governance checks, resolved concerns and open actions in step too', async () => {
    const v1 = sampleCanvas();
    await save(repo, null, v1);
    let canvas = applied(parkCard(v1, 'outcome-2', LATER));
    canvas = setGovernanceStatus(canvas, 'dpia-done', 'concern', LATER);
    canvas = applied(resolveConcern(canvas, 'insight:trust', 'Fixed at source', LATER));
    canvas = applied(addActionItem(canvas, { id: 'a1', text: 'Open one' }, LATER));
    canvas = applied(addActionItem(canvas, { id: 'a2', text: 'Done one' }, LATER));
    canvas = applied(setActionItemStatus(canvas, 'a2', 'done', LATER));
    await save(repo, v1, canvas);
    expect((await repo.listCanvases())[0]!.progress).toEqual(canvasProgress(canvas));
    expect((await repo.listCanvases())[0]!.progress).toMatchObject({
      parkedCount: 1,
      openConcerns: 1,
      governanceDiscussed: 1,
      openActionItems: 1,
    });
    const removed = deleteActionItem(canvas, 'a1', LATER + 1);
    await save(repo, canvas, removed);
    expect((await repo.listCanvases())[0]!.progress.openActionItems).toBe(0);
  });

  it('puts a summary right when it has drifted from the records, and writes a missing one', async () => {
    await save(repo, null, sampleCanvas());
    await db.summaries.update('canvas-1', { 'counts.openConcerns': 7 } as never);
    const loaded = await repo.loadCanvas('canvas-1');
    expect((await db.summaries.get('canvas-1'))?.counts.openConcerns).toBe(1);
    await db.summaries.clear();
    expect((await repo.listCanvases())[0]!.progress).toEqual(canvasProgress(loaded!));
    expect(await db.summaries.count()).toBe(1);
  });

  it('adopts a canvas read before the app started only while no save has come in since, putting its summary right too', async () => {
    const stored = sampleCanvas();
    await save(repo, null, stored);
    const early = (await repo.loadCanvas('canvas-1'))!;
    await db.summaries.update('canvas-1', { 'counts.openConcerns': 7 } as never);
    expect(await repo.adoptEarlyRead(early)).toEqual(early);
    expect((await db.summaries.get('canvas-1'))?.counts.openConcerns).toBe(1);
    // A summary that went missing is written again.
    await db.summaries.clear();
    expect(await repo.adoptEarlyRead(early)).toEqual(early);
    expect(await db.summaries.count()).toBe(1);

    // Another tab saved an edit after the early read: what was read early is stale, so it is not adopted.
    const [firstCardId] = Object.keys(stored.cards);
    await save(repo, stored, setCardText(stored, firstCardId!, 'Edited in another tab', LATER));
    expect(await repo.adoptEarlyRead(early)).toBeNull();
    // Nor once the canvas is gone.
    await db.canvases.delete('canvas-1');
    expect(await repo.adoptEarlyRead(early)).toBeNull();
  });

  it('drops the summaries of canvases emptied from "Recently deleted"', async () => {
    await save(repo, null, sampleCanvas('doomed'));
    await repo.updateMeta('doomed', { deletedAt: LATER }, LATER);
    expect((await db.summaries.get('doomed'))?.deletedAt).toBe(LATER);
    await repo.purgeDeleted();
    expect(await db.summaries.count()).toBe(0);
  });
});
