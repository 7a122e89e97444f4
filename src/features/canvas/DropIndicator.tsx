import { type RefObject, useLayoutEffect, useRef } from 'react';
import type { StepId } from '../../domain/model';
import { useDragState } from './dragTarget';

const GAP = 4;

/**
 * A thick line where a dragged card would land in this step: between two
 * cards in a column, beside a card where they sit side by side. Only the
 * list the card is over re-renders as it moves.
 */
export function DropIndicator({ step, listRef }: { step: StepId; listRef: RefObject<HTMLUListElement | null> }) {
  const index = useDragState((state) => {
    const { activeId, target, origin } = state;
    if (!activeId || !target || target.kind !== 'list' || target.step !== step) return null;
    // Over its own place: the card's own (held) place already shows where it is.
    return origin && origin.step === step && origin.index === target.index ? null : target.index;
  });
  const activeId = useDragState((state) => state.activeId);
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const line = ref.current;
    const list = listRef.current;
    if (!line || !list || index === null) return;
    const cards = Array.from(list.querySelectorAll<HTMLElement>(':scope > [data-card-id]')).filter(
      (card) => card.dataset.cardId !== activeId,
    );
    // Placed within the list's wrapper (position: relative), which the line shares with the list.
    const area = (line.offsetParent ?? list).getBoundingClientRect();
    const before = cards[index]?.getBoundingClientRect();
    const after = cards[index - 1]?.getBoundingClientRect();
    const sideBySide = before && after && before.top < after.bottom && after.top < before.bottom;
    let box: { x: number; y: number; width: number; height: number };
    if (sideBySide) box = { x: before.left - area.left - GAP, y: before.top - area.top, width: GAP, height: before.height };
    else if (before) box = { x: before.left - area.left, y: before.top - area.top - GAP, width: before.width, height: GAP };
    else if (after) box = { x: after.left - area.left, y: after.bottom - area.top, width: after.width, height: GAP };
    else box = { x: 0, y: 0, width: area.width, height: GAP };
    line.style.transform = `translate(${box.x}px, ${box.y}px)`;
    line.style.width = `${box.width}px`;
    line.style.height = `${box.height}px`;
  }, [index, activeId, listRef]);

  if (index === null) return null;
  return <div ref={ref} className="drop-indicator" aria-hidden="true" />;
}
