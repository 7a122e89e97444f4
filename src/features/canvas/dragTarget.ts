/**
 * Where a dragged card would land: a step and a position among that step's
 * cards (the dragged card left out, as `moveCard` counts). Pure functions
 * for the pointer (which slot is under it) and the keyboard (where an arrow
 * key goes), and a small store the drop indicator and announcements read.
 */
import { create } from 'zustand';
import { STEP_IDS, type StepId } from '../../domain/model';

/** A drop place on screen: a step's list of cards, or (step view) another step in the side rail. */
export interface DropPlace {
  step: StepId;
  kind: 'list' | 'rail';
  /** The droppable's id in dnd-kit. */
  droppableId: string;
  /** The step's cards, not counting the dragged one. */
  count: number;
}

export interface DropTarget {
  step: StepId;
  kind: 'list' | 'rail';
  droppableId: string;
  index: number;
}

export interface KeyboardTarget extends DropTarget {
  /** The row to come back to when Left and Right cross columns (a text editor's goal column). */
  goalRow: number;
}

/**
 * The keyboard's next target. Up and Down move one place within the step;
 * Left and Right go to the neighbouring step on screen: on the whole board
 * the same row of the next column (as far as it has cards), in the step
 * view the end of the step in the side rail.
 */
export function nextKeyboardTarget(current: KeyboardTarget, key: string, places: DropPlace[]): KeyboardTarget | null {
  const place = places.find((p) => p.droppableId === current.droppableId);
  if (!place) return null;
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    if (place.kind === 'rail') return null;
    const index = Math.max(0, Math.min(place.count, current.index + (key === 'ArrowUp' ? -1 : 1)));
    return index === current.index ? null : { ...current, index, goalRow: index };
  }
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return null;
  const ordered = [...places].sort((a, b) => STEP_IDS.indexOf(a.step) - STEP_IDS.indexOf(b.step));
  const next = ordered[ordered.indexOf(place) + (key === 'ArrowRight' ? 1 : -1)];
  if (!next) return null;
  const index = next.kind === 'rail' ? next.count : Math.min(current.goalRow, next.count);
  return { step: next.step, kind: next.kind, droppableId: next.droppableId, index, goalRow: current.goalRow };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Boxes by position: an array, or boxes measured only when asked for. */
export interface Boxes {
  readonly length: number;
  at(index: number): Box | undefined;
}

/**
 * The slot under the pointer among a step's cards (in reading order, the
 * dragged card left out): before the first card whose middle the pointer
 * has not passed. Cards side by side are passed left to right, cards in a
 * column top to bottom. In reading order no card ends above the one before
 * it, so the cards wholly above the pointer are skipped by halving: a column
 * of hundreds of cards is measured a handful of times per pointer move.
 */
export function slotAtPoint(cards: Boxes, point: { x: number; y: number }): number {
  let low = 0;
  let high = cards.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cards.at(middle)!.bottom < point.y) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < cards.length; i++) {
    const card = cards.at(i)!;
    if (point.y < card.top) return i;
    if (point.y <= card.bottom) {
      // In reading order, cards sharing a row are neighbours.
      const neighbours = [i > 0 ? cards.at(i - 1) : undefined, cards.at(i + 1)];
      const sharesRow = neighbours.some((other) => other && other.top < card.bottom && card.top < other.bottom);
      if (sharesRow ? point.x < (card.left + card.right) / 2 : point.y < (card.top + card.bottom) / 2) return i;
      if (sharesRow && point.x < card.right) return i + 1;
    }
  }
  return cards.length;
}

/** The boxes of `elements` on screen, each measured when first asked for. */
export function measuredWhenAsked(elements: readonly Element[]): Boxes {
  const boxes: (Box | undefined)[] = [];
  return {
    length: elements.length,
    at: (index) => (index < 0 || index >= elements.length ? undefined : (boxes[index] ??= elements[index]!.getBoundingClientRect())),
  };
}

interface DragState {
  /** The card being dragged, and how. */
  activeId: string | null;
  mode: 'pointer' | 'keyboard' | null;
  target: DropTarget | null;
  /** The card's own place when picked up. */
  origin: DropTarget | null;
}

export const useDragState = create<DragState>(() => ({ activeId: null, mode: null, target: null, origin: null }));

export const sameTarget = (a: DropTarget | null, b: DropTarget | null) =>
  a === b || (!!a && !!b && a.droppableId === b.droppableId && a.index === b.index);
