/**
 * The Content-Security-Policy: the built page carries a strict one, and no
 * screen of the app breaks it (every `securitypolicyviolation` is recorded,
 * see csp.ts; the fixture also fails on the console error a violation logs).
 */
import { cspViolations, watchCsp } from './csp';
import { expect, test } from './fixtures';
import { HistoryPanel } from './pages/HistoryPanel';

watchCsp(test);

test('the built page carries a strict Content-Security-Policy', async ({ library, page, request }) => {
  const html = await (await request.get('/')).text();
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  expect(policy, 'index.html has a CSP meta tag').toBeTruthy();
  const directives = policy!.split(';').map((directive) => directive.trim());
  expect(directives).toContain("default-src 'self'");
  expect(directives).toContain("script-src 'self'");
  expect(directives).toContain("object-src 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  // The meta tag comes before any script, so it governs all of them; and there is no inline script.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

  await library.goto();
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', policy!);
});

test('every screen, with drag and drop, previews and menus, runs without a CSP violation', async ({ library, page, context }) => {
  await library.goto();
  const canvas = await library.createCanvas('Every screen');
  await canvas.descriptionInput.fill('A **bold** claim and a [link](https://example.org)');
  await canvas.addCard('Outcome', 'First', { paste: true });
  await canvas.addCard('Outcome', 'Second <img src=x onerror=alert(1)>', { paste: true });
  await canvas.setColour('Outcome', 1, 'Blue');
  await canvas.setCheck('Outcome', 'Trust', 'Concern raised', 'A concern');
  await canvas.dragWithKeyboard('Outcome', 1, [{ key: 'ArrowDown', over: 'Outcome, position 2 of 2' }]);
  await canvas.openWholeBoard();
  await canvas.openConcerns();
  const exportView = await canvas.openExport();
  await exportView.showPreview();
  await exportView.showMarkdownText();
  await canvas.printLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Every screen' })).toBeVisible();
  await canvas.saveAsTemplateLink.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Save as template' })).toBeVisible();
  await canvas.reload();
  const history = await HistoryPanel.open(canvas);
  await history.preview(history.versions.first());

  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  await page.getByRole('link', { name: /^Preview\s+Tackling Racial Inequality$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tackling Racial Inequality' })).toBeVisible();
  await main.getByRole('link', { name: 'Storage' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Storage and backups' })).toBeVisible();
  await page.goto('/#/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

  expect(cspViolations(context)).toEqual([]);
  // The recorder itself is in place (so an empty list means something).
  expect(await page.evaluate(() => Array.isArray((window as unknown as { __cspViolations?: unknown }).__cspViolations))).toBe(true);
});

test('the CSP watch notices a violation (an inline script is blocked and reported)', async ({ library, page, context, guard }) => {
  await library.goto();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
  });
  await expect.poll(() => cspViolations(context).join('\n')).toContain('script-src-elem blocked inline');
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  // Seen; clear it (and the console error the browser logs for it) so this test itself passes.
  cspViolations(context).length = 0;
  guard.consoleErrors.length = 0;
});
