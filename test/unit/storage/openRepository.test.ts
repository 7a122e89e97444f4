// @vitest-environment node
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { diffCanvas } from '../../../src/domain/diff';
import { openRepository } from '../../../src/storage/openRepository';
import { buildCanvas } from '../helpers/canvasBuilder';

describe('openRepository', () => {
  it('uses IndexedDB when the browser has it', async () => {
    const opened = await openRepository();
    expect(opened.repository.kind).toBe('indexeddb');
    expect(opened.problem).toBeNull();
  });

  it('falls back to memory, saying the browser refuses storage, when IndexedDB is missing; the memory repository works', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const saved = globalThis.indexedDB;
    // Dexie keeps its own reference to the factory, taken when it loaded.
    Reflect.deleteProperty(globalThis, 'indexedDB');
    Dexie.dependencies.indexedDB = undefined as never;
    try {
      const opened = await openRepository('no-idb');
      expect(opened.repository.kind).toBe('memory');
      expect(opened.problem).toBe('refused');
      expect(warn).toHaveBeenCalled();

      const canvas = buildCanvas({ cards: { outcome: ['A', 'B'], action: ['C'] } });
      await opened.repository.saveChanges(canvas.id, diffCanvas(null, canvas));
      expect(await opened.repository.loadCanvas(canvas.id)).toEqual(canvas);
      expect((await opened.repository.listCanvases())[0]!.progress.cardCount).toBe(3);
    } finally {
      globalThis.indexedDB = saved;
      Dexie.dependencies.indexedDB = saved;
    }
  });
});
