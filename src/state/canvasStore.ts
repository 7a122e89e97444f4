/**
 * The open canvas, its undo stack and its autosave. Components read it
 * through narrow selectors (one card, one check) so typing in one card does
 * not re-render the others, and change it only through `edit`, which takes
 * a pure domain function.
 */
import { create } from 'zustand';
import { type CombinedEdits, applyRemote, hasCombinedEdits, mergeRemote, remoteChanges, restamp } from '../domain/merge';
import { type Canvas, type Refusal, isRefusal } from '../domain/model';
import { withTimerOf } from '../domain/timer';
import { type UndoStack, emptyUndoStack, mapUndoStack, recordChange, redo, undo } from '../domain/undo';
import { UnreadableCanvasError } from '../storage/problems';
import type { CanvasRepository } from '../storage/repository';
import { type Autosaver, createAutosaver } from './autosave';
import { type EarlyCanvas, earlyCanvas } from './earlyCanvas';
import { repository as appRepository } from './repositoryStore';
import { UNREADABLE_CANVAS } from './saveProblems';
import { type SaveStatusStore, useSaveStatusStore } from './saveStatusStore';
import { type TabSync, tabSync } from './tabSync';
import { type VersionHistory, versionHistory } from './versionHistory';

export type CanvasLoadStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'failed';

/** Texts this tab and another changed at once, kept with both tabs' words: shown until dismissed. */
export interface CombinedEditsNotice extends CombinedEdits {
  /**
   * The canvas as the combine left it, when it was made in this tab: while
   * it is still what is on screen, Undo puts back this tab's own text. Null
   * when another tab made it.
   */
  result: Canvas | null;
}

