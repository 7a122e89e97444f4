// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addActionItem, setActionItemStatus } from '../../../src/domain/actionLog';
import { setCheckStatus, setGovernanceStatus, setTitle } from '../../../src/domain/canvas';
import { addDataset } from '../../../src/domain/dataInventory';
import type { Canvas } from '../../../src/domain/model';
import { startTimer } from '../../../src/domain/timer';
import { addCard, moveCard, setCardText } from '../../../src/domain/cards';
import { diffCanvas, isEmptyChange, metaOf } from '../../../src/domain/diff';
import { T0, buildCanvas } from '../helpers/canvasBuilder';

const LATER = T0 + 1;

describe('diffCanvas', () => {
  const canvas = buildCanvas({ cards: { outcome: ['A', 'B'], action: ['C'] } });

  it('reports every record of a canvas that has not been stored yet', () => {
    const changes = diffCanvas(null, canvas);
    expect(changes.meta).toEqual(metaOf(canvas));
    expect(changes.cards).toHaveLength(3);
    expect(changes.checks).toHaveLength(20);
  });

  it('reports nothing when nothing changed', () => {
    expect(isEmptyChange(diffCanvas(canvas, canvas))).toBe(true);
  });

  it('reports only the card that was edited, plus the canvas meta', () => {
    const changes = diffCanvas(canvas, setCardText(canvas, 'outcome-2', 'B!', LATER));
    expect(changes.cards.map((card) => card.id)).toEqual(['outcome-2']);
    expect(changes.checks).toEqual([]);
    expect(changes.removedCardIds).toEqual([]);
    expect(changes.meta?.updatedAt).toBe(LATER);
  });

  it('reports only the moved card for a move across steps', () => {
    const changes = diffCanvas(canvas, moveCard(canvas, 'outcome-1', { step: 'action', index: 0 }, LATER));
    expect(changes.cards.map((card) => card.id)).toEqual(['outcome-1']);
  });

  it('reports only the changed check', () => {
    const changes = diffCanvas(canvas, setCheckStatus(canvas, 'insight', 'trust', 'concern', LATER));
    expect(changes.checks.map((check) => `${check.step}:${check.lens}`)).toEqual(['insight:trust']);
    expect(changes.cards).toEqual([]);
  });

  it('reports a title change as a meta change only', () => {
    const changes = diffCanvas(canvas, setTitle(canvas, 'New', LATER));
    expect(changes.meta).toMatchObject({ title: 'New', updatedAt: LATER });
    expect(changes.cards).toEqual([]);
    expect(changes.checks).toEqual([]);
  });

  it('reports a card that is gone (an undone add) as removed', () => {
    const withCard = addCard(canvas, { id: 'new', step: 'insight', text: 'X' }, LATER);
    const changes = diffCanvas(withCard, canvas);
    expect(changes.removedCardIds).toEqual(['new']);
    expect(changes.cards).toEqual([]);
    expect(isEmptyChange(changes)).toBe(false);
  });

  it('treats a different canvas id as a whole new canvas', () => {
    const other = buildCanvas({ id: 'other', cards: { outcome: ['Z'] } });
    const changes = diffCanvas(canvas, other);
    expect(changes.meta?.id).toBe('other');
    expect(changes.cards.map((card) => card.text)).toEqual(['Z']);
    expect(changes.removedCardIds).toEqual([]);
  });
});

describe('diffCanvas and the new records', () => {
  it('writes only the action item, data set or governance check that changed, and the canvas record for its own fields', () => {
    const must = <T>(result: T | { refused: string }) => result as T;
    let before = must<Canvas>(addActionItem(buildCanvas(), { id: 'a', text: 'x' }, T0));
    before = must<Canvas>(addDataset(before, { id: 'd' }, T0));
    const after = setGovernanceStatus(must<Canvas>(setActionItemStatus(before, 'a', 'done', T0 + 1)), 'retention', 'no-concern', T0 + 1);
    const changes = diffCanvas(before, after);
    expect(changes.actionItems.map((item) => item.id)).toEqual(['a']);
    expect(changes.datasets).toEqual([]);
    expect(changes.governance.map((check) => check.id)).toEqual(['retention']);
    expect(changes.checks).toEqual([]);
    expect(changes.meta).not.toBeNull();
    const timerOnly = startTimer(before, 'outcome', T0 + 2);
    expect(diffCanvas(before, timerOnly).meta?.timer).toEqual(timerOnly.timer);
    expect(isEmptyChange(diffCanvas(before, before))).toBe(true);
  });

  it('notes action items and data sets that are gone altogether (an undone add)', () => {
    const before = addActionItem(buildCanvas(), { id: 'a' }, T0) as Canvas;
    expect(diffCanvas(before, buildCanvas()).removedActionItemIds).toEqual(['a']);
  });
});
