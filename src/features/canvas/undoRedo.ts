/**
 * Undo and redo as a person asks for them, by key or button: said aloud (nothing on the screen says
 * which step was taken back), and the message on screen goes, since its own Undo, or what it reports,
 * is about a state of the canvas that has just been taken back or redone.
 */
import { dismissToasts } from '../../components/toasts';
import { canRedo, canUndo } from '../../domain/undo';
import { useCanvasStore } from '../../state/canvasStore';
import { announce } from './announcer';

/** Unless focus is on the message (its own Undo, or its ✕): taken away, focus would fall to the page. */
function dismissMessages(): void {
  if (!document.activeElement?.closest('.toasts')) dismissToasts();
}

function travel(direction: 'undo' | 'redo'): void {
  const store = useCanvasStore.getState();
  const possible = direction === 'undo' ? canUndo(store.undoStack) : canRedo(store.undoStack);
  if (!possible) return announce(`Nothing to ${direction}.`);
  store[direction]();
  dismissMessages();
  announce(direction === 'undo' ? 'Undone.' : 'Redone.');
}

export const undoLast = () => travel('undo');
export const redoLast = () => travel('redo');
