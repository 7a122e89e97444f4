import type { CardContent } from '../domain/content';
import './CardSheet.css';

/** Cards as a printed sheet: read-only, in order, each kept whole on a page. */
export function CardSheet({ cards, empty }: { cards: CardContent[]; empty: string }) {
  if (!cards.length) {
    return (
      <p>
        <em>{empty}</em>
      </p>
    );
  }
  return (
    <ul className="print-cards">
      {cards.map((card, n) => (
        <li key={n} className="print-card" data-colour={card.colour} dir="auto">
          {card.text}
        </li>
      ))}
    </ul>
  );
}
