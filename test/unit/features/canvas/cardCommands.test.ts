import { describe, expect, it } from 'vitest';
import {
  type CardCommandContext,
  type CardField,
  CARD_COMMANDS,
  commandsForMenu,
  isOffered,
} from '../../../../src/features/canvas/cardCommands';
import type { Card } from '../../../../src/domain/model';

const card = { id: 'k1', step: 'action', text: 'Call first', votes: 2, agreed: false, example: false } as Card;
const context = (locked: CardField[] = []): CardCommandContext => ({
  card,
  step: 'action',
  index: 0,
  count: 2,
  startEditing: () => {},
  openLinks: () => {},
  mayChange: (field) => !locked.includes(field),
});
const labels = (ctx: CardCommandContext) => commandsForMenu(ctx).map((command) => command.label);

describe('a card’s commands', () => {
  it('offer everything on a canvas this device may change', () => {
    expect(labels(context())).toEqual(expect.arrayContaining(['Delete card', 'Agreed', 'Add a vote', 'Park this card', 'Move to Insight']));
  });

  it('leave out, from the menu and from the keys, what a shared canvas’s facilitator has not allowed', () => {
    const participant = context(['deletedAt', 'agreed', 'votes']);
    expect(labels(participant)).not.toEqual(expect.arrayContaining(['Delete card']));
    expect(labels(participant)).not.toContain('Agreed');
    expect(labels(participant)).not.toContain('Add a vote');
    expect(labels(participant)).toEqual(expect.arrayContaining(['Edit text', 'Park this card', 'Move to Insight']));
    const byKey = (key: string) => CARD_COMMANDS.find((command) => command.keys?.includes(key))!;
    expect(isOffered(byKey('Delete'), participant)).toBe(false);
    expect(isOffered(byKey('a'), participant)).toBe(false);
    expect(isOffered(byKey('+'), participant)).toBe(false);
    expect(isOffered(byKey('Enter'), participant)).toBe(true);
  });

  it('name every field they change the way the shared canvas’s permissions do', () => {
    // A command that changes the card but names no field would slip past a facilitator's choice.
    const changing = CARD_COMMANDS.filter((command) => command.group !== 'edit' || command.id === 'edit');
    expect(changing.filter((command) => !command.field).map((command) => command.id)).toEqual([]);
  });
});
