/**
 * "Your dots": each person in a shared canvas votes with dots of their own,
 * kept in a document only they and the facilitator can open, so nobody sees
 * anyone's dots until the facilitator reveals them (the server then adds them
 * up). The facilitator reveals and hides, and can put the totals on the cards
 * (the scribe's vote counts, which sorting and the exports use).
 */
import { useState } from 'react';
import { setVotes } from '../../domain/cards';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { type Canvas, STEP_IDS, type StepId, isRefusal } from '../../domain/model';
import { getOpenCanvas, useCard, useCardIds, useVotesPerPerson } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { useSharingStore } from '../../state/sharingStore';
import { SharingDialog } from './SharingDialog';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export default function DotsDialog({ onClose }: { onClose: () => void }) {
  const role = useSharingStore((state) => state.record?.role);
  const voting = useSharingStore((state) => state.voting);
  const perPerson = useVotesPerPerson();
  const [said, setSaid] = useState('');
  const used = Object.values(voting.mine).reduce((sum, n) => sum + n, 0);

  const putTotalsOnCards = () => {
    let count = 0;
    useCanvasStore.getState().edit((canvas, now) => {
      let next: Canvas = canvas;
      for (const id of Object.keys(canvas.cards)) {
        const result = setVotes(next, id, voting.tally[id] ?? 0, now);
        if (!isRefusal(result) && result !== next) {
          next = result;
          count++;
        }
      }
      return next;
    });
    setSaid(count ? `The totals are now the votes on ${plural(count, 'card')}.` : 'The cards already show these totals.');
  };

  return (
    <SharingDialog titleId="dots-dialog-title" onClose={onClose}>
      {(close) => (
        <>
          <h2 id="dots-dialog-title">Your dots</h2>
          <p>
            You have placed {used} of your {plural(perPerson, 'dot')}.{' '}
            {voting.revealed
              ? 'The facilitator has revealed everyone’s dots.'
              : 'Nobody else sees your dots until the facilitator reveals them.'}
          </p>
          {STEP_IDS.map((step) => (
            <StepDots key={step} step={step} onSaid={setSaid} perPerson={perPerson} />
          ))}
          <p role="status">{said}</p>
          <div className="button-row">
            {role === 'facilitator' && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => useSharingStore.getState().setRevealed(!voting.revealed)}
              >
                {voting.revealed ? 'Hide everyone’s dots' : 'Reveal everyone’s dots'}
              </button>
            )}
            {role === 'facilitator' && voting.revealed && (
              <button type="button" className="button button--secondary" onClick={putTotalsOnCards}>
                Put the totals on the cards
              </button>
            )}
            <button type="button" className="button" onClick={close}>
              Done
            </button>
          </div>
        </>
      )}
    </SharingDialog>
  );
}

function StepDots({ step, perPerson, onSaid }: { step: StepId; perPerson: number; onSaid: (text: string) => void }) {
  const ids = useCardIds(step);
  if (ids.length === 0) return null;
  return (
    <section aria-labelledby={`dots-${step}`}>
      <h3 id={`dots-${step}`}>{STEP_GUIDANCE[step].title}</h3>
      <ul className="dots-list">
        {ids.map((id) => (
          <CardDots key={id} id={id} perPerson={perPerson} onSaid={onSaid} />
        ))}
      </ul>
    </section>
  );
}

function CardDots({ id, perPerson, onSaid }: { id: string; perPerson: number; onSaid: (text: string) => void }) {
  const card = useCard(id);
  const mine = useSharingStore((state) => state.voting.mine[id] ?? 0);
  const revealed = useSharingStore((state) => state.voting.revealed);
  const total = useSharingStore((state) => state.voting.tally[id] ?? 0);
  if (!card) return null;
  const name = card.text.trim() || 'an empty card';
  const short = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  const change = (delta: 1 | -1) => {
    const refusal = useSharingStore.getState().dot(id, delta, getOpenCanvas()?.votesPerPerson ?? perPerson);
    onSaid(
      refusal ?? `${delta === 1 ? 'Added a dot to' : 'Took a dot off'} “${short}”: ${plural(Math.max(0, mine + delta), 'dot')} of yours.`,
    );
  };
  return (
    <li className="dots-list__item">
      <span className="dots-list__text" dir="auto">
        {short}
      </span>
      <span>
        Your dots: <strong>{mine}</strong>
        {revealed && (
          <>
            {' '}
            · All dots: <strong>{total}</strong>
          </>
        )}
      </span>
      <span className="button-row">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={`Add a dot to “${short}”`}
          onClick={() => change(1)}
        >
          +
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={`Take a dot off “${short}”`}
          aria-disabled={mine === 0}
          onClick={() => mine > 0 && change(-1)}
        >
          −
        </button>
      </span>
    </li>
  );
}
