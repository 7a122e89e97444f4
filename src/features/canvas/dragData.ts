/** What a droppable carries, tagged so the drop handler can tell what it is. */
import type { StepId } from '../../domain/model';

/** A step's list of cards (its whole column or panel), or another step's place in the step view's side rail. */
export interface StepDropData {
  type: 'step';
  step: StepId;
  kind: 'list' | 'rail';
}

export function isStepDropData(data: unknown): data is StepDropData {
  return typeof data === 'object' && data !== null && (data as StepDropData).type === 'step';
}

export const stepDropId = (step: StepId) => `step:${step}`;
export const railDropId = (step: StepId) => `rail:${step}`;
