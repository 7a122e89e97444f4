/**
 * "Link to…": the golden thread by keyboard. A dialog lists the cards this
 * card may serve and the cards that may serve it, by step, as checkboxes
 * (Space ticks, arrow keys move, typing in "Find a card" narrows the list).
 * Each tick is one undoable edit, saved at once; a link the thread's rules
 * refuse says why. Escape or "Done" closes it and focus goes back to the card.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { cardsInStep } from '../../domain/cards';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { type Canvas, type Card, STEP_IDS, type StepId } from '../../domain/model';
import { SERVES, linkCards, linkRefusal, unlinkCards } from '../../domain/thread';
import { useOpenCanvas } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { shortText } from '../../domain/thread';
import './LinkPicker.css';

/** Steps whose cards may serve a card in `step` (the reverse of SERVES). */
const SERVED_BY: Record<StepId, StepId[]> = Object.fromEntries(
  STEP_IDS.map((step) => [step, STEP_IDS.filter((other) => SERVES[other].includes(step))]),
) as Record<StepId, StepId[]>;

interface Choice {
  card: Card;
  /** The link this checkbox stands for: from → to. */
  from: string;
  to: string;
  linked: boolean;
  /** The position of the card in its step, for its name ("card 2 in Action"). */
  index: number;
}

/** The cards that could be linked either way, each with whether it is; links the rules refuse are left out. */
function choicesFor(canvas: Canvas, card: Card, steps: StepId[], direction: 'serves' | 'served-by'): Map<StepId, Choice[]> {
  const groups = new Map<StepId, Choice[]>();
  for (const step of steps) {
    const choices = cardsInStep(canvas, step).flatMap((other, index): Choice[] => {
      const [from, to] = direction === 'serves' ? [card, other] : [other, card];
      const linked = from.serves.includes(to.id);
      if (!linked && linkRefusal(canvas, from.id, to.id)) return [];
      return [{ card: other, from: from.id, to: to.id, linked, index }];
    });
    groups.set(step, choices);
  }
  return groups;
}

export function LinkPicker({ cardId, onClose }: { cardId: string; onClose: () => void }) {
  const canvas = useOpenCanvas();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const [find, setFind] = useState('');
  const [said, setSaid] = useState('');
  const titleId = useId();
  const card = canvas?.cards[cardId];
  const onBoard = card && card.deletedAt === null && card.parkedAt === null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    findRef.current?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
  }, []);

  /** Closes the modal first, so that focus can go back to the card (nothing outside an open modal can take it). */
  const close = () => {
    const dialog = dialogRef.current;
    if (dialog?.open && typeof dialog.close === 'function') dialog.close();
    onClose();
  };

  const serves = useMemo(() => (canvas && card ? choicesFor(canvas, card, [...SERVES[card.step]], 'serves') : new Map()), [canvas, card]);
  const servedBy = useMemo(
    () => (canvas && card ? choicesFor(canvas, card, SERVED_BY[card.step], 'served-by') : new Map()),
    [canvas, card],
  );
  if (!canvas || !card) return null;

  const title = STEP_GUIDANCE[card.step].title;
  const index = cardsInStep(canvas, card.step).findIndex((other) => other.id === card.id);
  const needle = find.trim().toLowerCase();

  function toggle(choice: Choice) {
    const store = useCanvasStore.getState();
    const name = `“${shortText(choice.card.text, 60)}”`;
    if (choice.linked) {
      store.edit((current, now) => unlinkCards(current, choice.from, choice.to, now));
      setSaid(`Link to ${name} removed.`);
      return;
    }
    const refusal = store.attempt((current, now) => linkCards(current, choice.from, choice.to, now));
    setSaid(refusal ?? (choice.from === card!.id ? `This card now serves ${name}.` : `${name} now serves this card.`));
  }

  function onKeyDown(event: React.KeyboardEvent) {
    // Up and Down move between the find box and the checkboxes, as in a list.
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const fields = [...(dialogRef.current?.querySelectorAll<HTMLInputElement>('input') ?? [])];
    const at = fields.indexOf(document.activeElement as HTMLInputElement);
    if (at < 0) return;
    const next = fields[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  const sections: { legend: (step: StepId) => string; groups: Map<StepId, Choice[]> }[] = [
    { legend: (step) => `This card serves: ${STEP_GUIDANCE[step].title}`, groups: serves },
    { legend: (step) => `Served by: ${STEP_GUIDANCE[step].title}`, groups: servedBy },
  ];
  const total = [...serves.values(), ...servedBy.values()].reduce((sum, list) => sum + list.length, 0);

  return (
    <dialog
      ref={dialogRef}
      className="link-picker"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId}>
        Link card {index + 1} in {title}
      </h2>
      <p className="link-picker__card" dir="auto">
        “{shortText(card.text, 120)}”
      </p>
      <p className="hint">{ruleSentence(card.step)} Each tick is saved at once; Ctrl+Z undoes it.</p>
      {!onBoard ? (
        <p>Bring the card back from the parking lot before linking it.</p>
      ) : total === 0 ? (
        <p>No card on the canvas can be linked to this one yet. {emptyHint(card.step)}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${titleId}-find`}>Find a card</label>
            <input
              ref={findRef}
              id={`${titleId}-find`}
              className="input"
              type="search"
              value={find}
              autoComplete="off"
              onChange={(event) => setFind(event.target.value)}
            />
          </div>
          {sections.map(({ legend, groups }) =>
            [...groups].map(([step, choices]) => {
              const shown = choices.filter((choice) => !needle || choice.card.text.toLowerCase().includes(needle));
              if (choices.length === 0) return null;
              return (
                <fieldset key={`${legend(step)}`} className="link-picker__group">
                  <legend>{legend(step)}</legend>
                  {shown.length === 0 && <p className="hint">No card here matches “{find.trim()}”.</p>}
                  {shown.map((choice) => (
                    <label key={choice.card.id} className="link-picker__choice">
                      <input type="checkbox" checked={choice.linked} onChange={() => toggle(choice)} />
                      <span dir="auto">
                        {shortText(choice.card.text, 90)}
                        <span className="visually-hidden">
                          {' '}
                          (card {choice.index + 1} in {STEP_GUIDANCE[step].title})
                        </span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              );
            }),
          )}
        </>
      )}
      <p className="link-picker__said" role="status">
        {said}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={close} ref={total === 0 || !onBoard ? autoFocus : undefined}>
          Done
        </button>
      </div>
    </dialog>
  );
}

/** Focus "Done" when there is nothing else to focus. */
const autoFocus = (element: HTMLButtonElement | null) => element?.focus();

function ruleSentence(step: StepId): string {
  switch (step) {
    case 'outcome':
      return 'An Outcome is served by Actions (and by Enablers).';
    case 'action':
      return 'An Action serves Outcomes, and Insights serve it.';
    case 'insight':
      return 'An Insight serves Actions; Enablers can serve it.';
    case 'enablers':
      return 'An Enabler can serve any Outcome, Action or Insight.';
  }
}

function emptyHint(step: StepId): string {
  return step === 'outcome'
    ? 'Add an Action first.'
    : step === 'action'
      ? 'Add an Outcome or an Insight first.'
      : 'Add cards to the other steps first.';
}
