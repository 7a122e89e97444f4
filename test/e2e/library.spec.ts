import { expect, test } from './fixtures';

test('library: progress, rename, duplicate, delete, restore, empty recently deleted, filter', async ({ library, page }) => {
  await library.goto();
  await expect(library.emptyState).toBeVisible();
  await expect(library.recentlyDeleted).toHaveCount(0);

  // Three canvases, one with some work in it.
  let canvas = await library.createCanvas('Homelessness prevention');
  await canvas.addCard('Outcome', 'Families stay housed', { paste: true });
  await canvas.setCheck('Outcome', 'Trust', 'Concern raised');
  await canvas.setCheck('Outcome', 'Consent', 'Not applicable');
  await canvas.openStep('Action');
  await canvas.addCard('Action', 'Earlier contact', { paste: true });
  await canvas.setCheck('Action', 'Power', 'Discussed, no concern');
  await canvas.expectSaved();
  await canvas.allCanvasesLink.click();
  canvas = await library.createCanvas('School readiness');
  await canvas.allCanvasesLink.click();
  canvas = await library.createCanvas('Air quality');
  await canvas.allCanvasesLink.click();

  await expect(library.listHeading).toHaveText('3 canvases');
  // Most recently edited first.
  await expect(library.canvasTitles()).toHaveText(['Air quality', 'School readiness', 'Homelessness prevention']);
  await expect(library.progress('Homelessness prevention')).toContainText('Steps with content: 2 of 4');
  await expect(library.progress('Homelessness prevention')).toContainText('Ethics checks discussed: 3 of 20');
  await expect(library.progress('Homelessness prevention')).toContainText('Open concerns: 1');
  await expect(library.progress('Homelessness prevention')).toContainText('Cards: 2');
  await expect(library.progress('Air quality')).toContainText('Steps with content: 0 of 4');
  await expect(library.progress('Air quality')).toContainText('Ethics checks discussed: 0 of 20');
  await expect(library.progress('Air quality')).toContainText('Open concerns: 0');

  // Rename.
  await library.rename('School readiness', 'Ready for school');
  await expect(library.canvas('Ready for school')).toBeVisible();
  await expect(library.canvas('School readiness')).toHaveCount(0);

  // Duplicate: a copy with the same work in it.
  await library.duplicate('Homelessness prevention');
  await expect(library.toast).toContainText('Made a copy of “Homelessness prevention”.');
  await expect(library.canvas('Homelessness prevention (copy)')).toBeVisible();
  await expect(library.progress('Homelessness prevention (copy)')).toContainText('Steps with content: 2 of 4');
  await expect(library.progress('Homelessness prevention (copy)')).toContainText('Open concerns: 1');
  await expect(library.listHeading).toHaveText('4 canvases');

  // Delete: it moves to "Recently deleted".
  await library.delete('Air quality');
  await expect(library.toast).toContainText('“Air quality” moved to Recently deleted.');
  await expect(library.canvas('Air quality')).toHaveCount(0);
  await expect(library.recentlyDeleted.getByRole('heading', { level: 2 })).toHaveText('Recently deleted (1)');
  await expect(library.deletedCanvas('Air quality')).toBeVisible();
  await expect(library.listHeading).toHaveText('3 canvases');

  // Restore.
  await library.restore('Air quality');
  await expect(library.canvas('Air quality')).toBeVisible();
  await expect(library.recentlyDeleted).toHaveCount(0);

  // Delete two, then empty "Recently deleted" for good (after a confirmation).
  await library.delete('Air quality');
  await library.delete('Ready for school');
  await expect(library.recentlyDeleted.getByRole('heading', { level: 2 })).toHaveText('Recently deleted (2)');
  await library.emptyRecentlyDeletedButton.click();
  await expect(library.confirmDialog).toBeVisible();
  await expect(library.confirmDialog).toContainText('2 canvases will be removed from this browser for good.');
  // Focus starts on Cancel, so pressing Enter by habit loses nothing (soft, so the rest still runs).
  await expect.soft(library.confirmDialog.getByRole('button', { name: 'Cancel' }), 'Cancel has focus when the dialog opens').toBeFocused();
  await page.keyboard.press('Escape');
  await expect(library.confirmDialog).toBeHidden();
  await expect(library.deletedCanvas('Air quality')).toBeVisible();
  await library.emptyRecentlyDeleted();
  await expect(library.toast).toContainText('2 canvases removed for good.');
  await expect(library.recentlyDeleted).toHaveCount(0);
  await expect(library.canvasTitles()).toHaveText(['Homelessness prevention (copy)', 'Homelessness prevention']);

  // Filter by title.
  await library.filter('COPY');
  await expect(library.listHeading).toHaveText('1 of 2 canvases match');
  await expect(library.canvasTitles()).toHaveText(['Homelessness prevention (copy)']);
  await library.filter('air');
  await expect(library.listHeading).toHaveText('0 of 2 canvases match');
  await expect(page.getByText('No canvas title contains “air”.')).toBeVisible();
  await library.filter('');
  await expect(library.listHeading).toHaveText('2 canvases');

  // All of it is stored.
  await page.reload();
  await expect(library.canvasTitles()).toHaveText(['Homelessness prevention (copy)', 'Homelessness prevention']);
  await expect(library.recentlyDeleted).toHaveCount(0);
  await expect(library.progress('Homelessness prevention (copy)')).toContainText('Ethics checks discussed: 3 of 20');

  // The copy is a canvas of its own: changing it leaves the original alone.
  canvas = await library.open('Homelessness prevention (copy)');
  await canvas.expectCards('Outcome', ['Families stay housed']);
  await canvas.setCardText('Outcome', 1, 'Changed in the copy');
  await canvas.expectSaved();
  await canvas.allCanvasesLink.click();
  canvas = await library.open('Homelessness prevention');
  await canvas.expectCards('Outcome', ['Families stay housed']);
});
