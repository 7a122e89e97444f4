/**
 * The library's first screenful, written into the prerendered index.html by the service worker
 * (`sw.ts`), so a returning visitor's canvases are on the page before any of the app's code has
 * arrived. The markup is CanvasList's and CanvasListItem's (a unit test renders both and compares),
 * so React's first render replaces it without moving anything. Pure: no IndexedDB, no worker API.
 */
import { displayTitle } from '../domain/model';
import { LIBRARY_FIRST_SCREENFUL, type SummaryRecord, summaryProgress } from '../domain/summary';
import { formatDateTime, formatRelativeTime } from '../lib/relativeTime';
import { BACKUP_REMINDER_AFTER, LAST_BACKUP_KEY, REMINDER_SNOOZED_KEY } from '../storage/backupReminder';
import { SHARED_PREFIX, isSharedCanvasRecord } from '../storage/sharing';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** User text as HTML text or a double-quoted attribute's value: never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

/** Where the page's guard script is served (by the worker itself: `sw.ts`). */
export const GUARD_SCRIPT_PATH = '/prerendered-list-guard.js';

/** What the guard needs to know, as the app knows it (a unit test holds the guard to the app's own rules). */
export interface GuardSettings {
  lastBackupKey: string;
  snoozedKey: string;
  remindAfter: number;
  sharedPrefix: string;
}

/**
 * The guard, run by the page in its head, before the body is parsed (a classic script blocks the
 * parser, and it comes from the worker, not the network), for what the worker cannot know:
 * - the address's hash, again: at any address but the library's (the same test as main.tsx's)
 *   the library must never paint (library.css hides it while `data-away` is set). The worker
 *   writes no list there (`sw.ts` reads the navigation's hash), but the prerendered frame is in
 *   the page, and a browser that left the hash out of the request gets the list too;
 * - localStorage: whether the backup reminder is due (the worker writes it, hidden, only when the
 *   browser has not promised to keep the data) and which canvases are shared, so the served list
 *   looks as the app's will.
 * It changes each piece as the parser puts it in the page (a MutationObserver's callback runs
 * before the browser paints), so nothing moves once painted; it stops when the page is parsed.
 * Serialized into the script's text (`GUARD_SCRIPT`): it must not use anything from outside itself.
 */
export function guardServedPage(settings: GuardSettings, isSharing: (value: unknown) => boolean): void {
  if (!/^(#\/?)?$/.test(location.hash)) document.documentElement.setAttribute('data-away', '');
  const stored = (key: string): string | null => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // some locked-down profiles refuse localStorage
    }
  };
  const storedTime = (key: string): number | null => {
    const value = Number(stored(key));
    return Number.isFinite(value) && value > 0 ? value : null;
  };
  const lastBackupAt = storedTime(settings.lastBackupKey);
  const now = Date.now();
  const reminderDue = now >= (storedTime(settings.snoozedKey) ?? 0) && (lastBackupAt === null || now - lastBackupAt > settings.remindAfter);
  const done = new WeakSet<Element>();
  const mend = () => {
    const reminder = document.querySelector('#root > .prerendered section[hidden][aria-labelledby="backup-reminder-heading"]');
    if (reminder && !done.has(reminder) && reminder.nextElementSibling) {
      done.add(reminder); // parsed to its end: the next piece of the page is there
      if (reminderDue) {
        reminder
          .querySelector('p')!
          .append(lastBackupAt ? 'Your last backup was more than a week ago.' : 'You have not downloaded a backup yet.');
        reminder.removeAttribute('hidden');
      }
    }
    for (const time of document.querySelectorAll('#root > .prerendered .canvas-item__meta > time')) {
      if (done.has(time)) continue;
      done.add(time);
      const id = /^canvas-(.*)-title$/.exec(time.closest('li')?.getAttribute('aria-labelledby') ?? '')?.[1] ?? '';
      let sharing: { role?: unknown } | null = null;
      try {
        sharing = JSON.parse(stored(settings.sharedPrefix + id) ?? 'null') as { role?: unknown } | null;
      } catch {
        sharing = null;
      }
      if (!sharing || !isSharing(sharing) || (sharing as { canvasId?: unknown }).canvasId !== id) continue;
      const mark = document.createElement('strong');
      mark.textContent = sharing.role === 'facilitator' ? 'Shared by you' : 'Shared with you';
      time.after(' · ', mark);
    }
  };
  const observer = new MutationObserver(mend);
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    observer.disconnect();
    mend();
  });
}

