/**
 * Importing canvases: a Markdown file chosen with "Import a file…", dropped on
 * the window or pasted; bad files refused with a clear message and nothing
 * changed; markup in a file shown as text, never run or fetched.
 */
import type { FileChooser } from '@playwright/test';
import { CanvasPage, type CheckStatus, type Lens, type Step } from './pages/CanvasPage';
import { ImportPanel, type TextFile } from './pages/ImportPanel';
import { inFreshProfile } from './profile';
import { focusedElement } from './keyboard';
import { LibraryPage, expect, test } from './fixtures';

interface ExpectedCard {
  text: string;
  colour: string;
}

/** The canvas made, exported and imported in the round-trip test. */
const CANVAS = {
  title: 'Youth justice & data',
  description: 'Fewer young Black Londoners drawn into the justice system.\nA second line of the description.',
  cards: {
    Outcome: [
      { text: 'Young men aged 16 to 24 are diverted from custody', colour: 'Yellow' },
      { text: 'Families feel heard\nby the youth panel', colour: 'Blue' },
    ],
    Action: [{ text: 'Youth workers get a weekly list | shared monthly', colour: 'Green' }],
    Insight: [{ text: 'A map of diversions by ward', colour: 'Yellow' }],
    Enablers: [{ text: 'A data sharing agreement', colour: 'Purple' }],
  } satisfies Record<Step, ExpectedCard[]>,
  checks: [
    { step: 'Outcome', lens: 'Trust', status: 'Concern raised', notes: 'Families distrust police data\nAsk the youth panel' },
    { step: 'Insight', lens: 'Consent', status: 'Discussed, no concern', notes: '' },
    { step: 'Action', lens: 'Power', status: 'Not applicable', notes: 'Only counts by ward leave the council' },
    { step: 'Enablers', lens: 'Inclusivity', status: 'Concern raised', notes: 'No young people in the room' },
  ] satisfies Array<{ step: Step; lens: Lens; status: CheckStatus; notes: string }>,
};

async function expectCardsWithColours(canvas: CanvasPage, step: Step, cards: ExpectedCard[]): Promise<void> {
  await canvas.expectCards(
    step,
    cards.map((card) => card.text),
  );
  for (const [i, card] of cards.entries()) {
    await canvas.expectColour(step, i + 1, card.colour);
  }
}

test('a canvas exported as Markdown imports into a fresh profile as the same canvas', async ({ library, page, browser }, testInfo) => {
  await library.goto();
  const canvas = await library.createCanvas(CANVAS.title);
  await canvas.descriptionInput.fill(CANVAS.description);
  for (const step of ['Outcome', 'Action', 'Insight', 'Enablers'] as const) {
    if (step !== 'Outcome') await canvas.openStep(step);
    for (const [i, card] of CANVAS.cards[step].entries()) {
      await canvas.addCard(step, card.text, { paste: true });
      if (card.colour !== 'Yellow') await canvas.setColour(step, i + 1, card.colour);
    }
    for (const check of CANVAS.checks.filter((c) => c.step === step)) {
      await canvas.setCheck(step, check.lens, check.status, check.notes || undefined);
    }
  }
  await canvas.expectSaved();

  const exportView = await canvas.openExport();
  const [download] = await Promise.all([page.waitForEvent('download'), exportView.downloadButton.click()]);
  expect(download.suggestedFilename()).toBe('youth-justice-data.md');
  const file = testInfo.outputPath('youth-justice-data.md');
  await download.saveAs(file);

  await inFreshProfile(browser, async (fresh) => {
    const freshLibrary = new LibraryPage(fresh);
    await freshLibrary.goto();
    await expect(freshLibrary.emptyState).toBeVisible();
    await new ImportPanel(fresh).importFile(file);

    // The new canvas opens at its first step, the same as the one exported.
    const imported = new CanvasPage(fresh);
    await imported.waitUntilOpen();
    await imported.expectOnStep('Outcome');
    await expect(imported.titleInput).toHaveValue(CANVAS.title);
    await expect(imported.descriptionInput).toHaveValue(CANVAS.description);
    for (const step of ['Outcome', 'Action', 'Insight', 'Enablers'] as const) {
      if (step !== 'Outcome') await imported.openStep(step);
      await expectCardsWithColours(imported, step, CANVAS.cards[step]);
      for (const check of CANVAS.checks.filter((c) => c.step === step)) {
        await expect(imported.checkRadio(step, check.lens, check.status)).toBeChecked();
        await expect(imported.checkNotes(step, check.lens)).toHaveValue(check.notes);
      }
      // Lenses not touched are still "Not yet discussed".
      await expect(imported.checkRadio(step, 'Transparency', 'Not yet discussed')).toBeChecked();
    }
    await expect(imported.concernsLink).toHaveText('Open concerns (2)');

    // Back in the library: one canvas, and the panel says what came in.
    await imported.allCanvasesLink.click();
    await expect(freshLibrary.canvasTitles()).toHaveText([CANVAS.title]);
    await expect(new ImportPanel(fresh).result).toHaveText(`Imported “${CANVAS.title}” as a new canvas.`);
  });
});

