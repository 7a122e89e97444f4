/**
 * Drag and drop of cards with mouse, touch and keyboard (the pointer sensor
 * covers mouse, touch and pen; the handle sets touch-action: none). The drop handler
 * only works out where the card should go and calls the pure `moveCard`;
 * screen readers hear where the card is at every step.
 */
import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';
import { cardPosition, cardsInStep, moveCard } from '../../domain/cards';
import { STEP_GUIDANCE } from '../../domain/guidance';
import type { Canvas, StepId } from '../../domain/model';
import { getOpenCanvas } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { isCardDragData, isStepDropData } from './dragData';

function describeCard(id: string | number): string {
  const text = getOpenCanvas()?.cards[String(id)]?.text.trim() ?? '';
  if (!text) return 'Empty card';
  return `Card “${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

function describeDestination(overId: string | number, data: unknown, activeId: string | number): string {
  const canvas = getOpenCanvas();
  if (!canvas) return '';
  if (isStepDropData(data)) {
    const count = cardsInStep(canvas, data.step).filter((card) => card.id !== activeId).length;
    return `${STEP_GUIDANCE[data.step].title}, position ${count + 1} of ${count + 1}`;
  }
  const position = cardPosition(canvas, String(overId));
  if (!position) return '';
  const sameStep = canvas.cards[String(activeId)]?.step === position.step;
  const count = sameStep ? position.count : position.count + 1;
  return `${STEP_GUIDANCE[position.step].title}, position ${position.index + 1} of ${count}`;
}

function describeWhere(id: string | number): string {
  const canvas = getOpenCanvas();
  const position = canvas && cardPosition(canvas, String(id));
  return position ? `${STEP_GUIDANCE[position.step].title}, position ${position.index + 1} of ${position.count}` : '';
}

const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${describeCard(active.id)}, in ${describeWhere(active.id)}.`,
  onDragOver: ({ active, over }) =>
    over
      ? `${describeCard(active.id)} is over ${describeDestination(over.id, over.data.current, active.id)}.`
      : `${describeCard(active.id)} is not over a step.`,
  // Runs after the drop handler, so the card is already in its new place.
  onDragEnd: ({ active, over }) =>
    over
      ? `Dropped. ${describeCard(active.id)} is now in ${describeWhere(active.id)}.`
      : 'Dropped outside the steps: the card did not move.',
  onDragCancel: ({ active }) => `Move cancelled. ${describeCard(active.id)} is back in ${describeWhere(active.id)}.`,
};

const screenReaderInstructions = {
  draggable:
    'To pick up a card, press Space or Enter. Use the arrow keys to move it within its step or to another step. Press Space or Enter again to drop it, or Escape to cancel.',
};

/** The pointer decides when it is over something; cards win over the step around them. */
const collisionDetection: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  if (underPointer.length) {
    const cards = underPointer.filter((collision) =>
      isCardDragData(args.droppableContainers.find((d) => d.id === collision.id)?.data.current),
    );
    return cards.length ? cards : underPointer;
  }
  return closestCorners(args);
};

export function destinationOf(canvas: Canvas, activeId: string, overId: string, overData: unknown): { step: StepId; index: number } | null {
  if (isStepDropData(overData)) {
    return { step: overData.step, index: cardsInStep(canvas, overData.step).filter((card) => card.id !== activeId).length };
  }
  const overCard = canvas.cards[overId];
  if (!overCard) return null;
  // The card takes the place of the one it is over (like arrayMove within a step).
  const index = cardsInStep(canvas, overCard.step).findIndex((card) => card.id === overId);
  return { step: overCard.step, index };
}

function onDragEnd({ active, over }: DragEndEvent) {
  if (!over || active.id === over.id) return;
  useCanvasStore.getState().edit((canvas, now) => {
    const to = destinationOf(canvas, String(active.id), String(over.id), over.data.current);
    return to ? moveCard(canvas, String(active.id), to, now) : canvas;
  });
}

export function CanvasDnd({ children }: { children: ReactNode }) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions }}
    >
      {children}
    </DndContext>
  );
}
