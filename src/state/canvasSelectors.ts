/**
 * The one way to read the open canvas (`CanvasState.canvas`): narrow hooks
 * for rendering, each returning the smallest thing a component needs so a
 * keystroke in one card re-renders only that card; `useOpenCanvas` for views
 * that show all of it; `getOpenCanvas` for event handlers, which read it
 * when they run instead of re-rendering with it. Add a hook here rather than
 * selecting `state.canvas` in a component.
 */
import { useShallow } from 'zustand/react/shallow';
import { canvasProgress, openConcerns } from '../domain/canvas';
import { cardsInStep } from '../domain/cards';
import { type LensId, type StepId, checkKey } from '../domain/model';
import { canRedo, canUndo } from '../domain/undo';
import { type CanvasState, useCanvasStore } from './canvasStore';

const selectOpenCanvas = (state: CanvasState) => state.canvas;

/** The open canvas now, for an event handler (null when none is loaded). Never call it while rendering. */
export const getOpenCanvas = () => selectOpenCanvas(useCanvasStore.getState());

export const useCardIds = (step: StepId) =>
  useCanvasStore(
    useShallow((state) => {
      const { canvas } = state;
      return canvas ? cardsInStep(canvas, step).map((card) => card.id) : [];
    }),
  );

/** The whole open canvas: for views that show all of it (export, print). Prefer a narrower hook. */
export const useOpenCanvas = () => useCanvasStore(selectOpenCanvas);

export const useCard = (id: string) => useCanvasStore((state) => state.canvas?.cards[id]);

export const useCheck = (step: StepId, lens: LensId) => useCanvasStore((state) => state.canvas?.checks[checkKey(step, lens)]);

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
      if (!canvas) return { cards: 0, discussed: 0, concerns: 0 };
      // Counts only: no need to sort the cards, which runs for several steps on every edit.
      let cards = 0;
      for (const card of Object.values(canvas.cards)) if (card.step === step && card.deletedAt === null) cards++;
      const checks = Object.values(canvas.checks).filter((check) => check.step === step);
      return {
        cards,
        discussed: checks.filter((check) => check.status !== 'not-discussed').length,
        concerns: checks.filter((check) => check.status === 'concern').length,
      };
    }),
  );

export const useOpenConcerns = () =>
  useCanvasStore(
    useShallow((state) => {
      const { canvas } = state;
      return canvas ? openConcerns(canvas) : [];
    }),
  );

export const useCanUndo = () => useCanvasStore((state) => canUndo(state.undoStack));
export const useCanRedo = () => useCanvasStore((state) => canRedo(state.undoStack));
