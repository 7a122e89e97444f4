// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTitle } from '../../../src/domain/canvas';
import { addCard, addVote, setCardText, setVotes } from '../../../src/domain/cards';
import { addTimerMinutes, startTimer } from '../../../src/domain/timer';
import { diffCanvas } from '../../../src/domain/diff';
import type { Canvas } from '../../../src/domain/model';
import { SAVE_DELAY_MS } from '../../../src/state/autosave';
import { UnreadableCanvasError } from '../../../src/storage/problems';
import { quotaExceeded } from '../helpers/appState';
import { T0, buildCanvas, textsIn } from '../helpers/canvasBuilder';
import { type Tab, freshStores } from '../helpers/stores';

let tab: Tab;
const store = () => tab.canvas.getState();
const saveState = () => tab.saveStatus.getState();
const repository = () => tab.repository();
const seed = (...canvases: Canvas[]) => tab.seed(...canvases);
const stored = (id: string) => tab.stored(id);
const openCanvas = () => tab.openCanvas();
const flushCanvas = () => store().flush();
const hasUnsavedCanvas = () => store().hasUnsaved();

const rename = (title: string) => store().edit((canvas, now) => setTitle(canvas, title, now));

beforeEach(async () => {
  tab = freshStores();
  await seed(buildCanvas({ id: 'c1', title: 'Original', cards: { outcome: ['First'] } }));
});
afterEach(() => tab.stop());

describe('opening a canvas', () => {
  it('loads the stored canvas and is ready', async () => {
    await store().open('c1');
    expect(store().status).toBe('ready');
    expect(store().canvasId).toBe('c1');
    expect(openCanvas()).toEqual(await stored('c1'));
  });

  it('opened twice in the same moment (two screens mounting), loads it once: one autosaver, one "opened" version', async () => {
    const load = vi.spyOn(await repository(), 'loadCanvas');
    await Promise.all([store().open('c1'), store().open('c1')]);
    expect(store().status).toBe('ready');
    expect(load).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () => expect(await tab.versions.list('c1')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50)); // a second "opened" version would have been written by now
    expect((await tab.versions.list('c1')).map((version) => version.reason)).toEqual(['opened']);
  });

  it('opening another canvas while one loads shows the last one asked for', async () => {
    await seed(buildCanvas({ id: 'c2', title: 'Second', cards: { outcome: ['Other'] } }));
    await Promise.all([store().open('c1'), store().open('c2')]);
    expect(store().canvasId).toBe('c2');
    expect(openCanvas()?.title).toBe('Second');
  });

  it('says the canvas is missing when there is no such id', async () => {
    await store().open('no-such-canvas');
    expect(store().status).toBe('missing');
    expect(store().canvas).toBeNull();
  });

  it('treats a canvas in "Recently deleted" as missing', async () => {
    await (await repository()).updateMeta('c1', { deletedAt: T0 + 1 }, T0 + 1);
    await store().open('c1');
    expect(store().status).toBe('missing');
  });

  it('reports a canvas that cannot be read as failed, with the reason', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(await repository(), 'loadCanvas').mockRejectedValueOnce(new UnreadableCanvasError('c1'));
    await store().open('c1');
    expect(store().status).toBe('failed');
    expect(store().loadError).toMatch(/cannot read/);
  });
});

describe('never writing before the canvas has loaded', () => {
  it('ignores an edit made while the canvas is still loading, and writes nothing', async () => {
    const repo = await repository();
    const save = vi.spyOn(repo, 'saveChanges');
    const realLoad = repo.loadCanvas.bind(repo);
    let finishLoading!: () => void;
    const slow = new Promise<void>((resolve) => (finishLoading = resolve));
    vi.spyOn(repo, 'loadCanvas').mockImplementation(async (id) => {
      await slow;
      return realLoad(id);
    });

    const opening = store().open('c1');
    await vi.waitFor(() => expect(store().status).toBe('loading'));
    rename('Typed too early');
    store().undo();
    finishLoading();
    await opening;
    await flushCanvas();

    expect(store().status).toBe('ready');
    expect(openCanvas().title).toBe('Original');
    expect(save).not.toHaveBeenCalled();
    expect((await stored('c1'))?.title).toBe('Original');
  });

  it('does nothing when edited, undone or redone with no canvas open', async () => {
    const save = vi.spyOn(await repository(), 'saveChanges');
    rename('Nobody home');
    store().undo();
    store().redo();
    await flushCanvas();
    expect(store().canvas).toBeNull();
    expect(save).not.toHaveBeenCalled();
    expect(await stored('c1')).toMatchObject({ title: 'Original' });
  });
});

