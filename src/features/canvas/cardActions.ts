/** User commands on cards: each is one undoable edit through the store. */
import { showToast } from '../../components/toasts';
import { setNotesOf, setStatusOf } from '../../domain/canvas';
import {
  type MoveCommand,
  addCard,
  applyMoveCommand,
  cardPosition,
  deleteCard,
  restoreCard,
  setCardColour,
  setCardText,
} from '../../domain/cards';
import { dismissPrivacyWarning } from '../../domain/dismissals';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { newId } from '../../domain/ids';
import type { AnyCheckKey, CardColour, CheckStatus, StepId } from '../../domain/model';
import { getOpenCanvas } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { focusCardAfterRender, requestCardEdit } from './focusRequests';

const edit = (...args: Parameters<ReturnType<typeof useCanvasStore.getState>['edit']>) => useCanvasStore.getState().edit(...args);

export function addCardTo(step: StepId): string {
  const id = newId();
  requestCardEdit(id);
  edit((canvas, now) => addCard(canvas, { id, step }, now));
  return id;
}

export function editCardText(id: string, text: string): void {
  edit((canvas, now) => setCardText(canvas, id, text, now), `card-text:${id}`);
}

export function changeCardColour(id: string, colour: CardColour): void {
  edit((canvas, now) => setCardColour(canvas, id, colour, now));
}

/** Deletes a card. If it had focus, its list moves focus to the card that takes its place. */
export function removeCard(id: string): void {
  if (!getOpenCanvas()?.cards[id]) return;
  edit((canvas, now) => deleteCard(canvas, id, now));
  showToast({
    message: 'Card deleted.',
    actionLabel: 'Undo',
    onAction: () => {
      edit((canvas, now) => restoreCard(canvas, id, now));
      focusCardAfterRender(id);
    },
  });
}

export function moveCardBy(id: string, command: MoveCommand): void {
  if (!getOpenCanvas()?.cards[id]) return;
  edit((canvas, now) => applyMoveCommand(canvas, id, command, now));
  // Focus follows the card; if it left this view, its old list already gave focus to its neighbour.
  focusCardAfterRender(id);
  const canvas = getOpenCanvas();
  const position = canvas && cardPosition(canvas, id);
  if (!position) return;
  const where = `${STEP_GUIDANCE[position.step].title}, position ${position.index + 1} of ${position.count}`;
  showToast({ message: `Card moved to ${where}.` });
}

/** Sets a check's status, of either kind (`step:lens` or `governance:<id>`). */
export function changeStatusOf(key: AnyCheckKey, status: CheckStatus): void {
  edit((canvas, now) => setStatusOf(canvas, key, status, now));
}

export function editNotesOf(key: AnyCheckKey, notes: string): void {
  edit((canvas, now) => setNotesOf(canvas, key, notes, now), `check-notes:${key}`);
}

/** "It's fine, dismiss" on a privacy warning: for this exact text, anywhere on the canvas; undoable. */
export function dismissPrivacy(fingerprint: string): void {
  edit((canvas, now) => dismissPrivacyWarning(canvas, fingerprint, now));
}
