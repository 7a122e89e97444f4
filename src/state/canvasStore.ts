/**
 * The open canvas, its undo stack and its autosave. Components read it
 * through narrow selectors (one card, one check) so typing in one card does
 * not re-render the others, and change it only through `edit`, which takes
 * a pure domain function.
 */
import { create } from 'zustand';
import { applyRemote, mergeRemote, restamp } from '../domain/merge';
import type { Canvas } from '../domain/model';
import { type UndoStack, emptyUndoStack, mapUndoStack, recordChange, redo, undo } from '../domain/undo';
import { UnreadableCanvasError } from '../storage/problems';
import { type Autosaver, createAutosaver } from './autosave';
import { onUpgradedElsewhere, repository } from './repositoryStore';
import { UNREADABLE_CANVAS } from './saveProblems';
import { setSaveStatus } from './saveStatusStore';
import { announceOpenCanvas, announceSaved, onRemoteSave } from './tabSync';
import { noteCanvasOpened, noteCanvasSaved } from './versionHistory';

export type CanvasLoadStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'failed';

export interface CanvasState {
  status: CanvasLoadStatus;
  /** The id asked for, even before it has loaded. */
  canvasId: string | null;
  loadError: string | null;
  /** The open canvas, as on screen: the one place to read it. Null until loaded. */
  canvas: Canvas | null;
  /** The versions Undo and Redo go to. */
  undoStack: UndoStack<Canvas>;
  open(id: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Applies a pure change. `group` names a field being typed in, so a burst
   * of typing undoes as one step.
   */
  edit(change: (canvas: Canvas, now: number) => Canvas, group?: string): void;
  undo(): void;
  redo(): void;
}

let autosaver: Autosaver | null = null;

export const useCanvasStore = create<CanvasState>()((set, get) => ({
  status: 'idle',
  canvasId: null,
  loadError: null,
  canvas: null,
  undoStack: emptyUndoStack(),

  async open(id) {
    const current = get();
    if (current.canvasId === id && (current.status === 'ready' || current.status === 'loading')) return;
    await flushCanvas();
    autosaver = null;
    set({ status: 'loading', canvasId: id, canvas: null, undoStack: emptyUndoStack(), loadError: null });
    try {
      const canvas = await (await repository()).loadCanvas(id);
      if (get().canvasId !== id) return; // the user moved on while it loaded
      if (!canvas || canvas.deletedAt !== null) {
        set({ status: 'missing' });
        return;
      }
      autosaver = createAutosaver(await repository(), canvas, (saved) => {
        announceSaved(saved.id);
        noteCanvasSaved(saved);
      });
      setSaveStatus('saved');
      set({ status: 'ready', canvas, undoStack: emptyUndoStack() });
      announceOpenCanvas(id);
      void noteCanvasOpened(canvas);
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
    const saver = autosaver;
    autosaver = null;
    set({ status: 'idle', canvasId: null, canvas: null, undoStack: emptyUndoStack(), loadError: null });
    announceOpenCanvas(null);
    await saver?.flush();
  },

  edit(change, group) {
    const { canvas, undoStack } = get();
    if (!canvas) return;
    const now = Date.now();
    const next = change(canvas, now);
    if (next === canvas) return;
    set({ canvas: next, undoStack: recordChange(undoStack, canvas, next, now, group ?? null) });
    autosaver?.schedule(next);
  },

  undo() {
    const { canvas, undoStack } = get();
    const step = canvas && undo(undoStack, canvas);
    if (!canvas || !step) return;
    const present = restamp(canvas, step.present, Date.now());
    set({ canvas: present, undoStack: step.stack });
    autosaver?.schedule(present);
  },

  redo() {
    const { canvas, undoStack } = get();
    const step = canvas && redo(undoStack, canvas);
    if (!canvas || !step) return;
    const present = restamp(canvas, step.present, Date.now());
    set({ canvas: present, undoStack: step.stack });
    autosaver?.schedule(present);
  },
}));

/**
 * Another tab saved this canvas: merge what it stored, record by record,
 * into what is on screen and into every version Undo can go back to (see domain/merge.ts).
 */
export function mergeFromStorage(canvasId: string): Promise<void> {
  const saver = autosaver;
  if (!saver || useCanvasStore.getState().canvasId !== canvasId) return Promise.resolve();
  return saver.exclusive(async () => {
    const remote = await (await repository()).loadCanvas(canvasId);
    const state = useCanvasStore.getState();
    if (!remote || autosaver !== saver || state.canvasId !== canvasId || !state.canvas) return;
    const base = saver.stored();
    const local = state.canvas;
    const { merged, stored, changed, changes } = mergeRemote(base, local, remote);
    if (!changed) return;
    const rebase = (canvas: Canvas) => applyRemote(canvas, changes, base, local);
    useCanvasStore.setState({ canvas: merged, undoStack: mapUndoStack(state.undoStack, rebase) });
    saver.rebase(stored, merged);
  });
}

/** Writes any pending change now: the tab is being hidden or closed, or the canvas left. */
export function flushCanvas(): Promise<void> {
  return autosaver?.flush() ?? Promise.resolve();
}

/** The tab is being hidden or closed: note unsaved changes synchronously, then write them. */
export function flushCanvasOnExit(): Promise<void> {
  return autosaver?.flushOnExit() ?? Promise.resolve();
}

export function hasUnsavedCanvas(): boolean {
  return autosaver?.hasUnsaved() ?? false;
}

onRemoteSave((canvasId) => void mergeFromStorage(canvasId));
// The database was upgraded by a newer version in another tab: writes will fail
// from now on, so note what is unsaved where the reload will find it.
onUpgradedElsewhere(() => void flushCanvasOnExit());
