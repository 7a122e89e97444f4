/**
 * The one way to read the open canvas (`CanvasState.canvas`): narrow hooks
 * for rendering, each returning the smallest thing a component needs so a
 * keystroke in one card re-renders only that card; `useOpenCanvas` for views
 * that show all of it; `getOpenCanvas` for event handlers, which read it
 * when they run instead of re-rendering with it. Add a hook here rather than
 * selecting `state.canvas` in a component.
 */
import { type StoreApi, useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { canvasProgress, checkAt, openConcernEntries, resolvedConcernEntries, stepCheckCounts } from '../domain/canvas';
import { cardsByVotes, cardsInStep, exampleCards } from '../domain/cards';
import { type AnyCheckKey, type Canvas, type Card, STEP_IDS, type StepId } from '../domain/model';
import { canRedo, canUndo } from '../domain/undo';
import { afterNextPaint } from './afterNextPaint';
import { type CanvasState, useCanvasStore } from './canvasStore';

const selectOpenCanvas = (state: CanvasState) => state.canvas;

/** The open canvas now, for an event handler (null when none is loaded). Never call it while rendering. */
export const getOpenCanvas = () => selectOpenCanvas(useCanvasStore.getState());

const NO_IDS: readonly string[] = [];

/** How many records a map holds, without copying its keys (these run on every keystroke, over hundreds of cards). */
export function sizeOf(map: object): number {
  let size = 0;
  for (const _ in map) size++;
  return size;
}
let indexedCards: Canvas['cards'] | null = null;
let stepIndex: Record<StepId, string[]> | null = null;

/**
 * Same cards, each in the same step and place, and on the board or off it (deleted, parked) as before.
 * A parked card keeps its step, and may keep its order key (the parking lot's first key is a step's first).
 */
function sameOrdering(before: Canvas['cards'], after: Canvas['cards']): boolean {
  let count = 0;
  for (const id in after) {
    const a = before[id];
    const b = after[id]!;
    if (
      !a ||
      a.step !== b.step ||
      a.order !== b.order ||
      (a.deletedAt === null) !== (b.deletedAt === null) ||
      (a.parkedAt === null) !== (b.parkedAt === null)
    )
      return false;
    count++;
  }
  return count === sizeOf(before);
}

/**
 * Each step's card ids in order, worked out once per change to the cards
 * (not once per list that shows them) and kept, same arrays and all, when
 * the change only typed into a card: a keystroke sorts nothing and
 * re-renders no list.
 */
function cardIdsByStep(canvas: Canvas): Record<StepId, string[]> {
  if (canvas.cards === indexedCards && stepIndex) return stepIndex;
  if (!stepIndex || !indexedCards || !sameOrdering(indexedCards, canvas.cards)) {
    stepIndex = Object.fromEntries(STEP_IDS.map((step) => [step, cardsInStep(canvas, step).map((card) => card.id)])) as Record<
      StepId,
      string[]
    >;
  }
  indexedCards = canvas.cards;
  return stepIndex;
}

export const useCardIds = (step: StepId) =>
  useStructure((state) => (state.canvas ? cardIdsByStep(state.canvas)[step] : NO_IDS)) as readonly string[];

/** The whole open canvas: for views that show all of it (export, print). Prefer a narrower hook. */
export const useOpenCanvas = () => useCanvasStore(selectOpenCanvas);

/** What zustand's `useStore` needs of a store: here, the canvas store seen through a narrower subscription. */
type CanvasView = Pick<StoreApi<CanvasState>, 'getState' | 'getInitialState' | 'subscribe'>;
type Listener = (state: CanvasState, previous: CanvasState) => void;

/**
 * Hooks keyed by card, each woken only when its own card's value changed: one store listener
 * for them all, which compares `read`'s value before and after a change card by card, instead of
 * a selector per card running on every change. `read` must return the same object while nothing
 * it holds changed (then no card is even compared).
 */
export function keyedViews<V>(
  source: Pick<StoreApi<CanvasState>, 'getState' | 'subscribe'>,
  read: (state: CanvasState) => V,
  changed: (before: V, after: V, id: string) => boolean,
  { afterPaint = false }: { afterPaint?: boolean } = {},
): (id: string) => CanvasView {
  const listeners = new Map<string, Set<Listener>>();
  const views = new Map<string, CanvasView>();
  let watched: V;
  let stop: (() => void) | null = null;
  let waking = false;

  function wakeChanged(state: CanvasState, previous: CanvasState): void {
    const now = read(state);
    if (now === watched) return;
    const before = watched;
    watched = now;
    for (const [key, woken] of listeners) if (changed(before, now, key)) for (const wake of [...woken]) wake(state, previous);
  }

  function subscribe(id: string, listener: Listener): () => void {
    if (!stop) {
      watched = read(useCanvasStore.getState());
      stop = source.subscribe((state, previous) => {
        if (!afterPaint) return wakeChanged(state, previous);
        if (waking) return;
        waking = true;
        afterNextPaint(() => {
          waking = false;
          const latest = useCanvasStore.getState();
          wakeChanged(latest, latest);
        });
      });
    }
    let mine = listeners.get(id);
    if (!mine) listeners.set(id, (mine = new Set()));
    mine.add(listener);
    return () => {
      mine.delete(listener);
      if (mine.size > 0) return;
      listeners.delete(id);
      if (listeners.size === 0) {
        stop?.();
        stop = null;
      }
    };
  }

  return (id) => {
    let view = views.get(id);
    if (!view) {
      view = {
        getState: useCanvasStore.getState,
        getInitialState: useCanvasStore.getInitialState,
        subscribe: (listener) => subscribe(id, listener),
      };
      views.set(id, view);
    }
    return view;
  };
}

/** Operations never mutate, so an unchanged card keeps its object: a keystroke wakes one card. */
const cardView = keyedViews(
  useCanvasStore,
  (state) => state.canvas?.cards,
  (before, after, id) => before?.[id] !== after?.[id],
);
const cardSelectors = new Map<string, (state: CanvasState) => Card | undefined>();

/** One card's record; re-renders only when that card changes. */
export function useCard(id: string): Card | undefined {
  let select = cardSelectors.get(id);
  if (!select) cardSelectors.set(id, (select = (state) => state.canvas?.cards[id]));
  return useStore(cardView(id), select);
}

/**
 * The canvas store seen by hooks that every card uses: one store listener that wakes them all
 * only when `part` of the state is a new value, instead of a selector each running on every change.
 */
function viewOfPart<T>(part: (state: CanvasState) => T): CanvasView {
  const listeners = new Set<Listener>();
  let last: T;
  let stop: (() => void) | null = null;
  return {
    getState: useCanvasStore.getState,
    getInitialState: useCanvasStore.getInitialState,
    subscribe(listener) {
      if (!stop) {
        last = part(useCanvasStore.getState());
        stop = useCanvasStore.subscribe((state, previous) => {
          const next = part(state);
          if (next === last) return;
          last = next;
          for (const wake of [...listeners]) wake(state, previous);
        });
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stop?.();
          stop = null;
        }
      };
    },
  };
}

