import { STEP_GUIDANCE } from '../../domain/guidance';
import type { StepId } from '../../domain/model';
import { useStepVotes } from '../../state/canvasSelectors';
import { sortByVotes } from './cardActions';

/** "Sort by votes": once the room has voted, the step's cards most votes first (one undoable step). */
export function SortByVotes({ step }: { step: StepId }) {
  const { votes, sorted } = useStepVotes(step);
  if (votes === 0) return null;
  return (
    <p className="step__votes">
      {votes} {votes === 1 ? 'vote' : 'votes'} in this step.{' '}
      <button
        type="button"
        className="button button--secondary button--small"
        aria-disabled={sorted}
        onClick={() => !sorted && sortByVotes(step)}
      >
        {sorted ? 'Sorted by votes' : 'Sort by votes'}
        <span className="visually-hidden"> in {STEP_GUIDANCE[step].title}</span>
      </button>
    </p>
  );
}
