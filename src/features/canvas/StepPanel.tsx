import type { ReactNode } from 'react';
import { ClosingLessons } from '../../components/ClosingLessons';
import { SourcesLink } from '../../components/SourcesLink';
import { STEP_GUIDANCE, type StepPrompt } from '../../domain/guidance';
import { STEP_IDS, type StepId } from '../../domain/model';
import { SOURCES } from '../../domain/sources';
import { CardList } from './CardList';
import { DataInventory } from './DataInventory';
import { useDropZone } from './CanvasDnd';
import { stepDropId } from './dragData';
import { EthicsChecks, GovernanceChecks } from './EthicsChecks';
import { SortByVotes } from './SortByVotes';
import './StepPanel.css';

/** One step of the canvas: LOTI's question, prompts, the cards and the five ethics checks. */
export function StepPanel({ step, focused }: { step: StepId; focused: boolean }) {
  const guide = STEP_GUIDANCE[step];
  const number = STEP_IDS.indexOf(step) + 1;
  const headingId = `step-${step}-heading`;
  return (
    <StepDropZone step={step} className={`step${focused ? ' step--focused' : ''}`} headingId={headingId}>
      <p className="step__kicker">
        Step {number} of {STEP_IDS.length}
      </p>
      <h2 id={headingId} className="step__title" tabIndex={-1}>
        {guide.title}
      </h2>
      <p className="step__summary">{guide.summary}</p>
      <blockquote className="step__question">
        <p>“{guide.question}”</p>
        <footer>
          {guide.questionSource}
          {focused && (
            <>
              {' · '}
              <SourcesLink />
            </>
          )}
        </footer>
      </blockquote>
      <h3 className="visually-hidden">Prompts for {guide.title}</h3>
      <ul className="step__prompts">
        {guide.prompts.map((prompt) => (
          <li key={prompt.text}>
            <Prompt prompt={prompt} />
          </li>
        ))}
      </ul>
      {focused && <SortByVotes step={step} />}
      <CardList step={step} />
      {focused && step === 'insight' && <DataInventory />}
      <EthicsChecks step={step} collapsible={!focused} />
      {(step === 'insight' || step === 'enablers') && <GovernanceChecks step={step} collapsible={!focused} />}
      {/* Where the four steps end, LOTI's closing lessons. */}
      {focused && step === 'enablers' && <ClosingLessons headingLevel={3} />}
    </StepDropZone>
  );
}

/**
 * The whole step is where a card can be dropped. Only this wrapper follows
 * the drag (its children are the same elements), so a drag re-renders
 * nothing inside the step.
 */
export function StepDropZone({
  step,
  className,
  headingId,
  children,
}: {
  step: StepId;
  className: string;
  headingId: string;
  children: ReactNode;
}) {
  const { ref, over } = useDropZone(stepDropId(step), step, 'list');
  return (
    <section
      ref={ref}
      className={className}
      aria-labelledby={headingId}
      data-over={over || undefined}
      data-drop-step={step}
      data-drop-kind="list"
      data-drop-id={stepDropId(step)}
    >
      {children}
    </section>
  );
}

function Prompt({ prompt }: { prompt: StepPrompt }) {
  if (!prompt.quotedFrom) return <>{prompt.text}</>;
  return (
    <>
      “{prompt.text}” ({SOURCES[prompt.quotedFrom].shortCite})
    </>
  );
}
