/**
 * One card: its text as plain text (a text box only while it is edited),
 * one Tab stop with its actions on keys and in one menu, and a handle to
 * drag it with a pointer. Each card reads only its own record, so a change
 * to one card re-renders that card alone.
 */
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { type MenuItem, MenuPopup } from '../../components/Menu';
import { cardsInStep } from '../../domain/cards';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { type Card, LIMITS, type StepId } from '../../domain/model';
import { useKeepCaret } from '../../lib/useKeepCaret';
import { getOpenCanvas, useCard, useCardPlace } from '../../state/canvasSelectors';
import { lockedReasonNow } from '../../state/sharingStore';
import { useCardThread } from '../../state/threadSelectors';
import { cardDescription, cardName, votesMark } from './boardText';
import { editCardText } from './cardActions';
import { CARD_COMMAND_GROUP_LABELS, type CardCommandContext, commandForKey, commandsForMenu, isOffered } from './cardCommands';
import { NAVIGATION_KEYS, moveFocusFromCard } from './cardNavigation';
import { CARD_ACTIONS_WORDS_ID, CARD_KEYS_HELP_ID, useBeginDrag } from './CanvasDnd';
import { CardThread } from './CardThread';
import { useDragState } from './dragTarget';
import { LinkPicker } from './LinkPicker';
import { useFieldPrivacy } from './useFieldPrivacy';
import { clearCardEditRequest, isCardEditRequested, rememberRow, setRovingCard } from './focusRequests';
import './CardItem.css';

interface CardItemProps {
  id: string;
  step: StepId;
  /** The card Tab lands on in this step (roving tabindex). */
  tabbable: boolean;
}

const MENU_KEYS = ['m', 'M', 'ContextMenu'];

/**
 * A card's place in its step is not one of its props: what says it ("card 2 in Action") reads it
 * itself (`CardPlace`, the menu, the text box), so a move re-renders only the cards that moved,
 * not every card after them.
 */
