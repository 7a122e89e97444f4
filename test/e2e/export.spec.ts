import { expect, test } from './fixtures';

/** Card text a workshop might paste that looks like Markdown or HTML. */
const TRICKY = [
  '# heading *stars* _under_ | pipe <script>alert(1)</script> `tick` [x](javascript:alert(1)) ![img](https://example.org/x.png)',
  '1. not a list',
].join('\n');

test('canvas file and document preview: text, escaping, a literal preview and a download that matches', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Youth justice & data');
  await canvas.addCard('Outcome', 'Fewer young people\nre-offend', { paste: true });
  await canvas.addCard('Outcome', TRICKY, { paste: true });
  await canvas.setCheck('Outcome', 'Trust', 'Concern raised', 'Families fear | being labelled');
  await canvas.setCheck('Outcome', 'Consent', 'Discussed, no concern');
  await canvas.openStep('Action');
  await canvas.addCard('Action', 'Youth workers\nget a weekly list', { paste: true });
  await canvas.setCheck('Action', 'Power', 'Concern raised');

  const exportView = await canvas.openExport();
  await expect(page).toHaveTitle('Export – Youth justice & data – Outcome Canvas');

  // ---- The Markdown text --------------------------------------------------
  const markdown = await exportView.showMarkdownText();
  const lines = markdown.split('\n');
  expect(lines).toContain('# Youth justice & data');
  for (const heading of ['## 1. Outcome', '## 2. Action', '## 3. Insight', '## 4. Enablers', '## Open concerns']) {
    expect(lines, `heading “${heading}”`).toContain(heading);
  }
  expect(markdown.indexOf('## 1. Outcome')).toBeLessThan(markdown.indexOf('## 2. Action'));
  // Cards are list items; a line break inside a card is a hard break, not a new item.
  expect(markdown).toMatch(/^- Fewer young people\\\n {2}re-offend$/m);
  expect(markdown).toMatch(/^- Youth workers\\\n {2}get a weekly list$/m);
  expect(markdown).toMatch(/^### Ethics checks: Insight\n\n\| Lens/m);
  expect(markdown).toContain('_No cards yet._');
  // The ethics tables: one row per lens, with the status and notes (a pipe in notes is escaped).
  expect(markdown).toMatch(/^\| Trust +\| Concern raised +\| Families fear \\\| being labelled +\|$/m);
  expect(markdown).toMatch(/^\| Consent +\| Discussed, no concern +\| +\|$/m);
  expect(markdown).toMatch(/^\| Power +\| Not yet discussed +\| +\|$/m);
  // The open concerns, in canvas order; one without notes shows the check's question.
  const concerns = markdown.slice(markdown.indexOf('## Open concerns'));
  expect(concerns).toMatch(/^- \*\*Outcome, Trust:\*\* Families fear \| being labelled$/m);
  expect(concerns).toMatch(/^- \*\*Action, Power:\*\* \S.*\?$/m);

  // The tricky card: every character that could start markup is escaped, so
  // the card is one plain list item and nothing in it is a heading, emphasis,
  // table cell, HTML, code, link or image.
  const tricky = markdown.split('\n\n').find((block) => block.includes('heading'));
  expect(tricky, 'the tricky card is a list item').toBeDefined();
  expect(tricky).toContain('\\# heading');
  expect(tricky).toContain('\\*stars\\*');
  expect(tricky).toContain('\\_under\\_');
  expect(tricky).toContain('\\<script>alert(1)\\</script>');
  expect(tricky).toContain('\\`tick\\`');
  expect(tricky).toContain('\\[x]\\(javascript:alert(1))');
  expect(tricky).toContain('!\\[img]\\(https');
  expect(tricky).toMatch(/\\\n {2}1\\?\. not a list/);
  expect(markdown).not.toMatch(/(?<!\\)<script>/);
  expect(markdown).not.toMatch(/(?<!\\)\[x\]\(javascript:/);

  // ---- The preview ----------------------------------------------------------
  await exportView.showPreview();
  const preview = exportView.preview;
  // The preview starts with the canvas title, as the document does (soft, so the checks below still run).
  await expect
    .soft(preview.getByRole('heading').first(), 'the first heading of the preview is the title')
    .toHaveText('Youth justice & data');
  await expect(preview.getByRole('heading', { name: '1. Outcome' })).toBeVisible();
  await expect(preview.getByRole('table', { name: 'Ethics checks: Outcome' })).toBeVisible();
  // The tricky card reads exactly as typed, as one list item.
  const trickyItem = preview.getByRole('listitem').filter({ hasText: 'heading' });
  await expect(trickyItem).toHaveCount(1);
  expect(await trickyItem.innerText()).toBe(TRICKY);
  await expect(preview.getByRole('row', { name: /Trust Concern raised Families fear \| being labelled/ })).toBeVisible();
  // Nothing became live markup.
  await expect(preview.getByRole('link')).toHaveCount(0);
  await expect(preview.getByRole('img')).toHaveCount(0);
  await expect(preview.locator('script, img, a[href], iframe, [onerror], [onclick]')).toHaveCount(0);
  await expect(preview.getByRole('heading', { name: /heading/ })).toHaveCount(0);
  await expect(preview.getByRole('code')).toHaveCount(0);

  // ---- Download .md -----------------------------------------------------------
  const file = await exportView.download();
  expect(file.fileName).toBe('youth-justice-data.md');
  expect(file.text).toBe(markdown);
});
