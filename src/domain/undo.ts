/**
 * Undo and redo as a pure value: the versions before and after the one on
 * screen. The present itself is kept by whoever owns it (the canvas store
 * holds the open canvas), so there is one place to read it from.
 *
 * Written here rather than taken from zundo because typing must coalesce
 * per field (one undo step per burst of typing in one card, not per
 * keystroke) and the stack must reset when another canvas is opened; both
 * are a few lines on a plain stack.
 */

export interface UndoStack<T> {
  past: readonly T[];
  future: readonly T[];
  /** What the last change was, so a burst of typing in one field becomes one step. */
  lastGroup: string | null;
  lastChangeAt: number;
}

export const UNDO_LIMIT = 200;
/** Keystrokes closer together than this, in the same field, undo together. */
export const COALESCE_MS = 1500;

export function emptyUndoStack<T>(): UndoStack<T> {
  return { past: [], future: [], lastGroup: null, lastChangeAt: 0 };
}

/**
 * Records a change from `present` to `next`. `group` names the field being
 * typed in (for example `card-text:abc`); a change in the same group soon
 * after the last one replaces it instead of pushing a new step.
 */
export function recordChange<T>(stack: UndoStack<T>, present: T, next: T, now: number, group: string | null = null): UndoStack<T> {
  if (next === present) return stack;
  const coalesce = group !== null && group === stack.lastGroup && now - stack.lastChangeAt < COALESCE_MS && stack.future.length === 0;
  const past = coalesce ? stack.past : [...stack.past, present].slice(-UNDO_LIMIT);
  return { past, future: [], lastGroup: group, lastChangeAt: now };
}

export interface UndoStep<T> {
  stack: UndoStack<T>;
  present: T;
}

/** The version before `present`, or null when there is nothing to undo. */
export function undo<T>(stack: UndoStack<T>, present: T): UndoStep<T> | null {
  if (stack.past.length === 0) return null;
  const previous = stack.past[stack.past.length - 1] as T;
  return {
    stack: { past: stack.past.slice(0, -1), future: [present, ...stack.future], lastGroup: null, lastChangeAt: 0 },
    present: previous,
  };
}

/** The version after `present` that was undone, or null when there is nothing to redo. */
export function redo<T>(stack: UndoStack<T>, present: T): UndoStep<T> | null {
  if (stack.future.length === 0) return null;
  const [next, ...rest] = stack.future as T[];
  return { stack: { past: [...stack.past, present], future: rest, lastGroup: null, lastChangeAt: 0 }, present: next as T };
}

/** The same stack with every kept version passed through `change` (another tab's edits merged into each). */
export function mapUndoStack<T>(stack: UndoStack<T>, change: (version: T) => T): UndoStack<T> {
  return { ...stack, past: stack.past.map(change), future: stack.future.map(change) };
}

export const canUndo = (stack: UndoStack<unknown>) => stack.past.length > 0;
export const canRedo = (stack: UndoStack<unknown>) => stack.future.length > 0;
