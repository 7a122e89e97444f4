// @vitest-environment node
/**
 * Two tabs in one test: two sets of stores over one IndexedDB, talking on one
 * BroadcastChannel (Node's, which delivers between instances as a browser's
 * does between tabs).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTitle } from '../../../src/domain/canvas';
import { setCardText } from '../../../src/domain/cards';
import { GONE_AFTER_MS, HEARTBEAT_MS } from '../../../src/state/tabSync';
import { quotaExceeded } from '../helpers/appState';
import { T0, buildCanvas, textsIn } from '../helpers/canvasBuilder';
import { type Tab, freshStores } from '../helpers/stores';

let a: Tab;
let b: Tab;

/** Who `tab` knows is here: each other tab's id with the canvas it has open. */
const othersSeenBy = (tab: Tab) =>
  Object.fromEntries(Object.entries(tab.tabs.presence.getState().others).map(([id, other]) => [id, other.canvasId]));

const typeIn = (tab: Tab, cardId: string, text: string) =>
  tab.canvas.getState().edit((canvas, now) => setCardText(canvas, cardId, text, now), `card-text:${cardId}`);

beforeEach(async () => {
  const shared = { channelName: `tabs-${crypto.randomUUID()}`, databaseName: 'two-tabs' };
  a = freshStores(shared);
  b = freshStores(shared);
  await a.seed(buildCanvas({ id: 'c1', title: 'Care leavers', cards: { outcome: ['Stable homes'] } }));
  a.start();
  b.start();
});

afterEach(async () => {
  vi.useRealTimers();
  await a.stop();
  await b.stop();
});

describe('presence', () => {
  it('each tab learns which canvas the other has open, and when it closes it', async () => {
    await a.canvas.getState().open('c1');
    await vi.waitFor(() => expect(othersSeenBy(b)).toEqual({ [a.tabs.tabId]: 'c1' }));
    // B answered A's announcement, so A knows B is here, with nothing open.
    await vi.waitFor(() => expect(othersSeenBy(a)).toEqual({ [b.tabs.tabId]: null }));

    await b.canvas.getState().open('c1');
    await vi.waitFor(() => expect(othersSeenBy(a)).toEqual({ [b.tabs.tabId]: 'c1' }));

    await a.canvas.getState().close();
    await vi.waitFor(() => expect(othersSeenBy(b)).toEqual({ [a.tabs.tabId]: null }));
  });

  it(`forgets a tab not heard of for ${GONE_AFTER_MS / 1000} s (closed or crashed without a word), and keeps one that beats`, async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(T0);
    // Started again under fake timers, so their heartbeats run on them.
    await a.stop();
    await b.stop();
    a.start();
    b.start();
    await a.canvas.getState().open('c1');
    await vi.waitFor(() => expect(Object.keys(othersSeenBy(a))).toEqual([b.tabs.tabId]));

    // B goes silent (its channel closes with no goodbye, as in a crash).
    b.tabs.announceOpenCanvas('c1');
    await vi.waitFor(() => expect(othersSeenBy(a)).toEqual({ [b.tabs.tabId]: 'c1' }));
    await b.stop();
    await vi.advanceTimersByTimeAsync(GONE_AFTER_MS - HEARTBEAT_MS);
    expect(Object.keys(othersSeenBy(a))).toEqual([b.tabs.tabId]);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 2);
    expect(othersSeenBy(a)).toEqual({});
  });
});

