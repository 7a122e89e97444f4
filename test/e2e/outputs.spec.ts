/**
 * What leaves the app for a project lead, read back by independent readers:
 * the clipboard's HTML (parsed by the browser), the Word file (Debian's
 * pandoc), the register draft and the page to send (opened in a page that
 * records every request it makes).
 *
 * The canvas comes in as a canvas file holding everything the model carries
 * (workshop details, votes, agreed and example cards, the parking lot, the
 * golden thread, a resolved concern, the action log and the data inventory).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { addCard } from '../../src/domain/cards';
import { canvasToMarkdown } from '../../src/domain/markdown/exportCanvas';
import { T0 } from '../unit/helpers/canvasBuilder';
import { FINISHED, finishedCanvas } from '../unit/helpers/finishedCanvas';
import { APP_ORIGIN, CanvasPage, type LibraryPage, expect, test } from './fixtures';
import type { ExportPage } from './pages/ExportPage';
import { ImportPanel } from './pages/ImportPanel';

const PANDOC = '/usr/bin/pandoc';

// The app's service worker would answer the test's own pages (openAsPage) with the app.
test.use({ serviceWorkers: 'block' });
/** A card a workshop might type that looks like HTML: it must stay text in every output. */
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> & "quotes"';

async function importFinished(library: LibraryPage, page: Page): Promise<{ canvas: CanvasPage; exportView: ExportPage }> {
  await library.goto();
  const withHostileCard = addCard(finishedCanvas(), { id: 'e2', step: 'enablers', text: HOSTILE }, T0);
  const markdown = canvasToMarkdown(withHostileCard, { exportedAt: new Date('2026-03-20T10:00:00Z') });
  await new ImportPanel(page).importFile({ name: 'youth-justice.md', text: markdown });
  const canvas = new CanvasPage(page);
  await expect(canvas.titleInput).toHaveValue(FINISHED.title);
  const exportView = await canvas.openExport();
  return { canvas, exportView };
}

/** Opens HTML in a new page of the same context, at an address on the app's origin, and lists every request it makes. */
async function openAsPage(context: BrowserContext, html: string): Promise<{ page: Page; requests: string[] }> {
  const page = await context.newPage();
  const url = `${APP_ORIGIN}/__opened-from-an-email.html`;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  return { page, requests };
}

function pandoc(bytes: Buffer, path: string, to: 'html' | 'plain'): string {
  expect(existsSync(PANDOC), 'pandoc reads the Word file back: install Debian package pandoc').toBe(true);
  writeFileSync(path, bytes);
  return execFileSync(PANDOC, ['-f', 'docx', '-t', to, '--wrap=none', path], { encoding: 'utf8' });
}

test('Copy for a document puts headings, lists and tables on the clipboard as HTML, with plain text beside it', async ({
  library,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN });
  const { exportView } = await importFinished(library, page);
  await exportView.copyForDocumentButton.click();
  await expect(page.getByText('Copied with its headings, lists and tables.')).toBeVisible();

  // Read back in a page of its own on the app's origin: as a word processor would, and away from the app's own policy.
  const { page: reader } = await openAsPage(context, '<!doctype html><title>Reader</title><body></body>');
  await reader.bringToFront();
  const copied = await reader.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const html = await (await item!.getType('text/html')).text();
    const text = await (await item!.getType('text/plain')).text();
    return { types: [...item!.types], html, text };
  });
  await reader.close();
  expect(copied.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
  // No machine comments, no front matter, no script, no remote anything.
  expect(copied.html).not.toContain('<!--');
  expect(copied.html).not.toMatch(/format: outcome-canvas|<script|<img|<link|<iframe/i);
  expect(copied.text).not.toMatch(/^---$|format: outcome-canvas|<!--/m);

  // The browser's own parser reads the HTML back: real headings, lists and tables.
  const { page: pasted } = await openAsPage(context, `<!doctype html><title>Pasted</title><body>${copied.html}</body>`);
  await expect(pasted.getByRole('heading', { level: 1 })).toHaveText(FINISHED.title);
  await expect(pasted.getByRole('heading', { level: 2 })).toContainText([
    'Workshop',
    '1. Outcome',
    '2. Action',
    '3. Insight',
    '4. Enablers',
    'Parking lot',
    'Action log',
    'Data inventory',
    'Golden thread',
    'Open concerns',
    'Resolved concerns',
  ]);
  await expect(pasted.getByRole('heading', { level: 3, name: 'Ethics checks: Outcome' })).toBeVisible();
  await expect(pasted.getByRole('row', { name: `Trust Concern raised ${FINISHED.trustConcern}` })).toBeVisible();
  await expect(pasted.getByRole('row', { name: /^Lawful basis Concern resolved/ })).toContainText(FINISHED.resolution);
  await expect(pasted.getByRole('listitem').filter({ hasText: FINISHED.outcome }).first()).toHaveText(
    `${FINISHED.outcome} (Agreed · 4 votes)`,
  );
  await expect(pasted.getByRole('listitem').filter({ hasText: 'Example: a dashboard' })).toContainText('Example from LOTI');
  await expect(pasted.getByRole('listitem').filter({ hasText: FINISHED.parked })).toContainText('Parked from Action');
  // The hostile card is text, not markup.
  await expect(pasted.getByText(HOSTILE)).toBeVisible();
  await expect(pasted.locator('script, img')).toHaveCount(0);
  // The plain text says the same, readably.
  expect(copied.text).toContain(`${FINISHED.title}\n====`);
  expect(copied.text).toContain(`- ${FINISHED.outcome} (Agreed · 4 votes)`);
  expect(copied.text).toContain(`- Trust. Status: Concern raised. Notes: ${FINISHED.trustConcern}`);
  await pasted.close();
});