const DROPPED: TextFile = {
  name: 'air-quality.md',
  text: [
    '---',
    'format: outcome-canvas',
    'version: 1',
    '---',
    '',
    '# Air quality near schools',
    '',
    '## 1. Outcome',
    '',
    '- Fewer children have asthma attacks on school days',
    '- Parents know which routes are cleaner<!-- colour: green -->',
    '',
    '## 2. Action',
    '',
    '- Close roads outside schools at drop-off',
    '',
  ].join('\n'),
};

test('a Markdown file dropped anywhere on the window is imported and opened', async ({ library, page }) => {
  await library.goto();
  const here = await library.createCanvas('Already here');
  await here.addCard('Outcome', 'Not touched by the drop', { paste: true });
  await here.expectSaved();
  const panel = new ImportPanel(page);

  // A file dragged over the window and away again changes nothing.
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['# Not dropped'], 'not-dropped.md', { type: 'text/markdown' }));
    return transfer;
  });
  await page.locator('body').dispatchEvent('dragenter', { dataTransfer });
  await expect(panel.dropOverlay).toBeVisible();
  await page.locator('body').dispatchEvent('dragleave', { dataTransfer });
  await expect(panel.dropOverlay).toBeHidden();
  await expect(here.titleInput).toHaveValue('Already here');

  // Dropped onto the open canvas: the file becomes a new canvas, which opens.
  await panel.dropFile(DROPPED);
  const dropped = new CanvasPage(page);
  await expect(dropped.titleInput).toHaveValue('Air quality near schools');
  await dropped.expectOnStep('Outcome');
  await expectCardsWithColours(dropped, 'Outcome', [
    { text: 'Fewer children have asthma attacks on school days', colour: 'Yellow' },
    { text: 'Parents know which routes are cleaner', colour: 'Green' },
  ]);
  await dropped.openStep('Action');
  await dropped.expectCards('Action', ['Close roads outside schools at drop-off']);

  await dropped.allCanvasesLink.click();
  await expect(library.listHeading).toHaveText('2 canvases');
  await expect(library.progress('Already here')).toContainText('Cards: 1');
  await expect(library.progress('Air quality near schools')).toContainText('Cards: 3');
});

