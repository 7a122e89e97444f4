/**
 * Presenting mode: for a projector. The app's chrome, the description and
 * the view links give way to one slim bar (the step, LOTI's question, the
 * way out); the cards are the content, in large type. The timer and other
 * facilitator-only things stay folded away until the facilitator opens
 * them. Left and Right go to the previous and next step, Escape leaves.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { ShortcutSheet } from '../../components/ShortcutSheet';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { STEP_IDS, type StepId } from '../../domain/model';
import { type Shortcut, useShortcuts } from '../../lib/shortcuts';
import { CanvasDnd } from './CanvasDnd';
import { CardList } from './CardList';
import { StepDropZone } from './StepPanel';
import { StepTimer } from './StepTimer';
import { VotesDialog } from './VotesDialog';
import { Announcer } from './Announcer';
import { useIsParticipant } from '../../state/sharingStore';
import './PresentView.css';

/** Where presenting mode goes back to: the view it was opened from. */
export const presentingReturnPath = (canvasId: string, step: StepId | 'board') =>
  step === 'board' ? `/canvas/${canvasId}/board` : `/canvas/${canvasId}/step/${step}`;

/** Set when presenting mode is left, so the "Present" button takes focus back as it mounts. */
let returnFocusToPresentButton = false;
export function takePresentButtonFocus(): boolean {
  const take = returnFocusToPresentButton;
  returnFocusToPresentButton = false;
  return take;
}

/** The step last presented of a canvas, where "One step" goes back to from the whole board. */
let lastPresented: { canvasId: string; step: StepId } | null = null;

export function PresentView({ canvasId, step }: { canvasId: string; step: StepId | 'board' }) {
  const [, navigate] = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [timerOpen, setTimerOpen] = useState(false);
  // The timer is the facilitator's: a participant's device does not offer it.
  const participant = useIsParticipant();
  const index = step === 'board' ? -1 : STEP_IDS.indexOf(step);
  const previous = step === 'board' ? undefined : STEP_IDS[index - 1];
  const next = step === 'board' ? undefined : STEP_IDS[index + 1];

  useEffect(() => {
    // The page's own header and padding give way while presenting.
    document.documentElement.dataset.presenting = '';
    return () => {
      delete document.documentElement.dataset.presenting;
    };
  }, []);
  useEffect(() => {
    headingRef.current?.focus();
    if (step !== 'board') lastPresented = { canvasId, step };
  }, [canvasId, step]);

  const shortcuts = useMemo((): Shortcut[] => {
    const go = (to: StepId | 'board' | undefined) => () => {
      if (to) navigate(`/canvas/${canvasId}/present/${to}`);
    };
    return [
      { id: 'present-next', keys: ['ArrowRight', ']'], label: 'Next step', group: PRESENTING, run: go(next) },
      { id: 'present-previous', keys: ['ArrowLeft', '['], label: 'Previous step', group: PRESENTING, run: go(previous) },
      {
        id: 'present-exit',
        keys: ['Escape'],
        label: 'Leave presenting mode',
        group: PRESENTING,
        run: () => {
          returnFocusToPresentButton = true;
          navigate(presentingReturnPath(canvasId, step));
        },
      },
    ];
  }, [canvasId, step, next, previous, navigate]);
  useShortcuts(shortcuts);

  const leave = () => {
    returnFocusToPresentButton = true;
    navigate(presentingReturnPath(canvasId, step));
  };

  return (
    <div className="present">
      <header className="present-bar">
        <div className="present-bar__row">
          <h1 ref={headingRef} tabIndex={-1} className="present-bar__title">
            {step === 'board' ? (
              'Whole board'
            ) : (
              <>
                <span className="present-bar__number">
                  {index + 1}/{STEP_IDS.length}
                </span>{' '}
                {STEP_GUIDANCE[step].title}
              </>
            )}
          </h1>
          <nav className="present-bar__nav" aria-label="Presenting">
            {step !== 'board' && (
              <>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-disabled={!previous}
                  aria-keyshortcuts="ArrowLeft"
                  onClick={go(previous)}
                >
                  <span aria-hidden="true">←</span>
                  <span className="visually-hidden">Previous step</span>
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-disabled={!next}
                  aria-keyshortcuts="ArrowRight"
                  onClick={go(next)}
                >
                  <span aria-hidden="true">→</span>
                  <span className="visually-hidden">Next step</span>
                </button>
              </>
            )}
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                navigate(
                  `/canvas/${canvasId}/present/${step === 'board' ? (lastPresented?.canvasId === canvasId ? lastPresented.step : 'outcome') : 'board'}`,
                )
              }
            >
              {step === 'board' ? 'One step' : 'Whole board'}
            </button>
            {step !== 'board' && !participant && (
              <button type="button" className="button button--secondary" aria-expanded={timerOpen} onClick={() => setTimerOpen(!timerOpen)}>
                Timer
              </button>
            )}
            <button type="button" className="button" aria-keyshortcuts="Escape" onClick={leave}>
              Exit<span className="visually-hidden"> presenting mode</span>
            </button>
          </nav>
        </div>
        {step !== 'board' && <p className="present-bar__question">“{STEP_GUIDANCE[step].question}”</p>}
        {step !== 'board' && timerOpen && !participant && <StepTimer step={step} />}
      </header>
      <CanvasDnd>
        {step === 'board' ? (
          <div className="present-board">
            {STEP_IDS.map((column) => (
              <StepDropZone key={column} step={column} className="present-column" headingId={`present-${column}-heading`}>
                <h2 id={`present-${column}-heading`}>{STEP_GUIDANCE[column].title}</h2>
                <CardList step={column} />
              </StepDropZone>
            ))}
          </div>
        ) : (
          <StepDropZone step={step} className="present-step" headingId="present-step-cards">
            <h2 id="present-step-cards" className="visually-hidden">
              Cards in {STEP_GUIDANCE[step].title}
            </h2>
            <CardList step={step} />
          </StepDropZone>
        )}
      </CanvasDnd>
      <ShortcutSheet />
      <VotesDialog />
      <Announcer />
    </div>
  );

  function go(to: StepId | undefined) {
    return () => {
      if (to) navigate(`/canvas/${canvasId}/present/${to}`);
    };
  }
}

const PRESENTING = 'Presenting mode';
