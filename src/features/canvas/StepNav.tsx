import { Link } from 'wouter';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { LENS_IDS, STEP_IDS, type StepId } from '../../domain/model';
import { useStepCounts } from '../../state/canvasSelectors';
import './StepNav.css';

/** The progress indicator: the four steps in order, the current one marked. */
export function StepNav({ canvasId, current }: { canvasId: string; current: StepId }) {
  return (
    <nav className="step-nav" aria-label="Canvas steps">
      <p className="visually-hidden">
        Step {STEP_IDS.indexOf(current) + 1} of {STEP_IDS.length}
      </p>
      <ol>
        {STEP_IDS.map((step, i) => (
          <StepNavItem key={step} canvasId={canvasId} step={step} number={i + 1} current={step === current} />
        ))}
      </ol>
    </nav>
  );
}

function StepNavItem({ canvasId, step, number, current }: { canvasId: string; step: StepId; number: number; current: boolean }) {
  const { cards, discussed, concerns } = useStepCounts(step);
  const done = cards > 0 && discussed === LENS_IDS.length;
  return (
    <li>
      <Link href={`/canvas/${canvasId}/step/${step}`} aria-current={current ? 'step' : undefined}>
        <span className="step-nav__name">
          {number}. {STEP_GUIDANCE[step].title}
        </span>
        <span className={`step-nav__meta${done ? ' step-nav__meta--done' : ''}`}>
          {cards} {cards === 1 ? 'card' : 'cards'} · {discussed} of {LENS_IDS.length} checks
          {concerns > 0 && ` · ${concerns} ${concerns === 1 ? 'concern' : 'concerns'}`}
        </span>
      </Link>
    </li>
  );
}
