import { type Locator, type Page, expect } from '@playwright/test';
import { ExportPage } from './ExportPage';

export const STEPS = ['Outcome', 'Action', 'Insight', 'Enablers'] as const;
export type Step = (typeof STEPS)[number];
export const STEP_SLUGS: Record<Step, string> = { Outcome: 'outcome', Action: 'action', Insight: 'insight', Enablers: 'enablers' };

export const LENSES = ['Trust', 'Consent', 'Power', 'Transparency', 'Inclusivity'] as const;
export type Lens = (typeof LENSES)[number];

export type CheckStatus = 'Not yet discussed' | 'Discussed, no concern' | 'Concern raised' | 'Not applicable';

/** One open canvas: header, views, steps, cards and ethics checks. */
export class CanvasPage {
  readonly titleInput: Locator;
  readonly descriptionInput: Locator;
  readonly saveStatus: Locator;
  readonly storageWarning: Locator;
  readonly allCanvasesLink: Locator;
  readonly views: Locator;
  readonly stepByStepLink: Locator;
  readonly wholeBoardLink: Locator;
  /** "Open concerns (N)" in the canvas views. */
  readonly concernsLink: Locator;
  readonly exportLink: Locator;
  readonly threadLink: Locator;
  readonly printLink: Locator;
  readonly saveAsTemplateLink: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly stepNav: Locator;
  readonly nextLink: Locator;
  readonly previousLink: Locator;
  readonly toast: Locator;
  /** dnd-kit's live region, where screen readers hear each step of a drag. */
  readonly dragAnnouncement: Locator;
  readonly concernsHeading: Locator;
  readonly concernsList: Locator;

  constructor(readonly page: Page) {
    this.titleInput = page.getByRole('textbox', { name: 'Canvas title', exact: true });
    this.descriptionInput = page.getByRole('textbox', { name: 'Description', exact: true });
    this.saveStatus = page.getByRole('banner').getByText(/^(All changes saved in this browser|Saving…|Not saved.*)$/);
    this.storageWarning = page.getByRole('alert').filter({ hasText: 'Your work is not being saved.' });
    this.allCanvasesLink = page.getByRole('link', { name: '← All canvases' });
    this.views = page.getByRole('navigation', { name: 'Canvas views' });
    this.stepByStepLink = this.views.getByRole('link', { name: 'Step by step' });
    this.wholeBoardLink = this.views.getByRole('link', { name: 'Whole board' });
    this.concernsLink = this.views.getByRole('link', { name: /^Open concerns \(\d+\)$/ });
    this.exportLink = this.views.getByRole('link', { name: 'Export', exact: true });
    this.threadLink = this.views.getByRole('link', { name: 'Golden thread', exact: true });
    this.printLink = this.views.getByRole('link', { name: 'Print', exact: true });
    this.saveAsTemplateLink = this.views.getByRole('link', { name: 'Save as template' });
    this.undoButton = page.getByRole('button', { name: '↶ Undo', exact: true });
    this.redoButton = page.getByRole('button', { name: '↷ Redo', exact: true });
    this.stepNav = page.getByRole('navigation', { name: 'Canvas steps' });
    const pager = page.getByRole('navigation', { name: 'Previous and next step' });
    this.nextLink = pager.getByRole('link', { name: /^Next: / });
    this.previousLink = pager.getByRole('link', { name: /^← Previous: / });
    this.toast = page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Dismiss message' }) });
    this.dragAnnouncement = page.getByRole('status').filter({ hasText: /Picked up|is over|is not over|Dropped|Move cancelled/ });
    this.concernsHeading = page.getByRole('heading', { level: 2, name: /^Open concerns \(\d+\)$/ });
    this.concernsList = page.getByRole('region', { name: /^Open concerns \(\d+\)$/ }).getByRole('list');
  }

  async waitUntilOpen(): Promise<void> {
    await expect(this.titleInput).toBeVisible();
  }

  // ---- What is on the screen -------------------------------------------------

  /** The step as a region: its heading, prompts, cards and checks (one per column on the board). */
  step(step: Step): Locator {
    return this.page.getByRole('region', { name: step, exact: true });
  }

  stepHeading(step: Step): Locator {
    return this.page.getByRole('heading', { level: 2, name: step, exact: true });
  }

  /** The step's entry in "Canvas steps", e.g. "2. Action 1 card · 0 of 5 checks". */
  stepNavLink(step: Step): Locator {
    return this.stepNav.getByRole('link', { name: new RegExp(`^\\d\\. ${step}\\b`) });
  }

