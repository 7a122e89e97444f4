/**
 * The parking lot: cards parked from a step (a card's menu, "Park this
 * card") and items written straight into it, in one list; each can be
 * brought back into the step it came from, or another.
 */
import { useRef, useState } from 'react';
import { RefusalMessage } from '../../components/RefusalMessage';
import { addParkedItem, bringBackCard, parkedCards } from '../../domain/cards';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { newId } from '../../domain/ids';
import { type Card, LIMITS, STEP_IDS, type StepId, isStepId } from '../../domain/model';
import { useFocusRescue } from '../../lib/useFocusRescue';
import { useOpenCanvas } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { announce } from './announcer';
import { NewItemText } from './NewItemText';
import { useFieldPrivacy } from './useFieldPrivacy';

export function ParkingLot() {
  const canvas = useOpenCanvas();
  const [text, setText] = useState('');
  const [step, setStep] = useState<StepId>('outcome');
  const [refusal, setRefusal] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const parked = canvas ? parkedCards(canvas) : [];
  // An item brought back leaves the list: focus goes to the item that took its place, or the box to write one.
  useFocusRescue(
    listRef,
    { items: '[data-parked-id]', focusTarget: (item) => item.querySelector('button'), fallback: () => textRef.current },
    [parked.length],
  );
  if (!canvas) return null;

  return (
    <section className="panel workshop__section" aria-labelledby="parking-heading">
      <h3 id="parking-heading">Parking lot ({parked.length})</h3>
      <p className="hint">Ideas for later. Park a card from its menu (M, then “Park this card”), or write one here.</p>
      <form
        className="parking-form"
        onSubmit={(event) => {
          event.preventDefault();
          const refused = useCanvasStore.getState().attempt((c, now) => addParkedItem(c, { id: newId(), step, text }, now));
          setRefusal(refused);
          if (!refused) {
            setText('');
            announce('Parked.');
          }
          textRef.current?.focus();
        }}
      >
        <NewItemText
          id="parking-text"
          label="Park something"
          maxLength={LIMITS.cardTextLength}
          value={text}
          onChange={(value) => {
            setText(value);
            setRefusal(null);
          }}
          errorId={refusal ? 'parking-error' : null}
          textRef={textRef}
          subject="this item"
        />
        <div className="field">
          <label htmlFor="parking-step">It came up in</label>
          <select
            id="parking-step"
            className="input input--short"
            value={step}
            onChange={(event) => isStepId(event.target.value) && setStep(event.target.value)}
          >
            {STEP_IDS.map((id) => (
              <option key={id} value={id}>
                {STEP_GUIDANCE[id].title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Park it
        </button>
        <RefusalMessage message={refusal} id="parking-error" />
      </form>
      {parked.length === 0 && <p>Nothing parked yet.</p>}
      {/* Always there (empty when nothing is parked), so focus can be rescued when the last item goes. */}
      <ul ref={listRef} className="parking-list" aria-label="Parked items">
        {parked.map((card) => (
          <ParkedItem key={card.id} card={card} />
        ))}
      </ul>
    </section>
  );
}

function ParkedItem({ card }: { card: Card }) {
  const from = STEP_GUIDANCE[card.step].title;
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Parked text is on the canvas as a card's is: the same warning under it.
  const privacy = useFieldPrivacy(card.text, {
    id: `parked-${card.id}-privacy`,
    returnFocusRef: buttonRef,
    subject: 'this item',
    compact: true,
  });
  const bringBack = () => {
    const refused = useCanvasStore.getState().attempt((canvas, now) => bringBackCard(canvas, card.id, now));
    announce(refused ?? `Brought back to ${from}.`);
  };
  return (
    <li className="parking-item" data-parked-id={card.id}>
      <p className="parking-item__text" dir="auto">
        {card.text.trim() || <em>Empty card</em>}
      </p>
      <p className="parking-item__meta">
        From {from}
        {card.votes > 0 && ` · ${card.votes} ${card.votes === 1 ? 'vote' : 'votes'}`}
        {card.agreed && ' · agreed'}
      </p>
      {privacy.warnings}
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary button--small"
        aria-describedby={privacy.describedBy}
        onClick={bringBack}
      >
        Bring back to {from}
        <span className="visually-hidden"> ({card.text.trim().slice(0, 60) || 'empty card'})</span>
      </button>
    </li>
  );
}
