/**
 * Files at the edges, through the file picker as a person would choose them:
 * text that is not UTF-8, and small hostile files that used to overflow the
 * parser or busy the tab. Each gets a clear message about the file, and the
 * tab stays responsive.
 */
import { expect, test } from './fixtures';
import { ImportPanel } from './pages/ImportPanel';

const V2 = '---\nformat: outcome-canvas\nversion: 2\n---\n\n';

test('a Windows-1252 (Latin-1) canvas file imports with its accents, and says how it was read', async ({ library, page }) => {
  await library.goto();
  const panel = new ImportPanel(page);
  await panel.fileInput.setInputFiles({
    name: 'cafe-plan.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(`${V2}# Café plan\n\n## 1. Outcome\n\n- Naïve façade\n`, 'latin1'),
  });
  await expect(page.getByRole('textbox', { name: 'Canvas title', exact: true })).toHaveValue('Café plan');
  await expect(page.getByText('Naïve façade')).toBeVisible();
  await page.getByRole('link', { name: /All canvases/ }).click();
  await expect(panel.result).toContainText('Windows-1252');
  await expect(page.getByText('\uFFFD')).toHaveCount(0);
});

test('small hostile files are refused with a message about the file, and the tab stays responsive', async ({ library, page }) => {
  await library.goto();
  const panel = new ImportPanel(page);
  const files = [
    { name: 'dashes.md', text: `${V2}# T\n\n## 1. Outcome\n\n${'- \n'.repeat(20_001)}`, says: /list items/ },
    { name: 'nested.md', text: `${V2}# T\n\n## 1. Outcome\n\n${'- '.repeat(5000)}x\n`, says: /nested too deeply/ },
    { name: 'braces.json', text: `{"format":"outcome-canvas-backup","version":2,"canvases":[${'{},'.repeat(1_000_000)}{}]}`, says: /./ },
  ];
  for (const file of files) {
    await panel.importFile(file);
    await expect(panel.error).toContainText(`${file.name} was not imported.`, { timeout: 15_000 });
    await expect(panel.error).toContainText(file.says);
    await expect(panel.error).not.toContainText('would not store');
    // Still responsive: typing works at once.
    await panel.pasteToggle.click();
    await panel.pasteBox.fill('still here');
    await expect(panel.pasteBox).toHaveValue('still here');
    await panel.pasteBox.fill('');
    await panel.pasteToggle.click();
  }
  await expect(library.emptyState).toBeVisible();
});