test('the Word document reads back in pandoc with its title, steps, cards, check tables and everything the canvas holds', async ({
  library,
  page,
}, testInfo) => {
  const { exportView } = await importFinished(library, page);
  const file = await exportView.downloadNamed('Download Word document (.docx)');
  expect(file.fileName).toBe('youth-justice-data.docx');
  expect(file.bytes.subarray(0, 2).toString()).toBe('PK');

  const text = pandoc(file.bytes, testInfo.outputPath('canvas.docx'), 'plain');
  await testInfo.attach('pandoc plain text', { body: text, contentType: 'text/plain' });
  for (const expected of [
    FINISHED.title,
    FINISHED.description,
    'Date held: 12 March 2026',
    FINISHED.outcome,
    FINISHED.action,
    FINISHED.enabler,
    FINISHED.parked,
    FINISHED.trustConcern,
    FINISHED.actionText,
    FINISHED.actionOwner,
    FINISHED.dataset,
    FINISHED.whoIsMissing,
    HOSTILE,
  ])
    expect(text, `the Word file holds “${expected}”`).toContain(expected);

  const html = pandoc(file.bytes, testInfo.outputPath('canvas-structure.docx'), 'html');
  expect(html).toMatch(/<h1[^>]*>Youth justice &amp; data<\/h1>/);
  const h2 = [...html.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((match) => match[1]);
  expect(h2).toEqual([
    'Workshop',
    '1. Outcome',
    '2. Action',
    '3. Insight',
    '4. Enablers',
    'Parking lot',
    'Action log',
    'Data inventory',
    'Golden thread',
    'Open concerns',
    'Resolved concerns',
    'Checks not yet discussed',
    'Still to settle',
    'Sources',
  ]);
  // Four ethics tables, two governance tables, the action log and the data set: real tables.
  expect(html.match(/<table/g)).toHaveLength(8);
  expect(html).toMatch(/<th[^>]*>(<strong>)?Lens(<\/strong>)?<\/th>/);
  // Cards are list items, and the golden thread is a nested list four deep.
  expect(html).toMatch(/<li>(<p>)?Young people are diverted from custody <em>\(Agreed · 4 votes\)<\/em>(<\/p>)?<\/li>/);
  expect(html).toMatch(
    /<ul>\s*<li>(<p>)?<strong>Outcome:<\/strong>[^]*?<ul>\s*<li>(<p>)?<strong>Action:<\/strong>[^]*?<ul>\s*<li>(<p>)?<strong>Insight:/,
  );
  expect(html).not.toMatch(/<script|<img/);
});

test('the register draft and the self-assessment download as Markdown and Word, plainly drafts, with what is still to complete', async ({
  library,
  page,
}, testInfo) => {
  const { exportView } = await importFinished(library, page);
  const markdown = await exportView.downloadNamed('Register record as Markdown (.md)');
  expect(markdown.fileName).toBe('youth-justice-data-algorithm-register-draft.md');
  const md = markdown.text;
  expect(md.split('\n')[0]).toBe(`# Algorithmic transparency record (draft): ${FINISHED.title}`);
  expect(md).toContain('> **Draft: not for publication:**');
  // Tier 1, then tier 2's five sections, in the standard's order.
  const order = [
    '## Still to complete',
    '## Tier 1: overview',
    '### Name',
    '### Description',
    '### Website',
    '### Contact email',
    '## Tier 2, section 1: Owner and responsibility',
    '### Organisation or department',
    '### Senior responsible owner',
    '## Tier 2, section 2: Description and rationale',
    '### Benefits',
    '## Tier 2, section 3: Decision-making process',
    '### Human decisions and review',
    '## Tier 2, section 4: Tool specification',
    '### Data specification',
    '## Tier 2, section 5: Risks, mitigations and impact assessments',
    '### Risks',
  ].map((heading) => md.split('\n').indexOf(heading));
  expect(
    order.every((at) => at >= 0),
    `every heading is there: ${order.join(', ')}`,
  ).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // Filled from the canvas: the organisation, the benefits, the data set, the risk with its action.
  const section = (title: string) => md.slice(md.indexOf(`### ${title}`), md.indexOf('\n### ', md.indexOf(`### ${title}`) + 4));
  expect(section('Organisation or department')).toContain('London Borough of Example');
  expect(section('Benefits')).toContain(FINISHED.outcome);
  expect(section('Data specification')).toContain(FINISHED.dataset);
  expect(section('Risks')).toContain(FINISHED.trustConcern.replace('|', '\\|'));
  expect(section('Risks')).toContain(FINISHED.actionText);
  // Not in the canvas, so not invented: still to complete.
  expect(section('Website')).toContain('**Still to complete:**');
  expect(section('Contact email')).toContain('**Still to complete:**');
  expect(md).not.toMatch(/<!--|^---$/m);

  const word = await exportView.downloadNamed('Register record as Word (.docx)');
  expect(word.fileName).toBe('youth-justice-data-algorithm-register-draft.docx');
  const text = pandoc(word.bytes, testInfo.outputPath('register.docx'), 'plain');
  expect(text).toContain('Draft: not for publication');
  expect(text).toContain('Still to complete');
  expect(text).toContain('London Borough of Example');
  expect(text).toContain(FINISHED.seniorOwner);

  const assessment = await exportView.downloadNamed('Self-assessment as Markdown (.md)');
  expect(assessment.fileName).toBe('youth-justice-data-data-ethics-self-assessment-draft.md');
  for (const heading of [
    '### Transparency',
    '### Accountability',
    '### Fairness',
    '### 1. Define and understand public benefit and user need',
  ])
    expect(assessment.text).toContain(heading);
  expect(assessment.text).toContain('This draft proposes no score.');
  const assessmentWord = await exportView.downloadNamed('Self-assessment as Word (.docx)');
  expect(pandoc(assessmentWord.bytes, testInfo.outputPath('assessment.docx'), 'plain')).toContain(
    '5. Evaluate and consider wider policy implications',
  );
});

test('the page to send is one file with no script that loads nothing, and reads as the document', async ({ library, page, context }) => {
  const { exportView } = await importFinished(library, page);
  const file = await exportView.downloadNamed('Download a page to send (.html)');
  expect(file.fileName).toBe('youth-justice-data.html');
  expect(file.text).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(/i);
  expect(file.text).toContain("default-src 'none'");

  const { page: opened, requests } = await openAsPage(context, file.text);
  expect(requests, 'the page asks for nothing but itself').toEqual([`${APP_ORIGIN}/__opened-from-an-email.html`]);
  expect(await opened.evaluate(() => document.scripts.length)).toBe(0);
  const handlers = await opened.evaluate(() =>
    [...document.querySelectorAll('*')]
      .flatMap((element) => [...element.attributes].map((attribute) => attribute.name))
      .filter((name) => name.startsWith('on')),
  );
  expect(handlers, 'no element has an event handler').toEqual([]);
  await expect(opened).toHaveTitle(FINISHED.title);
  await expect(opened.getByRole('heading', { level: 1 })).toHaveText(FINISHED.title);
  await expect(opened.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: '1. Outcome' })).toBeVisible();
  await expect(opened.getByRole('table').first()).toBeVisible();
  await expect(opened.getByText(HOSTILE)).toBeVisible();
  await expect(opened.locator('img, script, iframe')).toHaveCount(0);
  await opened.close();
});

test('example cards can be left out of the document, and facilitator notes put in', async ({ library, page }) => {
  const { exportView } = await importFinished(library, page);
  await expect(exportView.preview.getByText('Example: a dashboard of school exclusions')).toBeVisible();
  await page.getByRole('radio', { name: 'Example cards left out' }).check();
  await expect(exportView.preview.getByText('Example: a dashboard of school exclusions')).toHaveCount(0);
  const markdown = await exportView.downloadNamed('Download Markdown for a document (.md)');
  expect(markdown.fileName).toBe('youth-justice-data-document.md');
  expect(markdown.text).not.toContain('Example: a dashboard');
  expect(markdown.text).toContain(FINISHED.outcome);
  expect(markdown.text).not.toMatch(/<!--|^---$/m);
  // The canvas file still carries it: it is the whole canvas.
  expect((await exportView.download()).text).toContain('Example: a dashboard');
});
