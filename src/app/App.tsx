import { Suspense, useEffect } from 'react';
import { Link, Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { SaveIndicator } from '../components/SaveIndicator';
import { SaveProblemBanner } from '../components/SaveProblemBanner';
import { Toasts } from '../components/Toasts';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { useCanvasStore } from '../state/canvasStore';
import { useLibraryStore } from '../state/libraryStore';
import { FileDropOverlay } from '../features/transfer/FileDropOverlay';
import { rememberReturnPath } from '../lib/returnTo';
import { lazyScreen } from './lazyScreen';
import { NotFound } from './NotFound';
import { UpdateBanner } from './UpdateBanner';
import { useRouteFocus } from './routeFocus';
import './shell.css';

// The canvas screen carries drag and drop; load it when a canvas is opened.
const CanvasScreen = lazyScreen(() => import('../features/canvas/CanvasScreen'));
const TemplatesScreen = lazyScreen(() => import('../features/templates/TemplatesScreen'));
const StorageScreen = lazyScreen(() => import('../features/transfer/StorageScreen'));
const SourcesScreen = lazyScreen(() => import('../features/sources/SourcesScreen'));
const JoinScreen = lazyScreen(() => import('../features/sharing/JoinScreen'));

/**
 * Fetches the code of the screen at this address (a canvas, the templates...), if it is a lazy one.
 * boot.tsx waits for it before React's first render, so no "Loading…" shows in between, and React's
 * fallback throttle never holds the screen back (opening a canvas waited ~250 ms for it).
 */
export function preloadScreenAt(hash: string): Promise<unknown> {
  const path = hash.replace(/^#/, '');
  if (path.startsWith('/canvas/')) return CanvasScreen.preload();
  if (path.startsWith('/templates')) return TemplatesScreen.preload();
  if (path === '/storage') return StorageScreen.preload();
  if (path === '/sources') return SourcesScreen.preload();
  if (path.startsWith('/join/')) return JoinScreen.preload();
  return Promise.resolve();
}

/**
 * The canvas screen's code, fetched before anyone asks for it, so that the first click from the library
 * into a canvas opens it at once: React shows "Loading…" for a screen whose code is not yet here, and
 * then holds the screen back for up to 300 ms (its fallback throttle) however quickly the code comes.
 * - In the first idle moment after a person shows up (a pointer moves, a key is pressed) once the screen
 *   has shown (on the library, its list): not while the page is still loading, and not in a page load
 *   nobody watches (Lighthouse's), where evaluating the code is a long task (~60 ms at 4x) counted as
 *   blocking time.
 * - At once when a pointer or the focus reaches a link to a canvas.
 * - A click on such a link that still beats the code waits for it (with a busy pointer), then opens.
 */
function CanvasScreenPreloader({ onLibrary }: { onLibrary: boolean }) {
  const listShown = useLibraryStore((state) => state.status !== 'loading');
  const [, navigate] = useLocation();
  const ready = listShown || !onLibrary;
  useEffect(() => {
    if (!ready) return;
    let idle: (() => void) | null = null;
    const stopWatching = () => {
      for (const type of PRESENCE_EVENTS) window.removeEventListener(type, onPresence, { capture: true });
    };
    const onPresence = () => {
      stopWatching();
      idle ??= whenIdle(() => void preloadCanvasScreen());
    };
    for (const type of PRESENCE_EVENTS) window.addEventListener(type, onPresence, { capture: true, passive: true });
    return () => {
      stopWatching();
      idle?.();
    };
  }, [ready]);
  useEffect(() => {
    const onIntent = (event: Event) => {
      if (!CanvasScreen.loaded() && canvasLinkOf(event.target)) void preloadCanvasScreen();
    };
    const onClick = (event: MouseEvent) => {
      const link = canvasLinkOf(event.target);
      const plain = event.button === 0 && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
      if (!link || !plain || event.defaultPrevented || CanvasScreen.loaded()) return;
      event.preventDefault();
      event.stopPropagation();
      document.documentElement.dataset.opening = '';
      void preloadCanvasScreen().then(() => {
        delete document.documentElement.dataset.opening;
        navigate(link.getAttribute('href')!.slice(1));
      });
    };
    for (const type of INTENT_EVENTS) document.addEventListener(type, onIntent, { capture: true, passive: true });
    document.addEventListener('click', onClick, { capture: true });
    return () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, onIntent, { capture: true });
      document.removeEventListener('click', onClick, { capture: true });
    };
  }, [navigate]);
  return null;
}

