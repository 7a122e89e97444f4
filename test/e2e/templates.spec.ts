/**
 * Templates: the gallery of ready-made templates, their read-only preview,
 * starting a canvas from one, the facilitator notes beside each step, and a
 * trainer's own template saved from a canvas, edited, exported, imported
 * elsewhere, used and deleted. Also axe scans of these screens.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectNoAxeViolations } from './axe';
import { CanvasPage, STEPS, type Step } from './pages/CanvasPage';
import { ImportPanel, downloadedText } from './pages/ImportPanel';
import { TemplatesPage } from './pages/TemplatesPage';
import { inFreshProfile } from './profile';
import { LibraryPage, expect, test } from './fixtures';

// ---- What the preset files in templates/ say, to check the gallery against ----------

interface PresetFile {
  name: string;
  summary: string;
  audience: string;
  duration: string;
  /** The card lines of each step, in order. */
  cards: Record<Step, string[]>;
}

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

function readPreset(fileName: string): PresetFile {
  const text = readFileSync(TEMPLATES_DIR + fileName, 'utf8');
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  const cards = Object.fromEntries(STEPS.map((step) => [step, [] as string[]])) as Record<Step, string[]>;
  let step: Step | null = null;
  for (const line of text.split('\n')) {
    const heading = /^## \d\. (\w+)$/.exec(line);
    if (heading) step = heading[1] as Step;
    else if (line.startsWith('#'))
      step = null; // facilitator notes, ethics checks: not cards
    else if (step && line.startsWith('- ')) cards[step].push(line.slice(2).replace(/<!-- (colour|card): [^>]* -->$/, ''));
  }
  return { name: field('name'), summary: field('summary'), audience: field('audience'), duration: field('duration'), cards };
}

const PRESETS = readdirSync(TEMPLATES_DIR)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map(readPreset);
const RACIAL_INEQUALITY = PRESETS.find((preset) => preset.name === 'Tackling Racial Inequality')!;
const cardCount = (preset: PresetFile) => STEPS.reduce((sum, step) => sum + preset.cards[step].length, 0);

// ---- The gallery and presets -------------------------------------------------------

test('the gallery shows the ready-made templates; a preview is read-only; using one makes a canvas and leaves it unchanged', async ({
  library,
  page,
}) => {
  expect(PRESETS, 'three preset files in templates/').toHaveLength(3);
  await library.goto();
  const templates = new TemplatesPage(page);
  await templates.open();
  await expect(page).toHaveTitle('Templates – Outcome Canvas');
  await expect(templates.headerLink).toHaveAttribute('aria-current', 'page');

  // Each ready-made template with its name, summary, audience, duration and card count.
  await expect(templates.presets.getByRole('heading', { level: 3 })).toHaveText(PRESETS.map((preset) => preset.name));
  for (const preset of PRESETS) {
    const card = templates.card(preset.name);
    await expect(card).toContainText(preset.summary);
    await expect(card.getByRole('definition')).toHaveText([
      preset.audience,
      preset.duration,
      cardCount(preset) === 0 ? 'None: a blank canvas' : String(cardCount(preset)),
    ]);
    await expect(card.getByRole('term')).toHaveText(['For', 'Time', 'Cards']);
  }
  await expect(templates.own).toContainText('None yet.');

  // The preview: read only, with facilitator notes and the cards.
  await templates.preview(RACIAL_INEQUALITY.name);
  await expect(page).toHaveTitle(`Template: ${RACIAL_INEQUALITY.name} – Outcome Canvas`);
  await expect(page.getByText('Ready-made template (read only)')).toBeVisible();
  await expect(templates.useButton).toBeVisible();
  await expect(templates.exportButton).toBeVisible();
  await expect(templates.deleteButton).toHaveCount(0);
  await expect(templates.editButton).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);
  await expect(templates.facilitatorNotes('Outcome')).toContainText('Suggested time: 30 minutes');
  await expect(templates.facilitatorNotes('Outcome')).toContainText('The lesson to land here: start with the outcome, not the data.');
  await expect(templates.facilitatorNotes('Action')).toContainText("The six project cards are the specific projects LOTI's slides list");
  await expect(templates.contents.getByRole('listitem')).toHaveCount(cardCount(RACIAL_INEQUALITY));
  await expect(templates.cards('Action')).toHaveText(RACIAL_INEQUALITY.cards.Action);

  // "Use this template": a new canvas with the template's cards opens.
  await templates.useButton.click();
  await templates.createCanvas();
  const canvas = new CanvasPage(page);
  await canvas.waitUntilOpen();
  await expect(templates.toast).toContainText(`New canvas made from “${RACIAL_INEQUALITY.name}”. The template is unchanged.`);
  await expect(canvas.titleInput).toHaveValue('Tackling racial inequality');
  await canvas.expectCards('Outcome', RACIAL_INEQUALITY.cards.Outcome);
  await canvas.expectColour('Outcome', 3, 'Blue');
  await canvas.openStep('Action');
  await canvas.expectCards('Action', RACIAL_INEQUALITY.cards.Action);
  // The six projects from LOTI's worked example, in order.
  for (const [i, project] of [
    'Youth justice:',
    'Criminal justice:',
    'Adult social care:',
    'Mental health:',
    'Employment:',
    'Housing:',
  ].entries()) {
    await expect(canvas.cardText('Action', i + 1)).toHaveText(new RegExp(`^${project}`));
  }
  // Work on the canvas does not reach the template.
  await canvas.deleteCard('Action', 1);
  await canvas.setCardText('Action', 1, 'Our own first project');
  await canvas.expectSaved();

  await templates.open();
  await templates.preview(RACIAL_INEQUALITY.name);
  await expect(templates.contents.getByRole('listitem')).toHaveCount(cardCount(RACIAL_INEQUALITY));
  await expect(templates.cards('Action')).toHaveText(RACIAL_INEQUALITY.cards.Action);
  await page.reload();
  await expect(templates.cards('Action')).toHaveText(RACIAL_INEQUALITY.cards.Action);
});

