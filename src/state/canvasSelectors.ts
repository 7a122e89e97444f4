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
import { cardsByVotes, cardsInStep, exampleCards } from '../domain/cards';
import { type AnyCheckKey, type Canvas, STEP_IDS, type StepId } from '../domain/model';
import { governanceIdsForStep } from '../domain/governanceKeys';
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

const NO_DISMISSALS: readonly string[] = [];

/** Fingerprints of the privacy warnings dismissed on this canvas (the same array until one is added or removed). */
export const usePrivacyDismissed = () => useCanvasStore((state) => state.canvas?.privacyDismissed ?? NO_DISMISSALS);

export const useCanUndo = () => useCanvasStore((state) => canUndo(state.undoStack));
export const useCanRedo = () => useCanvasStore((state) => canRedo(state.undoStack));

/** A step's dot votes in all, and whether its cards already stand most votes first. */
export const useStepVotes = (step: StepId) =>
  useCanvasStore(
    useShallow((state) => {
      const { canvas } = state;
      if (!canvas) return { votes: 0, sorted: true };
      const cards = cardsInStep(canvas, step);
      const byVotes = cardsByVotes(canvas, step);
      return { votes: cards.reduce((sum, card) => sum + card.votes, 0), sorted: byVotes.every((card, i) => card === cards[i]) };
    }),
  );

/** Dots each person may place. */
export const useVotesPerPerson = () => useCanvasStore((state) => state.canvas?.votesPerPerson ?? 0);

/** How many example cards from a template the canvas still holds. */
export const useExampleCount = () => useCanvasStore((state) => (state.canvas ? exampleCards(state.canvas).length : 0));