const PRESENCE_EVENTS = ['pointermove', 'pointerdown', 'keydown'] as const;
const INTENT_EVENTS = ['pointerover', 'focusin'] as const;

/** Runs `task` when the browser is next idle (Safari has no requestIdleCallback: soon); returns a cancel. */
function whenIdle(task: () => void): () => void {
  if (!('requestIdleCallback' in window)) {
    const timer = setTimeout(task, 200);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(task);
  return () => cancelIdleCallback(handle);
}
const canvasLinkOf = (target: EventTarget | null) => (target instanceof Element ? target.closest('a[href^="#/canvas/"]') : null);
// Offline on a first visit the fetch can fail: the canvas screen tries again when it opens, and says so if it fails.
const preloadCanvasScreen = () =>
  CanvasScreen.preload().then(
    () => {},
    () => {},
  );

export function App() {
  return (
    <Router hook={useHashLocation}>
      <Shell />
    </Router>
  );
}

function Shell() {
  const [location] = useLocation();
  const announcement = useRouteFocus(location);
  // Start reading a canvas as soon as its address is known, while the canvas screen's code loads.
  const canvasId = /^\/canvas\/([^/]+)/.exec(location)?.[1];
  useEffect(() => {
    if (canvasId) void useCanvasStore.getState().open(canvasId);
  }, [canvasId]);
  return (
    <>
      {/* Screens add their own skip links here (the canvas: to its cards, "Add card" and ethics checks). */}
      <div id="skip-links">
        <a className="skip-link" href="#main" onClick={skipToMain}>
          Skip to main content
        </a>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <header className="app-header">
        <a className="app-name" href="#/">
          Outcome Canvas
        </a>
        <nav className="app-nav" aria-label="Main">
          <Link href="/" aria-current={location === '/' ? 'page' : undefined}>
            Canvases
          </Link>
          <Link href="/templates" aria-current={location.startsWith('/templates') ? 'page' : undefined}>
            Templates
          </Link>
          <Link href="/storage" aria-current={location === '/storage' ? 'page' : undefined}>
            Storage
          </Link>
          <Link href="/sources" aria-current={location === '/sources' ? 'page' : undefined} onClick={() => rememberReturnPath(location)}>
            Sources
          </Link>
          <SaveIndicator />
        </nav>
      </header>
      <UpdateBanner />
      <SaveProblemBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <ErrorBoundary>
          <Suspense fallback={<p>Loading…</p>}>
            <Switch>
              <Route path="/" component={LibraryScreen} />
              <Route path="/storage" component={StorageScreen} />
              <Route path="/sources" component={SourcesScreen} />
              <Route path="/join/:token">{(params) => <JoinScreen token={params.token} />}</Route>
              <Route path="/templates">{() => <TemplatesScreen />}</Route>
              <Route path="/templates/:id">{(params) => <TemplatesScreen templateId={params.id} />}</Route>
              <Route path="/canvas/:id">{(params) => <Redirect to={`/canvas/${params.id}/step/outcome`} replace />}</Route>
              <Route path="/canvas/:id/:view/:step?">
                {(params) => <CanvasScreen canvasId={params.id} view={params.view} step={params.step} />}
              </Route>
              <Route component={NotFound} />
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
      <Toasts />
      <FileDropOverlay />
      <CanvasScreenPreloader onLibrary={location === '/'} />
    </>
  );
}

/** With hash routing, a plain #main link would change the route: move focus instead. */
function skipToMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
