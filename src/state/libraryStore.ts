/** The canvas library: summaries of every stored canvas and the commands on them. */
import { create } from 'zustand';
import { copyTitle, duplicateCanvas } from '../domain/canvas';
import { diffCanvas } from '../domain/diff';
import { newId } from '../domain/ids';
import { type ImportSummary, planImport } from '../domain/importPlan';
import { type Canvas, LIMITS, createCanvas } from '../domain/model';
import type { Snapshot } from '../domain/snapshots';
import type { Template } from '../domain/templates';
import type { CanvasRepository, CanvasSummary } from '../storage/repository';
import { sharedCanvasIds } from '../storage/sharing';
import { useDataSafetyStore } from './dataSafetyStore';
import { repository as appRepository } from './repositoryStore';
import { type TabSync, tabSync } from './tabSync';

export interface LibraryState {
  status: 'loading' | 'ready' | 'failed';
  summaries: CanvasSummary[];
  error: string | null;
  load(): Promise<void>;
  /**
   * Lists the canvases before the app's first render (boot.tsx, when the page came with the
   * service worker's list): the library screen that mounts next shows that list without listing again.
   */
  loadBeforeFirstRender(): Promise<void>;
  /** Lists the canvases for a library screen that has just mounted, unless they were listed for it before the first render. */
  loadForScreen(): Promise<void>;
  /** Creates and stores a canvas; resolves to its id. */
  create(title?: string): Promise<string>;
  /** Stores a canvas made elsewhere (for example from a template); resolves to its id. */
  add(canvas: Canvas): Promise<string>;
  rename(id: string, title: string): Promise<void>;
  duplicate(id: string): Promise<string | null>;
  remove(id: string): Promise<void>;
  restore(id: string): Promise<void>;
  emptyDeleted(): Promise<number>;
  /**
   * Stores the canvases and templates of a backup in one transaction. Ones
   * whose id is already here replace it when `replaceExisting`, otherwise
   * come in as copies beside it.
   */
  /** Stores what a backup holds (saved versions too), keeping ids unless they clash (see domain/importPlan.ts). */
  restoreBackup(canvases: Canvas[], templates: Template[], replaceExisting: boolean, snapshots?: Snapshot[]): Promise<ImportSummary>;
}

export interface LibraryStoreOptions {
  repository: () => Promise<CanvasRepository>;
  tabs: Pick<TabSync, 'announceSaved' | 'announceLibraryChanged'>;
  /** A canvas was stored: there is now something worth asking the browser to keep. */
  onCanvasAdded?: () => void;
}

export const createLibraryStore = ({ repository, tabs, onCanvasAdded }: LibraryStoreOptions) =>
  create<LibraryState>()((set, get) => {
    let listedForFirstScreen = false;
    async function run<T>(action: () => Promise<T>): Promise<T> {
      try {
        const result = await action();
        tabs.announceLibraryChanged();
        await get().load();
        return result;
      } catch (error) {
        console.warn('Outcome Canvas: library action failed', error);
        set({ error: 'That did not work: the browser refused to save the change. Nothing was lost.' });
        throw error;
      }
    }

    return {
      status: 'loading',
      summaries: [],
      error: null,

      async load() {
        try {
          const summaries = await (await repository()).listCanvases();
          summaries.sort((a, b) => b.meta.updatedAt - a.meta.updatedAt);
          set({ summaries, status: 'ready', error: null });
        } catch (error) {
          console.warn('Outcome Canvas: could not list canvases', error);
          set({ status: 'failed', error: 'Your canvases could not be read from this browser.' });
        }
      },

      async loadBeforeFirstRender() {
        // A served link followed before the app's first render: the screen that mounts is a canvas, and
        // the list may have changed by the time a library screen mounts.
        let followed = false;
        globalThis.addEventListener?.(
          'hashchange',
          () => {
            followed = true;
            listedForFirstScreen = false;
          },
          { once: true },
        );
        await get().load();
        listedForFirstScreen = !followed && get().status === 'ready';
      },

      loadForScreen() {
        if (listedForFirstScreen) {
          listedForFirstScreen = false;
          return Promise.resolve();
        }
        return get().load();
      },

      create(title = '') {
        return get().add(createCanvas(newId(), Date.now(), title.slice(0, LIMITS.titleLength)));
      },

      add(canvas) {
        return run(async () => {
          await (await repository()).saveChanges(canvas.id, diffCanvas(null, canvas));
          onCanvasAdded?.();
          return canvas.id;
        });
      },

      rename(id, title) {
        return run(async () => (await repository()).updateMeta(id, { title: title.slice(0, LIMITS.titleLength) }, Date.now()));
      },

      duplicate(id) {
        return run(async () => {
          const repo = await repository();
          const original = await repo.loadCanvas(id);
          if (!original) return null;
          const copy = duplicateCanvas(original, newId(), newId, Date.now(), copyTitle(original.title));
          await repo.saveChanges(copy.id, diffCanvas(null, copy));
          return copy.id;
        });
      },

      remove(id) {
        return run(async () => (await repository()).updateMeta(id, { deletedAt: Date.now() }, Date.now()));
      },

      restore(id) {
        return run(async () => (await repository()).updateMeta(id, { deletedAt: null }, Date.now()));
      },

      emptyDeleted() {
        return run(async () => (await repository()).purgeDeleted());
      },

      // Not through `run`: a refused restore is explained by the import panel, with what it means for the file.
      async restoreBackup(canvases, templates, replaceExisting, snapshots = []) {
        const repo = await repository();
        const cardIds = canvases.flatMap((canvas) => Object.keys(canvas.cards));
        const [existing, own, cardOwners, existingSnapshotIds] = await Promise.all([
          repo.existingIds(canvases.map((canvas) => canvas.id)),
          repo.listTemplates(),
          repo.cardOwners(cardIds),
          repo.existingSnapshotIds(snapshots.map((snapshot) => snapshot.id)),
        ]);
        const plan = planImport({
          canvases,
          templates,
          snapshots,
          existingCanvasIds: new Set(existing),
          existingTemplateIds: new Set(own.map((template) => template.id)),
          cardOwners,
          existingSnapshotIds: new Set(existingSnapshotIds),
          replaceExisting,
          keepAsCopy: sharedCanvasIds(),
          newId,
        });
        await repo.importCanvases(plan, Date.now(), newId);
        // A tab with a replaced canvas open merges the restored version in.
        plan.summary.ids.forEach((id) => tabs.announceSaved(id));
        tabs.announceLibraryChanged();
        await get().load();
        return plan.summary;
      },
    };
  });

export type LibraryStore = ReturnType<typeof createLibraryStore>;

/** The running app's library. */
export const useLibraryStore = createLibraryStore({
  repository: appRepository,
  tabs: tabSync,
  onCanvasAdded: () => useDataSafetyStore.getState().askForPersistenceOnce(),
});