  cardList(step: Step): Locator {
    return this.page.getByRole('list', { name: `Cards in ${step}`, exact: true });
  }

  /** A step's cards, top to bottom. Each card is one Tab stop, named by its text. */
  cards(step: Step): Locator {
    // The list's own items only: a card may hold a list of its own (its privacy warnings).
    return this.cardList(step).locator(':scope > li');
  }

  /** The visible summary of the privacy warnings inside a card, a check or a field's surroundings. */
  privacyWarning(scope: Locator, text: string | RegExp = /Possible personal data/): Locator {
    // The box's summary line (the same words are also in a live region for screen readers).
    return scope.locator('.privacy-warnings__summary').filter({ hasText: text });
  }

  /** The nth card (1-based) of a step. */
  card(step: Step, n: number): Locator {
    return this.cards(step).nth(n - 1);
  }

  /** The card's text as shown: plain text, or the text box while it is being edited. */
  cardText(step: Step, n: number): Locator {
    return this.card(step, n).locator('.card__text');
  }

  /** The text box of the nth card, there only while the card is being edited. */
  cardEditor(step: Step, n: number): Locator {
    return this.page.getByRole('textbox', { name: `Text of card ${n} in ${step}`, exact: true });
  }

  addCardButton(step: Step): Locator {
    return this.page.getByRole('button', { name: `+ Add card to ${step}`, exact: true });
  }

  /** The "⋯" button on a card that opens its actions menu (a pointer target: keyboard users press M on the card). */
  cardMenuButton(step: Step, n: number): Locator {
    return this.page.getByRole('button', { name: `Actions for card ${n} in ${step}`, exact: true });
  }

  cardMenu(step: Step, n: number): Locator {
    return this.page.getByRole('menu', { name: `Actions for card ${n} in ${step}`, exact: true });
  }

  /** Beside the focused step (step-by-step view): its facilitator notes, then the other steps. */
  facilitatorRail(): Locator {
    return this.page.getByRole('complementary', { name: 'Facilitator notes and other steps' });
  }

  checkStatus(step: Step, lens: Lens): Locator {
    return this.page.getByRole('group', { name: `${lens} status for ${step}`, exact: true });
  }

  checkRadio(step: Step, lens: Lens, status: CheckStatus): Locator {
    return this.checkStatus(step, lens).getByRole('radio', { name: status, exact: true });
  }

  checkNotes(step: Step, lens: Lens): Locator {
    return this.page.getByRole('textbox', { name: `Notes on ${lens} for ${step}`, exact: true });
  }

  /** "Link to…", the golden thread's dialog for a card. */
  linkDialog(step: Step, n: number): Locator {
    return this.page.getByRole('dialog', { name: `Link card ${n} in ${step}` });
  }

