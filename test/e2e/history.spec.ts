/**
 * Version history: an earlier version can be previewed and restored, and
 * the restore is itself undoable, so neither version is ever lost.
 */
import { watchCsp } from './csp';
import { CanvasPage, expect, test } from './fixtures';
import { ImportPanel, streetLightingFile } from './pages/ImportPanel';
import { HistoryPanel } from './pages/HistoryPanel';

watchCsp(test);

test('restore an earlier version from History, see it, then Undo brings the newer content back', async ({ library, page }) => {
  await library.goto();
  // A canvas arrives from a file and opens: opening it keeps its first version ("When it was opened").
  await new ImportPanel(page).importFile(streetLightingFile(1));
  const canvas = new CanvasPage(page);
  await expect(canvas.titleInput).toHaveValue('Street lighting');
  await canvas.expectCards('Outcome', ['The earlier card']);

  // The newer content.
  await canvas.setTitle('Street lighting, revised');
  await canvas.setCardText('Outcome', 1, 'The earlier card, rewritten');
  await canvas.addCard('Outcome', 'A newer card', { paste: true });
  await canvas.expectSaved();

  let history = await HistoryPanel.open(canvas);
  await expect(history.versions).toHaveCount(1);
  const earlier = history.version('When it was opened');
  await expect(earlier).toContainText('1 card');
  const preview = await history.preview(earlier);
  await expect(preview.getByRole('heading', { level: 3 })).toHaveText('Street lighting');
  await expect(preview).toContainText('The earlier card');
  await expect(preview).not.toContainText('A newer card');

  await history.restoreButton(earlier).click();
  await expect(canvas.toast).toContainText(/^Restored the version from /);
  await expect(canvas.titleInput).toHaveValue('Street lighting');
  // What was replaced is kept as a version too.
  await expect(history.version('Before an earlier version was restored')).toContainText('2 cards');

  await canvas.stepByStepLink.click();
  await canvas.expectCards('Outcome', ['The earlier card']);
  await canvas.toast.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(canvas.titleInput).toHaveValue('Street lighting, revised');
  await canvas.expectCards('Outcome', ['The earlier card, rewritten', 'A newer card']);

  // And that is what is stored.
  await canvas.expectSaved();
  await canvas.reload();
  await expect(canvas.titleInput).toHaveValue('Street lighting, revised');
  await canvas.expectCards('Outcome', ['The earlier card, rewritten', 'A newer card']);
  history = await HistoryPanel.open(canvas);
  await expect(history.versions).toHaveCount(2);
});
