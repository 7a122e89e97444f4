import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addActionItem } from '../../../src/domain/actionLog';
import { setGovernanceStatus } from '../../../src/domain/canvas';
import { setCardText, setVotes } from '../../../src/domain/cards';
import { addDataset } from '../../../src/domain/dataInventory';
import { diffCanvas, metaOf } from '../../../src/domain/diff';
import { startTimer } from '../../../src/domain/timer';
import { clearNote, writeNote } from '../../../src/storage/journal';
import { readNotes, removeRecoveredNote } from '../../../src/storage/journalNotes';
import { MemoryRepository } from '../../../src/storage/memoryRepository';
import { T0, buildCanvas, applied } from '../helpers/canvasBuilder';
import { LATER, sampleCanvas, save } from '../helpers/repository';

const canvas = buildCanvas({ cards: { outcome: ['One'] } });
const note = (text: string) => ({
  canvasId: canvas.id,
  changes: diffCanvas(canvas, setCardText(canvas, 'outcome-1', text, T0 + 1)),
  metaBase: metaOf(canvas),
});

beforeEach(() => localStorage.clear());

describe('unsaved-changes notes', () => {
  it('keeps one note per tab and canvas: two tabs never overwrite or clear each other’s', () => {
    writeNote('tab-a', note('typed in A'));
    writeNote('tab-b', note('typed in B'));
    writeNote('tab-a', note('typed more in A'));
    clearNote('tab-b', canvas.id);
    expect(readNotes().map((read) => [read.tabId, read.changes.cards[0]!.text])).toEqual([['tab-a', 'typed more in A']]);
  });

  it('removes a recovered note only if its tab has not rewritten it since it was read', () => {
    writeNote('tab-a', note('first'));
    const [read] = readNotes();
    writeNote('tab-a', note('rewritten by a tab still open'));
    removeRecoveredNote(read!);
    expect(readNotes().map((kept) => kept.changes.cards[0]!.text)).toEqual(['rewritten by a tab still open']);
    removeRecoveredNote(readNotes()[0]!);
    expect(readNotes()).toEqual([]);
  });

  it('still reads a note written before notes were per tab', () => {
    localStorage.setItem(`outcome-canvas:unsaved:${canvas.id}`, JSON.stringify({ canvasId: canvas.id, changes: note('old').changes }));
    expect(readNotes()).toEqual([expect.objectContaining({ tabId: null, canvasId: canvas.id, metaBase: null })]);
  });

  it('leaves a damaged note in place and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    localStorage.setItem('outcome-canvas:unsaved:tab-a:x', '{not json');
    localStorage.setItem('outcome-canvas:unsaved:tab-a:y', JSON.stringify({ canvasId: 'y', changes: { cards: 'no' } }));
    expect(readNotes()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(localStorage.length).toBe(2);
  });
});

describe('unsaved-changes notes and the records added for workshops, governance and the inventory', () => {
  it('carry action items, data sets, governance checks, votes and the timer, and they reach storage', async () => {
    const repo = new MemoryRepository();
    const before = sampleCanvas();
    await save(repo, null, before);
    let next = applied(addActionItem(before, { id: 'a1', text: 'Typed just before closing' }, LATER));
    next = applied(addDataset(next, { id: 'd1', name: 'Housing' }, LATER));
    next = setGovernanceStatus(next, 'retention', 'concern', LATER);
    next = startTimer(applied(setVotes(next, 'outcome-1', 2, LATER)), 'outcome', LATER);
    expect(writeNote('tab-a', { canvasId: before.id, changes: diffCanvas(before, next), metaBase: metaOf(before) })).toBe(true);

    const [read] = readNotes();
    await repo.saveNewerChanges(read!.canvasId, read!.changes, read!.metaBase);
    expect(await repo.loadCanvas(before.id)).toEqual(next);
  });

  it('read a note written before these records existed, with none of them', () => {
    const old = sampleCanvas();
    const { meta, cards, removedCardIds, checks } = diffCanvas(null, old);
    localStorage.setItem(
      `outcome-canvas:unsaved:${old.id}`,
      JSON.stringify({ canvasId: old.id, changes: { meta, cards, removedCardIds, checks } }),
    );
    const [read] = readNotes();
    expect(read!.changes).toMatchObject({ governance: [], actionItems: [], removedActionItemIds: [], datasets: [], removedDatasetIds: [] });
    expect(read!.changes.cards).toHaveLength(3);
  });
});
