/**
 * What can be done to a card: one list feeds the card's actions menu, the
 * keys that work on a focused card, and the "?" help sheet. A new action
 * (vote, mark agreed, park, link) is one more entry here, in its group.
 */
import { STEP_GUIDANCE } from '../../domain/guidance';
import { CARD_COLOURS, CARD_COLOUR_LABELS, type Card, STEP_IDS, type StepId } from '../../domain/model';
import { changeCardColour, changeVotes, keepAsOwn, moveCardBy, parkOne, removeCard, toggleAgreed } from './cardActions';
import { openVotesDialog } from './VotesDialog';

export interface CardCommandContext {
  card: Card;
  step: StepId;
  /** 0-based position in the step, and the step's number of cards. */
  index: number;
  count: number;
  /** Opens the card's text for editing, cursor at the end. */
  startEditing: () => void;
  /** Opens "Link to…", the golden thread's picker for this card. */
  openLinks: () => void;
  /** Whether this device may change a field of the card (false for what a shared canvas's facilitator has not allowed). */
  mayChange: (field: CardField) => boolean;
}

/** The card fields a command changes, as the shared canvas's permissions name them. */
export type CardField = 'text' | 'serves' | 'votes' | 'agreed' | 'example' | 'parkedAt' | 'order' | 'step' | 'colour' | 'deletedAt';

/**
 * Menu groups, in menu order, each with a name for screen readers. `choose`
 * is where the workshop actions (vote, agreed, park) go.
 */
export const CARD_COMMAND_GROUPS = ['edit', 'choose', 'move', 'colour', 'remove'] as const;
export type CardCommandGroup = (typeof CARD_COMMAND_GROUPS)[number];
export const CARD_COMMAND_GROUP_LABELS: Record<CardCommandGroup, string> = {
  edit: 'Edit',
  choose: 'Choose',
  move: 'Move',
  colour: 'Colour',
  remove: 'Remove',
};

export interface CardCommand {
  id: string;
  group: CardCommandGroup;
  label: string;
  /** KeyboardEvent.key values that run it on a focused card (plain keys only: no modifiers). */
  keys?: string[];
  /** What the help sheet and the menu show for the keys, when not the keys themselves. */
  keyHint?: string;
  /** Said in the help sheet instead of the menu label, when the two differ. */
  helpLabel?: string;
  /** The card field it changes: left out, menu and key alike, where this device may not change it. */
  field?: CardField;
  enabled?: (context: CardCommandContext) => boolean;
  /** Left out of the menu (rather than shown disabled) when this is false. */
  shown?: (context: CardCommandContext) => boolean;
  /** For a choice among options (a colour): whether this one is chosen. */
  checked?: (context: CardCommandContext) => boolean;
  /** With `checked`: an on/off item (Agreed) rather than one choice among several. */
  toggle?: boolean;
  run: (context: CardCommandContext) => void;
}

