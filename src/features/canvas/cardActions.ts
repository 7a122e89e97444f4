/** User commands on cards: each is one undoable edit through the store. */
import { showToast } from '../../components/toasts';
import { setCheckNotes, setCheckStatus } from '../../domain/canvas';
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
import { STEP_GUIDANCE } from '../../domain/guidance';
import { newId } from '../../domain/ids';
import type { CardColour, CheckStatus, LensId, StepId } from '../../domain/model';
import { getOpenCanvas } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { cancelCardFocusRequest, isCardFocusPending, requestCardFocus } from './focusRequests';

const edit = (...args: Parameters<ReturnType<typeof useCanvasStore.getState>['edit']>) => useCanvasStore.getState().edit(...args);

export function addCardTo(step: StepId): string {
  const id = newId();
  requestCardFocus(id, 'text');
  edit((canvas, now) => addCard(canvas, { id, step }, now));
  return id;
}

export function editCardText(id: string, text: string): void {
  edit((canvas, now) => setCardText(canvas, id, text, now), `card-text:${id}`);
}

export function changeCardColour(id: string, colour: CardColour): void {
  edit((canvas, now) => setCardColour(canvas, id, colour, now));
}

export function removeCard(id: string): void {
  const card = getOpenCanvas()?.cards[id];
  if (!card) return;
  edit((canvas, now) => deleteCard(canvas, id, now));
  document.getElementById(`add-card-${card.step}`)?.focus();
  showToast({
    message: 'Card deleted.',
    actionLabel: 'Undo',
    onAction: () => {
      requestCardFocus(id, 'text');
      edit((canvas, now) => restoreCard(canvas, id, now));
    },
  });
}

export function moveCardBy(id: string, command: MoveCommand): void {
  const before = getOpenCanvas()?.cards[id];
  if (!before) return;
  if (typeof command === 'object') {
    requestCardFocus(id, 'move');
    // In the step-by-step view the card leaves the screen: keep focus in the step it left.
    setTimeout(() => {
      if (!isCardFocusPending(id)) return;
      cancelCardFocusRequest();
      document.getElementById(`add-card-${before.step}`)?.focus();
    }, 0);
  }
  edit((canvas, now) => applyMoveCommand(canvas, id, command, now));
  const canvas = getOpenCanvas();
  const position = canvas && cardPosition(canvas, id);
  if (!position) return;
  const where = `${STEP_GUIDANCE[position.step].title}, position ${position.index + 1} of ${position.count}`;
  showToast({ message: `Card moved to ${where}.` });
}

export function changeCheckStatus(step: StepId, lens: LensId, status: CheckStatus): void {
  edit((canvas, now) => setCheckStatus(canvas, step, lens, status, now));
}

export function editCheckNotes(step: StepId, lens: LensId, notes: string): void {
  edit((canvas, now) => setCheckNotes(canvas, step, lens, notes, now), `check-notes:${step}:${lens}`);
}
