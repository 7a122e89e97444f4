import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTitle } from '../../../src/domain/canvas';
import { addCard, setCardText } from '../../../src/domain/cards';
import { type CanvasChanges, diffCanvas, metaOf } from '../../../src/domain/diff';
import type { Canvas } from '../../../src/domain/model';
import {
  type Autosaver,
  type AutosaverOptions,
  RETRY_DELAYS_MS,
  SAVE_DELAY_MS,
  SAVE_MAX_WAIT_MS,
  type SaveState,
  createAutosaver,
} from '../../../src/state/autosave';
import { readNotes } from '../../../src/storage/journalNotes';
import { MemoryRepository } from '../../../src/storage/memoryRepository';
import type { SaveOutcome } from '../../../src/storage/repository';
import { quotaExceeded } from '../helpers/appState';
import { T0, buildCanvas, textsIn } from '../helpers/canvasBuilder';

/** Remembers the records each write was given; can be told to fail or to find a conflict. */
class RecordingRepository extends MemoryRepository {
  // Notes are kept only for IndexedDB (memory does not outlive the tab); this stands in for it.
  override readonly kind = 'indexeddb' as unknown as 'memory';
  writes: { changes: CanvasChanges; base: Canvas | undefined; at: number }[] = [];
  failures: unknown[] = [];
  conflicts = 0;
  /** While set, writes wait for it: a slow disk. */
  hold: Promise<void> | null = null;
  override async saveChanges(canvasId: string, changes: CanvasChanges, base?: Canvas): Promise<SaveOutcome> {
    await this.hold;
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (base && this.conflicts > 0) {
      this.conflicts--;
      return 'conflict';
    }
    this.writes.push({ changes, base, at: Date.now() });
    return super.saveChanges(canvasId, changes);
  }
}

/** The records a save from `before` to `after` must write. */
const write = (before: Canvas, after: Canvas) => diffCanvas(before, after);