test('Markdown pasted from a document (no front matter, numbered cards) becomes a canvas', async ({ library, page }) => {
  await library.goto();
  const panel = new ImportPanel(page);
  await expect(panel.pasteBox).toBeHidden();
  await panel.pasteToggle.click();
  await expect(panel.pasteButton).toBeDisabled();
  await panel.pasteToggle.click();

  await panel.pasteMarkdown(
    [
      '# Rough sleeping in Camden',
      '',
      'Written up after the March workshop.',
      '',
      '## Outcome',
      '',
      '1. People sleeping rough get a bed on the first night',
      '2. Fewer people return to the street',
      '',
      '## Enablers',
      '',
      '- Outreach teams share one case list',
      '',
      '### Ethics checks: Enablers',
      '',
      '| Lens | Status | Notes |',
      '| --- | --- | --- |',
      '| Consent | concern | Who agreed to be on the list? |',
      '',
    ].join('\n'),
  );

  const canvas = new CanvasPage(page);
  await expect(canvas.titleInput).toHaveValue('Rough sleeping in Camden');
  await expect(canvas.descriptionInput).toHaveValue('Written up after the March workshop.');
  await canvas.expectCards('Outcome', ['People sleeping rough get a bed on the first night', 'Fewer people return to the street']);
  await canvas.openStep('Enablers');
  await canvas.expectCards('Enablers', ['Outreach teams share one case list']);
  await expect(canvas.checkRadio('Enablers', 'Consent', 'Concern raised')).toBeChecked();
  await expect(canvas.checkNotes('Enablers', 'Consent')).toHaveValue('Who agreed to be on the list?');
  await canvas.openStep('Action');
  await canvas.expectCards('Action', []);

  await canvas.allCanvasesLink.click();
  await expect(library.canvasTitles()).toHaveText(['Rough sleeping in Camden']);
  await expect(panel.result).toHaveText('Imported “Rough sleeping in Camden” as a new canvas.');
});

test('with the keyboard only: Tab to “Import a file…”, see where focus is, Enter opens the file chooser; the paste box too', async ({
  library,
  page,
}) => {
  // Listen for the file chooser from the start, so the browser is already intercepting choosers when Enter is pressed,
  // and keep the page's warnings: Chromium says in one why it refused to open a chooser.
  const choosers: FileChooser[] = [];
  page.on('filechooser', (chooser) => choosers.push(chooser));
  const warnings: string[] = [];
  page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
  await library.goto();
  const panel = new ImportPanel(page);
  // The panel loads just after the list (it is below the fold); wait for it, then from the last control above it, Tab once.
  await expect(panel.region).toBeVisible();
  await page.getByRole('link', { name: 'Start from a template' }).focus();
  await page.keyboard.press('Tab');
  await expect(panel.fileInput).toBeFocused();
  // The input itself is hidden; the button-like label shows the focus ring.
  const label = panel.region.locator('label', { hasText: 'Import a file…' });
  await expect(label).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (choosers.length ? 'a file chooser' : `focus on ${await focusedElement(page)}; warnings: ${warnings.join(' | ')}`), {
      message: 'Enter on the focused “Import a file…” opens the file chooser',
      timeout: 15_000,
    })
    .toBe('a file chooser');
  await choosers[0]!.setFiles({ name: 'air-quality.md', mimeType: 'text/markdown', buffer: Buffer.from(DROPPED.text) });
  const canvas = new CanvasPage(page);
  await expect(canvas.titleInput).toHaveValue('Air quality near schools');
  await canvas.allCanvasesLink.click();

  // The paste box: open it, type, submit, all from the keyboard.
  await panel.pasteToggle.focus();
  await page.keyboard.press('Enter');
  await expect(panel.pasteBox).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(panel.pasteBox).toBeFocused();
  await panel.pasteBox.fill('# Typed in\n\n## Insight\n\n- A card typed by keyboard\n');
  await page.keyboard.press('Tab');
  await expect(panel.pasteButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(canvas.titleInput).toHaveValue('Typed in');
  await canvas.openStep('Insight');
  await canvas.expectCards('Insight', ['A card typed by keyboard']);
});

// ---- Bad files ----------------------------------------------------------------

const BACKUP_HEAD = '{\n  "format": "outcome-canvas-backup",\n  "version": 1,\n  "exportedAt": "2026-03-01T10:00:00.000Z",\n';

