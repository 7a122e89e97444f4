import { CanvasPage } from './pages/CanvasPage';
import { expect, test } from './fixtures';

test.describe('autosave', () => {
  test('the header says when changes are being saved and when they are saved', async ({ library }) => {
    await library.goto();
    const canvas = await library.createCanvas('Autosave');
    await canvas.expectSaved();
    await canvas.descriptionInput.fill('Tackling racial inequality');
    await expect(canvas.saveStatus).toHaveText('Saving…');
    await canvas.expectSaved();
    await canvas.addCard('Outcome', 'Saved as I type');
    await canvas.expectSaved();
    await canvas.reload();
    await expect(canvas.descriptionInput).toHaveValue('Tackling racial inequality');
    await canvas.expectCards('Outcome', ['Saved as I type']);
  });

  // Two ways a page goes away: the tab is closed (beforeunload, then pagehide),
  // or the page is discarded with no beforeunload (pagehide only), which is
  // what Playwright's page.close() does and what a browser does to a
  // background tab it discards or a closing window on some platforms.
  for (const how of ['the tab is closed', 'the page goes away without beforeunload'] as const) {
    test(`an edit made just before ${how} is kept`, async ({ library, context, page }) => {
      await library.goto();
      const canvas = await library.createCanvas('Closing quickly');
      await canvas.addCard('Outcome', 'Saved');
      await canvas.expectSaved();
      const url = page.url();

      await canvas.editCard('Outcome', 1);
      await page.keyboard.type(' and more');
      // Well inside the autosave delay: only the page-hide save can keep it.
      if (how === 'the tab is closed') {
        await page.close({ runBeforeUnload: true });
        await page.waitForEvent('close');
      } else {
        await page.close();
      }

      const again = await context.newPage();
      await again.goto(url);
      const reopened = new CanvasPage(again);
      await reopened.waitUntilOpen();
      await reopened.expectCards('Outcome', ['Saved and more']);
    });
  }
});

test.describe('when the browser refuses storage', () => {
  const refusals = {
    'IndexedDB is missing': () => Object.defineProperty(window, 'indexedDB', { get: () => undefined }),
    'opening IndexedDB throws': () => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    },
  };
  for (const [name, refuse] of Object.entries(refusals)) {
    test(`${name}: the app says work is not saved, and still lets you work and export`, async ({ library, page }) => {
      await page.addInitScript(refuse);
      await library.goto();
      await expect(library.storageWarning).toContainText('Your work is not being saved.');
      await expect(library.storageWarning).toContainText('“Export” on each canvas');
      await expect(library.saveStatus).toHaveText('Not saved: kept in this tab only');

      const canvas = await library.createCanvas('Kept in this tab');
      await expect(canvas.storageWarning).toBeVisible();
      await canvas.addCard('Outcome', 'Still works');
      await expect(canvas.saveStatus).toHaveText('Not saved: kept in this tab only');

      // Back in the library, the canvas is listed for as long as the tab is open.
      await canvas.allCanvasesLink.click();
      await expect(library.progress('Kept in this tab')).toContainText('Cards: 1');
      const reopened = await library.open('Kept in this tab');
      await reopened.expectCards('Outcome', ['Still works']);

      const exportView = await reopened.openExport();
      const markdown = await exportView.showMarkdownText();
      expect(markdown).toContain('# Kept in this tab');
      expect(markdown).toContain('- Still works');
      const file = await exportView.download();
      expect(file.text).toBe(markdown);
    });
  }
});