/**
 * The open canvas less its texts: the cards' places, votes and marks (`cardsBesidesText`), the checks
 * of both kinds and the action log. One value per such state, kept while only texts change, so that
 * the hooks below, which read nothing else, are not even asked on a keystroke.
 */
let structureParts: readonly unknown[] = [];
let structure = {};
function structureOf(state: CanvasState): object {
  const { canvas } = state;
  const parts = canvas ? [canvas.id, cardsBesidesText(canvas.cards), canvas.checks, canvas.governance, canvas.actionItems] : [];
  if (parts.length !== structureParts.length || parts.some((part, i) => part !== structureParts[i])) structure = {};
  structureParts = parts;
  return structure;
}
const structureView = viewOfPart(structureOf);

/** Like `useCanvasStore(select)` for a `select` that reads only what `structureOf` covers. */
const useStructure = <T>(select: (state: CanvasState) => T) => useStore(structureView, select);

const NO_PLACES = new Map<string, number>();
let placesToken: object | null = null;
let places = NO_PLACES;

/**
 * Each card's place in its step (0-based): the same map until cards are added, moved or removed
 * (`cardsBesidesText`, already worked out for the change), so a keystroke looks at no card here.
 */
function cardPlaces(state: CanvasState): ReadonlyMap<string, number> {
  if (!state.canvas) return NO_PLACES;
  const token = cardsBesidesText(state.canvas.cards);
  if (token !== placesToken) {
    const byStep = cardIdsByStep(state.canvas);
    places = new Map();
    for (const step of STEP_IDS) byStep[step].forEach((id, index) => places.set(id, index));
    placesToken = token;
  }
  return places;
}

/**
 * Woken by a change to the steps' orders, and then only where a card's place changed, just after
 * the change is painted: a drop shows at once, and the place words of the cards after it follow
 * (a card that renders anyway, such as the moved one, reads its new place at once).
 */
const placeView = keyedViews(structureView, cardPlaces, (before, after, id) => before.get(id) !== after.get(id), {
  afterPaint: true,
});

const placeSelectors = new Map<string, (state: CanvasState) => number>();

/**
 * A card's place in its step (0-based; -1 when it is in none). Only what says the place reads it,
 * not the card itself: a move then re-renders the words of the cards whose place changed, not
 * every card after it.
 */
export function useCardPlace(id: string): number {
  let select = placeSelectors.get(id);
  if (!select) placeSelectors.set(id, (select = (state) => cardPlaces(state).get(id) ?? -1));
  return useStore(placeView(id), select);
}

/** One check of either kind, by its key (`step:lens` or `governance:<id>`). */
export const useAnyCheck = (key: AnyCheckKey) => useStructure((state) => (state.canvas ? checkAt(state.canvas, key) : undefined));

export const useCanvasTitle = () => useCanvasStore((state) => state.canvas?.title ?? '');
export const useCanvasDescription = () => useCanvasStore((state) => state.canvas?.description ?? '');