/** The guard script's text: the function above with the app's own settings and sharing check. */
export const GUARD_SCRIPT = `(${String(guardServedPage)})(${JSON.stringify({
  lastBackupKey: LAST_BACKUP_KEY,
  snoozedKey: REMINDER_SNOOZED_KEY,
  remindAfter: BACKUP_REMINDER_AFTER,
  sharedPrefix: SHARED_PREFIX,
} satisfies GuardSettings)}, ${String(isSharedCanvasRecord)});\n`;

/**
 * The backup reminder as BackupReminder renders it, hidden, without its last sentence (which depends
 * on localStorage): the guard script completes it and shows it when it is due.
 */
export const REMINDER_HTML =
  '<section class="banner" aria-labelledby="backup-reminder-heading" hidden><h2 id="backup-reminder-heading" class="banner__title">Keep a copy of your canvases</h2>' +
  '<p>Your canvases are only in this browser, and it has not promised to keep them: clearing site data or a full disk could remove them. </p>' +
  '<div class="button-row" inert><button type="button" class="button">Download a backup</button><button type="button" class="button button--secondary">Not now</button></div></section>';

/** One canvas as CanvasListItem renders it (its buttons inert until the app is live; whether it is shared, the guard script adds). */
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
const INERT_TOOLS = '<div class="library-tools panel" inert>';
const LOADING = '</form></div><p>Loading your canvases…</p><div></div>';

/**
 * The page's body with the picture live, so its links (the header's, the canvases') work as plain links
 * before the app runs, and what cannot work yet (the library's forms and buttons) inert; null when the
 * page is not the one expected. What the worker serves at any address but the library's, where it
 * writes no list (and the guard script hides the library).
 */
export function liveFrame(html: string): string | null {
  if (![PICTURE, TOOLS].every((piece) => html.split(piece).length === 2)) return null;
  return html.replace(PICTURE, '<div class="prerendered">').replace(TOOLS, INERT_TOOLS);
}

const FILTER =
  '<div class="field library-filter"><label for="canvas-filter">Filter by title</label><input id="canvas-filter" class="input" type="search" value=""/></div>';

/**
 * The page's body with the library's first screenful in place of "Loading your canvases…", sorted and
 * counted as the library does (most recently edited first, deleted canvases left out), and the backup
 * reminder (hidden: the guard shows it when due) when the browser has not promised to keep the data;
 * or null when there is nothing to show or the page is not the one expected (then the plain page is
 * served). The picture stops being inert, so its canvas links work as plain links before the app
 * runs; what cannot work yet (the forms, the buttons) stays inert.
 */
export function fillLibraryPage(
  html: string,
  summaries: readonly SummaryRecord[],
  now: number,
  { reminder }: { reminder: boolean } = { reminder: false },
): string | null {
  const active = summaries.filter((summary) => summary.meta.deletedAt === null);
  const live = html.split(LOADING).length === 2 ? liveFrame(html) : null;
  if (active.length === 0 || !live) return null;
  const first = [...active].sort((a, b) => b.meta.updatedAt - a.meta.updatedAt).slice(0, LIBRARY_FIRST_SCREENFUL);
  const count = `${active.length} ${active.length === 1 ? 'canvas' : 'canvases'}`;
  const list =
    `<div><section aria-labelledby="canvas-list-heading"><h2 id="canvas-list-heading">${count}</h2>` +
    `<ul class="canvas-list"${active.length > first.length ? ' aria-busy="true"' : ''}>${first.map((summary) => listItemHtml(summary, now)).join('')}</ul></section></div>`;
  return live
    .replace(INERT_TOOLS, `${reminder ? REMINDER_HTML : ''}${INERT_TOOLS}`)
    .replace(LOADING, () => `</form>${FILTER}</div>${list}`);
}

/**
 * index.html in two parts, so the worker can send the head at once (its stylesheets and scripts
 * load while IndexedDB is read) and the body once the list is written: the head, with the guard
 * script last in it (after the stylesheets, so their requests go first: the page cannot paint
 * before they arrive anyway), and the body. Null when the page is not the one expected.
 */
export function splitServedPage(html: string): { head: string; body: string } | null {
  const [headEnd, body] = ['</head>', '<body>'];
  if (html.split(headEnd).length !== 2 || html.split(body).length !== 2 || html.indexOf(headEnd) > html.indexOf(body)) return null;
  const at = html.indexOf(body);
  return { head: html.slice(0, at).replace(headEnd, `<script src="${GUARD_SCRIPT_PATH}"></script>${headEnd}`), body: html.slice(at) };
}
