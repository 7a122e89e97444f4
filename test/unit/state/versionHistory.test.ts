// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTitle } from '../../../src/domain/canvas';
import { addCard } from '../../../src/domain/cards';
import { EDITING_INTERVAL, OPENED_AFTER_BREAK } from '../../../src/domain/snapshots';
import { T0, buildCanvas, textsIn } from '../helpers/canvasBuilder';
import { type Tab, freshStores } from '../helpers/stores';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let tab: Tab;
const store = () => tab.canvas.getState();
/** The version history list, newest first: when and why each version was kept. */
const versions = async () => (await tab.versions.list('c1')).map(({ takenAt, reason }) => ({ at: takenAt - T0, reason }));

async function openAt(at: number): Promise<void> {
  vi.setSystemTime(T0 + at);
  await store().close();
  await store().open('c1');
}

async function editAt(at: number, title: string): Promise<void> {
  vi.setSystemTime(T0 + at);
  store().edit((canvas, now) => setTitle(canvas, title, now));
  await store().flush();
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  tab = freshStores();
  await tab.seed(buildCanvas({ id: 'c1', title: 'Care leavers', cards: { outcome: ['Stable homes'] } }));
});
afterEach(async () => {
  await tab.stop();
  vi.useRealTimers();
});

describe('a version is kept', () => {
  it(`when a canvas is opened for the first time, and again only when opened ${OPENED_AFTER_BREAK / MINUTE} minutes after the last`, async () => {
    await openAt(0);
    await vi.waitFor(async () => expect(await versions()).toEqual([{ at: 0, reason: 'opened' }]));

    await openAt(OPENED_AFTER_BREAK - MINUTE);
    await openAt(OPENED_AFTER_BREAK - 1);
    // Give a snapshot that should not be taken the chance to appear.
    await tab.versions.list('c1');
    expect(await versions()).toEqual([{ at: 0, reason: 'opened' }]);

    await openAt(OPENED_AFTER_BREAK);
    await vi.waitFor(async () =>
      expect(await versions()).toEqual([
        { at: OPENED_AFTER_BREAK, reason: 'opened' },
        { at: 0, reason: 'opened' },
      ]),
    );
  });

  it('not for a canvas with nothing in it yet', async () => {
    await tab.seed(buildCanvas({ id: 'empty', cardIdPrefix: 'empty:' }));
    await store().open('empty');
    await tab.versions.noteOpened(tab.openCanvas());
    expect(await tab.versions.list('empty')).toEqual([]);
  });

  it(`every ${EDITING_INTERVAL / MINUTE} minutes while the canvas is being edited`, async () => {
    await openAt(0);
    await vi.waitFor(async () => expect(await versions()).toHaveLength(1));
    await editAt(MINUTE, 'One');
    await editAt(EDITING_INTERVAL - 1, 'Two');
    await editAt(EDITING_INTERVAL, 'Three');
    await vi.waitFor(async () => expect(await versions()).toHaveLength(2));
    await editAt(EDITING_INTERVAL + 5 * MINUTE, 'Four');
    await editAt(2 * EDITING_INTERVAL, 'Five');
    await vi.waitFor(async () =>
      expect(await versions()).toEqual([
        { at: 2 * EDITING_INTERVAL, reason: 'editing' },
        { at: EDITING_INTERVAL, reason: 'editing' },
        { at: 0, reason: 'opened' },
      ]),
    );
    // Each holds the canvas as that save left it.
    const [latest] = await tab.versions.list('c1');
    expect((await tab.versions.load(latest!.id))?.canvas.title).toBe('Five');
  });

  it('before a restore, which is one undoable edit', async () => {
    await openAt(0);
    await vi.waitFor(async () => expect(await versions()).toHaveLength(1));
    const [opened] = await tab.versions.list('c1');
    vi.setSystemTime(T0 + MINUTE);
    store().edit((canvas, now) => addCard(setTitle(canvas, 'Renamed', now), { id: 'later', step: 'outcome', text: 'Added later' }, now));

    expect(await store().restoreVersion(opened!.id)).toBe(true);
    expect(tab.openCanvas().title).toBe('Care leavers');
    expect(textsIn(tab.openCanvas(), 'outcome')).toEqual(['Stable homes']);
    const kept = (await tab.versions.list('c1')).find((version) => version.reason === 'before-restore');
    expect((await tab.versions.load(kept!.id))?.canvas).toMatchObject({ title: 'Renamed' });

    store().undo();
    expect(tab.openCanvas().title).toBe('Renamed');
    expect(textsIn(tab.openCanvas(), 'outcome')).toEqual(['Stable homes', 'Added later']);
  });

  it('never restores a version of another canvas, and changes nothing', async () => {
    await tab.seed(buildCanvas({ id: 'c2', title: 'Other', cardIdPrefix: 'c2:' }));
    await tab.versions.noteOpened((await tab.stored('c2'))!);
    const [other] = await tab.versions.list('c2');
    await openAt(0);
    const before = tab.openCanvas();

    expect(await store().restoreVersion(other!.id)).toBe(false);
    expect(tab.openCanvas()).toBe(before);
    expect(store().undoStack.past).toHaveLength(0);
  });
});

describe('old versions', () => {
  it('keep everything from the last day, then the newest of each day for 30 days, and nothing older', async () => {
    const canvas = (await tab.stored('c1'))!;
    const midnight = Math.floor(T0 / DAY) * DAY;
    // Opened every morning and afternoon for 40 days.
    for (let day = 0; day < 40; day++) {
      await tab.versions.noteOpened(canvas, midnight + day * DAY + 9 * HOUR);
      await tab.versions.noteOpened(canvas, midnight + day * DAY + 15 * HOUR);
    }
    const kept = (await tab.versions.list('c1')).map((version) => version.takenAt);
    const afternoonOf = (day: number) => midnight + day * DAY + 15 * HOUR;
    // The last day: both of day 39 (day 38's afternoon is exactly a day old); then one a day, days 38 back to 10.
    const daily = Array.from({ length: 29 }, (_, i) => afternoonOf(38 - i));
    expect(kept).toEqual([afternoonOf(39), midnight + 39 * DAY + 9 * HOUR, ...daily]);
  });
});