/** The facilitator's minutes and notes for one step. */
export const useFacilitation = (step: StepId) => useCanvasStore((state) => state.canvas?.facilitation[step]);

export const useProgress = () =>
  useStructure(
    useShallow((state) => {
      const { canvas } = state;
      return canvas ? canvasProgress(canvas) : null;
    }),
  );

const NO_CHECK_COUNTS = { discussed: 0, concerns: 0, governanceDiscussed: 0, governanceConcerns: 0 };

/** Per step: cards and checks discussed, for the step navigation. */
export const useStepCounts = (step: StepId) =>
  useStructure(
    useShallow((state) => {
      const { canvas } = state;
      if (!canvas) return { cards: 0, ...NO_CHECK_COUNTS };
      return { cards: cardIdsByStep(canvas)[step].length, ...stepCheckCounts(canvas, step) };
    }),
  );

/** Per step: checks discussed and concerns, without the cards, so a card moved or added does not re-render the checks. */
export const useStepCheckCounts = (step: StepId) =>
  useStructure(useShallow((state) => (state.canvas ? stepCheckCounts(state.canvas, step) : NO_CHECK_COUNTS)));

/** Open concerns of both kinds (ethics and governance checks), in canvas order. */
export const useOpenConcerns = () =>
  useStructure(
    useShallow((state) => {
      const { canvas } = state;
      return canvas ? openConcernEntries(canvas).map((entry) => entry.key) : [];
    }),
  );

/** Concerns marked resolved, of both kinds, in canvas order. */
export const useResolvedConcerns = () =>
  useStructure(
    useShallow((state) => {
      const { canvas } = state;
      return canvas ? resolvedConcernEntries(canvas).map((entry) => entry.key) : [];
    }),
  );

const NO_DISMISSALS: readonly string[] = [];

const selectDismissed = (state: CanvasState) => state.canvas?.privacyDismissed ?? NO_DISMISSALS;
const dismissedView = viewOfPart(selectDismissed);

/** Fingerprints of the privacy warnings dismissed on this canvas (the same array until one is added or removed). */
export const usePrivacyDismissed = () => useStore(dismissedView, selectDismissed);

export const useCanUndo = () => useCanvasStore((state) => canUndo(state.undoStack));
export const useCanRedo = () => useCanvasStore((state) => canRedo(state.undoStack));

/** Same cards, places, votes and marks: only texts or colours changed. */
function sameBesidesText(before: Canvas['cards'], after: Canvas['cards']): boolean {
  let count = 0;
  for (const id in after) {
    const a = before[id];
    const b = after[id]!;
    if (!a) return false;
    const same =
      a === b ||
      (a.step === b.step &&
        a.order === b.order &&
        a.deletedAt === b.deletedAt &&
        a.parkedAt === b.parkedAt &&
        a.votes === b.votes &&
        a.example === b.example);
    if (!same) return false;
    count++;
  }
  return count === sizeOf(before);
}

let tokenCards: Canvas['cards'] | null = null;
let cardsToken = {};

/** A value that changes when a card is added, moved, parked, deleted, voted on or (un)marked as an example; not as texts are typed. */
function cardsBesidesText(cards: Canvas['cards']): object {
  if (cards !== tokenCards) {
    if (!tokenCards || !sameBesidesText(tokenCards, cards)) cardsToken = {};
    tokenCards = cards;
  }
  return cardsToken;
}

/** `compute`, worked out again only when the cards change in more than their texts. */
function besidesText<T>(compute: (canvas: Canvas) => T): (canvas: Canvas) => T {
  let token: object | null = null;
  let value: T;
  return (canvas) => {
    const now = cardsBesidesText(canvas.cards);
    if (now !== token) {
      value = compute(canvas);
      token = now;
    }
    return value;
  };
}

const stepVotes = Object.fromEntries(
  STEP_IDS.map((step) => [
    step,
    besidesText((canvas) => {
      const cards = cardsInStep(canvas, step);
      const byVotes = cardsByVotes(canvas, step);
      return { votes: cards.reduce((sum, card) => sum + card.votes, 0), sorted: byVotes.every((card, i) => card === cards[i]) };
    }),
  ]),
) as Record<StepId, (canvas: Canvas) => { votes: number; sorted: boolean }>;

/** A step's dot votes in all, and whether its cards already stand most votes first. */
export const useStepVotes = (step: StepId) =>
  useStructure(useShallow((state) => (state.canvas ? stepVotes[step](state.canvas) : { votes: 0, sorted: true })));

/** Dots each person may place. */
export const useVotesPerPerson = () => useCanvasStore((state) => state.canvas?.votesPerPerson ?? 0);

/** How many example cards from a template the canvas still holds. */
const exampleCount = besidesText((canvas) => exampleCards(canvas).length);

/** How many example cards from a template the canvas still holds. */
export const useExampleCount = () => useStructure((state) => (state.canvas ? exampleCount(state.canvas) : 0));