test('a canvas from a preset shows facilitator notes beside each step; export leaves them out unless asked', async ({ library, page }) => {
  await library.goto();
  const templates = new TemplatesPage(page);
  await templates.open();
  await templates.useButtonFor(RACIAL_INEQUALITY.name).click();
  await templates.createCanvas();
  const canvas = new CanvasPage(page);
  await canvas.waitUntilOpen();

  const rail = canvas.facilitatorRail();
  await expect(rail).toContainText('Facilitator notes · about 30 minutes');
  // The notes are for the trainer: closed until opened, since the screen may be on a projector.
  const lesson = rail.getByRole('paragraph').filter({ hasText: 'The lesson to land here: start with the outcome, not the data.' });
  await expect(lesson).toBeHidden();
  await rail.getByText('Facilitator notes', { exact: true }).click();
  await expect(lesson).toBeVisible();
  await canvas.openStep('Action');
  await expect(rail).toContainText('Facilitator notes · about 30 minutes');
  await expect(
    rail.getByRole('paragraph').filter({ hasText: "The six project cards are the specific projects LOTI's slides list" }),
  ).toBeVisible();
  await expect(rail).not.toContainText('The lesson to land here');

  // The trainer adjusts the notes for this canvas in the panel; the preset is not touched.
  await rail.getByText('Edit notes for Action').click();
  await rail.getByRole('spinbutton', { name: 'Suggested minutes' }).fill('35');
  await rail.getByRole('textbox', { name: 'Notes', exact: true }).press('End');
  await page.keyboard.type(' Bring the project list.');
  await expect(rail).toContainText('Facilitator notes · about 35 minutes');
  await expect(rail.getByRole('paragraph').filter({ hasText: 'Bring the project list.' })).toBeVisible();
  await canvas.expectSaved();

  const exportView = await canvas.openExport();
  const include = page.getByRole('checkbox', { name: 'Include facilitator notes' });
  await expect(include).not.toBeChecked();
  const without = await exportView.showMarkdownText();
  expect(without).not.toContain('Facilitator notes');
  expect(without).not.toContain('Suggested time');
  expect(without).not.toContain('The lesson to land here');
  expect((await exportView.download()).text).toBe(without);

  await include.check();
  const withNotes = await exportView.showMarkdownText();
  expect(withNotes).toContain('### Facilitator notes: Outcome\n\nSuggested time: 30 minutes\n');
  expect(withNotes).toContain('The lesson to land here: start with the outcome, not the data.');
  expect(withNotes).toContain('### Facilitator notes: Action\n\nSuggested time: 35 minutes\n');
  expect(withNotes).toContain('Bring the project list.');
  const downloaded = await exportView.download();
  expect(downloaded.text).toBe(withNotes);
});

// ---- A trainer's own template ----------------------------------------------------------

const OWN = {
  canvasTitle: 'Air quality workshop',
  name: 'Clean air around schools',
  summary: 'Plan data for school streets with parents and schools.',
  audience: 'Borough transport and public health teams',
  duration: '90 minutes',
  editedSummary: 'Plan school streets with parents, schools and the data team.',
  outcomeCards: ['Children breathe cleaner air on the way to school', 'Fewer asthma attacks on school days'],
  actionCards: ['Close roads outside schools at drop-off'],
  concern: 'Who decides which roads close?',
  outcomeNote: 'Ask who walks to school, and who is driven.',
  actionNote: 'Bring the school street map.',
};

