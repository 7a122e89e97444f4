/**
 * The first screen as HTML, rendered once at build time (the `prerender`
 * plugin in vite.config.ts puts it into index.html), so the page paints the
 * app's frame and the library's heading before any JavaScript has run.
 * Never loaded by the running app.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './App';

/** The app as it first renders at `#/` (the hash router's server path is "/"). */
export function renderFirstScreen(): string {
  return renderToString(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