export const CardItem = memo(function CardItem({ id, step, tabbable }: CardItemProps) {
  const card = useCard(id);
  const thread = useCardThread(id);
  const beginDrag = useBeginDrag();
  const [editing, setEditing] = useState(() => isCardEditRequested(id));
  const [menuOpen, setMenuOpen] = useState(false);
  const [linking, setLinking] = useState(false);
  const cardRef = useRef<HTMLLIElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  /** Where the cursor goes when the editor opens: the end, or where the text was clicked. */
  const [caret, setCaret] = useState<number | null>(null);
  const privacy = useFieldPrivacy(card?.text ?? '', {
    id: `card-privacy-${id}`,
    returnFocusRef: cardRef,
    subject: 'this card',
    compact: true,
  });

  if (!card) return null;
  const nameId = `card-name-${id}`;
  const textId = `card-text-${id}`;
  const metaId = `card-meta-${id}`;
  const threadId = `card-thread-${id}`;
  const privacySummaryId = privacy.describedBy;

  const startEditing = (at: number | null = null) => {
    setCaret(at);
    setEditing(true);
  };
  const stopEditing = () => {
    setEditing(false);
    cardRef.current?.focus();
  };

  // Built when needed: the card's place and the step's card count are read then, so a move elsewhere re-renders no other card.
  const context = (): CardCommandContext => {
    const canvas = getOpenCanvas();
    const cards = canvas ? cardsInStep(canvas, step) : [];
    return {
      card,
      step,
      index: cards.findIndex((other) => other.id === id),
      count: cards.length,
      startEditing: () => startEditing(),
      openLinks: () => setLinking(true),
      mayChange: (field) => lockedReasonNow('cards', field) === null,
    };
  };
  const menuItems = (): MenuItem[] => {
    const ctx = context();
    return commandsForMenu(ctx).map((command) => ({
      key: command.id,
      label: command.label,
      group: CARD_COMMAND_GROUP_LABELS[command.group],
      disabled: command.enabled ? !command.enabled(ctx) : undefined,
      checked: command.checked?.(ctx),
      toggle: command.toggle,
      keyHint: command.keyHint,
      icon:
        command.group === 'colour' ? (
          <span className="swatch" data-colour={command.id.replace('colour-', '')} aria-hidden="true" />
        ) : undefined,
      onSelect: () => command.run(ctx),
    }));
  };

  function onKeyDown(event: React.KeyboardEvent<HTMLLIElement>) {
    // Keys typed in the editor or the menu are theirs; during a drag, dnd-kit has the keyboard.
    if (event.target !== event.currentTarget || useDragState.getState().activeId || event.nativeEvent.isComposing) return;
    const plain = !(event.ctrlKey || event.metaKey || event.altKey);
    if (plain && NAVIGATION_KEYS.includes(event.key)) {
      event.preventDefault();
      moveFocusFromCard(event.currentTarget, event.key);
    } else if (plain && event.key === ' ') {
      beginDrag(event, event.currentTarget);
    } else if ((plain && MENU_KEYS.includes(event.key)) || (event.shiftKey && event.key === 'F10')) {
      event.preventDefault();
      setMenuOpen(true);
    } else {
      const command = commandForKey(event);
      if (!command || !isOffered(command, context()) || (command.enabled && !command.enabled(context()))) return;
      event.preventDefault();
      command.run(context());
    }
  }

  function onTextClick(event: React.MouseEvent) {
    // A drag-select to copy text is left alone; a click puts the cursor where it was clicked.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    startEditing(caretOffsetAt(event.currentTarget, event.clientX, event.clientY));
  }

  return (
    <li
      ref={cardRef}
      className="card"
      data-card-id={id}
      data-step={step}
      data-colour={card.colour}
      data-agreed={card.agreed || undefined}
      data-example={card.example || undefined}
      tabIndex={tabbable ? 0 : -1}
      aria-labelledby={textId}
      aria-describedby={[metaId, threadId, privacySummaryId, CARD_KEYS_HELP_ID].filter(Boolean).join(' ')}
      onFocus={(event) => {
        if (event.target !== event.currentTarget) return;
        setRovingCard(step, id);
        rememberRow(null);
      }}
      onKeyDown={onKeyDown}
    >
      <div className="card__bar">
        <span
          className="drag-handle"
          aria-hidden="true"
          title="Drag to move (or focus the card and press Space, then the arrow keys)"
          onPointerDown={(event) => beginDrag(event, event.currentTarget.closest('li')!)}
        >
          ⠿
        </span>
        {/* The menu itself is only built when opened: a button costs little on each of hundreds of cards. */}
        <button
          ref={menuButtonRef}
          type="button"
          className="icon-button card__menu-button"
          tabIndex={-1}
          aria-labelledby={`${CARD_ACTIONS_WORDS_ID} ${nameId}`}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-controls={menuOpen ? `card-menu-${id}` : undefined}
          title="Card actions (M)"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          ⋯
        </button>
        {menuOpen && (
          <CardMenu
            id={id}
            step={step}
            anchorRef={menuButtonRef}
            items={menuItems}
            align="end"
            onClose={(returnFocus) => {
              setMenuOpen(false);
              if (returnFocus) cardRef.current?.focus();
            }}
          />
        )}
      </div>
      {editing ? (
        <CardEditor
          id={id}
          textId={textId}
          step={step}
          text={card.text}
          placeholder={STEP_GUIDANCE[step].cardPlaceholder}
          caret={caret}
          describedBy={privacySummaryId}
          onBlur={() => setEditing(false)}
          onDone={stopEditing}
        />
      ) : (
        <CardText id={textId} card={card} placeholder={STEP_GUIDANCE[step].cardPlaceholder} onClick={onTextClick} />
      )}
      <CardMarks card={card} />
      {(thread.serves.length > 0 || thread.servedBy.length > 0) && <CardThread elementId={threadId} thread={thread} />}
      {linking && (
        <LinkPicker
          cardId={id}
          onClose={() => {
            setLinking(false);
            cardRef.current?.focus();
          }}
        />
      )}
      {privacy.warnings}
      <CardPlace id={id} card={card} step={step} nameId={nameId} metaId={metaId} />
    </li>
  );
});

