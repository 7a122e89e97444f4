// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Canvas, LIMITS } from '../../../src/domain/model';
import { T0, buildCanvas, textsIn } from '../helpers/canvasBuilder';
import { type Tab, freshStores } from '../helpers/stores';

let tab: Tab;
const library = () => tab.library.getState();
const summary = (id: string) => library().summaries.find((item) => item.meta.id === id);
const repository = () => tab.repository();
const seed = (...canvases: Canvas[]) => tab.seed(...canvases);
const stored = (id: string) => tab.stored(id);

beforeEach(() => {
  tab = freshStores();
});
afterEach(() => tab.stop());

describe('library store', () => {
  it('lists stored canvases, most recently edited first', async () => {
    await seed(
      buildCanvas({ id: 'old', title: 'Old', now: T0, cardIdPrefix: 'old:' }),
      buildCanvas({ id: 'new', title: 'New', now: T0 + 10_000, cardIdPrefix: 'new:' }),
    );
    await library().load();
    expect(library().status).toBe('ready');
    expect(library().summaries.map((item) => item.meta.title)).toEqual(['New', 'Old']);
  });

  it('lists once at start: the library screen that mounts after the first render shows the list loaded for it', async () => {
    await seed(buildCanvas({ id: 'one', title: 'One', now: T0, cardIdPrefix: 'one:' }));
    const listCanvases = vi.spyOn(await repository(), 'listCanvases');
    await library().loadBeforeFirstRender();
    expect(library().summaries.map((item) => item.meta.title)).toEqual(['One']);
    await library().loadForScreen();
    expect(listCanvases).toHaveBeenCalledTimes(1);
    // Every later visit to the library lists again (a canvas may have been edited meanwhile).
    await library().loadForScreen();
    expect(listCanvases).toHaveBeenCalledTimes(2);
  });

  it('lists again when a link was followed before the first render (the list may be old by the time the library shows)', async () => {
    const events = new EventTarget();
    vi.stubGlobal('addEventListener', events.addEventListener.bind(events));
    vi.stubGlobal('removeEventListener', events.removeEventListener.bind(events));
    try {
      const listCanvases = vi.spyOn(await repository(), 'listCanvases');
      const listed = library().loadBeforeFirstRender();
      events.dispatchEvent(new Event('hashchange'));
      await listed;
      await library().loadForScreen();
      expect(listCanvases).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('creates a stored, empty canvas with the title given', async () => {
    const id = await library().create('Youth justice');
    expect(summary(id)?.meta).toMatchObject({ title: 'Youth justice', deletedAt: null });
    expect(summary(id)?.progress).toMatchObject({ cardCount: 0, checksDiscussed: 0 });
    expect(await stored(id)).toMatchObject({ title: 'Youth justice' });
  });

  it('clamps a new canvas title to the title limit', async () => {
    const id = await library().create('t'.repeat(LIMITS.titleLength + 20));
    expect(summary(id)?.meta.title).toHaveLength(LIMITS.titleLength);
  });

  it('renames a canvas', async () => {
    const id = await library().create('Before');
    await library().rename(id, 'After');
    expect(summary(id)?.meta.title).toBe('After');
    expect((await stored(id))?.title).toBe('After');
  });

  it('duplicates a canvas with its cards and checks under a "(copy)" title', async () => {
    await seed(
      buildCanvas({
        id: 'orig',
        title: 'Housing',
        cards: { outcome: ['Stable homes'], action: ['Call earlier'] },
        checks: [{ step: 'action', lens: 'consent', status: 'concern', notes: 'Opt-out?' }],
      }),
    );
    const copyId = await library().duplicate('orig');
    expect(copyId).not.toBeNull();
    expect(copyId).not.toBe('orig');
    const copy = (await stored(copyId!))!;
    expect(copy.title).toBe('Housing (copy)');
    expect(textsIn(copy, 'outcome')).toEqual(['Stable homes']);
    expect(copy.checks['action:consent']).toMatchObject({ status: 'concern', notes: 'Opt-out?' });
    const original = (await stored('orig'))!;
    expect(Object.keys(copy.cards).some((id) => id in original.cards)).toBe(false);
    expect(textsIn(original, 'outcome')).toEqual(['Stable homes']);
    expect(library().summaries).toHaveLength(2);
  });

  it('gives null when asked to duplicate a canvas that is not there', async () => {
    expect(await library().duplicate('missing')).toBeNull();
  });

  it('moves a removed canvas to Recently deleted and restores it intact', async () => {
    await seed(buildCanvas({ id: 'c', title: 'Keep me', cards: { insight: ['Dashboard'] } }));
    await library().remove('c');
    expect(summary('c')?.meta.deletedAt).toEqual(expect.any(Number));
    await library().restore('c');
    expect(summary('c')?.meta.deletedAt).toBeNull();
    expect(textsIn((await stored('c'))!, 'insight')).toEqual(['Dashboard']);
  });

  it('empties Recently deleted for good, leaving the other canvases', async () => {
    await seed(
      buildCanvas({ id: 'a', title: 'A', cards: { outcome: ['x'] }, cardIdPrefix: 'a:' }),
      buildCanvas({ id: 'b', title: 'B', cards: { outcome: ['y'] }, cardIdPrefix: 'b:' }),
      buildCanvas({ id: 'c', title: 'C', cardIdPrefix: 'c:' }),
    );
    await library().remove('a');
    await library().remove('c');
    expect(await library().emptyDeleted()).toBe(2);
    expect(library().summaries.map((item) => item.meta.id)).toEqual(['b']);
    expect(await stored('a')).toBeNull();
  });

  it('says in words when the browser refuses a change, and passes the failure on', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(await repository(), 'updateMeta').mockRejectedValueOnce(new Error('refused'));
    await expect(library().rename('x', 'y')).rejects.toThrow('refused');
    expect(library().error).toMatch(/browser refused to save the change/);
  });

  it('says so when the canvases cannot be read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(await repository(), 'listCanvases').mockRejectedValueOnce(new Error('nope'));
    await library().load();
    expect(library().status).toBe('failed');
    expect(library().error).toMatch(/could not be read/);
  });
});
