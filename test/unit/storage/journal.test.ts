import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setCardText } from '../../../src/domain/cards';
import { diffCanvas, metaOf } from '../../../src/domain/diff';
import { clearNote, readNotes, removeRecoveredNote, writeNote } from '../../../src/storage/journal';
import { T0, buildCanvas } from '../helpers/canvasBuilder';

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