describe('saving edits', () => {
  beforeEach(async () => {
    await store().open('c1');
  });

  it(`saves an edit by itself, about ${SAVE_DELAY_MS} ms later`, async () => {
    rename('Renamed');
    expect(openCanvas().title).toBe('Renamed');
    expect(saveState().state).toBe('saving');
    expect(hasUnsavedCanvas()).toBe(true);
    expect((await stored('c1'))?.title).toBe('Original');

    await vi.waitFor(async () => expect((await stored('c1'))?.title).toBe('Renamed'), { timeout: 5000, interval: 20 });
    await vi.waitFor(() => expect(saveState().state).toBe('saved'));
    expect(hasUnsavedCanvas()).toBe(false);
  });

  it('flush writes the pending edit at once', async () => {
    store().edit((canvas, now) => addCard(canvas, { id: 'new-card', step: 'action', text: 'Call earlier' }, now));
    await flushCanvas();
    expect(textsIn((await stored('c1'))!, 'action')).toEqual(['Call earlier']);
    expect(saveState().state).toBe('saved');
  });

  it('keeps an edit that could not be saved, says why, and saves it on the next flush', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const repo = await repository();
    vi.spyOn(repo, 'saveChanges').mockRejectedValueOnce(quotaExceeded());

    rename('Not lost');
    await flushCanvas();
    expect(saveState().state).toBe('error');
    expect(saveState().problem).toBe('quota');
    expect(openCanvas().title).toBe('Not lost');
    expect((await stored('c1'))?.title).toBe('Original');
    expect(hasUnsavedCanvas()).toBe(true);

    await flushCanvas();
    expect(saveState().state).toBe('saved');
    expect((await stored('c1'))?.title).toBe('Not lost');
  });

  it('closing the canvas saves what is pending', async () => {
    rename('Saved on close');
    await store().close();
    expect(store().status).toBe('idle');
    expect((await stored('c1'))?.title).toBe('Saved on close');
  });

  it('opening another canvas saves what is pending in this one first', async () => {
    await seed(buildCanvas({ id: 'c2', title: 'Other', cardIdPrefix: 'c2:' }));
    rename('Saved on switch');
    await store().open('c2');
    expect(openCanvas().title).toBe('Other');
    expect((await stored('c1'))?.title).toBe('Saved on switch');
  });
});

describe('undo and redo', () => {
  beforeEach(async () => {
    await store().open('c1');
  });

  it('undo restores the previous state and the restored state is saved', async () => {
    rename('Renamed');
    await flushCanvas();
    store().undo();
    expect(openCanvas().title).toBe('Original');
    await flushCanvas();
    expect((await stored('c1'))?.title).toBe('Original');

    store().redo();
    expect(openCanvas().title).toBe('Renamed');
    await flushCanvas();
    expect((await stored('c1'))?.title).toBe('Renamed');
  });

  it('undoes an added card, removing it from storage too', async () => {
    store().edit((canvas, now) => addCard(canvas, { id: 'temp', step: 'insight', text: 'Temporary' }, now));
    await flushCanvas();
    store().undo();
    await flushCanvas();
    const after = await stored('c1');
    expect(after?.cards.temp).toBeUndefined();
    expect(textsIn(after!, 'insight')).toEqual([]);
  });

  it('undoes a burst of typing in one card as one step', () => {
    for (const text of ['First!', 'First!!', 'First!!!']) {
      store().edit((canvas, now) => setCardText(canvas, 'outcome-1', text, now), 'card-text:outcome-1');
    }
    expect(textsIn(openCanvas(), 'outcome')).toEqual(['First!!!']);
    store().undo();
    expect(textsIn(openCanvas(), 'outcome')).toEqual(['First']);
    expect(store().undoStack.past).toHaveLength(0);
  });

  it('starts a fresh undo stack for each canvas opened', async () => {
    rename('Changed');
    await seed(buildCanvas({ id: 'c2', title: 'Other', cardIdPrefix: 'c2:' }));
    await store().open('c2');
    store().undo();
    expect(openCanvas().title).toBe('Other');
    expect(store().undoStack.past).toHaveLength(0);
  });
});