export interface CanvasState {
  status: CanvasLoadStatus;
  /** The id asked for, even before it has loaded. */
  canvasId: string | null;
  loadError: string | null;
  /**
   * The open canvas, as on screen: the one place it is kept. Null until
   * loaded. Read it through `canvasSelectors.ts` (`useOpenCanvas`, the
   * narrow hooks, `getOpenCanvas` in event handlers), never here directly.
   */
  canvas: Canvas | null;
  /** The versions Undo and Redo go to. */
  undoStack: UndoStack<Canvas>;
  combinedEdits: CombinedEditsNotice | null;
  /** The open canvas's id while its shared document is live here: the document, not storage, keeps tabs in step. */
  sharedLive: string | null;
  setSharedLive(canvasId: string | null): void;
  /**
   * Saves the open canvas; null while none is loaded, so an empty or
   * half-loaded store never overwrites saved data.
   */
  autosaver: Autosaver | null;
  dismissCombinedEdits(): void;
  open(id: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Applies a pure change. `group` names a field being typed in, so a burst
   * of typing undoes as one step.
   */
  edit(change: (canvas: Canvas, now: number) => Canvas, group?: string): void;
  /**
   * Applies a change that can be refused (a domain operation returning
   * `Canvas | Refusal`, such as `addVote` or `linkCards`). Returns the
   * refusal's sentence for the UI to show as it is, or null when applied.
   */
  attempt(change: (canvas: Canvas, now: number) => Canvas | Refusal, group?: string): string | null;
  /**
   * Applies a timer operation (domain/timer.ts): saved like any change, but
   * never an undo step, and undo never winds the clock back. Returns a
   * refusal's sentence, or null.
   */
  editTimer(change: (canvas: Canvas, now: number) => Canvas | Refusal): string | null;
  undo(): void;
  redo(): void;
  /** Restores a version from the history as one undoable edit; false when it cannot be read. */
  restoreVersion(snapshotId: string): Promise<boolean>;
  /** Writes any pending change now: the tab is being hidden or closed, or the canvas left. */
  flush(): Promise<void>;
  /** True while a change has not yet reached storage. */
  hasUnsaved(): boolean;
  /** Storage may have room again (another tab saved, or canvases were removed): retry a failed save now. */
  retryFailedSave(): void;
  /** Another tab saved this canvas: take in what it stored. */
  mergeFromStorage(canvasId: string): Promise<void>;
  /** Another tab kept both its and this tab's text in these records: say so. */
  noteCombinedElsewhere(canvasId: string, combined: CombinedEdits): void;
  /**
   * A shared canvas changed on another device: show `next` (the shared
   * document's projection), as a change Undo does not take back; every
   * version on the undo stack takes it in too, so Undo still undoes only
   * this device's own edits.
   */
  receiveShared(next: Canvas): void;
}

export interface CanvasStoreOptions {
  repository: () => Promise<CanvasRepository>;
  tabs: Pick<TabSync, 'tabId' | 'announceOpenCanvas' | 'announceSaved' | 'announceCombined'>;
  versions: Pick<VersionHistory, 'noteOpened' | 'noteSaved' | 'restore'>;
  saveStatus: SaveStatusStore;
  /** The canvas the page read before the app loaded, taken instead of reading it again when nothing changed it since. */
  early?: Pick<EarlyCanvas, 'take'>;
}

export const createCanvasStore = ({ repository, tabs, versions, saveStatus, early }: CanvasStoreOptions) =>
  create<CanvasState>()((set, get) => {
    /** Counts calls to `open`: a load that a later open overtook stops where it is. */
    let openTicket = 0;
    /**
     * Merges what storage holds for the open canvas, record by record, into what
     * is on screen and into every version Undo can go back to (see
     * domain/merge.ts). Where this tab and another changed the same text, both
     * are kept, the notice says so, and Undo puts back this tab's own text.
     * Call between writes (the saver's queue).
     */
    async function mergeStored(saver: Autosaver): Promise<void> {
      const state = get();
      if (state.autosaver !== saver || !state.canvas) return;
      const canvasId = state.canvas.id;
      const shared = state.sharedLive === canvasId;
      const [remote, textMerge] = await Promise.all([
        (await repository()).loadCanvas(canvasId),
        shared ? null : import('../domain/textMerge'),
      ]);
      const now = get();
      if (!remote || now.autosaver !== saver || !now.canvas || now.canvas.id !== canvasId) return;
      const base = saver.stored();
      const local = now.canvas;
      if (shared || !textMerge) {
        // A shared canvas's tabs are kept in step by its document (sharedSession.ts relays it
        // between tabs): take what is stored as the base of the next save, keep what is on screen.
        saver.rebase(mergeRemote(base, local, remote, (_base, ours) => ours).stored, local);
        return;
      }
      const { mergeText } = textMerge;
      const { merged, ours, stored, changed, changes, combined } = mergeRemote(base, local, remote, mergeText);
      if (!changed) {
        // Nothing to take in, but the row's time moved: the next save is checked against it.
        if (stored !== base) saver.rebase(stored, local);
        return;
      }
      const rebase = (canvas: Canvas) => applyRemote(canvas, changes, base, local);
      let undoStack = mapUndoStack(now.undoStack, rebase);
      const both = hasCombinedEdits(combined);
      if (both) {
        undoStack = recordChange(undoStack, ours, merged, Date.now());
        tabs.announceCombined(canvasId, combined);
      }
      set({ canvas: merged, undoStack, ...(both && { combinedEdits: { ...combined, result: merged } }) });
      saver.rebase(stored, merged);
    }

    /** Goes one step back or forward in the undo stack; the step is saved like any edit. */
    function travel(direction: typeof undo | typeof redo): void {
      const { canvas, undoStack, autosaver } = get();
      const step = canvas && direction(undoStack, canvas);
      if (!canvas || !step) return;
      // The timer is not an undoable change: what undo brings back keeps the clock as it is now.
      const present = withTimerOf(restamp(canvas, step.present, Date.now()), canvas);
      set({ canvas: present, undoStack: step.stack });
      autosaver?.schedule(present);
    }

    return {
      status: 'idle',
      canvasId: null,
      loadError: null,
      canvas: null,
      undoStack: emptyUndoStack(),
      combinedEdits: null,
      autosaver: null,
      sharedLive: null,

      setSharedLive(canvasId) {
        set({ sharedLive: canvasId });
      },

      dismissCombinedEdits() {
        set({ combinedEdits: null });
      },

      async open(id) {
        const current = get();
        if (current.canvasId === id && (current.status === 'ready' || current.status === 'loading')) return;
        // Only the latest open goes on past the wait for the last canvas's writes: two opens of
        // one canvas in the same tick (two screens mounting) would otherwise both load it, with two
        // autosavers and two "opened" versions in its history.
        const ticket = ++openTicket;
        await get().flush();
        if (ticket !== openTicket) return;
        set({
          status: 'loading',
          canvasId: id,
          canvas: null,
          undoStack: emptyUndoStack(),
          loadError: null,
          combinedEdits: null,
          autosaver: null,
        });
        try {
          const repo = await repository();
          const taken = early?.take(id);
          const adopted = taken && (await repo.adoptEarlyRead(taken.canvas).catch(() => null));
          // Asked last (and always, so listening stops): from here to showing the canvas nothing waits
          // on anything but promises already settled, so no other tab's message can slip in between.
          const canvas = taken?.unchanged() && adopted ? adopted : await repo.loadCanvas(id);
          if (get().canvasId !== id || ticket !== openTicket) return; // the user moved on while it loaded
          if (!canvas || canvas.deletedAt !== null) {
            set({ status: 'missing' });
            return;
          }
          const saver: Autosaver = createAutosaver({
            repository: repo,
            loaded: canvas,
            tabId: tabs.tabId,
            onSaved: (saved) => {
              tabs.announceSaved(saved.id);
              versions.noteSaved(saved);
            },
            onConflict: () => mergeStored(saver),
            onStatus: saveStatus.getState().report,
          });
          saveStatus.getState().report('saved');
          set({ status: 'ready', canvas, undoStack: emptyUndoStack(), autosaver: saver });
          tabs.announceOpenCanvas(id);
          void versions.noteOpened(canvas);
        } catch (error) {
          console.warn('Outcome Canvas: could not load canvas', error);
          if (get().canvasId === id) {
            set({
              status: 'failed',
              loadError: error instanceof UnreadableCanvasError ? UNREADABLE_CANVAS : 'The canvas could not be loaded.',
            });
          }
        }
      },

      async close() {
        // Reset at once (a canvas opened right after must not be clobbered), then
        // finish writing what the closed canvas still had pending.
        const saver = get().autosaver;
        set({
          status: 'idle',
          canvasId: null,
          canvas: null,
          undoStack: emptyUndoStack(),
          loadError: null,
          combinedEdits: null,
          autosaver: null,
        });
        tabs.announceOpenCanvas(null);
        await saver?.flush();
      },

      edit(change, group) {
        const { canvas, undoStack, autosaver } = get();
        if (!canvas) return;
        const now = Date.now();
        const next = change(canvas, now);
        if (next === canvas) return;
        set({ canvas: next, undoStack: recordChange(undoStack, canvas, next, now, group ?? null) });
        autosaver?.schedule(next);
      },

      attempt(change, group) {
        let refusal: string | null = null;
        get().edit((canvas, now) => {
          const next = change(canvas, now);
          if (!isRefusal(next)) return next;
          refusal = next.refused;
          return canvas;
        }, group);
        return refusal;
      },

      editTimer(change) {
        const { canvas, autosaver } = get();
        if (!canvas) return null;
        const next = change(canvas, Date.now());
        if (isRefusal(next)) return next.refused;
        if (next === canvas) return null;
        // Only the timer moves: the undo stack is left as it is.
        set({ canvas: next });
        autosaver?.schedule(next);
        return null;
      },

      undo() {
        travel(undo);
      },

      redo() {
        travel(redo);
      },

      async restoreVersion(snapshotId) {
        const { canvas, edit } = get();
        return canvas ? versions.restore(snapshotId, canvas, edit) : false;
      },

      flush() {
        return get().autosaver?.flush() ?? Promise.resolve();
      },

      hasUnsaved() {
        return get().autosaver?.hasUnsaved() ?? false;
      },

      retryFailedSave() {
        get().autosaver?.retryNow();
      },

      mergeFromStorage(canvasId) {
        const { autosaver: saver, canvasId: openId } = get();
        if (!saver || openId !== canvasId) return Promise.resolve();
        return saver.exclusive(() => mergeStored(saver));
      },

      noteCombinedElsewhere(canvasId, combined) {
        if (get().canvasId === canvasId) set({ combinedEdits: { ...combined, result: null } });
      },

      receiveShared(next) {
        const { canvas, undoStack, autosaver } = get();
        if (!canvas || next === canvas || next.id !== canvas.id) return;
        const changes = remoteChanges(canvas, next);
        set({ canvas: next, undoStack: mapUndoStack(undoStack, (version) => applyRemote(version, changes, canvas, canvas)) });
        autosaver?.schedule(next);
      },
    };
  });

export type CanvasStore = ReturnType<typeof createCanvasStore>;

/** The running app's open canvas. */
export const useCanvasStore = createCanvasStore({
  repository: appRepository,
  tabs: tabSync,
  versions: versionHistory,
  saveStatus: useSaveStatusStore,
  early: earlyCanvas,
});
