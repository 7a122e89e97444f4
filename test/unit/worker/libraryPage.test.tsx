import { renderToStaticMarkup } from 'react-dom/server';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { describe, expect, it } from 'vitest';
import { renderFirstScreen } from '../../../src/app/prerender';
import { LIBRARY_FIRST_SCREENFUL, type SummaryRecord, emptyCounts } from '../../../src/domain/summary';
import { CanvasList } from '../../../src/features/library/CanvasList';
import { summaryProgress } from '../../../src/domain/summary';
import { escapeHtml, fillLibraryPage, listItemHtml } from '../../../src/worker/libraryPage';

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

  it('keeps user text that looks like a replacement pattern as it is', () => {
    const page = fillLibraryPage(builtRoot(), [summary('a', "$& $' $`", NOW)], NOW)!;
    expect(page).toContain('$&amp; $&#39; $`</a>');
  });
});
