/**
 * The open canvas's data inventory. Apart from canvasSelectors.ts (which the
 * first screen loads): the inventory's rules load with the canvas screen.
 */
import { datasetsInOrder } from '../domain/dataInventory';
import type { Canvas } from '../domain/model';
import { useCanvasStore } from './canvasStore';

const NO_IDS: readonly string[] = [];

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
