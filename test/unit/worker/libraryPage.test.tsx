import { render } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { afterEach, describe, expect, it } from 'vitest';
import { renderFirstScreen } from '../../../src/app/prerender';
import { LIBRARY_FIRST_SCREENFUL, type SummaryRecord, emptyCounts } from '../../../src/domain/summary';
import { CanvasList } from '../../../src/features/library/CanvasList';
import { summaryProgress } from '../../../src/domain/summary';
import { BackupReminder } from '../../../src/features/transfer/BackupReminder';
import { useDataSafetyStore } from '../../../src/state/dataSafetyStore';
import { BACKUP_REMINDER_AFTER, LAST_BACKUP_KEY, REMINDER_SNOOZED_KEY, shouldRemindToBackUp } from '../../../src/storage/backupReminder';
import { type SharedCanvasRecord, SHARED_PREFIX } from '../../../src/storage/sharing';
import {
  GUARD_SCRIPT,
  GUARD_SCRIPT_PATH,
  escapeHtml,
  fillLibraryPage,
  listItemHtml,
  liveFrame,
  splitServedPage,
} from '../../../src/worker/libraryPage';

const NOW = Date.UTC(2026, 10, 30, 12);
const HOSTILE = '<img src=x onerror=alert(1)>';

function summary(id: string, title: string, updatedAt: number, extra: Partial<SummaryRecord['meta']> = {}): SummaryRecord {
  const counts = { ...emptyCounts(), cardsByStep: { outcome: 2, action: 1, insight: 0, enablers: 0 }, checks: 20, checksDiscussed: 3 };
  return {
    meta: { id, title, description: '', createdAt: updatedAt, updatedAt, deletedAt: null, ...extra },
    counts: { ...counts, openConcerns: 1 },
  };
}

/** index.html's root as the build writes it (vite.config.ts, `prerenderFirstScreen`). */
const builtRoot = () => `<div class="prerendered" inert aria-hidden="true">${renderFirstScreen()}</div>`;

/** HTML as a browser reads it: attribute names in lower case, adjacent text joined. */
function asParsed(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  template.content.normalize();
  return template.innerHTML;
}

describe('escapeHtml', () => {
  it('leaves no markup in user text', () => {
    expect(escapeHtml(`${HOSTILE} "&'<>`)).toBe('&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;&lt;&gt;');
    const element = document.createElement('p');
    element.innerHTML = `<a title="${escapeHtml(HOSTILE + '"')}">${escapeHtml(HOSTILE + '"&\'<>')}</a>`;
    expect(element.querySelector('img')).toBeNull();
    expect(element.textContent).toBe(`${HOSTILE}"&'<>`);
    expect(element.querySelector('a')!.title).toBe(`${HOSTILE}"`);
  });
});

