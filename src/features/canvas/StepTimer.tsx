/**
 * The countdown for one step: start, pause, add 5 minutes, reset. The clock
 * is worked out from timestamps (domain/timer.ts) on every tick, so a reload
 * or a crash keeps it right; timer changes go through the store's
 * `editTimer`, never onto the undo stack.
 */
import { useEffect, useRef, useState } from 'react';
import { RefusalMessage } from '../../components/RefusalMessage';
import { STEP_GUIDANCE } from '../../domain/guidance';
import type { StepId } from '../../domain/model';
import { addTimerMinutes, formatClock, pauseTimer, resetTimer, startTimer, stepClock } from '../../domain/timer';
import { getOpenCanvas, useOpenCanvas } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import './StepTimer.css';

/** The time now, moving on every second while `ticking` (a stopped clock does not need it). */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const handle = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(handle);
  }, [ticking]);
  return now;
}

/** Starts the step's timer, or pauses it when it is running there (the T shortcut). */
export function toggleTimer(step: StepId): string | null {
  const canvas = getOpenCanvas();
  const running = canvas?.timer.step === step && canvas.timer.runningSince !== null;
  return useCanvasStore.getState().editTimer((current, now) => (running ? pauseTimer(current, now) : startTimer(current, step, now)));
}

export function minutesText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${minutes} min`;
}

export function StepTimer({ step, headingLevel = 2 }: { step: StepId; headingLevel?: 2 | 3 }) {
  const canvas = useOpenCanvas();
  const running = canvas?.timer.step === step && canvas.timer.runningSince !== null;
  const now = useNow(running);
  const [refusal, setRefusal] = useState<string | null>(null);
  const wasUp = useRef<boolean | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const clock = canvas ? stepClock(canvas, step, now) : null;
  const title = STEP_GUIDANCE[step].title;

  useEffect(() => {
    if (!clock) return;
    // Said once, when the plan runs out while the timer runs: a quiet cue, not an alarm.
    if (wasUp.current === false && clock.timeUp && clock.running) setAnnouncement(`Time is up for ${title}.`);
    wasUp.current = clock.timeUp;
  }, [clock, title]);

  if (!canvas || !clock) return null;
  const Heading = `h${headingLevel}` as const;
  const headingId = `timer-${step}-heading`;
  const act = (change: Parameters<ReturnType<typeof useCanvasStore.getState>['editTimer']>[0]) =>
    setRefusal(useCanvasStore.getState().editTimer(change));

  let face: string;
  let detail: string;
  if (clock.plannedMs === null) {
    face = formatClock(clock.elapsedMs);
    detail = 'elapsed · no time planned for this step';
  } else if (clock.timeUp) {
    face = `+${formatClock(clock.overtimeMs)}`;
    detail = `Time is up · ${minutesText(clock.plannedMs)} planned`;
  } else {
    face = formatClock(clock.remainingMs ?? 0);
    detail = `left of ${minutesText(clock.plannedMs)}`;
  }

  return (
    <section
      className="step-timer"
      aria-labelledby={headingId}
      data-time-up={clock.timeUp || undefined}
      data-running={running || undefined}
    >
      <Heading id={headingId} className="step-timer__heading">
        Timer<span className="visually-hidden"> for {title}</span>
      </Heading>
      <p className="step-timer__face">
        <span className="step-timer__clock" data-testid={`timer-clock-${step}`}>
          {face}
        </span>{' '}
        <span className="step-timer__detail">{detail}</span>
      </p>
      <div className="step-timer__buttons">
        <button type="button" className="button button--small" aria-keyshortcuts="t" onClick={() => setRefusal(toggleTimer(step))}>
          {running ? 'Pause' : clock.elapsedMs > 0 ? 'Resume' : 'Start'}
          <span className="visually-hidden"> the timer for {title}</span>
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => act((c, t) => addTimerMinutes(c, step, 5, t))}
        >
          + 5 min<span className="visually-hidden"> for {title}</span>
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => act((c, t) => resetTimer(c, step, t))}>
          Reset<span className="visually-hidden"> the timer for {title}</span>
        </button>
      </div>
      <RefusalMessage message={refusal} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
