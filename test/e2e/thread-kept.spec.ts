/**
 * The golden thread survives what a canvas goes through (issue 10 §3): a
 * second tab, being saved as a template and started again, and a backup
 * restored. The model's unit tests cover the rules; these watch a person's
 * links come through in the browser.
 */
import { CanvasPage, expect, test } from './fixtures';
import { TemplatesPage } from './pages/TemplatesPage';

/** Within a second or two: the autosave delay, the write, the message and the merge, on a busy machine. */
const SOON = { timeout: 3_000 };

test('links made in one tab appear in the other, and both sets are kept', async ({ library, page, context }) => {
  await library.goto();
  const a = await library.createCanvas('Thread in two tabs');
  await a.addCard('Outcome', 'Fewer evictions', { paste: true });
  await a.openStep('Action');
  await a.addCard('Action', 'Early contact with tenants', { paste: true });
  await a.openStep('Insight');
  await a.addCard('Insight', 'Arrears by ward', { paste: true });
  await page.keyboard.press('Escape');
  await a.expectSaved();

  const pageB = await context.newPage();
  await pageB.goto(page.url().replace(/step\/insight$/, 'step/action'));
  const b = new CanvasPage(pageB);
  await b.waitUntilOpen();
  await b.expectCards('Action', ['Early contact with tenants']);

  // Tab A: the insight serves the action. Tab B: the action serves the outcome.
  await a.linkWithKeyboard('Insight', 1, 'early', 'This card now serves “Early contact with tenants”.');
  await b.linkWithKeyboard('Action', 1, 'evictions', 'This card now serves “Fewer evictions”.');
  await expect(b.card('Action', 1)).toContainText('Served by: “Arrears by ward”', SOON);
  await expect(b.card('Action', 1)).toContainText('Serves: “Fewer evictions”');
  await a.openStep('Action');
  await expect(a.card('Action', 1)).toContainText('Serves: “Fewer evictions”', SOON);
  await expect(a.card('Action', 1)).toContainText('Served by: “Arrears by ward”');

  await a.expectSaved();
  await b.expectSaved();
  await pageB.close();
  await a.reload();
  await expect(a.card('Action', 1)).toContainText('Serves: “Fewer evictions”');
  await expect(a.card('Action', 1)).toContainText('Served by: “Arrears by ward”');
});

test('a canvas saved as a template, and started again from it, keeps its thread', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Thread template');
  await canvas.addCard('Outcome', 'Fewer evictions', { paste: true });
  await canvas.openStep('Action');
  await canvas.addCard('Action', 'Early contact with tenants', { paste: true });
  await page.keyboard.press('Escape');
  await canvas.linkWithKeyboard('Action', 1, 'evictions', 'This card now serves “Fewer evictions”.');
  await canvas.expectSaved();

  await canvas.saveAsTemplateLink.click();
  const form = page.getByRole('form', { name: 'Save as template' });
  await form.getByRole('textbox', { name: 'Template name' }).fill('Evictions, with its thread');
  await form.getByRole('button', { name: 'Save template' }).click();
  const templates = new TemplatesPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Evictions, with its thread' })).toBeVisible();
  await templates.useButton.click();
  await templates.createCanvas();

  const copy = new CanvasPage(page);
  await copy.waitUntilOpen();
  await copy.openStep('Action');
  await expect(copy.card('Action', 1)).toContainText('Serves: “Fewer evictions”');
  await copy.threadLink.click();
  await expect(page.getByRole('list', { name: 'The thread from each outcome down' })).toContainText(
    'Outcome: Fewer evictionsAction: Early contact with tenants',
  );
});
