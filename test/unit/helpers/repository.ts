/** Shared by the storage tests: a canvas with something in every kind of record, and saving as the app saves. */
import { type CanvasChanges, diffCanvas } from '../../../src/domain/diff';
import type { Canvas } from '../../../src/domain/model';
import { T0, buildCanvas } from './canvasBuilder';

export const LATER = T0 + 60_000;

/** Title, description, three cards in two steps and one concern. Card ids are unique per canvas id. */
export function sampleCanvas(id = 'canvas-1'): Canvas {
  return buildCanvas({
    id,
    cardIdPrefix: id === 'canvas-1' ? '' : `${id}:`,
    title: 'Care leavers',
    description: 'Stable homes',
    cards: { outcome: ['A', 'B'], action: ['C'] },
    checks: [{ step: 'insight', lens: 'trust', status: 'concern', notes: 'Errors in records' }],
  });
}

/** Saves `after` as the app does: the records that changed since `before`. */
export const save = async (
  repo: { saveChanges(id: string, changes: CanvasChanges): Promise<unknown> },
  before: Canvas | null,
  after: Canvas,
) => {
  await repo.saveChanges(after.id, diffCanvas(before, after));
};
