/**
 * The one way to read the open canvas (`CanvasState.canvas`): narrow hooks
 * for rendering, each returning the smallest thing a component needs so a
 * keystroke in one card re-renders only that card; `useOpenCanvas` for views
 * that show all of it; `getOpenCanvas` for event handlers, which read it
 * when they run instead of re-rendering with it. Add a hook here rather than
 * selecting `state.canvas` in a component.
 */
import { useShallow } from 'zustand/react/shallow';
import { canvasProgress, checkAt, isOpenConcern, openConcernEntries, resolvedConcernEntries } from '../domain/canvas';
import { cardsInStep } from '../domain/cards';
import { datasetsInOrder } from '../domain/dataInventory';
import { servedCards } from '../domain/thread';
import { type AnyCheckKey, type Canvas, STEP_IDS, type StepId } from '../domain/model';
import { governanceIdsForStep } from '../domain/governanceKeys';
import { type PrivacyPlace, privacyPlaces } from '../domain/privacyPlaces';
import { canRedo, canUndo } from '../domain/undo';
import { type CanvasState, useCanvasStore } from './canvasStore';

const selectOpenCanvas = (state: CanvasState) => state.canvas;

/** The open canvas now, for an event handler (null when none is loaded). Never call it while rendering. */
export const getOpenCanvas = () => selectOpenCanvas(useCanvasStore.getState());

const NO_IDS: readonly string[] = [];
let indexedCards: Canvas['cards'] | null = null;
let stepIndex: Record<StepId, string[]> | null = null;