describe('the library as the service worker writes it', () => {
  it('is the markup React renders for the same canvases (its buttons inert until the app runs)', () => {
    const summaries = [
      summary('canvas-1', HOSTILE, NOW - 3_600_000, { description: '  Street lights & "safety" <b>now</b>  ' }),
      summary('canvas-2', '', NOW - 86_400_000 * 30),
    ];
    const react = renderToStaticMarkup(
      <Router hook={useHashLocation}>
        <CanvasList summaries={summaries.map((record) => ({ meta: record.meta, progress: summaryProgress(record) }))} />
      </Router>,
    );
    const worker = `<ul class="canvas-list">${summaries.map((record) => listItemHtml(record, Date.now())).join('')}</ul>`;
    expect(asParsed(worker.replaceAll(' inert', ''))).toBe(asParsed(react));
  });

  it('goes into the prerendered page: most recent first, deleted ones left out, the real count, links live', () => {
    const many = Array.from({ length: 30 }, (_, i) => summary(`canvas-${i}`, `Canvas ${i}`, NOW - i * 1000));
    const deleted = summary('gone', 'Deleted one', NOW, { deletedAt: NOW });
    const root = document.createElement('div');
    root.innerHTML = fillLibraryPage(builtRoot(), [deleted, ...many.slice().reverse()], NOW)!;
    expect(root.querySelector('.prerendered')!.hasAttribute('inert')).toBe(false);
    expect(root.querySelector('.prerendered')!.hasAttribute('aria-hidden')).toBe(false);
    const titles = [...root.querySelectorAll('.canvas-list h3 a')].map((link) => link.textContent);
    expect(titles).toEqual(many.slice(0, LIBRARY_FIRST_SCREENFUL).map((record) => record.meta.title));
    expect(root.querySelector('#canvas-list-heading')!.textContent).toBe('30 canvases');
    expect(root.querySelector('.canvas-list')!.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('.canvas-list h3 a')!.getAttribute('href')).toBe('#/canvas/canvas-0/step/outcome');
    expect(root.textContent).not.toContain('Loading your canvases');
    expect(root.textContent).not.toContain('Deleted one');
    expect(root.querySelector('.library-tools')!.hasAttribute('inert')).toBe(true);
    expect(root.querySelector('.canvas-list .button-row')!.hasAttribute('inert')).toBe(true);
  });

  it('serves the plain page when there is nothing to list or the page is not the one expected', () => {
    const plain = builtRoot();
    expect(fillLibraryPage(plain, [], NOW)).toBeNull();
    expect(fillLibraryPage(plain, [summary('a', 'Deleted', NOW, { deletedAt: NOW })], NOW)).toBeNull();
    expect(fillLibraryPage('<p>Some other page</p>', [summary('a', 'A', NOW)], NOW)).toBeNull();
  });

  it('at any other address, goes out with no list, its links live and the library’s forms and buttons inert', () => {
    const root = document.createElement('div');
    root.innerHTML = liveFrame(builtRoot())!;
    expect(root.querySelector('.prerendered')!.hasAttribute('inert')).toBe(false);
    expect(root.querySelector('.prerendered')!.hasAttribute('aria-hidden')).toBe(false);
    expect(root.querySelector('header a')).not.toBeNull();
    expect(root.querySelector('.library-tools')!.hasAttribute('inert')).toBe(true);
    expect(root.querySelector('.canvas-list')).toBeNull();
    expect(root.textContent).toContain('Loading your canvases');
    expect(liveFrame('<p>Some other page</p>')).toBeNull();
  });

  it('keeps user text that looks like a replacement pattern as it is', () => {
    const page = fillLibraryPage(builtRoot(), [summary('a', "$& $' $`", NOW)], NOW)!;
    expect(page).toContain('$&amp; $&#39; $`</a>');
  });
});

function sharing(canvasId: string, role: SharedCanvasRecord['role']): string {
  return JSON.stringify({
    canvasId,
    roomId: `room-${canvasId}`,
    role,
    secret: 'secret',
    inviteSecret: role === 'facilitator' ? 'invite' : null,
    participantId: 'me',
    participantKey: 'key',
    sharedAt: NOW,
  } satisfies SharedCanvasRecord);
}

/** The page the worker serves, as the browser parses it: its guard script run first (in the head), then the body put in. */
async function servedPage(summaries: SummaryRecord[], reminder: boolean): Promise<HTMLElement> {
  new Function(GUARD_SCRIPT)();
  document.body.innerHTML = `<div id="root">${fillLibraryPage(builtRoot(), summaries, Date.now(), { reminder })!}</div>`;
  await Promise.resolve(); // the guard's MutationObserver
  return document.getElementById('root')!;
}

