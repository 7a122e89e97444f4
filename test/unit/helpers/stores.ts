/**
 * A fresh set of the app's stores for one test, wired as the app wires them
 * (`src/state/startStores.ts`), over IndexedDB (each test has an empty one,
 * see test/setup.ts). Two of them with the same database and channel are two
 * tabs of one browser.
 */
import { diffCanvas } from '../../../src/domain/diff';
import type { Canvas } from '../../../src/domain/model';
import { createCanvasStore } from '../../../src/state/canvasStore';
import type { EarlyCanvas } from '../../../src/state/earlyCanvas';
import { createLibraryStore } from '../../../src/state/libraryStore';
import { createRepositoryStore } from '../../../src/state/repositoryStore';
import { createSaveStatusStore } from '../../../src/state/saveStatusStore';
import { startStores } from '../../../src/state/startStores';
import { createTabSync } from '../../../src/state/tabSync';
import { createVersionHistory } from '../../../src/state/versionHistory';
import { openRepository } from '../../../src/storage/openRepository';

export interface TabOptions {
  /** The BroadcastChannel it talks on: give two tabs the same one (names are shared by every test worker, so make it unique). */
  channelName?: string;
  /** The IndexedDB database it opens. */
  databaseName?: string;
  /** The canvas the page read before the app loaded (`state/earlyCanvas.ts`); none by default. */
  early?: Pick<EarlyCanvas, 'take'>;
}

/** One tab's stores, not yet started (see `start`). */
export function freshStores({
  channelName = `test-channel-${crypto.randomUUID()}`,
  databaseName = 'outcome-canvas-test',
  early,
}: TabOptions = {}) {
  const tabSync = createTabSync({ channelName });
  const repositoryStore = createRepositoryStore({ tabs: tabSync, open: (onUpgraded) => openRepository(databaseName, onUpgraded) });
  const repository = () => repositoryStore.getState().repository();
  const versions = createVersionHistory({ repository });
  const saveStatus = createSaveStatusStore();
  const canvas = createCanvasStore({ repository, tabs: tabSync, versions, saveStatus, early });
  const library = createLibraryStore({ repository, tabs: tabSync });
  let stop: (() => void) | null = null;
  return {
    tabs: tabSync,
    repositoryStore,
    repository,
    versions,
    saveStatus,
    canvas,
    library,
    /** Starts listening to other tabs, as the app shell does. */
    start() {
      stop ??= startStores({ tabs: tabSync, canvas, library });
    },
    /** Closes the canvas (writing what is pending) and stops listening. */
    async stop() {
      await canvas.getState().close();
      stop?.();
      stop = null;
    },
    /** Saves canvases straight to storage, as if made in an earlier session. */
    async seed(...canvases: Canvas[]) {
      const repo = await repository();
      for (const made of canvases) await repo.saveChanges(made.id, diffCanvas(null, made));
    },
    /** What is in storage now, read the way the app reads it. */
    async stored(id: string) {
      return (await repository()).loadCanvas(id);
    },
    /** The canvas open in the store. */
    openCanvas(): Canvas {
      const open = canvas.getState().canvas;
      if (!open) throw new Error('No canvas is open');
      return open;
    },
  };
}

export type Tab = ReturnType<typeof freshStores>;