/** Same cards, each in the same step, place and deleted state: only texts or colours changed. */
function sameOrdering(before: Canvas['cards'], after: Canvas['cards']): boolean {
  let count = 0;
  for (const id in after) {
    const a = before[id];
    const b = after[id]!;
    if (!a || a.step !== b.step || a.order !== b.order || (a.deletedAt === null) !== (b.deletedAt === null)) return false;
    count++;
  }
  return count === Object.keys(before).length;
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
  useCanvasStore((state) => (state.canvas ? cardIdsByStep(state.canvas)[step] : NO_IDS)) as readonly string[];

/** The whole open canvas: for views that show all of it (export, print). Prefer a narrower hook. */
export const useOpenCanvas = () => useCanvasStore(selectOpenCanvas);

export const useCard = (id: string) => useCanvasStore((state) => state.canvas?.cards[id]);

/** One check of either kind, by its key (`step:lens` or `governance:<id>`). */
export const useAnyCheck = (key: AnyCheckKey) => useCanvasStore((state) => (state.canvas ? checkAt(state.canvas, key) : undefined));

export const useCanvasTitle = () => useCanvasStore((state) => state.canvas?.title ?? '');
export const useCanvasDescription = () => useCanvasStore((state) => state.canvas?.description ?? '');

/** The facilitator's minutes and notes for one step. */
export const useFacilitation = (step: StepId) => useCanvasStore((state) => state.canvas?.facilitation[step]);

export const useProgress = () =>
  useCanvasStore(
    useShallow((state) => {
      const { canvas } = state;
      return canvas ? canvasProgress(canvas) : null;
    }),
  );

/** Per step: cards and checks discussed, for the step navigation. */
export const useStepCounts = (step: StepId) =>
  useCanvasStore(
    useShallow((state) => {
      const { canvas } = state;
      if (!canvas) return { cards: 0, discussed: 0, concerns: 0, governanceDiscussed: 0, governanceConcerns: 0 };
      const cards = cardIdsByStep(canvas)[step].length;
      const checks = Object.values(canvas.checks).filter((check) => check.step === step);
      const governance = governanceIdsForStep(step).map((id) => canvas.governance[id]);
      return {
        cards,
        discussed: checks.filter((check) => check.status !== 'not-discussed').length,
        /** Open concerns at this step, ethics and governance checks alike. */
        concerns: [...checks, ...governance].filter(isOpenConcern).length,
        governanceDiscussed: governance.filter((check) => check.status !== 'not-discussed').length,
        governanceConcerns: governance.filter(isOpenConcern).length,
      };
    }),
  );

/** Open concerns of both kinds (ethics and governance checks), in canvas order. */
export const useOpenConcerns = () =>
  useCanvasStore(
    useShallow((state) => {
      const { canvas } = state;
      return canvas ? openConcernEntries(canvas).map((entry) => entry.key) : [];
    }),
  );

/** Concerns marked resolved, of both kinds, in canvas order. */
export const useResolvedConcerns = () =>
  useCanvasStore(
    useShallow((state) => {
      const { canvas } = state;
      return canvas ? resolvedConcernEntries(canvas).map((entry) => entry.key) : [];
    }),
  );

/** One card's place in the golden thread: the cards on the board it serves, and those that serve it. */
interface CardThread {
  serves: readonly string[];
  servedBy: readonly string[];
}
let threadCards: Canvas['cards'] | null = null;
let threadIndex = new Map<string, CardThread>();
const NO_THREAD: CardThread = { serves: NO_IDS, servedBy: NO_IDS };

/** Same links, steps and places on the board: only texts or colours changed, so the thread is the same. */
function sameLinks(before: Canvas['cards'], after: Canvas['cards']): boolean {
  let count = 0;
  for (const id in after) {
    const a = before[id];
    const b = after[id]!;
    if (!a || a.serves !== b.serves || a.step !== b.step || a.parkedAt !== b.parkedAt || a.deletedAt !== b.deletedAt) return false;
    count++;
  }
  return count === Object.keys(before).length;
}

/** Every card's links, worked out once per change to the links (not per card, not per keystroke). */
function threadIndexOf(canvas: Canvas): Map<string, CardThread> {
  if (canvas.cards === threadCards) return threadIndex;
  if (!threadCards || !sameLinks(threadCards, canvas.cards)) {
    const index = new Map<string, { serves: string[]; servedBy: string[] }>();
    const entry = (id: string) => index.get(id) ?? index.set(id, { serves: [], servedBy: [] }).get(id)!;
    for (const step of STEP_IDS) {
      for (const card of cardsInStep(canvas, step)) {
        for (const target of servedCards(canvas, card)) {
          entry(card.id).serves.push(target.id);
          entry(target.id).servedBy.push(card.id);
        }
      }
    }
    threadIndex = index;
  }
  threadCards = canvas.cards;
  return threadIndex;
}

/** What a card serves and what serves it (ids of cards on the board; the same arrays until a link changes). */
export const useCardThread = (id: string) =>
  useCanvasStore((state) => (state.canvas ? (threadIndexOf(state.canvas).get(id) ?? NO_THREAD) : NO_THREAD));

let orderedDatasets: Canvas['datasets'] | null = null;
let datasetIds: readonly string[] = NO_IDS;

/** The data inventory's live data sets, in order (the same array while only their fields change). */
export const useDatasetIds = () =>
  useCanvasStore((state) => {
    if (!state.canvas) return NO_IDS;
    if (state.canvas.datasets !== orderedDatasets) {
      orderedDatasets = state.canvas.datasets;
      const next = datasetsInOrder(state.canvas).map((dataset) => dataset.id);
      if (next.length !== datasetIds.length || next.some((id, index) => id !== datasetIds[index])) datasetIds = next;
    }
    return datasetIds;
  });

export const useDataset = (id: string) => useCanvasStore((state) => state.canvas?.datasets[id]);

const NO_DISMISSALS: readonly string[] = [];

/** Fingerprints of the privacy warnings dismissed on this canvas (the same array until one is added or removed). */
export const usePrivacyDismissed = () => useCanvasStore((state) => state.canvas?.privacyDismissed ?? NO_DISMISSALS);

let placesOf: Canvas | null = null;
let places: PrivacyPlace[] = [];

/** Where on the open canvas text looks like personal data (worked out once per change; see privacyPlaces.ts). */
export const usePrivacyPlaces = () =>
  useCanvasStore((state) => {
    if (!state.canvas) return NO_PLACES;
    if (state.canvas !== placesOf) {
      placesOf = state.canvas;
      places = privacyPlaces(state.canvas);
    }
    return places.length === 0 ? NO_PLACES : places;
  });
const NO_PLACES: PrivacyPlace[] = [];

export const useCanUndo = () => useCanvasStore((state) => canUndo(state.undoStack));
export const useCanRedo = () => useCanvasStore((state) => canRedo(state.undoStack));
