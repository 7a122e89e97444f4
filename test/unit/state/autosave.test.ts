// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTitle } from '../../../src/domain/canvas';
import { addCard } from '../../../src/domain/cards';
import { type CanvasChanges, diffCanvas } from '../../../src/domain/diff';
import type { Canvas } from '../../../src/domain/model';
import { SAVE_DELAY_MS, createAutosaver } from '../../../src/state/autosave';
import { useSaveStatusStore } from '../../../src/state/saveStatusStore';
import { MemoryRepository } from '../../../src/storage/memoryRepository';
import { quotaExceeded } from '../helpers/appState';
import { T0, buildCanvas } from '../helpers/canvasBuilder';

/** Remembers the records each write was given. */
class RecordingRepository extends MemoryRepository {
  writes: CanvasChanges[] = [];
  failures: unknown[] = [];
  override async saveChanges(canvasId: string, changes: CanvasChanges): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.writes.push(changes);
    await super.saveChanges(canvasId, changes);
  }
}

/** The records a save from `before` to `after` must write. */
const write = (before: Canvas, after: Canvas) => diffCanvas(before, after);

const status = () => useSaveStatusStore.getState();

describe('createAutosaver', () => {
  let repo: RecordingRepository;
  let loaded: Canvas;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    useSaveStatusStore.setState({ state: 'saved', problem: null });
    repo = new RecordingRepository();
    loaded = buildCanvas({ title: 'Loaded' });
    await repo.saveChanges(loaded.id, diffCanvas(null, loaded));
    repo.writes = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it(`saves a change ${SAVE_DELAY_MS} ms after it, showing "saving" until then`, async () => {
    const saver = createAutosaver(repo, loaded);
    const edited = setTitle(loaded, 'Edited', T0 + 1);
    saver.schedule(edited);
    expect(status().state).toBe('saving');
    expect(saver.hasUnsaved()).toBe(true);

    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(repo.writes).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1);
    expect(repo.writes).toEqual([write(loaded, edited)]);
    expect(status().state).toBe('saved');
    expect(saver.hasUnsaved()).toBe(false);
    expect((await repo.loadCanvas(loaded.id))?.title).toBe('Edited');
  });

  it('saves a burst of changes once, as the difference from what was stored', async () => {
    const saver = createAutosaver(repo, loaded);
    let canvas = loaded;
    for (const title of ['E', 'Ed', 'Edi', 'Edit']) {
      canvas = setTitle(canvas, title, T0 + title.length);
      saver.schedule(canvas);
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS / 2);
    }
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(repo.writes).toEqual([write(loaded, canvas)]);
  });

  it('writes the next change against what the previous save stored', async () => {
    const saver = createAutosaver(repo, loaded);
    const first = setTitle(loaded, 'First', T0 + 1);
    saver.schedule(first);
    await saver.flush();
    const second = addCard(first, { id: 'c', step: 'action', text: 'Card' }, T0 + 2);
    saver.schedule(second);
    await saver.flush();
    expect(repo.writes).toEqual([write(loaded, first), write(first, second)]);
  });

  it('flush writes at once, without waiting for the delay', async () => {
    const saver = createAutosaver(repo, loaded);
    const edited = setTitle(loaded, 'Now', T0 + 1);
    saver.schedule(edited);
    await saver.flush();
    expect(repo.writes).toHaveLength(1);
    expect(status().state).toBe('saved');
    // The timer that was pending does not write a second time.
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(repo.writes).toHaveLength(1);
  });

  it('does nothing for an unchanged canvas', async () => {
    const saver = createAutosaver(repo, loaded);
    saver.schedule(loaded);
    await saver.flush();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(repo.writes).toEqual([]);
    expect(status().state).toBe('saved');
  });

  it('reports a full disk in words, keeps the change unsaved, and saves it on the next try', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const saver = createAutosaver(repo, loaded);
    const edited = setTitle(loaded, 'Keep me', T0 + 1);
    repo.failures.push(quotaExceeded());
    saver.schedule(edited);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);

    expect(status().state).toBe('error');
    expect(status().problem).toBe('quota');
    expect(saver.hasUnsaved()).toBe(true);
    expect((await repo.loadCanvas(loaded.id))?.title).toBe('Loaded');
    expect(warn).toHaveBeenCalled();

    await saver.flush();
    expect(status()).toEqual({ state: 'saved', problem: null });
    expect(saver.hasUnsaved()).toBe(false);
    expect(repo.writes).toEqual([write(loaded, edited)]);
    expect((await repo.loadCanvas(loaded.id))?.title).toBe('Keep me');
  });
});