describe('the served page’s guard script (what the worker cannot know: the address, localStorage)', () => {
  afterEach(() => {
    document.dispatchEvent(new Event('DOMContentLoaded')); // the guard stops watching once the page is parsed
    document.documentElement.removeAttribute('data-away');
    document.body.innerHTML = '';
    localStorage.clear();
    window.location.hash = '';
  });

  it('marks shared canvases as the live list does', async () => {
    localStorage.setItem(SHARED_PREFIX + 'canvas-1', sharing('canvas-1', 'facilitator'));
    localStorage.setItem(SHARED_PREFIX + 'canvas-2', sharing('canvas-2', 'participant'));
    localStorage.setItem(SHARED_PREFIX + 'canvas-3', '{"canvasId":"canvas-3","role":"facilitator"}'); // damaged: not shared, as the app reads it
    const summaries = [
      summary('canvas-1', 'Mine', NOW - 1000, { description: 'Street lights' }),
      summary('canvas-2', 'Theirs', NOW - 2000),
      summary('canvas-3', 'Damaged record', NOW - 3000),
      summary('canvas-4', 'Not shared', NOW - 4000),
    ];
    const root = await servedPage(summaries, false);
    const react = renderToStaticMarkup(
      <Router hook={useHashLocation}>
        <CanvasList summaries={summaries.map((record) => ({ meta: record.meta, progress: summaryProgress(record) }))} />
      </Router>,
    );
    expect(react).toContain('Shared by you');
    expect(react).toContain('Shared with you');
    expect(asParsed(root.querySelector('.canvas-list')!.outerHTML.replaceAll(' inert=""', '').replace(' aria-busy="true"', ''))).toBe(
      asParsed(react),
    );
  });

  it('shows the backup reminder when it is due, with the sentence and markup the app’s reminder has', async () => {
    const [day, now] = [24 * 60 * 60 * 1000, Date.now()];
    for (const [lastBackupAt, snoozedUntil] of [
      [null, 0],
      [now - BACKUP_REMINDER_AFTER - day, 0],
      [now - day, 0],
      [null, now + day],
      [now - BACKUP_REMINDER_AFTER - day, now - day],
    ] as const) {
      if (lastBackupAt) localStorage.setItem(LAST_BACKUP_KEY, String(lastBackupAt));
      if (snoozedUntil) localStorage.setItem(REMINDER_SNOOZED_KEY, String(snoozedUntil));
      const root = await servedPage([summary('canvas-1', 'One', NOW)], true);
      const served = root.querySelector('section[aria-labelledby="backup-reminder-heading"]')!;
      const due = shouldRemindToBackUp({ persisted: false, lastBackupAt, snoozedUntil }, 1);
      expect(served.hasAttribute('hidden')).toBe(!due);
      if (due) {
        useDataSafetyStore.setState({ persisted: false, lastBackupAt, snoozedUntil });
        const live = render(<BackupReminder canvasCount={1} />, { container: document.createElement('div') }); // (its store is read on the client only)
        expect(asParsed(served.outerHTML.replace(' inert=""', ''))).toBe(asParsed(live.container.innerHTML));
        live.unmount();
      }
      document.dispatchEvent(new Event('DOMContentLoaded'));
      localStorage.clear();
    }
  });

  it('leaves the reminder out when the browser keeps the data', async () => {
    const root = await servedPage([summary('canvas-1', 'One', NOW)], false);
    expect(root.querySelector('.banner')).toBeNull();
    expect(root.querySelector('.canvas-list')).not.toBeNull();
  });

  it('marks the page at any address but the library’s, where the served list must not show', async () => {
    await servedPage([summary('canvas-1', 'One', NOW)], false);
    expect(document.documentElement.hasAttribute('data-away')).toBe(false);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    window.location.hash = '#/sources';
    await servedPage([summary('canvas-1', 'One', NOW)], false);
    expect(document.documentElement.hasAttribute('data-away')).toBe(true);
  });
});

describe('the page the worker streams', () => {
  const page =
    '<!doctype html><html><head><title>Outcome Canvas</title><link rel="stylesheet" href="/a.css"></head><body><div id="root"></div></body></html>';

  it('is index.html in two parts, the guard script last in the head', () => {
    const { head, body } = splitServedPage(page)!;
    expect(head + body).toBe(page.replace('</head>', `<script src="${GUARD_SCRIPT_PATH}"></script></head>`));
    expect(head.indexOf('a.css')).toBeLessThan(head.indexOf(GUARD_SCRIPT_PATH));
    expect(body.startsWith('<body>')).toBe(true);
  });

  it('is the page as it is when it is not the one expected', () => {
    expect(splitServedPage('<p>Some other page</p>')).toBeNull();
    expect(splitServedPage(page.replace('<body>', '<body><body>'))).toBeNull();
  });
});
