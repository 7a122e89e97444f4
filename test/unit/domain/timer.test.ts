// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { setPlannedMinutes } from '../../../src/domain/canvas';
import { type Canvas, isRefusal } from '../../../src/domain/model';
import {
  addTimerMinutes,
  formatClock,
  pauseTimer,
  resetTimer,
  resetWorkshopTimer,
  startTimer,
  stepClock,
  withTimerOf,
  workshopClock,
} from '../../../src/domain/timer';
import { T0, buildCanvas, applied } from '../helpers/canvasBuilder';

const MIN = 60_000;
const refused = (result: Canvas | { refused: string }) => (isRefusal(result) ? result.refused : null);
/** A workshop planned 30 / 20 / 40 minutes for Outcome, Action and Insight, with no plan for Enablers. */
const planned = () =>
  applied(
    setPlannedMinutes(
      applied(setPlannedMinutes(applied(setPlannedMinutes(buildCanvas(), 'outcome', 30, T0)), 'action', 20, T0)),
      'insight',
      40,
      T0,
    ),
  );

describe('the step timer', () => {
  it('counts down from the planned minutes, worked out from timestamps', () => {
    const running = startTimer(planned(), 'outcome', T0);
    expect(running.timer).toMatchObject({ step: 'outcome', runningSince: T0 });
    expect(stepClock(running, 'outcome', T0 + 10 * MIN)).toEqual({
      plannedMs: 30 * MIN,
      elapsedMs: 10 * MIN,
      remainingMs: 20 * MIN,
      overtimeMs: 0,
      running: true,
      timeUp: false,
    });
  });

  it('keeps the right time after a reload or a crash: a canvas read back from storage reads the same', () => {
    const running = startTimer(planned(), 'outcome', T0);
    const reloaded = structuredClone(running);
    expect(stepClock(reloaded, 'outcome', T0 + 12 * MIN)).toEqual(stepClock(running, 'outcome', T0 + 12 * MIN));
  });

  it('pauses and resumes without losing time, and banks a step’s time when moving to the next', () => {
    let canvas = startTimer(planned(), 'outcome', T0);
    canvas = pauseTimer(canvas, T0 + 5 * MIN);
    expect(stepClock(canvas, 'outcome', T0 + 60 * MIN)).toMatchObject({ elapsedMs: 5 * MIN, running: false });
    expect(pauseTimer(canvas, T0 + 61 * MIN)).toBe(canvas);
    canvas = startTimer(canvas, 'outcome', T0 + 10 * MIN);
    expect(startTimer(canvas, 'outcome', T0 + 11 * MIN)).toBe(canvas);
    canvas = startTimer(canvas, 'action', T0 + 20 * MIN);
    expect(stepClock(canvas, 'outcome', T0 + 30 * MIN)).toMatchObject({ elapsedMs: 15 * MIN, running: false });
    expect(stepClock(canvas, 'action', T0 + 30 * MIN)).toMatchObject({ elapsedMs: 10 * MIN, running: true });
  });

  it('says when time is up and by how much a step has run over', () => {
    const canvas = startTimer(planned(), 'action', T0);
    expect(stepClock(canvas, 'action', T0 + 25 * MIN)).toMatchObject({ remainingMs: 0, overtimeMs: 5 * MIN, timeUp: true });
  });

  it('adds 5 minutes to a step’s plan, and resets a step to its full plan, paused', () => {
    let canvas = startTimer(planned(), 'action', T0);
    canvas = applied(addTimerMinutes(canvas, 'action', 5, T0 + MIN));
    expect(stepClock(canvas, 'action', T0 + 22 * MIN)).toMatchObject({ plannedMs: 25 * MIN, remainingMs: 3 * MIN, timeUp: false });
    canvas = resetTimer(canvas, 'action', T0 + 23 * MIN);
    expect(stepClock(canvas, 'action', T0 + 50 * MIN)).toMatchObject({ plannedMs: 20 * MIN, elapsedMs: 0, running: false });
    expect(resetTimer(canvas, 'action', T0 + 51 * MIN)).toBe(canvas);
  });

  it('times a step with no plan, and gives it a plan once minutes are added', () => {
    const canvas = startTimer(planned(), 'enablers', T0);
    expect(stepClock(canvas, 'enablers', T0 + MIN)).toMatchObject({ plannedMs: null, remainingMs: null, elapsedMs: MIN, timeUp: false });
    expect(stepClock(applied(addTimerMinutes(canvas, 'enablers', 5, T0)), 'enablers', T0 + MIN)).toMatchObject({
      plannedMs: 5 * MIN,
      remainingMs: 4 * MIN,
    });
  });

  it('refuses adding minutes past the limit or of a bad size', () => {
    let canvas = planned();
    for (let i = 0; i < 48; i++) canvas = applied(addTimerMinutes(canvas, 'outcome', 5, T0));
    expect(refused(addTimerMinutes(canvas, 'outcome', 5, T0))).toMatch(/At most 240 minutes can be added to one step/);
    expect(refused(addTimerMinutes(planned(), 'outcome', 0, T0))).toMatch(/whole number of minutes/);
  });

  it('never goes backwards when the clock is behind the stored start', () => {
    const canvas = startTimer(planned(), 'outcome', T0);
    expect(stepClock(canvas, 'outcome', T0 - MIN).elapsedMs).toBe(0);
  });
});

describe('planned minutes', () => {
  it('refuses 0 and 600 minutes, and fractions, with messages', () => {
    expect(refused(setPlannedMinutes(buildCanvas(), 'outcome', 0, T0))).toBe(
      'A step needs at least 1 minute. To plan no time for it, leave the minutes empty.',
    );
    expect(refused(setPlannedMinutes(buildCanvas(), 'outcome', 600, T0))).toBe(
      'A step can be planned for at most 240 minutes (4 hours); 600 is more than that.',
    );
    expect(refused(setPlannedMinutes(buildCanvas(), 'outcome', 2.5, T0))).toMatch(/whole minutes/);
    expect(applied(setPlannedMinutes(planned(), 'outcome', null, T0)).facilitation.outcome.minutes).toBeNull();
  });
});

describe('the whole workshop', () => {
  it('adds up elapsed time against the plan', () => {
    let canvas = startTimer(planned(), 'outcome', T0);
    canvas = startTimer(canvas, 'action', T0 + 35 * MIN);
    expect(workshopClock(canvas, T0 + 50 * MIN)).toEqual({
      plannedMs: 90 * MIN,
      elapsedMs: 50 * MIN,
      differenceMs: -40 * MIN,
      running: true,
    });
    const cleared = resetWorkshopTimer(canvas, T0 + 51 * MIN);
    expect(workshopClock(cleared, T0 + 60 * MIN)).toMatchObject({ elapsedMs: 0, running: false });
    expect(resetWorkshopTimer(cleared, T0)).toBe(cleared);
  });

  it('carries the current timer into what undo brings back', () => {
    const before = planned();
    const now = startTimer(before, 'outcome', T0);
    expect(withTimerOf(before, now).timer).toBe(now.timer);
    expect(withTimerOf(now, now)).toBe(now);
  });

  it('formats a clock face', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(61_000)).toBe('1:01');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });
});
