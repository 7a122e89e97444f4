// @vitest-environment node
/**
 * The canvas read once: the canvas store takes the canvas the page read (and painted) before the
 * app loaded, instead of reading it again, only when nothing can have changed it in between.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCardText } from '../../../src/domain/cards';
import type { Canvas } from '../../../src/domain/model';
import { createEarlyCanvas } from '../../../src/state/earlyCanvas';
import { DATABASE_NAME } from '../../../src/storage/db';
import { canvasForFirstPaint } from '../../../src/storage/firstPaintCanvas';
import { readStoredParts } from '../../../src/storage/firstPaintRead';
import { T0, buildCanvas, idsIn, textsIn } from '../helpers/canvasBuilder';
import { type Tab, freshStores } from '../helpers/stores';

let channelName: string;
let early: ReturnType<typeof createEarlyCanvas>;
/** The tab opening the canvas, and another tab of the same browser. */
let tab: Tab;
let other: Tab;

beforeEach(async () => {
  channelName = `test-channel-${crypto.randomUUID()}`;
  early = createEarlyCanvas(channelName);
  tab = freshStores({ channelName, databaseName: DATABASE_NAME, early });
  other = freshStores({ channelName, databaseName: DATABASE_NAME });
  await other.seed(buildCanvas({ id: 'c1', title: 'Read once', cards: { outcome: ['First', 'Second'] } }));
});
afterEach(async () => {
  early.forget();
  await tab.stop();
  await other.stop();
});

/** What the page's entry does at the board's address: listen, read, paint, keep. */
async function readEarly(id = 'c1'): Promise<Canvas> {
  early.watch();
  const canvas = canvasForFirstPaint((await readStoredParts(id))!)!;
  early.keep(canvas);
  return canvas;
}

/** Resolves once a message on the tabs' channel has reached a listener opened after the early read's. */
function nextMessage(): Promise<void> {
  const probe = new BroadcastChannel(channelName);
  return new Promise((resolve) => {
    probe.onmessage = () => {
      probe.close();
      resolve();
    };
  });
}

async function open(id = 'c1') {
  const load = vi.spyOn(await tab.repository(), 'loadCanvas');
  load.mockClear(); // the same spy each time: count this open's reads only
  await tab.canvas.getState().open(id);
  return { readAgain: load.mock.calls.length > 0, canvas: tab.canvas.getState().canvas };
}

describe('opening the canvas the page read before the app loaded', () => {
  it('takes it without reading it again when nothing changed, and it is what storage holds', async () => {
    const read = await readEarly();
    const { readAgain, canvas } = await open();
    expect(readAgain).toBe(false);
    expect(canvas).toBe(read);
    expect(canvas).toEqual(await tab.stored('c1'));
    expect(tab.canvas.getState().status).toBe('ready');
  });

  it('reads it again, and shows the other tab’s edit, when another tab saved it in between', async () => {
    await readEarly();
    other.start();
    await other.canvas.getState().open('c1');
    const heard = nextMessage();
    const [first] = idsIn(other.openCanvas(), 'outcome');
    other.canvas.getState().edit((canvas, now) => setCardText(canvas, first!, 'Changed in the other tab', now));
    await other.canvas.getState().flush();
    await heard;
    const { readAgain, canvas } = await open();
    expect(readAgain).toBe(true);
    expect(textsIn(canvas!, 'outcome')).toEqual(['Changed in the other tab', 'Second']);
  });

  it('reads it again when another tab says it saved, even if the canvas row looks the same', async () => {
    await readEarly();
    const heard = nextMessage();
    other.start();
    other.tabs.announceSaved('another-canvas');
    await heard;
    expect((await open()).readAgain).toBe(true);
  });

  it('reads it again when another tab changed the library', async () => {
    await readEarly();
    const heard = nextMessage();
    other.start();
    other.tabs.announceLibraryChanged();
    await heard;
    expect((await open()).readAgain).toBe(true);
  });

  it('still takes it when other tabs only say they are here', async () => {
    await readEarly();
    const heard = nextMessage();
    other.start();
    other.tabs.announceOpenCanvas('c1');
    await heard;
    expect((await open()).readAgain).toBe(false);
  });

  it('reads it again when storage no longer holds the same canvas row (a write nobody announced)', async () => {
    const read = await readEarly();
    await other.seed({ ...read, title: 'Renamed quietly', updatedAt: T0 + 5 });
    const { readAgain, canvas } = await open();
    expect(readAgain).toBe(true);
    expect(canvas?.title).toBe('Renamed quietly');
  });

  it('reads it again when it was deleted in between', async () => {
    await readEarly();
    await (await other.repository()).updateMeta('c1', { deletedAt: T0 + 5 }, T0 + 5);
    await tab.canvas.getState().open('c1');
    expect(tab.canvas.getState().status).toBe('missing');
  });

  it('takes only the canvas read, and only once', async () => {
    await other.seed(buildCanvas({ id: 'c2', title: 'Another' }));
    await readEarly('c1');
    expect((await open('c2')).readAgain).toBe(true);
    expect((await open('c1')).readAgain).toBe(true); // given up when another canvas opened first
    await tab.canvas.getState().close();
    await readEarly('c1');
    expect((await open('c1')).readAgain).toBe(false);
    await tab.canvas.getState().close();
    expect((await open('c1')).readAgain).toBe(true);
  });

  it('counts a save announced while the store is checking the canvas it took', async () => {
    await readEarly();
    const taken = early.take('c1')!;
    const heard = nextMessage();
    other.start();
    other.tabs.announceSaved('c1');
    await heard;
    expect(taken.unchanged()).toBe(false);
  });

  it('takes nothing that was read without listening to the other tabs', async () => {
    early.keep((await tab.stored('c1'))!);
    expect((await open()).readAgain).toBe(true);
  });
});
