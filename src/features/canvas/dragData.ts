/** What a draggable or droppable carries, tagged so a drop handler can tell them apart. */
import { STEP_IDS, type StepId } from '../../domain/model';

export interface CardDragData {
  type: 'card';
  step: StepId;
}

export interface StepDropData {
  type: 'step';
  step: StepId;
}

export function isCardDragData(data: unknown): data is CardDragData {
  return typeof data === 'object' && data !== null && (data as CardDragData).type === 'card';
}

export function isStepDropData(data: unknown): data is StepDropData {
  return typeof data === 'object' && data !== null && (data as StepDropData).type === 'step';
}

export const stepDropId = (step: StepId) => `step:${step}`;

export function stepFromDropId(id: string | number): StepId | null {
  const step = String(id).replace(/^step:/, '');
  return (STEP_IDS as readonly string[]).includes(step) && String(id).startsWith('step:') ? (step as StepId) : null;
}
