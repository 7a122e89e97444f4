/**
 * Where on the open canvas text looks like personal data. Apart from
 * canvasSelectors.ts, which the first screen loads (the error boundary reads
 * the open canvas): the privacy check and the text it names places with load
 * with the canvas screen, not before.
 */
import type { Canvas } from '../domain/model';
import { type PrivacyPlace, privacyPlaces } from '../domain/privacyPlaces';
import { useCanvasStore } from './canvasStore';

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
