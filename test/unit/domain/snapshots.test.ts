// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addCard, cardsInStep, setCardText } from '../../../src/domain/cards';
import { setCheckStatus, setTitle } from '../../../src/domain/canvas';
import { makeSnapshot, restoreSnapshot, snapshotsToPrune, summarise } from '../../../src/domain/snapshots';
import { type Canvas, checkKey } from '../../../src/domain/model';
import { T0, buildCanvas } from '../helpers/canvasBuilder';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('version history', () => {
  it('summarises a snapshot in words a user can scan', () => {
    const canvas = buildCanvas({ cards: { outcome: ['a', 'b'] }, checks: [{ step: 'action', lens: 'power', status: 'concern' }] });
    expect(summarise(canvas)).toBe('2 cards, 1 of 20 checks discussed, 1 open concern');
    expect(makeSnapshot(canvas, 'opened', 's1', T0)).toMatchObject({ id: 's1', canvasId: canvas.id, takenAt: T0, reason: 'opened' });
  });

  it('keeps every snapshot of the last day, then one a day for 30 days, and drops older ones', () => {
    const now = 100 * DAY;
    const snapshots = [
      { id: 'an hour ago', takenAt: now - HOUR },
      { id: 'two hours ago', takenAt: now - 2 * HOUR },
      { id: 'three days ago, late', takenAt: Math.floor((now - 3 * DAY) / DAY) * DAY + 20 * HOUR },
      { id: 'three days ago, early', takenAt: Math.floor((now - 3 * DAY) / DAY) * DAY + 2 * HOUR },
      { id: 'forty days ago', takenAt: now - 40 * DAY },
    ];
    expect(snapshotsToPrune(snapshots, now).sort()).toEqual(['forty days ago', 'three days ago, early']);
  });

  it('keeps at most 50 snapshots from the last day', () => {
    const now = 10 * DAY;
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, takenAt: now - i * 60_000 }));
    const pruned = snapshotsToPrune(many, now);
    expect(pruned).toHaveLength(10);
    expect(pruned).toContain('s59');
    expect(pruned).not.toContain('s0');
  });

  it('restores a version: its cards, checks and title come back, later cards are deleted softly', () => {
    const then = buildCanvas({ title: 'Then', cards: { outcome: ['first idea'] } });
    let now = setTitle(then, 'Now', T0 + 1);
    now = setCardText(now, 'outcome-1', 'first idea, reworded', T0 + 1);
    now = addCard(now, { id: 'later', step: 'action', text: 'added later' }, T0 + 2);
    now = setCheckStatus(now, 'insight', 'trust', 'concern', T0 + 2);
    const restored = restoreSnapshot(now, then, T0 + 5);
    expect(restored.title).toBe('Then');
    expect(cardsInStep(restored, 'outcome').map((card) => card.text)).toEqual(['first idea']);
    expect(cardsInStep(restored, 'action')).toEqual([]);
    expect(restored.cards.later?.deletedAt).toBe(T0 + 5);
    expect(restored.checks[checkKey('insight', 'trust')].status).toBe('not-discussed');
    expect(restored.id).toBe(now.id);
    // Every restored record is newer than what another tab may hold, so merging takes it.
    expect(restored.cards['outcome-1']!.updatedAt).toBe(T0 + 5);
  });
});

describe('restoring a snapshot with everything the model holds', () => {
  it('brings back action items, data sets, governance checks and workshop details, and deletes softly what was added since', async () => {
    const { addActionItem } = await import('../../../src/domain/actionLog');
    const { setGovernanceStatus, setWorkshopDetails } = await import('../../../src/domain/canvas');
    const { addDataset } = await import('../../../src/domain/dataInventory');
    const { startTimer } = await import('../../../src/domain/timer');
    const then = setGovernanceStatus(addActionItem(buildCanvas(), { id: 'kept', text: 'Kept' }, T0) as Canvas, 'accuracy', 'concern', T0);
    let now = addActionItem(then, { id: 'added', text: 'Added since' }, T0 + 1) as Canvas;
    now = addDataset(now, { id: 'd', name: 'Added since' }, T0 + 1) as Canvas;
    now = setWorkshopDetails(now, { facilitator: 'Sam' }, T0 + 1) as Canvas;
    now = setGovernanceStatus(now, 'accuracy', 'no-concern', T0 + 1);
    now = startTimer(now, 'action', T0 + 1);
    const restored = restoreSnapshot(now, then, T0 + 2);
    expect(restored.actionItems['kept']).toMatchObject({ text: 'Kept', deletedAt: null, updatedAt: T0 + 2 });
    expect(restored.actionItems['added']!.deletedAt).toBe(T0 + 2);
    expect(restored.datasets['d']!.deletedAt).toBe(T0 + 2);
    expect(restored.governance['accuracy']).toMatchObject({ status: 'concern', updatedAt: T0 + 2 });
    expect(restored.workshop.facilitator).toBe('');
    expect(restored.timer).toBe(now.timer);
  });
});