test('a trainer saves a canvas as a template, edits and exports it; in a fresh profile it is imported, used and deleted', async ({
  library,
  page,
  browser,
}, testInfo) => {
  // The workshop canvas, brought in from the trainer's notes (import is tested in import.spec.ts).
  await library.goto();
  await new ImportPanel(page).pasteMarkdown(
    [
      `# ${OWN.canvasTitle}`,
      '',
      '## 1. Outcome',
      '',
      `- ${OWN.outcomeCards[0]}<!-- colour: green -->`,
      `- ${OWN.outcomeCards[1]}`,
      '',
      '### Facilitator notes: Outcome',
      '',
      'Suggested time: 20 minutes',
      '',
      OWN.outcomeNote,
      '',
      '### Ethics checks: Outcome',
      '',
      '| Lens | Status | Notes |',
      '| --- | --- | --- |',
      `| Power | Concern raised | ${OWN.concern} |`,
      '',
      '## 2. Action',
      '',
      `- ${OWN.actionCards[0]}`,
      '',
    ].join('\n'),
  );
  const canvas = new CanvasPage(page);
  await expect(canvas.titleInput).toHaveValue(OWN.canvasTitle);
  await expect(canvas.facilitatorRail()).toContainText('Facilitator notes · about 20 minutes');

  // "Save as template", choosing what to keep.
  await canvas.saveAsTemplateLink.click();
  const form = page.getByRole('form', { name: 'Save as template' });
  await expect(form.getByRole('textbox', { name: 'Template name' })).toHaveValue(OWN.canvasTitle);
  await expect(form.getByRole('checkbox', { name: 'The cards in every step' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Ethics check statuses and notes' })).not.toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Facilitator notes' })).toBeChecked();
  await form.getByRole('textbox', { name: 'Template name' }).fill(OWN.name);
  await form.getByRole('textbox', { name: 'Summary' }).fill(OWN.summary);
  await form.getByRole('textbox', { name: 'Who it is for' }).fill(OWN.audience);
  await form.getByRole('textbox', { name: 'Suggested duration' }).fill(OWN.duration);
  await form.getByRole('checkbox', { name: 'Ethics check statuses and notes' }).check();
  await form.getByRole('button', { name: 'Save template' }).click();

  const templates = new TemplatesPage(page);
  await expect(page.getByRole('heading', { level: 1, name: OWN.name })).toBeVisible();
  await expect(templates.toast).toContainText(`Saved the template “${OWN.name}”.`);
  await expect(page.getByText('Your template', { exact: true })).toBeVisible();
  await expect(templates.cards('Outcome')).toHaveText(OWN.outcomeCards);
  await expect(templates.facilitatorNotes('Outcome')).toContainText('Suggested time: 20 minutes');
  await expect(templates.facilitatorNotes('Outcome')).toContainText(OWN.outcomeNote);
  await expect(templates.contents.getByRole('row', { name: new RegExp(`^Power Concern raised ${OWN.concern}`) })).toBeVisible();

  // Edit its details and the notes for another step.
  await templates.editButton.click();
  await expect(templates.editButton).toHaveAttribute('aria-expanded', 'true');
  const editor = page.getByRole('form', { name: 'Edit template' });
  await expect(editor.getByRole('textbox', { name: 'Name' })).toHaveValue(OWN.name);
  await editor.getByRole('textbox', { name: 'Summary' }).fill(OWN.editedSummary);
  const actionNotes = editor.getByRole('group', { name: 'Action' });
  await actionNotes.getByRole('spinbutton', { name: 'Suggested minutes' }).fill('25');
  await actionNotes.getByRole('textbox', { name: 'What to ask, what to watch for' }).fill(OWN.actionNote);
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(editor).toBeHidden();
  await expect(templates.toast).toContainText('Template saved.');
  await expect(page.getByRole('main')).toContainText(OWN.editedSummary);
  await expect(templates.facilitatorNotes('Action')).toContainText('Suggested time: 25 minutes');
  await expect(templates.facilitatorNotes('Action')).toContainText(OWN.actionNote);

  // Export it as a file.
  const download = await templates.exportFile();
  expect(download.suggestedFilename()).toBe('clean-air-around-schools.template.md');
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const text = await downloadedText(download);
  expect(text).toMatch(/^---\nformat: outcome-canvas\nversion: 2\nkind: template\n/);
  expect(text).toContain(`name: "${OWN.name}"`);

  // On another computer: import the file, then make a canvas from it.
  await inFreshProfile(browser, async (fresh) => {
    const freshLibrary = new LibraryPage(fresh);
    await freshLibrary.goto();
    await new ImportPanel(fresh).importFile(file);
    const freshTemplates = new TemplatesPage(fresh);
    await expect(fresh.getByRole('heading', { level: 1, name: OWN.name })).toBeVisible();
    await expect(fresh.getByText('Your template', { exact: true })).toBeVisible();
    await expect(fresh.getByRole('main')).toContainText(OWN.editedSummary);
    await expect(fresh.getByRole('main')).toContainText(OWN.audience);
    await expect(freshTemplates.cards('Outcome')).toHaveText(OWN.outcomeCards);
    await expect(freshTemplates.facilitatorNotes('Action')).toContainText('Suggested time: 25 minutes');

    await freshTemplates.useButton.click();
    await freshTemplates.createCanvas();
    const made = new CanvasPage(fresh);
    await made.waitUntilOpen();
    await expect(made.titleInput).toHaveValue(OWN.canvasTitle);
    await made.expectCards('Outcome', OWN.outcomeCards);
    await made.expectColour('Outcome', 1, 'Green');
    await expect(made.checkRadio('Outcome', 'Power', 'Concern raised')).toBeChecked();
    await expect(made.checkNotes('Outcome', 'Power')).toHaveValue(OWN.concern);
    await expect(made.facilitatorRail()).toContainText('Facilitator notes · about 20 minutes');
    await made.openStep('Action');
    await made.expectCards('Action', OWN.actionCards);

    // The trainer deletes their template, after a confirmation; the canvas made from it stays.
    await freshTemplates.open();
    await expect(freshTemplates.own.getByRole('heading', { level: 3 })).toHaveText([OWN.name]);
    await freshTemplates.preview(OWN.name);
    await freshTemplates.deleteButton.click();
    await expect(freshTemplates.deleteDialog).toBeVisible();
    await expect(freshTemplates.deleteDialog).toContainText(`“${OWN.name}” will be removed from this browser.`);
    await expect(freshTemplates.deleteDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await fresh.keyboard.press('Escape');
    await expect(freshTemplates.deleteDialog).toBeHidden();
    await expect(fresh.getByRole('heading', { level: 1, name: OWN.name })).toBeVisible();
    await freshTemplates.deleteButton.click();
    await freshTemplates.deleteDialog.getByRole('button', { name: 'Delete template' }).click();
    await expect(freshTemplates.toast).toContainText(`Template “${OWN.name}” deleted.`);
    await expect(freshTemplates.heading).toBeVisible();
    await expect(freshTemplates.own).toContainText('None yet.');
    await fresh.reload();
    await expect(freshTemplates.own).toContainText('None yet.');
    await freshLibrary.goto();
    await expect(freshLibrary.canvasTitles()).toHaveText([OWN.canvasTitle]);
  });
});

// ---- Accessibility -----------------------------------------------------------------------

test('axe: the template gallery, a preset preview and the save-as-template form', async ({ library, page }) => {
  await library.goto();
  const templates = new TemplatesPage(page);
  await templates.open();
  await expectNoAxeViolations(page, 'the template gallery');
  await templates.preview(RACIAL_INEQUALITY.name);
  await expectNoAxeViolations(page, 'the preview of a ready-made template');

  await templates.useButton.click();
  await templates.createCanvas();
  const canvas = new CanvasPage(page);
  await canvas.waitUntilOpen();
  await canvas.saveAsTemplateLink.click();
  await expect(page.getByRole('form', { name: 'Save as template' })).toBeVisible();
  await expectNoAxeViolations(page, 'the save-as-template form');
});

test('axe: the print view and the import panel with an error shown', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Accessible print');
  await canvas.addCard('Outcome', 'A card on paper', { paste: true });
  await canvas.setColour('Outcome', 1, 'Pink');
  await canvas.setCheck('Outcome', 'Trust', 'Concern raised', 'A concern for the print view');
  await canvas.printLink.click();
  await expect(page.getByRole('article', { name: 'Accessible print' })).toBeVisible();
  await expectNoAxeViolations(page, 'the print view');

  await canvas.allCanvasesLink.click();
  const panel = new ImportPanel(page);
  await panel.importFile({ name: 'notes.md', text: '# Meeting notes\n\n- Nothing about a canvas\n' });
  await expect(panel.error).toBeVisible();
  await panel.pasteToggle.click();
  await expect(panel.pasteBox).toBeVisible();
  await expectNoAxeViolations(page, 'the import panel with an error shown and the paste box open');
});
