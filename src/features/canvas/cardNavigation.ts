/**
 * Arrow keys between cards. Up and Down follow the cards as laid out (in
 * the step view they sit side by side, so Down goes to the card below);
 * Left and Right go to the previous and next card in a step, or on the
 * whole board to the neighbouring column that has cards, keeping the row.
 * Home and End go to the first and last card of the step.
 */
import { goalRowOr, rememberRow } from './focusRequests';

export const NAVIGATION_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];

const cardsOf = (list: Element): HTMLElement[] => Array.from(list.querySelectorAll<HTMLElement>(':scope > [data-card-id]'));

/** How many cards sit side by side in a list (its grid's columns). */
function columnsOf(list: Element): number {
  const template = getComputedStyle(list).gridTemplateColumns;
  return template && template !== 'none' ? Math.max(1, template.split(' ').filter(Boolean).length) : 1;
}

/** The card to move focus to from `card` for a key, or null to stay. */
export function cardInDirection(card: HTMLElement, key: string): { target: HTMLElement; keepRow: boolean } | null {
  const list = card.parentElement;
  if (!list) return null;
  const cards = cardsOf(list);
  const index = cards.indexOf(card);
  const lists = Array.from(document.querySelectorAll('[data-card-list]'));
  const at = (i: number) => (i >= 0 && i < cards.length ? { target: cards[i]!, keepRow: false } : null);
  switch (key) {
    case 'Home':
      return at(0);
    case 'End':
      return at(cards.length - 1);
    case 'ArrowUp':
      return at(index - columnsOf(list));
    case 'ArrowDown':
      return at(index + columnsOf(list));
    case 'ArrowLeft':
    case 'ArrowRight': {
      const forward = key === 'ArrowRight';
      if (lists.length < 2) return at(index + (forward ? 1 : -1));
      const row = goalRowOr(index);
      const step = forward ? 1 : -1;
      for (let i = lists.indexOf(list) + step; i >= 0 && i < lists.length; i += step) {
        const others = cardsOf(lists[i]!);
        if (others.length) return { target: others[Math.min(row, others.length - 1)]!, keepRow: true };
      }
      return null;
    }
    default:
      return null;
  }
}

/** Handles a navigation key on a focused card; true if focus moved. */
export function moveFocusFromCard(card: HTMLElement, key: string): boolean {
  const next = cardInDirection(card, key);
  if (!next) return false;
  const row = next.keepRow ? goalRowOr(cardsOf(card.parentElement!).indexOf(card)) : null;
  next.target.focus();
  // Focusing the card reset the remembered row; a move across columns keeps it.
  rememberRow(row);
  return true;
}