  /**
   * Links a card by keyboard only: focus it, L opens "Link to…" with the
   * cursor in "Find a card", typing narrows the list, Down reaches the first
   * match, Space ticks it, Escape closes and focus is back on the card.
   */
  async linkWithKeyboard(step: Step, n: number, find: string, said: string | RegExp): Promise<void> {
    await this.focusCard(step, n);
    await this.page.keyboard.press('l');
    const dialog = this.linkDialog(step, n);
    await expect(dialog.getByRole('searchbox', { name: 'Find a card' })).toBeFocused();
    await this.page.keyboard.type(find);
    await this.page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('checkbox').first()).toBeFocused();
    await this.page.keyboard.press('Space');
    await expect(dialog.getByRole('status')).toHaveText(said);
    await this.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(this.card(step, n)).toBeFocused();
  }

  /** A "before this goes live" check's status, e.g. "Lawful basis". */
  governanceStatus(title: string): Locator {
    return this.page.getByRole('group', { name: `${title} status, before this goes live`, exact: true });
  }

  governanceRadio(title: string, status: CheckStatus): Locator {
    return this.governanceStatus(title).getByRole('radio', { name: status, exact: true });
  }

  governanceNotes(title: string): Locator {
    return this.page.getByRole('textbox', { name: `Notes on ${title} (before this goes live)`, exact: true });
  }

  async setGovernance(title: string, status: CheckStatus, notes?: string): Promise<void> {
    const radio = this.governanceRadio(title, status);
    await radio.check();
    await expect(radio).toBeChecked();
    if (notes !== undefined) await this.governanceNotes(title).fill(notes);
  }

  /** "Resolved concerns (N)", below the open ones in the concerns view. */
  resolvedConcernsList(): Locator {
    return this.page.getByRole('region', { name: /^Resolved concerns \(\d+\)$/ }).getByRole('list');
  }

  /** One raised concern in the concerns view, e.g. "Outcome: Trust". */
  concern(step: Step, lens: Lens | string, list: Locator = this.concernsList): Locator {
    return list.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: `${step}: ${lens}`, exact: true }) });
  }

  // ---- Checks a person makes by looking ----------------------------------------

  /** The cards of a step show exactly these texts, in this order. */
  async expectCards(step: Step, texts: string[]): Promise<void> {
    await expect(this.cards(step)).toHaveCount(texts.length);
    await expect.poll(() => this.cardValues(step)).toEqual(texts);
  }

  /** The texts of a step's cards, exactly as stored (line breaks kept), top to bottom. */
  async cardValues(step: Step): Promise<string[]> {
    return this.cardList(step)
      .locator('.card__text')
      .evaluateAll((nodes) =>
        nodes.map((node) =>
          node instanceof HTMLTextAreaElement ? node.value : node.hasAttribute('data-empty') ? '' : (node.textContent ?? ''),
        ),
      );
  }

  /** The nth card's text, exactly (line breaks kept), whether it is shown or being edited. */
  async expectCardText(step: Step, n: number, expected: string | RegExp, options?: { timeout?: number }): Promise<void> {
    const value = expect.poll(async () => (await this.cardValues(step))[n - 1], options);
    if (typeof expected === 'string') await value.toBe(expected);
    else await value.toMatch(expected);
  }

  /** The card's colour, as a screen reader hears it in the card's description ("Card 2 in Outcome, Blue."). */
  async expectColour(step: Step, n: number, colour: string): Promise<void> {
    await expect(this.card(step, n)).toHaveAccessibleDescription(new RegExp(`^Card ${n} in ${step}, ${colour}\\.`));
  }

  /** Where a screen reader says the nth card is: in its description ("Card 2 in Outcome, …") and its actions button's name. */
  async expectPlaceSaid(step: Step, n: number): Promise<void> {
    await expect(this.card(step, n)).toHaveAccessibleDescription(new RegExp(`^Card ${n} in ${step}, `));
    await expect(this.card(step, n).getByRole('button', { name: `Actions for card ${n} in ${step}`, exact: true })).toHaveCount(1);
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('All changes saved in this browser');
  }

  async expectOnStep(step: Step): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`#/canvas/[^/]+/step/${STEP_SLUGS[step]}$`));
    await expect(this.stepNavLink(step)).toHaveAttribute('aria-current', 'step');
    await expect(this.step(step)).toBeVisible();
  }

  // ---- What a person does -----------------------------------------------------

  async setTitle(title: string): Promise<void> {
    await this.titleInput.fill(title);
  }

  /**
   * Adds a card at the end of a step and types into it, as a person does:
   * the new card opens for editing with the cursor in it. Long text is
   * pasted (filled) rather than typed key by key. The card stays open for
   * editing, as it would for a person still writing.
   */
  async addCard(step: Step, text: string, { paste = false } = {}): Promise<void> {
    const before = await this.cards(step).count();
    await this.addCardButton(step).click();
    const editor = this.cardEditor(step, before + 1);
    await expect(editor).toBeFocused();
    if (paste) await editor.fill(text);
    else await this.page.keyboard.type(text);
    await expect(editor).toHaveValue(text);
  }

  /** Moves focus to a card (it is one Tab stop; its actions are keys on it). */
  async focusCard(step: Step, n: number): Promise<Locator> {
    const card = this.card(step, n);
    await card.focus();
    await expect(card).toBeFocused();
    return card;
  }

  /**
   * Opens a card for editing as a keyboard user does (focus the card, press
   * Enter) and returns its text box, focused with the cursor at the end.
   */
  async editCard(step: Step, n: number): Promise<Locator> {
    await this.focusCard(step, n);
    await this.page.keyboard.press('Enter');
    const editor = this.cardEditor(step, n);
    await expect(editor).toBeFocused();
    return editor;
  }

  /** Replaces a card's text, as typing over it would. */
  async setCardText(step: Step, n: number, text: string): Promise<void> {
    const editor = await this.editCard(step, n);
    await editor.fill(text);
    await expect(editor).toHaveValue(text);
  }

  async goToNextStep(): Promise<void> {
    await this.nextLink.click();
  }

  async openStep(step: Step): Promise<void> {
    await this.stepNavLink(step).click();
    await this.expectOnStep(step);
  }

  async openWholeBoard(): Promise<void> {
    await this.wholeBoardLink.click();
    await expect(this.wholeBoardLink).toHaveAttribute('aria-current', 'page');
  }

  async openConcerns(): Promise<void> {
    await this.concernsLink.click();
    await expect(this.concernsHeading).toBeVisible();
  }

  async openExport(): Promise<ExportPage> {
    await this.exportLink.click();
    const exportPage = new ExportPage(this.page);
    await expect(exportPage.heading).toBeVisible();
    return exportPage;
  }

  /** Opens a card's actions menu and picks an item, e.g. "Move down" or "Move to Insight". */
  async moveWithMenu(step: Step, n: number, item: string): Promise<void> {
    const menu = await this.openCardMenu(step, n);
    await menu.getByRole('menuitem', { name: item, exact: true }).click();
    await expect(menu).toBeHidden();
  }

  /** Opens a card's actions menu with its "⋯" button. */
  async openCardMenu(step: Step, n: number): Promise<Locator> {
    await this.cardMenuButton(step, n).click();
    const menu = this.cardMenu(step, n);
    await expect(menu).toBeVisible();
    return menu;
  }

  /**
   * Keyboard drag and drop, as with a screen reader: focus the card, Space
   * to pick it up, an arrow key per move, Space to drop. Each key waits for
   * what is announced (pressing keys back to back is too fast for dnd-kit's
   * sensor): after each arrow, the card must be heard "over" the place
   * given, e.g. "Action, position 1 of 2".
   */
  async dragWithKeyboard(
    step: Step,
    n: number,
    moves: Array<{ key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'; over: string }>,
  ): Promise<void> {
    await this.pickUpWithKeyboard(step, n);
    for (const move of moves) {
      await this.page.keyboard.press(move.key);
      await expect(this.dragAnnouncement).toContainText(`is over ${move.over}`);
    }
    await this.page.keyboard.press('Space');
    await expect(this.dragAnnouncement).toContainText('Dropped.');
  }

  /**
   * Mouse drag, not let go: presses a card's ⠿ handle and moves the pointer in `steps` moves onto the
   * top quarter of another card (both brought mid-screen first, clear of the edges where dragging scrolls
   * the page). Returns where the pointer is; the caller lets go with `page.mouse.up()`.
   */
  async carryWithMouse(step: Step, n: number, onto: { step: Step; n: number }, steps = 8): Promise<{ x: number; y: number }> {
    const handle = this.card(step, n).getByTitle(/^Drag to move/);
    await handle.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const from = (await handle.boundingBox())!;
    const to = (await this.card(onto.step, onto.n).boundingBox())!;
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    const target = { x: to.x + to.width / 2, y: to.y + to.height / 4 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    for (let i = 1; i <= steps; i++) {
      await this.page.mouse.move(start.x + ((target.x - start.x) * i) / steps, start.y + ((target.y - start.y) * i) / steps);
    }
    return target;
  }

  /** Focuses a card and presses Space: it is picked up, and at first over its own place. */
  async pickUpWithKeyboard(step: Step, n: number): Promise<void> {
    await this.focusCard(step, n);
    await this.page.keyboard.press('Space');
    await expect(this.dragAnnouncement).toContainText(`is over ${step}, position ${n} of`);
  }

  /** Picks a card's colour from its actions menu, e.g. "Blue". */
  async setColour(step: Step, n: number, colour: string): Promise<void> {
    const menu = await this.openCardMenu(step, n);
    await menu.getByRole('menuitemradio', { name: colour, exact: true }).click();
    await expect(menu).toBeHidden();
    await this.expectColour(step, n, colour);
  }

  /** Deletes a card with "Delete card" in its actions menu. */
  async deleteCard(step: Step, n: number): Promise<void> {
    const menu = await this.openCardMenu(step, n);
    await menu.getByRole('menuitem', { name: 'Delete card', exact: true }).click();
    await expect(menu).toBeHidden();
  }

  async setCheck(step: Step, lens: Lens, status: CheckStatus, notes?: string): Promise<void> {
    const radio = this.checkRadio(step, lens, status);
    await radio.check();
    await expect(radio).toBeChecked();
    if (notes !== undefined) await this.checkNotes(step, lens).fill(notes);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilOpen();
  }
}
