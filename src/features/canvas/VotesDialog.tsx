/**
 * "Set the number of votes…": for a scribe reading the dots off a paper
 * sheet. One dialog for the canvas screen, opened from a card's V key or
 * menu; focus goes back to the card when it closes.
 */
import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { RefusalMessage } from '../../components/RefusalMessage';
import { cardPosition } from '../../domain/cards';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { LIMITS } from '../../domain/model';
import { getOpenCanvas } from '../../state/canvasSelectors';
import { setCardVotes } from './cardActions';
import { focusCardAfterRender } from './focusRequests';
import '../../components/ConfirmDialog.css';

const useVotesDialog = create<{ cardId: string | null }>(() => ({ cardId: null }));

export function openVotesDialog(cardId: string): void {
  useVotesDialog.setState({ cardId });
}

export function VotesDialog() {
  const cardId = useVotesDialog((state) => state.cardId);
  return cardId ? <OpenVotesDialog key={cardId} cardId={cardId} /> : null;
}

function OpenVotesDialog({ cardId }: { cardId: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(() => String(getOpenCanvas()?.cards[cardId]?.votes ?? 0));
  const [refusal, setRefusal] = useState<string | null>(null);
  const canvas = getOpenCanvas();
  const position = canvas && cardPosition(canvas, cardId);
  const name = position ? `card ${position.index + 1} in ${STEP_GUIDANCE[position.step].title}` : 'the card';

  useEffect(() => {
    ref.current?.showModal();
    inputRef.current?.select();
  }, []);

  const close = () => {
    ref.current?.close();
    useVotesDialog.setState({ cardId: null });
    focusCardAfterRender(cardId);
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby="votes-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id="votes-dialog-title">Votes on {name}</h2>
      {/* The app says what is wrong, in its own words, rather than the browser's tooltip. */}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const votes = value.trim() === '' ? NaN : Number(value);
          const refused = setCardVotes(cardId, votes);
          if (refused) {
            setRefusal(refused);
            inputRef.current?.focus();
          } else close();
        }}
      >
        <div className="field">
          <label htmlFor="votes-dialog-input">Number of votes (0 to {LIMITS.votesPerCard})</label>
          <input
            ref={inputRef}
            id="votes-dialog-input"
            className="input input--short"
            type="number"
            inputMode="numeric"
            min={0}
            max={LIMITS.votesPerCard}
            aria-invalid={refusal ? true : undefined}
            aria-errormessage={refusal ? 'votes-dialog-error' : undefined}
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              setRefusal(null);
            }}
          />
        </div>
        <RefusalMessage message={refusal} id="votes-dialog-error" />
        <div className="button-row">
          <button type="submit" className="button">
            Set votes
          </button>
          <button type="button" className="button button--secondary" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
