// The global base and the shared controls first, so that each component's own styles (imported
// beside it, and loaded with its lazy chunk) come after them in the cascade. The styles of what
// boot.tsx shows first are put into index.html by vite.config.ts (`firstScreenStyles`).
import './base.css';
import '../components/controls.css';
import { earlyCanvas } from '../state/earlyCanvas';
import { readStoredParts } from '../storage/firstPaintRead';
import { hasNotes } from '../storage/journal';
import { atLibrary } from '../lib/libraryAddress';

/**
 * The app's code is fetched after the prerendered first screen (the library) has painted,
 * when that is what this address shows: so on a slow network the page's first paint shares
 * the line with no JavaScript, and the app's own render never replaces the picture within
 * the frame that first paints it (which would make its copy a later "largest paint").
 * At any other address (a canvas, the templates...) the picture is not what will show:
 * start at once.
 */
const boot = () => {
  // Alongside the app's own code rather than after it has run: opening storage and, at a
  // canvas's address, fetching the canvas screen's code.
  void import('../state/repositoryStore').then(({ openStorageEarly }) => openStorageEarly());
  if (window.location.hash.startsWith('#/canvas/')) void import('../features/canvas/CanvasScreen');
  void import('./boot');
};
/** After the next frame has painted: what was just put in the page shows before the app's code runs. */
const afterPaint = (then: () => void) => requestAnimationFrame(() => setTimeout(then, 0));

/** Longer than a first paint ever takes to reach the screen; then the app's code comes anyway. */
const FIRST_PAINT_WAIT_MS = 3000;

/**
 * Once the page's first paint is on the screen, not only drawn: the browser reports the first contentful
 * paint when its frame has been presented. A drawn frame can reach the screen much later (in headless
 * Chromium under Lighthouse, ~1 s), and code fetched in between is counted as holding that paint back.
 * Where paints are not reported, after the next frame; the app's code never waits on a report that may
 * not come: not after a few seconds, nor once the page is in the background (no paint is reported then).
 */
const afterFirstPaint = (then: () => void) => {
  if (!PerformanceObserver.supportedEntryTypes.includes('paint')) {
    afterPaint(then);
    return;
  }
  let done = false;
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) run();
  });
  const onHidden = () => {
    if (document.visibilityState === 'hidden') run();
  };
  const timer = setTimeout(() => run(), FIRST_PAINT_WAIT_MS);
  function run() {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onHidden);
    then();
  }
  document.addEventListener('visibilitychange', onHidden);
  observer.observe({ type: 'paint', buffered: true });
};

/**
 * Once the page is parsed. index.html loads this entry `async`: it runs as soon as it has arrived,
 * not after the page's body, which may come later: at the library's address the service worker
 * sends it only once it has read the library's list from IndexedDB (src/worker/sw.ts), and from the
 * network it may simply arrive later. So at a board's address the board's read and its picture's
 * code start as early as they can; anything that looks at the page waits for this.
 */
const parsed = new Promise<void>((resolve) => {
  if (document.readyState !== 'loading') resolve();
  else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
});
const showsPrerendered = () => atLibrary() && document.querySelector('#root > .prerendered') !== null;
// At a whole board's address, the board is painted from storage first (firstPaint.ts): the read
// starts now, its picture's code loads alongside, and the app's code after the picture has painted.
// The canvas painted is kept for the app, which takes it rather than reading it again when no other
// tab wrote meanwhile (state/earlyCanvas.ts: the listening starts before the read).
// Not when a closed tab left unsaved changes: the app recovers them first, and they may change the board.
const address = window.location.hash;
const board = /^#\/canvas\/([^/?#%]+)\/board$/.exec(address);
if (board && !hasNotes()) {
  const canvasId = board[1]!;
  earlyCanvas.watch();
  const stored = readStoredParts(canvasId);
  const picture = import('./firstPaint');
  parsed
    // No prerendered page (the dev server's): nothing to paint into, and paintBoard paints nothing.
    .then(() => stored)
    .then((parts) => parts && picture.then(({ paintBoard }) => paintBoard(canvasId, parts, address)))
    .catch(() => null) // the picture's code failed to load: the app opens as it always does
    .then((painted) => {
      if (painted) earlyCanvas.keep(painted);
      if (painted && document.visibilityState === 'visible') afterPaint(boot);
      else boot();
    });
} else
  void parsed.then(() => {
    if (showsPrerendered() && document.visibilityState === 'visible') afterFirstPaint(boot);
    else boot();
  });
