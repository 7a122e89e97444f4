/**
 * Undo and redo as a person asks for them, by key or button: said aloud (nothing on the screen says
 * which step was taken back), and the message on screen goes, since its own Undo, or what it reports,
 * is about a state of the canvas that has just been taken back or redone.
 */
import { dismissToast, useToasts } from '../../components/toasts';
import { canRedo, canUndo } from '../../domain/undo';
import { useCanvasStore } from '../../state/canvasStore';
import { announce } from './announcer';

function dismissMessages(): void {
  for (const toast of useToasts.getState().toasts) dismissToast(toast.id);
}

export function undoLast(): void {
  const store = useCanvasStore.getState();
  if (!canUndo(store.undoStack)) return announce('Nothing to undo.');
  store.undo();
  dismissMessages();
  announce('Undone.');
}

export function redoLast(): void {
  const store = useCanvasStore.getState();
  if (!canRedo(store.undoStack)) return announce('Nothing to redo.');
  store.redo();
  dismissMessages();
  announce('Redone.');
}