describe('a save in one tab', () => {
  beforeEach(async () => {
    await a.canvas.getState().open('c1');
    await b.canvas.getState().open('c1');
  });

  it('shows up in the other tab without a reload', async () => {
    typeIn(a, 'outcome-1', 'Stable homes for every care leaver');
    await a.canvas.getState().flush();
    await vi.waitFor(() => expect(textsIn(b.openCanvas(), 'outcome')).toEqual(['Stable homes for every care leaver']));
    // And B's own next save does not put the old text back.
    await b.canvas.getState().flush();
    expect(textsIn((await b.stored('c1'))!, 'outcome')).toEqual(['Stable homes for every care leaver']);
  });

  it('merges record by record: each tab keeps its own edit and takes in the other’s', async () => {
    a.canvas.getState().edit((canvas, now) => setTitle(canvas, 'Renamed in A', now));
    typeIn(b, 'outcome-1', 'Typed in B');
    await a.canvas.getState().flush();
    await vi.waitFor(() => expect(b.openCanvas().title).toBe('Renamed in A'));
    expect(textsIn(b.openCanvas(), 'outcome')).toEqual(['Typed in B']);

    await b.canvas.getState().flush();
    await vi.waitFor(() => expect(textsIn(a.openCanvas(), 'outcome')).toEqual(['Typed in B']));
    expect(a.openCanvas().title).toBe('Renamed in A');
    expect(await a.stored('c1')).toMatchObject({ title: 'Renamed in A' });
    expect(textsIn((await a.stored('c1'))!, 'outcome')).toEqual(['Typed in B']);
  });

  it('undo in the other tab takes back only that tab’s own edit', async () => {
    typeIn(b, 'outcome-1', 'Typed in B');
    await b.canvas.getState().flush();
    a.canvas.getState().edit((canvas, now) => setTitle(canvas, 'Renamed in A', now));
    await a.canvas.getState().flush();
    await vi.waitFor(() => expect(b.openCanvas().title).toBe('Renamed in A'));

    b.canvas.getState().undo();
    expect(textsIn(b.openCanvas(), 'outcome')).toEqual(['Stable homes']);
    expect(b.openCanvas().title).toBe('Renamed in A');
  });

  it('when both changed the same text, keeps both, and both tabs show the notice', async () => {
    typeIn(a, 'outcome-1', 'Stable homes, said A');
    typeIn(b, 'outcome-1', 'Stable homes, said B');
    // B's own save stays pending while A's lands, so B must merge before it writes.
    await a.canvas.getState().flush();
    await b.canvas.getState().flush();

    await vi.waitFor(() => expect(a.canvas.getState().combinedEdits).not.toBeNull());
    const text = b.openCanvas().cards['outcome-1']!.text;
    expect(text).toContain('said A');
    expect(text).toContain('said B');
    expect(b.canvas.getState().combinedEdits).toMatchObject({ cardIds: ['outcome-1'], result: b.openCanvas() });
    // The tab that did not combine has no Undo for it.
    expect(a.canvas.getState().combinedEdits).toMatchObject({ cardIds: ['outcome-1'], result: null });
    await vi.waitFor(() => expect(a.openCanvas().cards['outcome-1']!.text).toBe(text));
  });

  it('retries at once a save that failed in the other tab (there may be room again)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Timers stand still, so B's own retry (a second later) never comes: only A's save can set it off.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(await b.repository(), 'saveChanges').mockRejectedValueOnce(quotaExceeded());
    typeIn(b, 'outcome-1', 'Kept while the disk was full');
    await b.canvas.getState().flush();
    expect(b.saveStatus.getState().state).toBe('error');
    const savedAgain = new Promise<void>((resolve) => b.saveStatus.subscribe((status) => status.savedAgainAt !== null && resolve()));

    a.canvas.getState().edit((canvas, now) => setTitle(canvas, 'Saved in A', now));
    await a.canvas.getState().flush();
    await savedAgain;
    expect(b.saveStatus.getState().state).toBe('saved');
    expect(textsIn((await a.stored('c1'))!, 'outcome')).toEqual(['Kept while the disk was full']);
  });
});

describe('the library', () => {
  it('lists a canvas created in another tab', async () => {
    await b.library.getState().load();
    const id = await a.library.getState().create('Made in A');
    await vi.waitFor(() => expect(b.library.getState().summaries.map((item) => item.meta.id)).toContain(id));
  });

  it('lists every canvas a restore in another tab stored, and hears of each one', async () => {
    await b.library.getState().load();
    const heard: string[] = [];
    const stopHearing = b.tabs.onRemoteSave((canvasId) => heard.push(canvasId));
    const restored = Array.from({ length: 40 }, (_, i) => buildCanvas({ id: `restored-${i}`, title: `Restored ${i}` }));
    const { ids } = await a.library.getState().restoreBackup(restored, [], false);
    await vi.waitFor(() =>
      expect(
        b.library
          .getState()
          .summaries.map((item) => item.meta.id)
          .sort(),
      ).toEqual(['c1', ...ids].sort()),
    );
    await vi.waitFor(() => expect(heard).toEqual(ids));
    stopHearing();
  });
});

describe('stopping', () => {
  it('a stopped tab neither hears the others nor is heard', async () => {
    await a.canvas.getState().open('c1');
    await b.canvas.getState().open('c1');
    await vi.waitFor(() => expect(othersSeenBy(a)).toEqual({ [b.tabs.tabId]: 'c1' }));
    await b.stop();
    await b.canvas.getState().open('c1');

    typeIn(a, 'outcome-1', 'Not heard in B');
    await a.canvas.getState().flush();
    b.tabs.announceOpenCanvas('c2');
    // Give the channel time to deliver anything it would.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(textsIn(b.openCanvas(), 'outcome')).toEqual(['Stable homes']);
    expect(othersSeenBy(a)).toEqual({ [b.tabs.tabId]: null });
  });
});