/**
 * The words that hold the card's place: its name, which labels its actions button ("Actions for
 * card 2 in Action"), and its description. The only part of a card that re-renders when a card
 * before it moves away.
 */
function CardPlace({ id, card, step, nameId, metaId }: { id: string; card: Card; step: StepId; nameId: string; metaId: string }) {
  const index = useCardPlace(id);
  return (
    <>
      <span id={nameId} hidden>
        {cardName(index, step)}
      </span>
      {/* One string, one text node: on a board of hundreds of cards, every node counts. */}
      <span id={metaId} className="visually-hidden">
        {cardDescription(card, index, step)}
      </span>
    </>
  );
}

/** The card's actions, built only while open; labelled with the card's place as it is now. */
function CardMenu({ id, step, ...popup }: { id: string; step: StepId } & Omit<React.ComponentProps<typeof MenuPopup>, 'id' | 'label'>) {
  const index = useCardPlace(id);
  return <MenuPopup id={`card-menu-${id}`} label={`Actions for ${cardName(index, step)}`} {...popup} />;
}

/** What the room chose: the dot votes and the Agreed mark, and an example's label; said in the card's description. */
function CardMarks({ card }: { card: Card }) {
  if (card.votes === 0 && !card.agreed && !card.example) return null;
  return (
    <div className="card__marks" aria-hidden="true">
      {card.example && <span className="card__mark card__mark--example">Example</span>}
      {card.votes > 0 && (
        <span className="card__mark card__mark--votes" data-testid="card-votes">
          {votesMark(card.votes)}
        </span>
      )}
      {card.agreed && <span className="card__mark card__mark--agreed">✓ Agreed</span>}
    </div>
  );
}

interface CardEditorProps {
  id: string;
  textId: string;
  /** For its label, "Text of card 2 in Action". */
  step: StepId;
  text: string;
  placeholder: string;
  /** Where the cursor starts; the end when null. */
  caret: number | null;
  /** The privacy warnings' summary, while there are any. */
  describedBy: string | undefined;
  onBlur: () => void;
  onDone: () => void;
}

/** The card's text box, there only while the card is edited. It takes focus when it opens. */
function CardEditor({ id, textId, step, text, placeholder, caret, describedBy, onBlur, onDone }: CardEditorProps) {
  const index = useCardPlace(id);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Words merged in from another tab while typing leave the cursor beside the same words.
  useKeepCaret(ref, text);
  useLayoutEffect(() => {
    const editor = ref.current;
    if (!editor) return;
    clearCardEditRequest(id);
    const at = caret ?? editor.value.length;
    editor.focus();
    editor.setSelectionRange(at, at);
    // Only when the editor opens: later renders are typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <textarea
      ref={ref}
      id={textId}
      className="card__text"
      aria-label={`Text of ${cardName(index, step)}`}
      aria-describedby={describedBy}
      value={text}
      maxLength={LIMITS.cardTextLength}
      dir="auto"
      placeholder={placeholder}
      onChange={(event) => editCardText(id, event.target.value)}
      onBlur={onBlur}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
          event.preventDefault();
          event.stopPropagation();
          onDone();
        }
      }}
    />
  );
}

function CardText({
  id,
  card,
  placeholder,
  onClick,
}: {
  id: string;
  card: Card;
  placeholder: string;
  onClick: (event: React.MouseEvent) => void;
}) {
  if (!card.text) {
    return (
      <div id={id} className="card__text" data-empty="" onClick={onClick}>
        <span className="visually-hidden">Empty card</span>
        <span className="card__placeholder" aria-hidden="true">
          {placeholder}
        </span>
      </div>
    );
  }
  return (
    <div id={id} className="card__text" dir="auto" onClick={onClick}>
      {card.text}
    </div>
  );
}

/** The offset in the card's text at a point on screen, where the browser can tell. */
function caretOffsetAt(element: Element, x: number, y: number): number | null {
  if (element.hasAttribute('data-empty')) return 0;
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position && element.contains(position.offsetNode)) return position.offset;
  const range = document.caretRangeFromPoint?.(x, y);
  return range && element.contains(range.startContainer) ? range.startOffset : null;
}