describe('autosave', () => {
  let repo: RecordingRepository;
  let loaded: Canvas;
  let statuses: { state: SaveState; problem: string | null; savedAgain: boolean }[];
  const status = () => statuses[statuses.length - 1];
  const saver = (options: Partial<AutosaverOptions> = {}): Autosaver =>
    createAutosaver({
      repository: repo,
      loaded,
      tabId: 'tab-a',
      onStatus: (state, problem, savedAgain) => statuses.push({ state, problem, savedAgain }),
      ...options,
    });

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(T0);
    localStorage.clear();
    statuses = [];
    repo = new RecordingRepository();
    loaded = buildCanvas({ title: 'Loaded', cards: { outcome: ['First'] } });
    await repo.saveChanges(loaded.id, diffCanvas(null, loaded));
    repo.writes = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it(`saves a change ${SAVE_DELAY_MS} ms after it, saying "saving" until then`, async () => {
    const autosaver = saver();
    const edited = setTitle(loaded, 'Edited', T0 + 1);
    autosaver.schedule(edited);
    expect(status()?.state).toBe('saving');
    expect(autosaver.hasUnsaved()).toBe(true);

    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(repo.writes).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1);
    expect(repo.writes.map((w) => w.changes)).toEqual([write(loaded, edited)]);
    expect(status()).toEqual({ state: 'saved', problem: null, savedAgain: false });
    expect(autosaver.hasUnsaved()).toBe(false);
    expect((await repo.loadCanvas(loaded.id))?.title).toBe('Edited');
  });

  it('saves a quick burst once, as the difference from what was stored', async () => {
    const autosaver = saver();
    let canvas = loaded;
    for (const title of ['E', 'Ed', 'Edi']) {
      canvas = setTitle(canvas, title, Date.now());
      autosaver.schedule(canvas);
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS / 2);
    }
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(repo.writes.map((w) => w.changes)).toEqual([write(loaded, canvas)]);
  });

  it(`writes steady typing that never pauses at least every ${SAVE_MAX_WAIT_MS} ms`, async () => {
    const autosaver = saver();
    let canvas = loaded;
    // Five keys a second for eight seconds, never pausing long enough for the 300 ms wait.
    for (let key = 1; key <= 40; key++) {
      canvas = setCardText(canvas, 'outcome-1', `First${'!'.repeat(key)}`, Date.now());
      autosaver.schedule(canvas);
      await vi.advanceTimersByTimeAsync(200);
    }
    // Key n was pressed at T0 + (n - 1) * 200 ms; each write holds the keys since the one before.
    const keysIn = (changes: CanvasChanges) => changes.cards[0]!.text.length - 'First'.length;
    let previous = 0;
    for (const { changes, at } of repo.writes) {
      const oldestKeyAt = T0 + previous * 200;
      expect(at - oldestKeyAt).toBeLessThanOrEqual(SAVE_MAX_WAIT_MS);
      previous = keysIn(changes);
    }
    const times = repo.writes.map((w) => w.at);
    expect(Math.max(...times.slice(1).map((at, i) => at - times[i]!))).toBeLessThan(1000);
    await autosaver.flush();
    expect(textsIn((await repo.loadCanvas(loaded.id))!, 'outcome')).toEqual([`First${'!'.repeat(40)}`]);
  });

  it('writes the next change against what the previous save stored, checked against it', async () => {
    const autosaver = saver();
    const first = setTitle(loaded, 'First', T0 + 1);
    autosaver.schedule(first);
    await autosaver.flush();
    const second = addCard(first, { id: 'c', step: 'action', text: 'Card' }, T0 + 2);
    autosaver.schedule(second);
    await autosaver.flush();
    expect(repo.writes.map((w) => w.changes)).toEqual([write(loaded, first), write(first, second)]);
    expect(repo.writes.map((w) => w.base)).toEqual([loaded, first]);
  });

  it('flush writes at once, and the wait that was pending writes nothing more', async () => {
    const autosaver = saver();
    autosaver.schedule(setTitle(loaded, 'Now', T0 + 1));
    await autosaver.flush();
    expect(repo.writes).toHaveLength(1);
    expect(status()?.state).toBe('saved');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(repo.writes).toHaveLength(1);
  });

  it('does nothing for an unchanged canvas', async () => {
    const autosaver = saver();
    autosaver.schedule(loaded);
    await autosaver.flush();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(repo.writes).toEqual([]);
    expect(statuses).toEqual([]);
  });

  describe('the unsaved-changes note', () => {
    it('holds every change the moment it is made, before any write, and is removed once all is saved', async () => {
      const autosaver = saver();
      const edited = setCardText(loaded, 'outcome-1', 'Typed a moment ago', T0 + 1);
      autosaver.schedule(edited);
      expect(readNotes()).toEqual([
        expect.objectContaining({ tabId: 'tab-a', canvasId: loaded.id, changes: write(loaded, edited), metaBase: metaOf(loaded) }),
      ]);
      await autosaver.flush();
      expect(readNotes()).toEqual([]);
    });

    it('after a save, still holds what changed while it was being written', async () => {
      const autosaver = saver();
      const first = setCardText(loaded, 'outcome-1', 'one', T0 + 1);
      autosaver.schedule(first);
      let finishWriting!: () => void;
      repo.hold = new Promise((resolve) => (finishWriting = resolve));
      const writing = autosaver.flush();
      await vi.advanceTimersByTimeAsync(0);
      const second = setTitle(first, 'Typed during the write', T0 + 2);
      autosaver.schedule(second);
      finishWriting();
      await writing;
      expect(readNotes().map((note) => note.changes)).toEqual([write(first, second)]);
    });

    it('is this tab’s own: another tab saving the same canvas leaves it alone', async () => {
      const a = saver({ tabId: 'tab-a' });
      const b = saver({ tabId: 'tab-b' });
      a.schedule(setCardText(loaded, 'outcome-1', 'typed in A', T0 + 1));
      b.schedule(setTitle(loaded, 'typed in B', T0 + 2));
      await b.flush();
      expect(readNotes().map((note) => [note.tabId, textsIn({ ...loaded, cards: { x: note.changes.cards[0]! } }, 'outcome')])).toEqual([
        ['tab-a', ['typed in A']],
      ]);
    });
  });

  describe('when a write fails', () => {
    beforeEach(() => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
    });

    it('says why, keeps the change, retries by itself, and says when all is saved again', async () => {
      const autosaver = saver();
      repo.failures.push(quotaExceeded(), quotaExceeded());
      const edited = setTitle(loaded, 'Keep me', T0 + 1);
      autosaver.schedule(edited);
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
      expect(status()).toEqual({ state: 'error', problem: 'quota', savedAgain: false });
      expect(autosaver.hasUnsaved()).toBe(true);
      expect(readNotes()).toHaveLength(1);

      // More typing while the disk is full: kept, and the message stays.
      const more = setTitle(edited, 'Keep me too', T0 + 2);
      autosaver.schedule(more);
      expect(status()?.state).toBe('error');

      await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]!);
      expect(status()?.state).toBe('error'); // the second failure
      await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1]!);
      expect(status()).toEqual({ state: 'saved', problem: null, savedAgain: true });
      expect(repo.writes.map((w) => w.changes)).toEqual([write(loaded, more)]);
      expect(readNotes()).toEqual([]);
    });

    it('retries at once when told storage may have room again', async () => {
      const autosaver = saver();
      repo.failures.push(quotaExceeded());
      autosaver.schedule(setTitle(loaded, 'Keep me', T0 + 1));
      await autosaver.flush();
      expect(status()?.state).toBe('error');
      autosaver.retryNow();
      await vi.advanceTimersByTimeAsync(0);
      expect(status()?.state).toBe('saved');
      expect(repo.writes).toHaveLength(1);
    });

    it('goes on retrying after the canvas is closed, until it is saved', async () => {
      const autosaver = saver();
      repo.failures.push(quotaExceeded(), quotaExceeded(), quotaExceeded());
      autosaver.schedule(setTitle(loaded, 'Keep me', T0 + 1));
      await autosaver.flush();
      await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS.reduce((sum, wait) => sum + wait, 0));
      expect((await repo.loadCanvas(loaded.id))?.title).toBe('Keep me');
    });
  });

  describe('when another tab has changed the same records', () => {
    it('lets the canvas store merge first, then saves the merged canvas against what is stored now', async () => {
      const elsewhere = setCardText(loaded, 'outcome-1', 'from the other tab', T0 + 1);
      const here = setTitle(loaded, 'from this tab', T0 + 2);
      const merged = setCardText(here, 'outcome-1', 'from the other tab', T0 + 1);
      repo.conflicts = 1;
      const onConflict = vi.fn(async () => autosaver.rebase(elsewhere, merged));
      const autosaver = saver({ onConflict });
      autosaver.schedule(here);
      await autosaver.flush();
      expect(onConflict).toHaveBeenCalledTimes(1);
      expect(repo.writes.map((w) => [w.base, w.changes])).toEqual([[elsewhere, write(elsewhere, merged)]]);
      expect(autosaver.stored()).toBe(merged);
    });

    it('after merging five times in a row, writes without the check rather than never saving', async () => {
      repo.conflicts = 99;
      const autosaver = saver({ onConflict: async () => {} });
      autosaver.schedule(setTitle(loaded, 'at last', T0 + 1));
      await autosaver.flush();
      expect(repo.writes.map((w) => w.base)).toEqual([undefined]);
      expect((await repo.loadCanvas(loaded.id))?.title).toBe('at last');
    });
  });
});
