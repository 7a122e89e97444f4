// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../src/domain/content';
import { planImport } from '../../../src/domain/importPlan';
import { type Snapshot, makeSnapshot } from '../../../src/domain/snapshots';
import type { Template } from '../../../src/domain/templates';
import { addActionItem, deleteActionItem, setActionItemOwner, setActionItemStatus } from '../../../src/domain/actionLog';
import {
  canvasProgress,
  setCheckNotes,
  setCheckStatus,
  setDescription,
  setGovernanceNotes,
  setGovernanceStatus,
  setTitle,
  setWorkshopDetails,
} from '../../../src/domain/canvas';
import { addCard, deleteCard, setCardText, setVotes } from '../../../src/domain/cards';
import { addDataset, updateDataset } from '../../../src/domain/dataInventory';
import { type Canvas, createCanvas } from '../../../src/domain/model';
import { linkCards } from '../../../src/domain/thread';
import { startTimer } from '../../../src/domain/timer';
import { diffCanvas, metaOf } from '../../../src/domain/diff';
import { openRepository } from '../../../src/storage/openRepository';
import { MemoryRepository } from '../../../src/storage/memoryRepository';
import type { CanvasRepository } from '../../../src/storage/repository';
import { T0, buildCanvas, textsIn, applied } from '../helpers/canvasBuilder';
import { LATER, sampleCanvas, save } from '../helpers/repository';

