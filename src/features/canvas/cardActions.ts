/** User commands on cards: each is one undoable edit through the store. */
import { showToast } from '../../components/toasts';
import { reopenConcern, setNotesOf, setStatusOf } from '../../domain/canvas';
import {
  type MoveCommand,
  addCard,
  addVote,
  clearVotes,
  exampleCards,
  keepAsOwnCard,
  parkCard,
  removeAllExamples,
  removeVote,
  restoreVotes,
  setAgreed,
  setVotes,
  sortStepByVotes,
  totalVotes,
  votesOnCards,
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
import { announce } from './announcer';
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

/** Clears every vote for a new round; the message that says so offers them back (a mistaken click wipes a round). */
export function clearAllVotes(): void {
  const canvas = getOpenCanvas();
  const total = canvas ? totalVotes(canvas) : 0;
  if (!canvas || total === 0) return;
  const before = votesOnCards(canvas);
  edit((current, now) => clearVotes(current, now));
  showToast({
    message: `${total} ${total === 1 ? 'vote' : 'votes'} cleared for a new round.`,
    actionLabel: 'Undo',
    onAction: () => edit((current, now) => restoreVotes(current, before, now)),
  });
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

/** Opens a resolved concern again (its resolution note is kept), saying so: "Outcome: Trust is open again." */
export function reopenConcernOf(key: AnyCheckKey, name: string): void {
  edit((canvas, now) => reopenConcern(canvas, key, now));
  showToast({ message: `${name} is open again.` });
}

/** "It's fine, dismiss" on a privacy warning: for this exact text, anywhere on the canvas; undoable. */
export function dismissPrivacy(fingerprint: string): void {
  edit((canvas, now) => dismissPrivacyWarning(canvas, fingerprint, now));
}

/** A change that may be refused: the refusal's sentence to show, or null when applied (the store's `attempt`). */
export const attempt = (...args: Parameters<ReturnType<typeof useCanvasStore.getState>['attempt']>) =>
  useCanvasStore.getState().attempt(...args);

/** Says a sentence to screen readers and on screen, and keeps focus on the card. */
function tell(message: string): void {
  showToast({ message });
}

function cardName(id: string): string {
  const canvas = getOpenCanvas();
  const position = canvas && cardPosition(canvas, id);
  return position ? `Card ${position.index + 1} in ${STEP_GUIDANCE[position.step].title}` : 'The card';
}

const votesText = (votes: number) => `${votes} ${votes === 1 ? 'vote' : 'votes'}`;

/** One more or one fewer dot vote, as the scribe counts them. A refusal is said as it is. */
export function changeVotes(id: string, delta: 1 | -1): void {
  const refusal = attempt((canvas, now) => (delta > 0 ? addVote(canvas, id, now) : removeVote(canvas, id, now)));
  const votes = getOpenCanvas()?.cards[id]?.votes ?? 0;
  announce(refusal ?? `${cardName(id)}: ${votesText(votes)}.`);
  if (refusal) tell(refusal);
}

/** Sets a card's votes to a number typed in; returns the refusal, if any, for the dialog to show. */
export function setCardVotes(id: string, votes: number): string | null {
  const refusal = attempt((canvas, now) => setVotes(canvas, id, votes, now));
  if (!refusal) announce(`${cardName(id)}: ${votesText(votes)}.`);
  return refusal;
}

export function toggleAgreed(id: string): void {
  const card = getOpenCanvas()?.cards[id];
  if (!card) return;
  edit((canvas, now) => setAgreed(canvas, id, !card.agreed, now));
  announce(`${cardName(id)}: ${card.agreed ? 'no longer marked agreed' : 'agreed'}.`);
}

/** Parks a card. Focus goes to the card that takes its place (its list sees to that). */
export function parkOne(id: string): void {
  const name = cardName(id);
  const refusal = attempt((canvas, now) => parkCard(canvas, id, now));
  tell(refusal ?? `${name} parked. It is in the parking lot on the Workshop page.`);
}

/** Reorders a step most votes first, as one undoable step. */
export function sortByVotes(step: StepId): void {
  edit((canvas, now) => sortStepByVotes(canvas, step, now));
  announce(`${STEP_GUIDANCE[step].title} sorted by votes, most first.`);
}

/** "Keep as our own card": an example from the template becomes the team's. */
export function keepAsOwn(id: string): void {
  edit((canvas, now) => keepAsOwnCard(canvas, id, now));
  announce(`${cardName(id)} kept as your own card.`);
}

/** Deletes every example card in one undoable step; says how many, with Undo. */
export function removeExamples(count: number): void {
  const canvas = getOpenCanvas();
  if (!canvas) return;
  const ids = exampleCards(canvas).map((card) => card.id);
  edit((current, now) => removeAllExamples(current, now));
  showToast({
    message: `${count} example ${count === 1 ? 'card' : 'cards'} removed.`,
    actionLabel: 'Undo',
    onAction: () => edit((current, now) => ids.reduce((next, id) => restoreCard(next, id, now), current)),
  });
}