export const CARD_COMMANDS: CardCommand[] = [
  {
    id: 'edit',
    field: 'text',
    group: 'edit',
    label: 'Edit text',
    keys: ['Enter', 'F2'],
    keyHint: 'Enter',
    helpLabel: 'Edit the card (Escape when done: it saves as you type)',
    run: ({ startEditing }) => startEditing(),
  },
  {
    id: 'link',
    field: 'serves',
    group: 'edit',
    label: 'Link to…',
    keys: ['l', 'L'],
    keyHint: 'L',
    helpLabel: 'Link the card to what it serves and what serves it (the golden thread)',
    run: ({ openLinks }) => openLinks(),
  },
  {
    id: 'vote-add',
    field: 'votes',
    group: 'choose',
    label: 'Add a vote',
    keys: ['+', '='],
    keyHint: '+',
    helpLabel: 'Add a dot vote to the card',
    run: ({ card }) => changeVotes(card.id, 1),
  },
  {
    id: 'vote-remove',
    field: 'votes',
    group: 'choose',
    label: 'Take a vote away',
    keys: ['-'],
    keyHint: '-',
    helpLabel: 'Take a dot vote away from the card',
    enabled: ({ card }) => card.votes > 0,
    run: ({ card }) => changeVotes(card.id, -1),
  },
  {
    id: 'vote-set',
    field: 'votes',
    group: 'choose',
    label: 'Set the number of votes…',
    keys: ['v'],
    keyHint: 'V',
    helpLabel: 'Type the card’s number of votes',
    run: ({ card }) => openVotesDialog(card.id),
  },
  {
    id: 'agreed',
    field: 'agreed',
    group: 'choose',
    label: 'Agreed',
    keys: ['a'],
    keyHint: 'A',
    helpLabel: 'Mark the card as agreed by the room, or take the mark off',
    toggle: true,
    checked: ({ card }) => card.agreed,
    run: ({ card }) => toggleAgreed(card.id),
  },
  {
    id: 'keep-own',
    field: 'example',
    group: 'choose',
    label: 'Keep as our own card',
    helpLabel: 'Keep an example card from the template as the team’s own (from its menu)',
    shown: ({ card }) => card.example,
    run: ({ card }) => keepAsOwn(card.id),
  },
  {
    id: 'park',
    field: 'parkedAt',
    group: 'choose',
    label: 'Park this card',
    helpLabel: 'Park the card in the parking lot (from its menu)',
    run: ({ card }) => parkOne(card.id),
  },
  {
    id: 'up',
    field: 'order',
    group: 'move',
    label: 'Move up',
    enabled: ({ index }) => index > 0,
    run: ({ card }) => moveCardBy(card.id, 'up'),
  },
  {
    id: 'down',
    field: 'order',
    group: 'move',
    label: 'Move down',
    enabled: ({ index, count }) => index < count - 1,
    run: ({ card }) => moveCardBy(card.id, 'down'),
  },
  {
    id: 'top',
    field: 'order',
    group: 'move',
    label: 'Move to top',
    enabled: ({ index }) => index > 0,
    run: ({ card }) => moveCardBy(card.id, 'top'),
  },
  {
    id: 'bottom',
    field: 'order',
    group: 'move',
    label: 'Move to bottom',
    enabled: ({ index, count }) => index < count - 1,
    run: ({ card }) => moveCardBy(card.id, 'bottom'),
  },
  ...STEP_IDS.map((step): CardCommand => ({
    id: `to-${step}`,
    field: 'step',
    group: 'move',
    label: `Move to ${STEP_GUIDANCE[step].title}`,
    enabled: (context) => context.step !== step,
    run: ({ card }) => moveCardBy(card.id, { step }),
  })),
  ...CARD_COLOURS.map((colour): CardCommand => ({
    id: `colour-${colour}`,
    field: 'colour',
    group: 'colour',
    label: CARD_COLOUR_LABELS[colour],
    checked: ({ card }) => card.colour === colour,
    run: ({ card }) => changeCardColour(card.id, colour),
  })),
  {
    id: 'delete',
    field: 'deletedAt',
    group: 'remove',
    label: 'Delete card',
    keys: ['Delete', 'Backspace'],
    keyHint: 'Delete',
    helpLabel: 'Delete the card (Ctrl+Z brings it back)',
    run: ({ card }) => removeCard(card.id),
  },
];

/** Whether the command is there at all for this card on this device (not merely disabled). */
export const isOffered = (command: CardCommand, context: CardCommandContext): boolean =>
  (!command.field || context.mayChange(command.field)) && command.shown?.(context) !== false;

/** Moves to the card's own step are left out of its menu rather than shown disabled. */
export const commandsForMenu = (context: CardCommandContext): CardCommand[] =>
  CARD_COMMANDS.filter((command) => (!command.id.startsWith('to-') || command.enabled?.(context) !== false) && isOffered(command, context));

/** The command a key runs on a focused card, if any. */
export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): CardCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return CARD_COMMANDS.find((command) => command.keys?.includes(event.key));
}
