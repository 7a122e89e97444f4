/**
 * Where on the open canvas text looks like personal data. Apart from
 * canvasSelectors.ts, which the first screen loads (the error boundary reads
 * the open canvas): the privacy check and the text it names places with load
 * with the canvas screen, not before.
 */
import type { Canvas } from '../domain/model';
import { type PrivacyPlace, privacyPlaces } from '../domain/privacyPlaces';

const NO_PLACES: PrivacyPlace[] = [];

/**
 * Where on a canvas text looks like personal data (see privacyPlaces.ts); the same empty list when nowhere.
 * A screen works it out in a deferred render (`useDeferredValue` of `useOpenCanvas()`), so that opening
 * a canvas, or a keystroke, shows first and is checked just after.
 */
export function privacyPlacesOf(canvas: Canvas | null): PrivacyPlace[] {
  const places = canvas ? privacyPlaces(canvas) : NO_PLACES;
  return places.length === 0 ? NO_PLACES : places;
}
