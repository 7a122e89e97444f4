import { useEffect } from 'react';
import { Link } from 'wouter';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { STEP_IDS, type StepId } from '../../domain/model';
import { useStepCounts } from '../../state/canvasSelectors';
import { useDropZone } from './CanvasDnd';
import { railDropId } from './dragData';
import { FacilitatorPanel } from './FacilitatorPanel';
import { StepNav } from './StepNav';
import { StepPanel } from './StepPanel';
import { useIsParticipant } from '../../state/sharingStore';
import { StepTimer } from './StepTimer';
import { ExamplesBanner } from './ExamplesBanner';
import './GuidedView.css';

/** One step at a time, large, with the other steps beside it as drop targets. */
export function GuidedView({ canvasId, step }: { canvasId: string; step: StepId }) {
  const index = STEP_IDS.indexOf(step);
  const previous = STEP_IDS[index - 1];
  const next = STEP_IDS[index + 1];

  useEffect(() => {
    // After a step change, start reading at the new step (not at the top of the page).
    const heading = document.getElementById(`step-${step}-heading`);
    if (heading && document.activeElement?.closest('.step-nav, .step-pager')) heading.focus();
  }, [step]);

  const participant = useIsParticipant();
  return (
    <>
      <StepNav canvasId={canvasId} current={step} />
      <div className="guided">
        {/* Keyed by step: a new step is a new screen, and its heading takes focus. */}
        <StepPanel key={step} step={step} focused />
        <aside className="drop-rail" aria-label={participant ? 'Other steps' : 'Facilitator notes and other steps'}>
          {/* In a shared canvas, the timer and the notes are the facilitator's: participants do not get them. */}
          {!participant && <StepTimer step={step} />}
          <ExamplesBanner focusAfter={`step-${step}-heading`} />
          <h2>Other steps</h2>
          {STEP_IDS.filter((other) => other !== step).map((other) => (
            <RailTarget key={other} canvasId={canvasId} step={other} />
          ))}
          {!participant && <FacilitatorPanel step={step} />}
        </aside>
      </div>
      <nav className="step-pager" aria-label="Previous and next step">
        {previous ? (
          <Link className="button button--secondary" href={`/canvas/${canvasId}/step/${previous}`}>
            ← Previous: {STEP_GUIDANCE[previous].title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link className="button" href={`/canvas/${canvasId}/step/${next}`}>
            Next: {STEP_GUIDANCE[next].title} →
          </Link>
        ) : (
          <Link className="button" href={`/canvas/${canvasId}/concerns`}>
            Review open concerns →
          </Link>
        )}
      </nav>
    </>
  );
}

function RailTarget({ canvasId, step }: { canvasId: string; step: StepId }) {
  const { ref, over } = useDropZone(railDropId(step), step, 'rail');
  const { cards } = useStepCounts(step);
  return (
    <div
      ref={ref}
      className="drop-target"
      data-over={over || undefined}
      data-drop-step={step}
      data-drop-kind="rail"
      data-drop-id={railDropId(step)}
    >
      <Link href={`/canvas/${canvasId}/step/${step}`}>{STEP_GUIDANCE[step].title}</Link>
      <div className="hint">
        {cards} {cards === 1 ? 'card' : 'cards'} · drop a card here to move it
      </div>
    </div>
  );
}
