/**
 * A double click acts once: every import, restore and conflict button,
 * pressed with a real double click (two clicks, as a mouse sends them).
 */
import { createBackup } from '../../src/domain/backup';
import { templateFromCanvas } from '../../src/domain/templates';
import { T0, buildCanvas } from '../unit/helpers/canvasBuilder';
import type { Page } from '@playwright/test';
import { CanvasPage, type LibraryPage, expect, test } from './fixtures';
import { HistoryPanel } from './pages/HistoryPanel';
import { ImportPanel, streetLightingFile } from './pages/ImportPanel';
import { TemplatesPage } from './pages/TemplatesPage';

const TITLES = ['Street lighting', 'School readiness', 'Youth justice'];

/** A backup of three canvases and one template, made by the app's own writer. */
function backupFile() {
  const canvases = TITLES.map((title, i) =>
    buildCanvas({ id: `canvas-${i + 1}`, title, cardIdPrefix: `c${i + 1}-`, cards: { outcome: [`${title}: the first card`] } }),
  );
  const template = templateFromCanvas(
    canvases[0]!,
    { name: 'Lighting workshop', summary: 'For a street lighting session', audience: 'Officers', duration: '2 hours' },
    { cards: true, checks: true, facilitatorNotes: true },
    'template-1',
    T0,
  );
  return { name: 'three-canvases.json', text: createBackup(canvases, [template], new Date(T0)) };
}

test('Keep both and Replace, double-clicked, restore once; so does Import pasted Markdown', async ({ library, page }) => {
  await library.goto();
  const panel = new ImportPanel(page);
  const file = backupFile();
  await panel.importFile(file);
  await expect(panel.result).toHaveText('Restored 3 canvases and 1 template: 3 added.');
  await expect(library.listHeading).toHaveText('3 canvases');

  // Keep both, double-clicked: three copies and one template copy, not six and two.
  await panel.importFile(file);
  await expect(panel.conflict).toBeVisible();
  await panel.keepBothButton.dblclick();
  await expect(panel.result).toContainText('3 added as copies next to the ones already here');
  await expect(library.listHeading).toHaveText('6 canvases');
  for (const title of TITLES) await expect(library.canvas(`${title} (copy)`)).toHaveCount(1);
  const templates = new TemplatesPage(page);
  await templates.open();
  await expect(templates.card('Lighting workshop')).toHaveCount(1);
  await expect(templates.card('Lighting workshop (copy)')).toHaveCount(1);
  await expect(templates.card('Lighting workshop (copy) (copy)')).toHaveCount(0);
  await library.goto();

  // Replace, double-clicked: each canvas replaced once, so one "before" version each, not two.
  await panel.importFile(file);
  await expect(panel.conflict).toBeVisible();
  await panel.replaceButton.dblclick();
  await expect(panel.result).toContainText('replaced');
  await expect(library.listHeading).toHaveText('6 canvases');
  const replaced = await library.open('Street lighting');
  const history = await HistoryPanel.open(replaced);
  await expect(history.versions.filter({ hasText: 'Before a backup replaced it' })).toHaveCount(1);
  await replaced.allCanvasesLink.click();

  // Import pasted Markdown, double-clicked: one canvas.
  await panel.pasteToggle.click();
  await panel.pasteBox.fill(
    ['---', 'format: outcome-canvas', 'version: 2', '---', '', '# Pasted once', '', '## 1. Outcome', '', '- A card', ''].join('\n'),
  );
  await panel.pasteButton.dblclick();
  const pasted = new CanvasPage(page);
  await expect(pasted.titleInput).toHaveValue('Pasted once');
  await pasted.allCanvasesLink.click();
  await expect(library.listHeading).toHaveText('7 canvases');
  await expect(library.canvas('Pasted once')).toHaveCount(1);
});

/** The one-card "Street lighting" canvas imported (kept as its version "When it was opened"), then a newer card added. */
async function canvasWithAnEarlierVersion(library: LibraryPage, page: Page): Promise<CanvasPage> {
  await library.goto();
  await new ImportPanel(page).importFile(streetLightingFile(2));
  const canvas = new CanvasPage(page);
  await expect(canvas.titleInput).toHaveValue('Street lighting');
  await canvas.addCard('Outcome', 'A newer card', { paste: true });
  await canvas.expectSaved();
  return canvas;
}

test('Restore this version, double-clicked, restores once: one undo brings the newer content back', async ({ library, page }) => {
  const canvas = await canvasWithAnEarlierVersion(library, page);

  const history = await HistoryPanel.open(canvas);
  const earlier = history.versions.filter({ hasText: 'When it was opened' });
  await history.restoreButton(earlier).dblclick();
  await expect(canvas.toast).toContainText(/^Restored the version from /);
  await expect(history.versions.filter({ hasText: 'Before an earlier version was restored' })).toHaveCount(1);
  await canvas.stepByStepLink.click();
  await canvas.expectCards('Outcome', ['The earlier card']);
  // One restore, so one undo is all it takes to have the newer content back.
  await canvas.undoButton.click();
  await canvas.expectCards('Outcome', ['The earlier card', 'A newer card']);
});

test('a slow double click on Restore restores once, though the list moved under the pointer between its clicks', async ({
  library,
  page,
}) => {
  const canvas = await canvasWithAnEarlierVersion(library, page);

  const history = await HistoryPanel.open(canvas);
  const button = history.restoreButton(history.versions.filter({ hasText: 'When it was opened' }));
  const box = (await button.boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // The first click restores, and the list gains "Before an earlier version was restored" at the top, so
  // another version's button is now where the pointer is; then the double click's second click comes.
  await page.mouse.click(at.x, at.y);
  await expect(canvas.toast).toContainText(/^Restored the version from /);
  await expect(history.versions.filter({ hasText: 'Before an earlier version was restored' })).toHaveCount(1);
  await page.mouse.down({ clickCount: 2 });
  await page.mouse.up({ clickCount: 2 });
  await canvas.stepByStepLink.click();
  await canvas.expectCards('Outcome', ['The earlier card']);
  const again = await HistoryPanel.open(canvas);
  await expect(again.versions.filter({ hasText: 'Before an earlier version was restored' })).toHaveCount(1);
  await canvas.stepByStepLink.click();
  await canvas.undoButton.click();
  await canvas.expectCards('Outcome', ['The earlier card', 'A newer card']);
});

test('Use this template, double-clicked, then Create canvas double-clicked, makes one canvas', async ({ library, page }) => {
  await library.goto();
  const templates = new TemplatesPage(page);
  await templates.open();
  await templates.useButtonFor('Blank canvas with guidance').dblclick();
  await templates.newCanvasDialog().getByRole('button', { name: 'Create canvas' }).dblclick();
  const canvas = new CanvasPage(page);
  await expect(canvas.titleInput).toBeVisible();
  await canvas.allCanvasesLink.click();
  await expect(library.listHeading).toHaveText('1 canvas');
});