function ownTemplate(id: string, name: string): Template {
  return {
    id,
    name,
    summary: 'For a first workshop',
    audience: 'Borough teams',
    duration: '2 hours',
    preset: false,
    content: {
      ...emptyContent(),
      title: 'Start here',
      cards: {
        ...emptyContent().cards,
        outcome: [{ text: 'An outcome', colour: 'yellow', votes: 0, agreed: false, example: false, source: '', serves: [] }],
      },
    },
    createdAt: T0,
    updatedAt: T0,
  };
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
    await save(repo, null, canvas);
    expect(await repo.loadCanvas('canvas-1')).toEqual(canvas);
  });

  it('gives null for a canvas it does not have', async () => {
    expect(await repo.loadCanvas('nope')).toBeNull();
  });

  it('loads the latest version after a series of saved edits', async () => {
    const v1 = sampleCanvas();
    await save(repo, null, v1);
    const v2 = setTitle(addCard(v1, { id: 'n', step: 'enablers', text: 'Funding' }, LATER), 'Renamed', LATER);
    await save(repo, v1, v2);
    const v3 = deleteCard(setCheckStatus(v2, 'outcome', 'power', 'no-concern', LATER + 1), 'outcome-1', LATER + 1);
    await save(repo, v2, v3);
    const loaded = await repo.loadCanvas('canvas-1');
    expect(loaded).toEqual(v3);
    expect(textsIn(loaded!, 'outcome')).toEqual(['B']);
  });

  it('lists every canvas with its progress', async () => {
    const first = sampleCanvas('first');
    const second = buildCanvas({ id: 'second', title: 'Empty' });
    await save(repo, null, first);
    await save(repo, null, second);
    const list = await repo.listCanvases();
    const byId = Object.fromEntries(list.map((summary) => [summary.meta.id, summary]));
    expect(Object.keys(byId).sort()).toEqual(['first', 'second']);
    expect(byId.first!.meta).toMatchObject({ title: 'Care leavers', description: 'Stable homes' });
    expect(byId.first!.progress).toEqual({
      stepsWithContent: 2,
      stepCount: 4,
      checksDiscussed: 1,
      checkCount: 20,
      governanceDiscussed: 0,
      governanceCount: 17,
      openConcerns: 1,
      cardCount: 3,
      parkedCount: 0,
      openActionItems: 0,
    });
    expect(byId.second!.progress).toEqual(canvasProgress(second));
  });

  it('renames, deletes and restores a canvas through updateMeta', async () => {
    await save(repo, null, sampleCanvas());
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
    await save(repo, null, sampleCanvas('keep'));
    await save(repo, null, sampleCanvas('doomed'));
    await repo.updateMeta('doomed', { deletedAt: LATER }, LATER);
    expect(await repo.purgeDeleted()).toBe(1);
    expect(await repo.loadCanvas('doomed')).toBeNull();
    expect((await repo.listCanvases()).map((summary) => summary.meta.id)).toEqual(['keep']);
    expect(await repo.loadCanvas('keep')).toEqual(sampleCanvas('keep'));
    expect(await repo.purgeDeleted()).toBe(0);
  });

  it('writes only the newer of each record from an unsaved-changes note, and keeps what is newer in storage', async () => {
    const v1 = sampleCanvas();
    await save(repo, null, v1);
    // Another tab saved a newer text for outcome-1 after the note was taken.
    const newerElsewhere = setCardText(v1, 'outcome-1', 'Newer, from the other tab', LATER + 10);
    await save(repo, v1, newerElsewhere);
    // The note: an older text for outcome-1, a newer one for outcome-2, and a new card.
    const noted = addCard(
      setCardText(setCardText(v1, 'outcome-1', 'Older, from the note', LATER), 'outcome-2', 'From the note', LATER),
      { id: 'noted', step: 'action', text: 'Added before the tab went away' },
      LATER,
    );
    await repo.saveNewerChanges('canvas-1', diffCanvas(v1, noted), metaOf(v1));
    const loaded = await repo.loadCanvas('canvas-1');
    expect(textsIn(loaded!, 'outcome')).toEqual(['Newer, from the other tab', 'From the note']);
    expect(textsIn(loaded!, 'action')).toEqual(['C', 'Added before the tab went away']);
  });

  it('ignores an unsaved-changes note for a canvas it does not have, unless the note holds the canvas itself', async () => {
    const orphan = sampleCanvas('gone');
    await repo.saveNewerChanges('gone', { ...diffCanvas(null, orphan), meta: null }, null);
    expect(await repo.loadCanvas('gone')).toBeNull();
    await repo.saveNewerChanges('gone', diffCanvas(null, orphan), null);
    expect(await repo.loadCanvas('gone')).toEqual(orphan);
  });

  it('recovers the canvas fields a note changed, field by field, keeping a field another tab changed since', async () => {
    const v1 = sampleCanvas();
    await save(repo, null, v1);
    // The note's tab renamed the canvas and typed in a card; another tab then changed the description, later.
    const noted = setCardText(setTitle(v1, 'Renamed in the closed tab', LATER), 'outcome-1', 'typed', LATER);
    await save(repo, v1, setDescription(v1, 'Changed in the other tab', LATER + 10));
    await repo.saveNewerChanges('canvas-1', diffCanvas(v1, noted), metaOf(v1));
    const loaded = await repo.loadCanvas('canvas-1');
    expect(loaded).toMatchObject({ title: 'Renamed in the closed tab', description: 'Changed in the other tab', updatedAt: LATER + 10 });
    expect(textsIn(loaded!, 'outcome')).toEqual(['typed', 'B']);
  });

  it('answers "conflict" and writes nothing when another writer changed a record since the base it is given', async () => {
    const v1 = sampleCanvas();
    await save(repo, null, v1);
    const elsewhere = setCardText(v1, 'outcome-1', 'from the other tab', LATER);
    expect(await repo.saveChanges('canvas-1', diffCanvas(v1, elsewhere), v1)).toBe('saved');
    // This tab still believes v1 is stored.
    const here = setCardText(v1, 'outcome-1', 'from this tab', LATER + 1);
    const outcome = await repo.saveChanges('canvas-1', diffCanvas(v1, here), v1);
    if (repo.kind === 'memory') return; // one tab's memory: nobody else writes to it
    expect(outcome).toBe('conflict');
    expect(textsIn((await repo.loadCanvas('canvas-1'))!, 'outcome')).toEqual(['from the other tab', 'B']);
    // Against what is stored now, the same save goes through.
    expect(
      await repo.saveChanges('canvas-1', diffCanvas(elsewhere, setCardText(elsewhere, 'outcome-1', 'merged', LATER + 2)), elsewhere),
    ).toBe('saved');
  });

  it('answers "conflict" for an action item, data set or governance check another writer changed since the base', async () => {
    let v1 = applied(addActionItem(sampleCanvas(), { id: 'a1', text: 'Book it' }, T0));
    v1 = applied(addDataset(v1, { id: 'd1', name: 'Records' }, T0));
    v1 = setGovernanceStatus(v1, 'dpia-done', 'concern', T0);
    await save(repo, null, v1);
    if (repo.kind === 'memory') return; // one tab's memory: nobody else writes to it
    const sameRecordTwice: [string, (canvas: Canvas, text: string) => Canvas][] = [
      ['an action item', (canvas, text) => applied(setActionItemOwner(canvas, 'a1', text, LATER))],
      ['a data set', (canvas, text) => applied(updateDataset(canvas, 'd1', { holder: text }, LATER))],
      ['a governance check', (canvas, text) => setGovernanceNotes(canvas, 'dpia-done', text, LATER)],
    ];
    for (const [what, edit] of sameRecordTwice) {
      const stored = (await repo.loadCanvas('canvas-1'))!;
      expect(await repo.saveChanges('canvas-1', diffCanvas(stored, edit(stored, `${what}, other tab`)), stored), what).toBe('saved');
      // This tab still believes `stored` is what is stored.
      const outcome = await repo.saveChanges('canvas-1', diffCanvas(stored, edit(stored, `${what}, this tab`)), stored);
      expect(outcome, what).toBe('conflict');
    }
    const loaded = (await repo.loadCanvas('canvas-1'))!;
    expect([loaded.actionItems['a1']!.owner, loaded.datasets['d1']!.holder, loaded.governance['dpia-done'].notes]).toEqual([
      'an action item, other tab',
      'a data set, other tab',
      'a governance check, other tab',
    ]);
  });

  it('finds no conflict when only records this save does not write were changed elsewhere', async () => {
    const v1 = sampleCanvas();
    await save(repo, null, v1);
    await repo.saveChanges('canvas-1', diffCanvas(v1, setCardText(v1, 'outcome-2', 'other card, elsewhere', LATER)), v1);
    const here = setCheckNotes(v1, 'action', 'power', 'only a check', LATER + 1);
    const changes = { ...diffCanvas(v1, here), meta: null };
    expect(await repo.saveChanges('canvas-1', changes, v1)).toBe('saved');
  });

  describe('importing a planned backup', () => {
    const template = ownTemplate('tpl', 'Workshop');
    let ids = 0;
    const newId = () => `new-${++ids}`;
    const plan = async (canvases: Canvas[], replaceExisting: boolean, snapshots: Snapshot[] = []) =>
      planImport({
        canvases,
        templates: [template],
        snapshots,
        existingCanvasIds: new Set(await repo.existingIds(canvases.map((canvas) => canvas.id))),
        existingTemplateIds: new Set((await repo.listTemplates()).map((own) => own.id)),
        cardOwners: await repo.cardOwners(canvases.flatMap((canvas) => Object.keys(canvas.cards))),
        existingSnapshotIds: new Set(await repo.existingSnapshotIds(snapshots.map((snapshot) => snapshot.id))),
        replaceExisting,
        newId,
      });

    it('replaces a canvas with the same id, keeping the old one in its version history', async () => {
      const here = setTitle(sampleCanvas(), 'Changed since the backup', LATER);
      await save(repo, null, here);
      const backup = sampleCanvas();
      await repo.importCanvases(await plan([backup], true), LATER + 1, newId);

      const loaded = await repo.loadCanvas('canvas-1');
      expect(loaded?.title).toBe('Care leavers');
      expect(textsIn(loaded!, 'outcome')).toEqual(['A', 'B']);
      // The cards were the replaced canvas's own, so they keep their ids.
      expect(Object.keys(loaded!.cards).sort()).toEqual(Object.keys(backup.cards).sort());
      const versions = await repo.listSnapshots('canvas-1');
      expect(versions).toMatchObject([{ reason: 'before-import', takenAt: LATER + 1 }]);
      expect((await repo.loadSnapshot(versions[0]!.id))?.canvas.title).toBe('Changed since the backup');
      expect((await repo.listTemplates()).map((own) => own.id)).toEqual(['tpl']);
    });

    it('adds a canvas with the same id as a copy beside it when not replacing', async () => {
      await save(repo, null, sampleCanvas());
      const planned = await plan([sampleCanvas()], false);
      await repo.importCanvases(planned, LATER, newId);
      const copyId = planned.summary.ids[0]!;
      expect(copyId).not.toBe('canvas-1');
      expect((await repo.loadCanvas(copyId))?.title).toBe('Care leavers (copy)');
      expect((await repo.loadCanvas('canvas-1'))?.title).toBe('Care leavers');
      expect(await repo.listSnapshots('canvas-1')).toEqual([]);
      // The copy's cards would clash with the original's, so they have new ids, and the original keeps its own.
      const copy = await repo.loadCanvas(copyId);
      expect(Object.keys(copy!.cards).some((id) => id in sampleCanvas().cards)).toBe(false);
      expect(textsIn((await repo.loadCanvas('canvas-1'))!, 'outcome')).toEqual(['A', 'B']);
    });

    it('keeps the ids of a new canvas, its cards and its saved versions, and restores its history, links and records', async () => {
      let backup = sampleCanvas('from-backup');
      backup = applied(linkCards(backup, 'from-backup:action-1', 'from-backup:outcome-1', T0));
      backup = applied(addActionItem(backup, { id: '__proto__', text: 'Book a DPIA', owner: 'Priya' }, T0));
      backup = applied(addDataset(backup, { id: 'd1', name: 'Housing' }, T0));
      backup = setGovernanceStatus(backup, 'lawful-basis', 'concern', T0);
      const older = makeSnapshot(setTitle(backup, 'Older', T0), 'editing', 'kept-version', T0);
      const planned = await plan([backup], false, [older]);
      await repo.importCanvases(planned, LATER, newId);
      expect(await repo.loadCanvas('from-backup')).toEqual(backup);
      expect(planned.summary.versions).toBe(1);
      expect((await repo.loadSnapshot('kept-version'))?.canvas.title).toBe('Older');
    });

    it('gives new ids only to cards that clash with another canvas’s, and rewires links and history to them', async () => {
      await save(repo, null, sampleCanvas('other'));
      // A different canvas whose card ids happen to be the same as the stored canvas's.
      let backup = { ...sampleCanvas('other'), id: 'incoming' };
      backup = applied(linkCards(backup, 'other:action-1', 'other:outcome-1', T0));
      const older = makeSnapshot(backup, 'opened', 'incoming-version', T0);
      const planned = await plan([backup], false, [older]);
      await repo.importCanvases(planned, LATER, newId);
      const loaded = (await repo.loadCanvas('incoming'))!;
      expect(Object.keys(loaded.cards).some((id) => id.startsWith('other:'))).toBe(false);
      const outcome = Object.values(loaded.cards).find((card) => card.text === 'A')!;
      const action = Object.values(loaded.cards).find((card) => card.text === 'C')!;
      expect(action.serves).toEqual([outcome.id]);
      const version = (await repo.loadSnapshot('incoming-version'))!;
      expect(version.canvasId).toBe('incoming');
      expect(Object.keys(version.canvas.cards).sort()).toEqual(Object.keys(loaded.cards).sort());
      expect(textsIn((await repo.loadCanvas('other'))!, 'outcome')).toEqual(['A', 'B']);
    });

    it('restores many canvases at once, each listed with what it holds, and counts right when one is then discussed', async () => {
      const here = addCard(
        setTitle(sampleCanvas(), 'Changed since the backup', LATER),
        { id: 'only-here', step: 'insight', text: 'X' },
        LATER,
      );
      await save(repo, null, here);
      const backup = [
        sampleCanvas(),
        ...Array.from({ length: 5 }, (_, i) => setCheckStatus(sampleCanvas(`restored-${i}`), 'action', 'power', 'no-concern', T0 + i)),
        createCanvas('empty', T0, 'Nothing in it yet'),
      ];
      const planned = await plan(backup, true);
      await repo.importCanvases(planned, LATER + 1, newId);

      expect(planned.summary).toMatchObject({ added: 6, replaced: 1 });
      const listed = new Map((await repo.listCanvases()).map((summary) => [summary.meta.id, summary]));
      for (const canvas of backup) {
        // The replaced canvas's card that the backup does not hold is gone with it.
        expect(await repo.loadCanvas(canvas.id)).toEqual(canvas);
        expect(listed.get(canvas.id)).toEqual({ meta: expect.objectContaining({ title: canvas.title }), progress: canvasProgress(canvas) });
      }
      // A check never discussed before the restore is counted once when it is, not as one more check.
      const restored = backup[1]!;
      const discussed = setGovernanceStatus(
        setCheckStatus(restored, 'outcome', 'trust', 'concern', LATER + 2),
        'dpia-done',
        'concern',
        LATER + 2,
      );
      await save(repo, restored, discussed);
      const [summary] = (await repo.listCanvases()).filter((listing) => listing.meta.id === restored.id);
      expect(summary!.progress).toEqual(canvasProgress(discussed));
    });
  });

  describe('the records added for workshops, governance and the data inventory', () => {
    it('saves and loads governance checks, action items and data sets, record by record', async () => {
      const canvas = sampleCanvas();
      await save(repo, null, canvas);
      let next = setGovernanceStatus(canvas, 'dpia-done', 'concern', LATER);
      next = applied(addActionItem(next, { id: 'a1', text: 'Book it', due: '2026-04-01' }, LATER));
      next = applied(addDataset(next, { id: 'd1', name: 'Records', personal: 'yes' }, LATER));
      next = applied(setWorkshopDetails(next, { organisation: 'Lambeth' }, LATER));
      next = startTimer(applied(setVotes(next, 'outcome-1', 4, LATER)), 'action', LATER);
      await save(repo, canvas, next);
      expect(await repo.loadCanvas('canvas-1')).toEqual(next);
      const removed = deleteActionItem(next, 'a1', LATER + 1);
      await save(repo, next, removed);
      expect((await repo.loadCanvas('canvas-1'))!.actionItems['a1']!.deletedAt).toBe(LATER + 1);
    });

    it('counts open concerns of both kinds and open action items in the library', async () => {
      let canvas = setGovernanceStatus(sampleCanvas(), 'senior-owner', 'concern', T0);
      canvas = applied(addActionItem(canvas, { id: 'a1', text: 'Open' }, T0));
      canvas = applied(addActionItem(canvas, { id: 'a2', text: 'Done' }, T0));
      canvas = applied(setActionItemStatus(canvas, 'a2', 'done', T0));
      await save(repo, null, canvas);
      const [summary] = await repo.listCanvases();
      expect(summary!.progress).toMatchObject({ openConcerns: 2, openActionItems: 1, governanceDiscussed: 1 });
    });

    it('removes every record of a canvas emptied from Recently deleted, its history too', async () => {
      let canvas = applied(addActionItem(sampleCanvas(), { id: 'a1' }, T0));
      canvas = applied(addDataset(canvas, { id: 'd1' }, T0));
      await save(repo, null, canvas);
      await repo.addSnapshot(makeSnapshot(canvas, 'opened', 'gone-version', T0));
      await repo.updateMeta('canvas-1', { deletedAt: LATER }, LATER);
      expect(await repo.purgeDeleted()).toBe(1);
      await save(repo, null, { ...createCanvas('canvas-1', LATER), title: 'Same id, new canvas' });
      const fresh = await repo.loadCanvas('canvas-1');
      expect(Object.keys(fresh!.actionItems)).toEqual([]);
      expect(Object.keys(fresh!.datasets)).toEqual([]);
      expect(await repo.loadSnapshot('gone-version')).toBeNull();
    });
  });

  describe('version history', () => {
    it('lists snapshots newest first without the canvases, loads one whole, and knows the latest time', async () => {
      const canvas = sampleCanvas();
      await repo.addSnapshot(makeSnapshot(canvas, 'opened', 's1', LATER));
      await repo.addSnapshot(makeSnapshot(setTitle(canvas, 'Later', LATER + 5), 'editing', 's2', LATER + 5));
      expect(await repo.listSnapshots('canvas-1')).toEqual([
        {
          id: 's2',
          canvasId: 'canvas-1',
          takenAt: LATER + 5,
          reason: 'editing',
          summary: '3 cards, 1 of 20 checks discussed, 1 open concern',
        },
        { id: 's1', canvasId: 'canvas-1', takenAt: LATER, reason: 'opened', summary: '3 cards, 1 of 20 checks discussed, 1 open concern' },
      ]);
      expect((await repo.loadSnapshot('s1'))?.canvas).toEqual(canvas);
      expect(await repo.loadSnapshot('nope')).toBeNull();
      expect(await repo.latestSnapshotAt('canvas-1')).toBe(LATER + 5);
      expect(await repo.latestSnapshotAt('other')).toBeNull();
      // Another canvas's later version is not this one's, and the newest is found by its time, not by the order stored.
      await repo.addSnapshot(makeSnapshot(sampleCanvas('canvas-2'), 'opened', 's3', LATER + 10));
      await repo.addSnapshot(makeSnapshot(canvas, 'opened', 's0', LATER - 5));
      expect(await repo.latestSnapshotAt('canvas-1')).toBe(LATER + 5);
      expect(await repo.latestSnapshotAt('canvas-2')).toBe(LATER + 10);
    });

    it('prunes old snapshots by the rule each time one is added', async () => {
      const canvas = sampleCanvas();
      const DAY = 24 * 60 * 60 * 1000;
      await repo.addSnapshot(makeSnapshot(canvas, 'editing', 'ancient', T0));
      await repo.addSnapshot(makeSnapshot(canvas, 'editing', 'today', T0 + 40 * DAY));
      expect((await repo.listSnapshots('canvas-1')).map((snapshot) => snapshot.id)).toEqual(['today']);
    });
  });

  it('stores, lists and deletes trainers’ own templates', async () => {
    await repo.saveTemplate(ownTemplate('a', 'First'));
    await repo.saveTemplate(ownTemplate('b', 'Second'));
    expect((await repo.listTemplates()).map((own) => own.name).sort()).toEqual(['First', 'Second']);
    await repo.deleteTemplate('a');
    expect(await repo.listTemplates()).toEqual([ownTemplate('b', 'Second')]);
  });
});
