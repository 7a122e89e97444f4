import { useRef } from 'react';
import { STEP_GUIDANCE } from '../../domain/guidance';
import type { StepId } from '../../domain/model';
import { useFocusRescue } from '../../lib/useFocusRescue';
import { useCardIds } from '../../state/canvasSelectors';
import { addCardTo } from './cardActions';
import { CardItem } from './CardItem';
import { DropIndicator } from './DropIndicator';
import { focusRequestedCard, useRovingCard } from './focusRequests';
import './CardList.css';

/**
 * The cards of one step: a list that is one Tab stop (the card last used, or
 * the first), then "Add card". When the focused card leaves the list (it is
 * deleted, undone, moved away), focus goes to the card that took its place,
 * or to "Add card", never to the page.
 */
export function CardList({ step }: { step: StepId }) {
  const ids = useCardIds(step);
  const roving = useRovingCard((state) => state.current[step]);
  const tabbableId = roving && ids.includes(roving) ? roving : ids[0];
  const listRef = useRef<HTMLUListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const title = STEP_GUIDANCE[step].title;
  useFocusRescue(listRef, { items: '[data-card-id]', fallback: () => addRef.current, requested: focusRequestedCard }, [ids]);

  return (
    <div className="card-list-area">
      <h3 className="visually-hidden">Cards in {title}</h3>
      <ul ref={listRef} className="card-list" data-card-list="" data-step={step} aria-label={`Cards in ${title}`}>
        {ids.map((id) => (
          <CardItem key={id} id={id} step={step} tabbable={id === tabbableId} />
        ))}
      </ul>
      <DropIndicator step={step} listRef={listRef} />
      {ids.length === 0 && <p className="hint">No cards yet. Add the first idea for this step.</p>}
      <button ref={addRef} id={`add-card-${step}`} type="button" className="button button--secondary" onClick={() => addCardTo(step)}>
        + Add card<span className="visually-hidden"> to {title}</span>
      </button>
    </div>
  );
}
