/**
 * Where on the open canvas text looks like personal data. Apart from
 * canvasSelectors.ts, which the first screen loads (the error boundary reads
 * the open canvas): the privacy check and the text it names places with load
 * with the canvas screen, not before.
 */
import type { Canvas } from '../domain/model';
import { type PrivacyPlace, privacyPlaces } from '../domain/privacyPlaces';
import { getOpenCanvas } from './canvasSelectors';
import { useCanvasStore } from './canvasStore';

const NO_PLACES: PrivacyPlace[] = [];

/** Where on a canvas text looks like personal data (see privacyPlaces.ts); the same empty list when nowhere. */
export function privacyPlacesOf(canvas: Canvas | null): PrivacyPlace[] {
  const places = canvas ? privacyPlaces(canvas) : NO_PLACES;
  return places.length === 0 ? NO_PLACES : places;
}

/** How long typing must pause before the canvas-wide list catches up (a field's own warning shows at once). */
export const PLACES_SETTLE_MS = 300;

/**
 * Calls `show` with where the open canvas has text that looks personal, for the canvas-wide list:
 * just after it starts watching, then each time changes pause, never on the keystroke itself (on a
 * board of hundreds of cards that list was most of the work a key did besides showing the letter).
 * Returns the stop.
 */
export function watchPrivacyPlaces(show: (places: PrivacyPlace[]) => void): () => void {
  const catchUp = () => show(privacyPlacesOf(getOpenCanvas()));
  let timer = setTimeout(catchUp);
  const stop = useCanvasStore.subscribe((state, previous) => {
    if (state.canvas === previous.canvas) return;
    clearTimeout(timer);
    timer = setTimeout(catchUp, PLACES_SETTLE_MS);
  });
  return () => {
    stop();
    clearTimeout(timer);
  };
}
