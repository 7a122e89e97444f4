import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useEffect, useRef } from 'react';
import { Menu, type MenuItem } from '../../components/Menu';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { CARD_COLOUR_LABELS, CARD_COLOURS, LIMITS, STEP_IDS, type StepId } from '../../domain/model';
import { cardsInStep } from '../../domain/cards';
import { getOpenCanvas, useCard } from '../../state/canvasSelectors';
import { useKeepCaret } from '../../lib/useKeepCaret';
import { changeCardColour, editCardText, moveCardBy, removeCard } from './cardActions';
import type { CardDragData } from './dragData';
import { takeCardFocusRequest } from './focusRequests';
import './CardItem.css';

interface CardItemProps {
  id: string;
  step: StepId;
  /** 0-based position in the step, for names such as "card 2 in Action". */
  index: number;
}

export const CardItem = memo(function CardItem({ id, step, index }: CardItemProps) {
  const card = useCard(id);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const moveRef = useRef<HTMLDivElement>(null);
  useKeepCaret(textRef, card?.text ?? '');
  const data: CardDragData = { type: 'card', step };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, data });

  useEffect(() => {
    const target = takeCardFocusRequest(id);
    if (target === 'text') textRef.current?.focus();
    if (target === 'move') moveRef.current?.querySelector('button')?.focus();
  }, [id, step]);

  if (!card) return null;
  const name = `card ${index + 1} in ${STEP_GUIDANCE[step].title}`;

  // Built when the menu opens: the card count is read then, so adding a card elsewhere re-renders no other card.
  const moveItems = (): MenuItem[] => {
    const canvas = getOpenCanvas();
    const count = canvas ? cardsInStep(canvas, step).length : 0;
    return [
      { key: 'up', label: 'Move up', onSelect: () => moveCardBy(id, 'up'), disabled: index === 0 },
      { key: 'down', label: 'Move down', onSelect: () => moveCardBy(id, 'down'), disabled: index === count - 1 },
      { key: 'top', label: 'Move to top', onSelect: () => moveCardBy(id, 'top'), disabled: index === 0 },
      { key: 'bottom', label: 'Move to bottom', onSelect: () => moveCardBy(id, 'bottom'), disabled: index === count - 1 },
      ...STEP_IDS.filter((other) => other !== step).map((other, i) => ({
        key: other,
        label: `Move to ${STEP_GUIDANCE[other].title}`,
        onSelect: () => moveCardBy(id, { step: other }),
        separatorBefore: i === 0,
      })),
    ];
  };

  const colourItems: MenuItem[] = CARD_COLOURS.map((colour) => ({
    key: colour,
    label: CARD_COLOUR_LABELS[colour],
    checked: card.colour === colour,
    icon: <span className="swatch" style={{ background: `var(--card-${colour})` }} aria-hidden="true" />,
    onSelect: () => changeCardColour(id, colour),
  }));

  return (
    <li
      ref={setNodeRef}
      className="card"
      data-colour={card.colour}
      data-dragging={isDragging || undefined}
      data-card-id={id}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <div className="card__toolbar">
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="icon-button drag-handle"
          {...attributes}
          {...listeners}
          aria-label={`Drag ${name}`}
          title="Drag to move, or press Space then the arrow keys (or use Move to…)"
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <div ref={moveRef}>
          <Menu
            label={`Move to…, ${name}`}
            buttonContent={<span aria-hidden="true">Move to…</span>}
            buttonClassName="icon-button"
            items={moveItems}
          />
        </div>
        <Menu
          label={`Colour of ${name}: ${CARD_COLOUR_LABELS[card.colour]}`}
          buttonContent={<span aria-hidden="true">Colour</span>}
          items={colourItems}
        />
        <span className="spacer" />
        <button type="button" className="icon-button" aria-label={`Delete ${name}`} title="Delete card" onClick={() => removeCard(id)}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <textarea
        ref={textRef}
        className="card__text"
        aria-label={`Text of ${name}`}
        value={card.text}
        maxLength={LIMITS.cardTextLength}
        rows={2}
        dir="auto"
        placeholder={STEP_GUIDANCE[step].cardPlaceholder}
        onChange={(event) => editCardText(id, event.target.value)}
      />
    </li>
  );
});
