/**
 * On a card, its place in the golden thread: the cards it serves and the
 * cards that serve it, each by the start of its text. Only cards with links
 * show anything (the card reads its links: `useCardThread`), and each name
 * reads its own card, so typing in one card re-renders only the cards linked to it.
 */
import { shortText } from '../../domain/thread';
import { THREAD_NAMES_SHOWN } from './boardText';
import { useCard } from '../../state/canvasSelectors';
import type { CardThread as CardThreadLinks } from '../../state/threadSelectors';

export function CardThread({ elementId, thread }: { elementId: string; thread: CardThreadLinks }) {
  const { serves, servedBy } = thread;
  if (serves.length === 0 && servedBy.length === 0) return null;
  return (
    <div className="card__thread" id={elementId}>
      {serves.length > 0 && <Links label="Serves" ids={serves} />}
      {servedBy.length > 0 && <Links label="Served by" ids={servedBy} />}
    </div>
  );
}

function Links({ label, ids }: { label: string; ids: readonly string[] }) {
  const more = ids.length - THREAD_NAMES_SHOWN;
  return (
    <p>
      <span className="card__thread-label">{label}:</span>{' '}
      {ids.slice(0, THREAD_NAMES_SHOWN).map((other, index) => (
        <span key={other}>
          {index > 0 && '; '}
          <LinkedCardName id={other} />
        </span>
      ))}
      {more > 0 && ` and ${more} more`}
    </p>
  );
}

/** The start of a linked card's text, as people recognise it on the board. */
export function LinkedCardName({ id, length = 40 }: { id: string; length?: number }) {
  const card = useCard(id);
  return <span dir="auto">“{shortText(card?.text ?? '', length)}”</span>;
}
