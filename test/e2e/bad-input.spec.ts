import { expect, test } from './fixtures';

test('long, emoji and right-to-left text, and an empty title, survive a reload', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('');
  await expect(canvas.titleInput).toHaveValue('');
  await expect(canvas.titleInput).toHaveAttribute('placeholder', 'Untitled canvas');
  await expect(page).toHaveTitle('Outcome – Untitled canvas – Outcome Canvas');

  const long = 'Residents told us: '.padEnd(10_000, 'abcdefghij ');
  const emoji = 'Families 👨‍👩‍👧‍👦 feel safe 🏠✅ — naïve café façade';
  const arabic = 'يجب أن يشعر السكان بالأمان';
  const hebrew = 'התושבים צריכים להרגיש בטוחים\nשורה שנייה';
  await canvas.addCard('Outcome', long, { paste: true });
  await canvas.addCard('Outcome', emoji, { paste: true });
  await canvas.addCard('Outcome', arabic, { paste: true });
  await canvas.addCard('Outcome', hebrew, { paste: true });
  // A card cannot grow past 10,000 characters.
  await canvas.editCard('Outcome', 1);
  await page.keyboard.type('XYZ');
  await expect(canvas.cardEditor('Outcome', 1)).toHaveValue(long);
  await canvas.setCheck('Outcome', 'Inclusivity', 'Concern raised', arabic);

  await canvas.expectSaved();
  await canvas.reload();
  await canvas.expectCards('Outcome', [long, emoji, arabic, hebrew]);
  await expect(canvas.checkNotes('Outcome', 'Inclusivity')).toHaveValue(arabic);
  // Right-to-left text is laid out right to left.
  await expect(canvas.cardText('Outcome', 3)).toHaveAttribute('dir', 'auto');
  expect(await canvas.cardText('Outcome', 3).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  expect(await canvas.cardText('Outcome', 2).evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');

  // With no title, the library still gives the canvas a name to click.
  await canvas.allCanvasesLink.click();
  await expect(library.canvas('Untitled canvas')).toBeVisible();
  await expect(library.canvasTitles()).toHaveText(['Untitled canvas']);
  await expect(library.progress('Untitled canvas')).toContainText('Cards: 4');
  const reopened = await library.open('Untitled canvas');
  await reopened.expectCards('Outcome', [long, emoji, arabic, hebrew]);
});

test('200 cards in one step all survive a reload, in order', async ({ library }) => {
  await library.goto();
  const canvas = await library.createCanvas('Two hundred cards');
  await canvas.openStep('Action');
  // Seeded by clicking the real "Add card" button 200 times from a script: one
  // Playwright click at a time would take most of a minute on this machine.
  await canvas.addCardButton('Action').evaluate((button: HTMLButtonElement) => {
    for (let i = 0; i < 200; i++) button.click();
  });
  await expect(canvas.cards('Action')).toHaveCount(200);
  // Number a few, spread through the list, to see the order kept.
  const numbered = [1, 2, 100, 199, 200];
  for (const n of numbered) await canvas.setCardText('Action', n, `Card number ${n}`);

  await canvas.expectSaved();
  await canvas.reload();
  await expect(canvas.cards('Action')).toHaveCount(200);
  for (const n of numbered) await expect(canvas.cardText('Action', n)).toHaveText(`Card number ${n}`);
  await expect(canvas.card('Action', 3)).toHaveAccessibleName('Empty card');
  await expect(canvas.stepNavLink('Action')).toContainText('200 cards');

  await canvas.allCanvasesLink.click();
  await expect(library.progress('Two hundred cards')).toContainText('Cards: 200');
});
