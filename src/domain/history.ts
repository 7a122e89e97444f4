/**
 * Undo/redo as a pure value. Written here rather than taken from zundo
 * because typing must coalesce per field (one undo step per burst of typing
 * in one card, not per keystroke) and history must reset when another canvas
 * is opened; both are a few lines on a plain stack.
 */

export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** What the last change was, so a burst of typing in one field becomes one step. */
  lastGroup: string | null;
  lastChangeAt: number;
}

export const HISTORY_LIMIT = 200;
/** Keystrokes closer together than this, in the same field, undo together. */
export const COALESCE_MS = 1500;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastGroup: null, lastChangeAt: 0 };
}

/**
 * Records a new present. `group` names the field being typed in (for example
 * `card-text:abc`); a change in the same group soon after the last replaces
 * the present instead of pushing a new step.
 */
export function record<T>(history: History<T>, next: T, now: number, group: string | null = null): History<T> {
  if (next === history.present) return history;
  const coalesce = group !== null && group === history.lastGroup && now - history.lastChangeAt < COALESCE_MS && history.future.length === 0;
  const past = coalesce ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastGroup: group, lastChangeAt: now };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastGroup: null,
    lastChangeAt: 0,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, lastGroup: null, lastChangeAt: 0 };
}

export const canUndo = (history: History<unknown>) => history.past.length > 0;
export const canRedo = (history: History<unknown>) => history.future.length > 0;
