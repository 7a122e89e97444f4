/**
 * The library's first screenful, written into the prerendered index.html by the service worker
 * (`sw.ts`), so a returning visitor's canvases are on the page before any of the app's code has
 * arrived. The markup is CanvasList's and CanvasListItem's (a unit test renders both and compares),
 * so React's first render replaces it without moving anything. Pure: no IndexedDB, no worker API.
 */
import { displayTitle } from '../domain/model';
import { LIBRARY_FIRST_SCREENFUL, type SummaryRecord, summaryProgress } from '../domain/summary';
import { formatDateTime, formatRelativeTime } from '../lib/relativeTime';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** User text as HTML text or a double-quoted attribute's value: never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

/** Where the page's guard script is served (by the worker itself: `sw.ts`). */
export const GUARD_SCRIPT_PATH = '/prerendered-list-guard.js';

/**
 * The guard, run by the page before the list is parsed (a classic script blocks the parser, and it
 * comes from the worker, not the network): the worker cannot see the address's hash, and at any
 * address but the library's (the same test as main.tsx's) the list must never paint
 * (library.css hides it while `data-away` is set).
 */
export const GUARD_SCRIPT = "if (!/^(#\\/?)?$/.test(location.hash)) document.documentElement.setAttribute('data-away', '');\n";

/** One canvas as CanvasListItem renders it (its buttons inert until the app is live; who shares it is not known here). */
export function listItemHtml(summary: SummaryRecord, now: number): string {
  const { meta } = summary;
  const progress = summaryProgress(summary);
  const id = escapeHtml(meta.id);
  const title = escapeHtml(displayTitle(meta));
  const description = meta.description.trim().slice(0, 140);
  const button = (label: string) =>
    `<button type="button" class="button button--secondary button--small">${label}<span class="visually-hidden"> ${title}</span></button>`;
  return (
    `<li class="canvas-item" aria-labelledby="canvas-${id}-title"><div>` +
    `<h3 id="canvas-${id}-title"><a href="#/canvas/${id}/step/outcome">${title}</a></h3>` +
    `<p class="canvas-item__meta">Last edited <time dateTime="${new Date(meta.updatedAt).toISOString()}" title="${escapeHtml(formatDateTime(meta.updatedAt))}">` +
    `${escapeHtml(formatRelativeTime(meta.updatedAt, now))}</time>${description ? ` · ${escapeHtml(description)}` : ''}</p>` +
    `<ul class="progress-list" aria-label="Progress">` +
    `<li>Steps with content: <strong>${progress.stepsWithContent} of ${progress.stepCount}</strong></li>` +
    `<li>Ethics checks discussed: <strong>${progress.checksDiscussed} of ${progress.checkCount}</strong></li>` +
    `<li${progress.openConcerns ? ' class="concern-count"' : ''}>Open concerns: <strong>${progress.openConcerns}</strong></li>` +
    `<li>Cards: <strong>${progress.cardCount}</strong></li>` +
    `<li>Open actions: <strong>${progress.openActionItems}</strong></li>` +
    `</ul></div><div class="button-row" inert>${button('Rename')}${button('Duplicate')}${button('Delete')}</div></li>`
  );
}

/** Pieces of the prerendered page (vite.config.ts, `prerenderFirstScreen`) the list goes into; each must be there once. */
const PICTURE = '<div class="prerendered" inert aria-hidden="true">';
const TOOLS = '<div class="library-tools panel">';
const LOADING = '</form></div><p>Loading your canvases…</p><div></div>';

const FILTER =
  '<div class="field library-filter"><label for="canvas-filter">Filter by title</label><input id="canvas-filter" class="input" type="search" value=""/></div>';

/**
 * The page with the library's first screenful in place of "Loading your canvases…", sorted and
 * counted as the library does (most recently edited first, deleted canvases left out), or null
 * when there is nothing to show or the page is not the one expected (then the plain page is served).
 * The picture stops being inert, so its canvas links work as plain links before the app runs; what
 * cannot work yet (the forms, the buttons) stays inert.
 */
export function fillLibraryPage(html: string, summaries: readonly SummaryRecord[], now: number): string | null {
  const active = summaries.filter((summary) => summary.meta.deletedAt === null);
  if (active.length === 0 || ![PICTURE, TOOLS, LOADING].every((piece) => html.split(piece).length === 2)) return null;
  const first = [...active].sort((a, b) => b.meta.updatedAt - a.meta.updatedAt).slice(0, LIBRARY_FIRST_SCREENFUL);
  const count = `${active.length} ${active.length === 1 ? 'canvas' : 'canvases'}`;
  const list =
    `<div><script src="${GUARD_SCRIPT_PATH}"></script><section aria-labelledby="canvas-list-heading"><h2 id="canvas-list-heading">${count}</h2>` +
    `<ul class="canvas-list"${active.length > first.length ? ' aria-busy="true"' : ''}>${first.map((summary) => listItemHtml(summary, now)).join('')}</ul></section></div>`;
  return html
    .replace(PICTURE, '<div class="prerendered">')
    .replace(TOOLS, '<div class="library-tools panel" inert>')
    .replace(LOADING, () => `</form>${FILTER}</div>${list}`);
}