interface BadFile {
  how: 'file picker' | 'drop';
  what: string;
  file: TextFile;
  /** What the message must say about the problem, beyond "<file> was not imported". */
  problem: string | RegExp;
}

const BAD_FILES: BadFile[] = [
  {
    how: 'file picker',
    what: 'a Markdown file that is not a canvas',
    file: { name: 'shopping-list.md', text: '# Shopping list\n\n- Eggs\n- Milk\n' },
    problem: 'Line 1: This is not an Outcome Canvas file.',
  },
  {
    how: 'drop',
    what: 'a Markdown canvas with an unknown step heading',
    file: {
      name: 'five-steps.md',
      text: '---\nformat: outcome-canvas\nversion: 1\n---\n\n# Five steps\n\n## 1. Outcome\n\n- A card\n\n## 5. Evaluation\n\n- Another card\n',
    },
    problem: 'Line 12: "## 5. Evaluation" is not a canvas step or section. The steps are Outcome, Action, Insight, Enablers;',
  },
  {
    how: 'file picker',
    what: 'a Markdown canvas from a newer version of the app',
    file: { name: 'from-the-future.md', text: '---\nformat: outcome-canvas\nversion: 7\n---\n\n# Later\n\n## 1. Outcome\n\n- A card\n' },
    problem: 'The file was written by a newer version of Outcome Canvas (format version 7; this app reads up to 2).',
  },
  {
    how: 'drop',
    what: 'a backup cut off part-way through a text',
    file: {
      name: 'outcome-canvas-backup-2026-03-01.json',
      text: `${BACKUP_HEAD}  "canvases": [\n    {\n      "id": "c1",\n      "title": "Half a tit`,
    },
    problem: 'The file is cut off: it ends part-way through.',
  },
  {
    // A copy that stopped at the end of a line: the commonest way a file is cut short.
    how: 'file picker',
    what: 'a backup cut off at the end of a line',
    file: { name: 'outcome-canvas-backup-2026-03-02.json', text: `${BACKUP_HEAD}  "canvases": [\n    {\n      "id": "c1",\n` },
    problem: 'The file is cut off: it ends part-way through.',
  },
  {
    how: 'file picker',
    what: 'a backup with a "__proto__" key',
    file: {
      name: 'outcome-canvas-backup-proto.json',
      text: `${BACKUP_HEAD}  "canvases": [],\n  "__proto__": { "isAdmin": true }\n}\n`,
    },
    problem: 'The file contains the key "__proto__", which a backup never has. It was not imported, for safety.',
  },
  {
    how: 'drop',
    what: 'a backup from a newer version of the app',
    file: {
      name: 'outcome-canvas-backup-v3.json',
      text: '{"format": "outcome-canvas-backup", "version": 3, "exportedAt": "2027-01-01T00:00:00.000Z", "canvases": []}',
    },
    problem: 'The backup was made by a newer version of Outcome Canvas (format version 3; this app reads up to 2).',
  },
  {
    how: 'drop',
    what: 'JSON that is not a backup',
    file: { name: 'package.json', text: '{ "name": "outcome-canvas", "private": true }\n' },
    problem: 'This is not an Outcome Canvas backup: it has no "format": "outcome-canvas-backup" marker.',
  },
  {
    how: 'drop',
    what: 'a picture',
    file: { name: 'whiteboard.png', text: '\u0089PNG\r\n', mimeType: 'image/png' },
    problem: 'Only canvas Markdown files (.md) and backups (.json) can be imported.',
  },
];

