// The global base and the shared controls first, so that each component's own styles (imported
// beside it, and loaded with its lazy chunk) come after them in the cascade. The styles of what
// boot.tsx shows first are put into index.html by vite.config.ts (`firstScreenStyles`).
import './base.css';
import '../components/controls.css';

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
const showsPrerendered = /^(#\/?)?$/.test(window.location.hash) && document.querySelector('#root > .prerendered') !== null;
if (showsPrerendered && document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(boot, 0));
else boot();
