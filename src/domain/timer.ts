/**
 * The workshop timer. Stored as timestamps (see WorkshopTimer in model.ts),
 * so a reload or a crash keeps it right: the time on the clock is always
 * worked out from `now`. Planned minutes are the step's facilitation
 * minutes plus any added with "add 5 minutes".
 *
 * These operations change only `timer`; the canvas store applies them
 * outside the undo history (an undo never winds the clock back), using
 * `withTimerOf` to carry the current timer into whatever undo brings back.
 */
import { type Canvas, type Refusal, type StepId, type WorkshopTimer, LIMITS, STEP_IDS, perStep, refuse } from './model';

const MINUTE = 60_000;

function withTimer(canvas: Canvas, timer: WorkshopTimer, now: number): Canvas {
  return { ...canvas, timer, updatedAt: now };
}

/** The running time banked into the step it ran on: the timer paused at `now`. */
function banked(timer: WorkshopTimer, now: number): WorkshopTimer {
  if (timer.step === null || timer.runningSince === null) return timer;
  const ran = Math.max(0, now - timer.runningSince);
  return { ...timer, runningSince: null, spentMs: { ...timer.spentMs, [timer.step]: timer.spentMs[timer.step] + ran } };
}

/** Starts (or resumes) the timer on a step. Running on another step, that step's time is banked first. */
export function startTimer(canvas: Canvas, step: StepId, now: number): Canvas {
  const { timer } = canvas;
  if (timer.step === step && timer.runningSince !== null) return canvas;
  return withTimer(canvas, { ...banked(timer, now), step, runningSince: now }, now);
}

export function pauseTimer(canvas: Canvas, now: number): Canvas {
  if (canvas.timer.runningSince === null) return canvas;
  return withTimer(canvas, banked(canvas.timer, now), now);
}

/** "Add 5 minutes" (or any whole number of minutes) to a step's plan. Refused past LIMITS.addedMinutesMax in all. */
export function addTimerMinutes(canvas: Canvas, step: StepId, minutes: number, now: number): Canvas | Refusal {
  if (!Number.isInteger(minutes) || minutes < 1) return refuse('Add a whole number of minutes, 1 or more.');
  const added = canvas.timer.addedMinutes[step] + minutes;
  if (added > LIMITS.addedMinutesMax)
    return refuse(`At most ${LIMITS.addedMinutesMax} minutes can be added to one step. Reset the timer to start the step again.`);
  return withTimer(canvas, { ...canvas.timer, addedMinutes: { ...canvas.timer.addedMinutes, [step]: added } }, now);
}

/** Back to the step's full planned time, paused: time spent and minutes added are cleared. */
export function resetTimer(canvas: Canvas, step: StepId, now: number): Canvas {
  const { timer } = canvas;
  const running = timer.step === step && timer.runningSince !== null;
  if (!running && timer.spentMs[step] === 0 && timer.addedMinutes[step] === 0) return canvas;
  return withTimer(
    canvas,
    {
      ...timer,
      runningSince: running ? null : timer.runningSince,
      spentMs: { ...timer.spentMs, [step]: 0 },
      addedMinutes: { ...timer.addedMinutes, [step]: 0 },
    },
    now,
  );
}

/** Clears the whole timer: every step back to its plan, nothing running. */
export function resetWorkshopTimer(canvas: Canvas, now: number): Canvas {
  const { timer } = canvas;
  const clear = timer.step === null && STEP_IDS.every((step) => timer.spentMs[step] === 0 && timer.addedMinutes[step] === 0);
  return clear ? canvas : withTimer(canvas, { step: null, runningSince: null, spentMs: perStep(0), addedMinutes: perStep(0) }, now);
}

/** `to` with `from`'s timer: what undo and redo bring back keeps the clock as it is now. */
export function withTimerOf(to: Canvas, from: Canvas): Canvas {
  return to.timer === from.timer ? to : { ...to, timer: from.timer };
}

export interface StepClock {
  /** Planned time (facilitation minutes plus added minutes), or null when the step has no plan. */
  plannedMs: number | null;
  elapsedMs: number;
  /** Time left, 0 once time is up; null when there is no plan. */
  remainingMs: number | null;
  /** Time past the plan, 0 until time is up. */
  overtimeMs: number;
  running: boolean;
  /** The plan has run out (the quiet cue at time up). */
  timeUp: boolean;
}

function elapsedOn(timer: WorkshopTimer, step: StepId, now: number): number {
  const running = timer.step === step && timer.runningSince !== null ? Math.max(0, now - timer.runningSince) : 0;
  return timer.spentMs[step] + running;
}

function plannedOn(canvas: Canvas, step: StepId): number | null {
  const minutes = canvas.facilitation[step].minutes;
  const added = canvas.timer.addedMinutes[step];
  if (minutes === null && added === 0) return null;
  return ((minutes ?? 0) + added) * MINUTE;
}

/** A step's clock at `now`. */
export function stepClock(canvas: Canvas, step: StepId, now: number): StepClock {
  const elapsedMs = elapsedOn(canvas.timer, step, now);
  const plannedMs = plannedOn(canvas, step);
  const running = canvas.timer.step === step && canvas.timer.runningSince !== null;
  if (plannedMs === null) return { plannedMs, elapsedMs, remainingMs: null, overtimeMs: 0, running, timeUp: false };
  return {
    plannedMs,
    elapsedMs,
    remainingMs: Math.max(0, plannedMs - elapsedMs),
    overtimeMs: Math.max(0, elapsedMs - plannedMs),
    running,
    timeUp: elapsedMs >= plannedMs,
  };
}

export interface WorkshopClock {
  /** The planned minutes of every step, added up (steps with no plan count 0). */
  plannedMs: number;
  /** Time spent on every step so far. */
  elapsedMs: number;
  /** Elapsed minus planned: positive when the workshop runs over. */
  differenceMs: number;
  running: boolean;
}

/** The whole workshop's elapsed time against its plan, at `now`. */
export function workshopClock(canvas: Canvas, now: number): WorkshopClock {
  let plannedMs = 0;
  let elapsedMs = 0;
  for (const step of STEP_IDS) {
    plannedMs += plannedOn(canvas, step) ?? 0;
    elapsedMs += elapsedOn(canvas.timer, step, now);
  }
  return { plannedMs, elapsedMs, differenceMs: elapsedMs - plannedMs, running: canvas.timer.runningSince !== null };
}

/** "12:05" or "1:02:05": a clock face for a duration (rounded up to the second, as a countdown shows). */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}