test.describe('a bad file is refused with a clear message and nothing changes', () => {
  for (const bad of BAD_FILES) {
    test(`${bad.what} (${bad.how})`, async ({ library, page }) => {
      await library.goto();
      const kept = await library.createCanvas('Kept canvas');
      await kept.addCard('Outcome', 'Still here', { paste: true });
      await kept.expectSaved();
      await kept.allCanvasesLink.click();
      await expect(library.canvasTitles()).toHaveText(['Kept canvas']);

      const panel = new ImportPanel(page);
      if (bad.how === 'drop') await panel.dropFile(bad.file);
      else await panel.importFile(bad.file);

      // The message names the file, says nothing changed, and says what is wrong.
      await expect(panel.error).toBeVisible();
      await expect(panel.error).toContainText(`${bad.file.name} was not imported. Nothing in this browser was changed.`);
      await expect(panel.error.getByRole('listitem').first()).toContainText(bad.problem);
      await expect(page).toHaveURL(/#\/$/);
      expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).isAdmin)).toBeUndefined();

      // Nothing stored changed: the same one canvas, with its card, after a reload too.
      await expect(library.canvasTitles()).toHaveText(['Kept canvas']);
      await page.reload();
      await expect(library.canvasTitles()).toHaveText(['Kept canvas']);
      await expect(library.progress('Kept canvas')).toContainText('Cards: 1');
      await page.goto('/#/templates');
      await expect(page.getByRole('region', { name: 'Your templates' })).toContainText('None yet.');
    });
  }
});

// ---- Markup in a file -------------------------------------------------------------

const MARKUP_CARDS = [
  `<img src="https://example.org/pixel.png" onerror="alert('card')">`,
  'Click [here](javascript:alert(document.cookie)) to see the data',
  '![chart](https://example.org/chart.png)',
  `<script>alert('x')</script>`,
  '<a href="javascript:alert(1)">open</a> the <b>report</b>',
  'Read https://example.org/report first',
];
const MARKUP_NOTE = '<img src=https://example.org/note.png> seen in <i>notes</i>';
const MARKUP_DESCRIPTION = 'Description with <iframe src="https://example.org/frame"></iframe> and [a link](javascript:alert(1)).';

test('HTML, javascript: links and remote images in an imported file are shown as text', async ({ library, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await library.goto();
  await new ImportPanel(page).importFile({
    name: 'markup.md',
    text: [
      '---',
      'format: outcome-canvas',
      'version: 1',
      '---',
      '',
      '# Markup <b>in</b> the title',
      '',
      MARKUP_DESCRIPTION,
      '',
      '## 1. Outcome',
      '',
      ...MARKUP_CARDS.map((text) => `- ${text}`),
      '',
      '### Ethics checks: Outcome',
      '',
      '| Lens | Status | Notes |',
      '| --- | --- | --- |',
      `| Trust | Concern raised | ${MARKUP_NOTE} |`,
      '',
    ].join('\n'),
  });

  const canvas = new CanvasPage(page);
  await expect(canvas.titleInput).toHaveValue('Markup <b>in</b> the title');
  await expect(canvas.descriptionInput).toHaveValue(MARKUP_DESCRIPTION);
  await canvas.expectCards('Outcome', MARKUP_CARDS);
  await expect(canvas.checkNotes('Outcome', 'Trust')).toHaveValue(MARKUP_NOTE);
  // Nothing became an element: no image, frame, script or link from the file.
  await expect(page.locator('main img, main iframe, main script, main a[href^="javascript"], main b, main i')).toHaveCount(0);

  // The print document shows the same characters, as text.
  await canvas.printLink.click();
  const print = page.getByRole('article', { name: 'Markup <b>in</b> the title' });
  await expect(print.locator('.print-card')).toHaveText(MARKUP_CARDS);
  await expect(
    print
      .getByRole('row', { name: /^Trust Concern raised/ })
      .getByRole('cell')
      .last(),
  ).toHaveText(MARKUP_NOTE);
  await expect(print.locator('img, iframe, script, a, b, i')).toHaveCount(0);

  expect(dialogs, 'no script from the file ran').toEqual([]);
  // (The guard fails the test if anything asked for example.org.)
});
