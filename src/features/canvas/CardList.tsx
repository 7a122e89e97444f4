import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { STEP_GUIDANCE } from '../../domain/guidance';
import type { StepId } from '../../domain/model';
import { useCardIds } from '../../state/canvasSelectors';
import { addCardTo } from './cardActions';
import { CardItem } from './CardItem';
import { type StepDropData, stepDropId } from './dragData';
import './CardList.css';

/** The cards of one step: a sortable list that is also a drop target when empty. */
export function CardList({ step }: { step: StepId }) {
  const ids = useCardIds(step);
  const data: StepDropData = { type: 'step', step };
  const { setNodeRef, isOver } = useDroppable({ id: stepDropId(step), data });
  const title = STEP_GUIDANCE[step].title;
  return (
    <div ref={setNodeRef} data-over={isOver || undefined}>
      <h3 className="visually-hidden">Cards in {title}</h3>
      <SortableContext id={stepDropId(step)} items={ids} strategy={verticalListSortingStrategy}>
        <ul className="card-list" aria-label={`Cards in ${title}`}>
          {ids.map((id, index) => (
            <CardItem key={id} id={id} step={step} index={index} />
          ))}
        </ul>
      </SortableContext>
      {ids.length === 0 && <p className="hint">No cards yet. Add the first idea for this step.</p>}
      <button id={`add-card-${step}`} type="button" className="button button--secondary" onClick={() => addCardTo(step)}>
        + Add card<span className="visually-hidden"> to {title}</span>
      </button>
    </div>
  );
}
