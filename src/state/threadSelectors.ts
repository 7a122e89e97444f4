/**
 * The golden thread of the open canvas, card by card. Apart from
 * canvasSelectors.ts (which the first screen loads): the thread's rules load
 * with the canvas screen.
 */
import type { Canvas } from '../domain/model';
import { threadLinks } from '../domain/thread';
import { useStore } from 'zustand';
import { shallow } from 'zustand/vanilla/shallow';
import { type CanvasState, useCanvasStore } from './canvasStore';
import { keyedViews, sizeOf } from './canvasSelectors';

const NO_IDS: readonly string[] = [];

/** One card's place in the golden thread: the cards on the board it serves, and those that serve it. */
export interface CardThread {
  serves: readonly string[];
  servedBy: readonly string[];
}
let threadCards: Canvas['cards'] | null = null;
let threadIndex = new Map<string, CardThread>();
const NO_THREAD: CardThread = { serves: NO_IDS, servedBy: NO_IDS };

/**
 * Same links, steps and places on the board: only texts or colours changed, so the thread is the same. The order
 * counts too: what serves a card is listed in board order.
 */
function sameLinks(before: Canvas['cards'], after: Canvas['cards']): boolean {
  let count = 0;
  for (const id in after) {
    const a = before[id];
    const b = after[id]!;
    if (!a || a.serves !== b.serves || a.step !== b.step || a.order !== b.order || a.parkedAt !== b.parkedAt || a.deletedAt !== b.deletedAt)
      return false;
    count++;
  }
  return count === sizeOf(before);
}

/**
 * Every card's links, worked out once per change to the links (not per card, not per keystroke). A card
 * whose links came out the same keeps its entry, so a move re-renders only the cards whose links changed.
 */
function threadIndexOf(canvas: Canvas): Map<string, CardThread> {
  if (canvas.cards === threadCards) return threadIndex;
  if (!threadCards || !sameLinks(threadCards, canvas.cards)) {
    const before = threadIndex;
    threadIndex = threadLinks(canvas);
    for (const [id, links] of threadIndex) {
      const old = before.get(id);
      if (old && shallow(old.serves, links.serves) && shallow(old.servedBy, links.servedBy)) threadIndex.set(id, old);
    }
  }
  threadCards = canvas.cards;
  return threadIndex;
}

const NO_INDEX = new Map<string, CardThread>();
const selectThreadIndex = (state: CanvasState) => (state.canvas ? threadIndexOf(state.canvas) : NO_INDEX);

/** Woken only where a card's own entry changed: on a move, not 500 selectors but a look-up per card. */
const threadView = keyedViews(useCanvasStore, selectThreadIndex, (before, after, id) => before.get(id) !== after.get(id));
const threadSelectors = new Map<string, (state: CanvasState) => CardThread>();

/** What a card serves and what serves it (ids of cards on the board; the same arrays until a link changes). */
export function useCardThread(id: string): CardThread {
  let select = threadSelectors.get(id);
  if (!select) threadSelectors.set(id, (select = (state) => selectThreadIndex(state).get(id) ?? NO_THREAD));
  return useStore(threadView(id), select);
}
