/**
 * Starts the app: the stores, the page's lifecycle saves, the service worker, and React's
 * first render, which replaces the prerendered picture of the first screen. Loaded by main.tsx.
 */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadScreenAt } from './App';
import { useCanvasStore } from '../state/canvasStore';
import { useDataSafetyStore } from '../state/dataSafetyStore';
import { earlyCanvas } from '../state/earlyCanvas';
import { useLibraryStore } from '../state/libraryStore';
import { repository } from '../state/repositoryStore';
import { startStores } from '../state/startStores';
import { FIRST_PAINT_ATTRIBUTE } from './firstPaintMark';
import { installLifecycleSaves } from './lifecycle';
import { atLibrary } from '../lib/libraryAddress';
import { whenNotPressed } from './pointerPress';
import { registerServiceWorker } from './serviceWorker';

// The stores start nothing when imported: the page starts them here, for its whole life.
startStores();
installLifecycleSaves();
registerServiceWorker();

// Start fetching storage's code and opening the database now, and at a canvas's address the canvas
// itself, rather than after React's first render asks for them.
void repository().catch(() => {}); // a failure is met again, and shown, by whatever asks next
const canvasAddress = /^#\/canvas\/([^/?]+)/.exec(window.location.hash);
const opening = canvasAddress ? useCanvasStore.getState().open(canvasAddress[1]!) : null;
if (!opening) earlyCanvas.forget(); // the address moved away from the board painted: the canvas store takes nothing

function render() {
  const root = createRoot(document.getElementById('root')!);
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  // The library's prerendered first screen of a first visit (inert: nothing in it can be pressed) is
  // replaced by a render in slices, as a transition, with the browser free in between rather than one
  // long task. Everywhere else in one go: under the service worker's live list in the task that found
  // no press held (pointerPress.ts: a press landing between slices would be lost when the list is
  // replaced), and under a board painted from storage because a transition over hundreds of cards is
  // started again by any store update meanwhile (the live board came 0.2-0.6 s later at 4x).
  const libraryFirstVisit = !painted && atLibrary() && document.querySelector('#root > .prerendered[inert]') !== null;
  if (libraryFirstVisit) startTransition(() => root.render(app));
  else root.render(app);
}

// The first render waits for the code of a lazily loaded screen at this address (if it fails, the
// screen says so when it renders). When the page came with the library's list in it (written by the
// service worker, src/worker), it also waits for the live list, so "Loading your canvases…" never
// takes the list's place for a moment (the library screen then shows that list without listing
// again), and for whether the browser keeps the data, so a backup reminder the page came with stays
// in place rather than coming back a moment later; and, under a board painted from storage (firstPaint.ts), for
// the canvas itself: the first render replaces the picture, and would put "Opening canvas…" in its place.
// However slow the canvas, the live screen (its "Opening canvas…", the shell's links) comes within PICTURE_MAX_MS.
const PICTURE_MAX_MS = 5000;
const servedList = atLibrary() && document.querySelector('#root > .prerendered .canvas-list') !== null;
const painted = document.querySelector(`#root > [${FIRST_PAINT_ATTRIBUTE}]`) !== null;
const canvasRead = painted && Promise.race([opening, new Promise((resolve) => setTimeout(resolve, PICTURE_MAX_MS))]);
const startHash = window.location.hash;
void Promise.all([
  preloadScreenAt(startHash),
  servedList && useLibraryStore.getState().loadBeforeFirstRender(),
  servedList && useDataSafetyStore.getState().refresh(),
  canvasRead,
])
  // Never while a press is held on the served picture (pointerPress.ts). A served title's link followed
  // meanwhile changed the address: that screen's code too, so no "Loading…" shows in its place.
  .then(() => whenNotPressed(document.getElementById('root')!))
  .then(() => window.location.hash !== startHash && preloadScreenAt(window.location.hash))
  .then(render, render);
