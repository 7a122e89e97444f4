import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCanvasStore } from '../../../../src/state/canvasStore';
import { resetApp, seed, stored } from '../../helpers/appState';
import { buildCanvas, textsIn } from '../../helpers/canvasBuilder';
import { hidden, renderApp, route } from '../../helpers/renderApp';

const cardList = (step: string) => screen.getByRole('list', { name: `Cards in ${step}` });
const card = (step: string, n: number) => within(cardList(step)).getAllByRole('listitem')[n - 1]!;
/** The cards' texts as shown: plain text, or the text box of the one being edited. */
const cardTexts = (step: string) =>
  within(cardList(step))
    .queryAllByRole('listitem')
    .map((item) => {
      const text = item.querySelector('.card__text')!;
      return text instanceof HTMLTextAreaElement ? text.value : text.hasAttribute('data-empty') ? '' : (text.textContent ?? '');
    });

async function openAt(hash: string) {
  const rendered = renderApp(hash);
  await screen.findByLabelText('Canvas title');
  return rendered;
}

beforeEach(async () => {
  await resetApp();
  await seed(buildCanvas({ id: 'c1', title: 'Housing', cards: { outcome: ['Stable homes', 'Fewer evictions'] } }));
});

describe('canvas screen', () => {
  it('opens a canvas on the Outcome step with LOTI’s question, the prompts and the cards', async () => {
    await openAt('#/canvas/c1');
    expect(route()).toBe('/canvas/c1/step/outcome');
    expect(screen.getByRole('heading', { level: 2, name: 'Outcome' })).toBeInTheDocument();
    expect(screen.getByText('“What specific person is better off in what specific ways because we acted?”')).toBeInTheDocument();
    expect(screen.getByText('Be specific: which person or group of people do we mean?')).toBeInTheDocument();
    expect(cardTexts('Outcome')).toEqual(['Stable homes', 'Fewer evictions']);
    // Set by an effect, which may run after the first paint: wait for it rather than race it.
    await waitFor(() => expect(document.title).toBe('Outcome – Housing – Outcome Canvas'));
  });

  it('says so when the canvas is not in this browser', async () => {
    renderApp('#/canvas/nope/step/outcome');
    expect(await screen.findByRole('heading', { name: 'Canvas not found' })).toBeInTheDocument();
  });

  it('adds a card, puts the cursor in it, and keeps what you type', async () => {
    const { user } = await openAt('#/canvas/c1/step/outcome');
    await user.click(screen.getByRole('button', { name: hidden('+ Add card', 'to Outcome') }));
    const box = screen.getByRole('textbox', { name: 'Text of card 3 in Outcome' });
    expect(box).toHaveFocus();
    await user.keyboard('Residents feel heard');
    expect(box).toHaveValue('Residents feel heard');
    expect(cardTexts('Outcome')).toEqual(['Stable homes', 'Fewer evictions', 'Residents feel heard']);

    await act(() => useCanvasStore.getState().flush());
    expect(textsIn((await stored('c1'))!, 'outcome')).toEqual(['Stable homes', 'Fewer evictions', 'Residents feel heard']);
  });

  it('moves a card to another step with the keyboard through its actions menu', async () => {
    const { user } = await openAt('#/canvas/c1/step/outcome');
    card('Outcome', 1).focus();
    await user.keyboard('m');

    const menu = screen.getByRole('menu', { name: 'Actions for card 1 in Outcome' });
    const moves = within(within(menu).getByRole('group', { name: 'Move' })).getAllByRole('menuitem');
    expect(moves.map((item) => item.textContent)).toEqual([
      'Move up',
      'Move down',
      'Move to top',
      'Move to bottom',
      'Move to Action',
      'Move to Insight',
      'Move to Enablers',
    ]);
    expect(within(menu).getByRole('menuitem', { name: 'Move up' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(menu).getByRole('menuitem', { name: 'Edit text' })).toHaveFocus();

    await user.click(within(menu).getByRole('menuitem', { name: 'Move to Action' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(cardTexts('Outcome')).toEqual(['Fewer evictions']);
    expect(screen.getByText('Card moved to Action, position 1 of 1.')).toBeInTheDocument();
    // The card that took its place has focus.
    expect(card('Outcome', 1)).toHaveFocus();
    const rail = screen.getByRole('complementary', { name: /other steps/i });
    expect(within(rail).getByText(/^1 card ·/)).toBeInTheDocument();

    await user.click(within(rail).getByRole('link', { name: 'Action' }));
    await screen.findByRole('heading', { level: 2, name: 'Action' });
    expect(cardTexts('Action')).toEqual(['Stable homes']);
  });

  it('moves a card down within its step with the menu, using arrow keys', async () => {
    const { user } = await openAt('#/canvas/c1/step/outcome');
    card('Outcome', 1).focus();
    await user.keyboard('m');
    // Down through the menu (edit, link, then the vote, agreed and park items) to "Move down".
    const moveDown = screen.getByRole('menuitem', { name: 'Move down' });
    for (let i = 0; i < 12 && document.activeElement !== moveDown; i++) await user.keyboard('{ArrowDown}');
    expect(moveDown).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(cardTexts('Outcome')).toEqual(['Fewer evictions', 'Stable homes']);
  });

  it('closes the menu with Escape and returns focus to the card', async () => {
    const { user } = await openAt('#/canvas/c1/step/outcome');
    await user.click(screen.getByRole('button', { name: 'Actions for card 2 in Outcome' }));
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(card('Outcome', 2)).toHaveFocus();
    expect(cardTexts('Outcome')).toEqual(['Stable homes', 'Fewer evictions']);
  });

  it('a card is one Tab stop: arrow keys move between cards, Enter edits, Escape goes back to the card', async () => {
    const { user } = await openAt('#/canvas/c1/step/outcome');
    expect(card('Outcome', 1)).toHaveAttribute('tabindex', '0');
    expect(card('Outcome', 2)).toHaveAttribute('tabindex', '-1');
    card('Outcome', 1).focus();
    await user.keyboard('{ArrowDown}');
    expect(card('Outcome', 2)).toHaveFocus();
    expect(card('Outcome', 2)).toHaveAttribute('tabindex', '0');
    expect(card('Outcome', 1)).toHaveAttribute('tabindex', '-1');
    expect(within(cardList('Outcome')).queryByRole('textbox')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    const box = screen.getByRole('textbox', { name: 'Text of card 2 in Outcome' });
    expect(box).toHaveFocus();
    await user.keyboard(' soon{Escape}');
    expect(card('Outcome', 2)).toHaveFocus();
    expect(cardTexts('Outcome')).toEqual(['Stable homes', 'Fewer evictions soon']);
    await user.tab();
    expect(screen.getByRole('button', { name: hidden('+ Add card', 'to Outcome') })).toHaveFocus();
  });

  it('deletes a card with the Delete key, focus goes to its neighbour, and "Undo" in the message brings it back', async () => {
    const { user } = await openAt('#/canvas/c1/step/outcome');
    card('Outcome', 1).focus();
    await user.keyboard('{Delete}');
    expect(cardTexts('Outcome')).toEqual(['Fewer evictions']);
    expect(card('Outcome', 1)).toHaveFocus();
    const toast = screen.getByText('Card deleted.').closest('.toast') as HTMLElement;
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(cardTexts('Outcome')).toEqual(['Stable homes', 'Fewer evictions']);
    expect(screen.queryByText('Card deleted.')).not.toBeInTheDocument();
  });

  it('counts an open concern as soon as a check is set to "Concern raised"', async () => {
    const { user } = await openAt('#/canvas/c1/step/outcome');
    expect(screen.getByRole('link', { name: 'Open concerns (0)' })).toBeInTheDocument();
    const trust = screen.getByRole('group', { name: 'Trust status for Outcome' });
    await user.click(within(trust).getByRole('radio', { name: 'Concern raised' }));

    expect(within(trust).getByRole('radio', { name: 'Concern raised' })).toBeChecked();
    expect(screen.getByRole('link', { name: 'Open concerns (1)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Ethics checks for Outcome: 1 of 5 discussed, 1 concern' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Open concerns (1)' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Outcome: Trust' })).toBeInTheDocument();
  });

  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z', async () => {
    const { user } = await openAt('#/canvas/c1/step/outcome');
    card('Outcome', 1).focus();
    await user.keyboard('{Enter}');
    const box = screen.getByRole('textbox', { name: 'Text of card 1 in Outcome' });
    await user.keyboard(' for all');
    expect(box).toHaveValue('Stable homes for all');

    await user.keyboard('{Control>}z{/Control}');
    expect(box).toHaveValue('Stable homes');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(box).toHaveValue('Stable homes for all');
  });

  it('undo and redo buttons follow the history', async () => {
    const { user } = await openAt('#/canvas/c1/step/outcome');
    const undo = screen.getByRole('button', { name: '↶ Undo' });
    const redo = screen.getByRole('button', { name: '↷ Redo' });
    // Unavailable but still focusable, so a button that runs out keeps focus.
    expect(undo).toHaveAttribute('aria-disabled', 'true');
    await user.click(undo);
    expect(screen.getByLabelText('Canvas title')).toHaveValue('Housing');
    await user.clear(screen.getByLabelText('Canvas title'));
    await user.type(screen.getByLabelText('Canvas title'), 'Homes');
    expect(undo).toHaveAttribute('aria-disabled', 'false');
    await user.click(undo);
    expect(screen.getByLabelText('Canvas title')).toHaveValue('Housing');
    expect(undo).toHaveAttribute('aria-disabled', 'true');
    expect(undo).toHaveFocus();
    expect(redo).toHaveAttribute('aria-disabled', 'false');
  });

  it('saves the title as you type and shows that it is saved', async () => {
    const { user } = await openAt('#/canvas/c1/step/outcome');
    await user.type(screen.getByLabelText('Canvas title'), ' plan');
    await waitFor(async () => expect((await stored('c1'))?.title).toBe('Housing plan'), { timeout: 3000 });
    await waitFor(() => expect(screen.getByText('All changes saved in this browser')).toBeInTheDocument());
  });

  it('keeps the title on one line: Enter adds nothing, and a pasted line break becomes a space', async () => {
    const { user } = await openAt('#/canvas/c1/step/outcome');
    const title = screen.getByLabelText('Canvas title');
    await user.type(title, ' plan{Enter}');
    expect(title).toHaveValue('Housing plan');
    await user.paste('\nfor 2027\r\n');
    expect(title).toHaveValue('Housing plan for 2027 ');
    await waitFor(async () => expect((await stored('c1'))?.title).toBe('Housing plan for 2027 '), { timeout: 3000 });
  });
});