describe('another tab editing the same canvas', () => {
  beforeEach(async () => {
    await store().open('c1');
  });

  /** Another tab's save, straight to storage, as it lands while this tab has unsaved changes. */
  async function saveInOtherTab(change: (canvas: Canvas) => Canvas): Promise<void> {
    const theirs = (await stored('c1'))!;
    await (await repository()).saveChanges('c1', diffCanvas(theirs, change(theirs)), theirs);
  }

  it('never overwrites the other tab’s edit: both texts stay in the card, with a notice and an Undo back to this tab’s', async () => {
    await saveInOtherTab((canvas) => setCardText(canvas, 'outcome-1', 'First, and theirs', T0 + 50));
    store().edit((canvas, now) => setCardText(canvas, 'outcome-1', 'First, and ours', now), 'card-text:outcome-1');
    await flushCanvas();

    const text = openCanvas().cards['outcome-1']!.text;
    expect(text).toContain('ours');
    expect(text).toContain('theirs');
    expect((await stored('c1'))!.cards['outcome-1']!.text).toBe(text);
    expect(store().combinedEdits).toEqual({
      cardIds: ['outcome-1'],
      checkKeys: [],
      governanceIds: [],
      actionItemIds: [],
      datasetIds: [],
      fields: [],
      result: openCanvas(),
    });

    store().undo();
    expect(openCanvas().cards['outcome-1']!.text).toBe('First, and ours');
    await flushCanvas();
    expect((await stored('c1'))!.cards['outcome-1']!.text).toBe('First, and ours');
  });

  it('takes in the other tab’s edit to another record without a notice, and keeps its own', async () => {
    await saveInOtherTab((canvas) => setTitle(canvas, 'Renamed in the other tab', T0 + 50));
    store().edit((canvas, now) => setCardText(canvas, 'outcome-1', 'Typed here', now));
    await flushCanvas();
    expect(openCanvas()).toMatchObject({ title: 'Renamed in the other tab' });
    expect(await stored('c1')).toMatchObject({ title: 'Renamed in the other tab' });
    expect(textsIn((await stored('c1'))!, 'outcome')).toEqual(['Typed here']);
    expect(store().combinedEdits).toBeNull();
  });
});

describe('changes that can be refused, and the workshop timer', () => {
  beforeEach(async () => {
    await store().open('c1');
  });

  it('attempt applies a change and gives back null, or gives back the refusal and changes nothing', async () => {
    expect(store().attempt((canvas, now) => addVote(canvas, 'outcome-1', now))).toBeNull();
    expect(openCanvas().cards['outcome-1']!.votes).toBe(1);
    const before = openCanvas();
    expect(store().attempt((canvas, now) => setVotes(canvas, 'outcome-1', 1000, now))).toBe(
      'A card can hold at most 999 votes; 1,000 is more than that.',
    );
    expect(openCanvas()).toBe(before);
    store().undo();
    expect(openCanvas().cards['outcome-1']!.votes).toBe(0);
  });

  it('saves timer changes but keeps them out of undo: undo takes back the edit, never the clock', async () => {
    rename('Renamed');
    expect(store().editTimer((canvas, now) => startTimer(canvas, 'outcome', now))).toBeNull();
    const timer = openCanvas().timer;
    expect(timer).toMatchObject({ step: 'outcome' });
    expect(store().undoStack.past).toHaveLength(1);
    store().undo();
    expect(openCanvas().title).toBe('Original');
    expect(openCanvas().timer).toBe(timer);
    store().redo();
    expect(openCanvas().title).toBe('Renamed');
    expect(openCanvas().timer).toBe(timer);
    await flushCanvas();
    expect((await stored('c1'))?.timer).toEqual(timer);
  });

  it('gives back a timer refusal', () => {
    let refusal: string | null = null;
    for (let i = 0; i < 50 && !refusal; i++) refusal = store().editTimer((canvas, now) => addTimerMinutes(canvas, 'action', 5, now));
    expect(refusal).toMatch(/At most 240 minutes/);
    expect(store().undoStack.past).toHaveLength(0);
  });
});
