// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addActionItem, addActionItemForConcern } from '../../../src/domain/actionLog';
import { setGovernanceStatus } from '../../../src/domain/canvas';
import { parkCard, setAgreed } from '../../../src/domain/cards';
import { addDataset } from '../../../src/domain/dataInventory';
import { linkCards } from '../../../src/domain/thread';
import { wrapUp } from '../../../src/domain/wrapUp';
import { T0, buildCanvas, applied } from '../helpers/canvasBuilder';

const NOW = new Date('2026-03-05T15:00:00').getTime();

describe('wrapUp', () => {
  it('sums up each step, the parking lot and the action log', () => {
    let canvas = buildCanvas({
      cards: { outcome: ['O1', 'O2'], action: ['A1', 'Parked idea'] },
      checks: [
        { step: 'outcome', lens: 'trust', status: 'no-concern' },
        { step: 'outcome', lens: 'power', status: 'concern', notes: 'Nobody from the community' },
      ],
    });
    canvas = setAgreed(canvas, 'outcome-1', true, T0);
    canvas = applied(parkCard(canvas, 'action-2', T0));
    canvas = applied(
      addActionItemForConcern(
        canvas,
        { id: 'x', text: 'Invite the youth panel', owner: 'Sam', due: '2026-04-01', concern: 'outcome:power' },
        T0,
      ),
    );
    const summary = wrapUp(canvas, NOW);
    const outcome = summary.steps[0]!;
    expect(outcome.cards.map((card) => card.text)).toEqual(['O1', 'O2']);
    expect(outcome.agreed.map((card) => card.text)).toEqual(['O1']);
    expect([outcome.checksDiscussed, outcome.checkCount]).toEqual([2, 5]);
    expect(outcome.openConcerns.map((entry) => entry.key)).toEqual(['outcome:power']);
    expect(summary.steps[2]!.checkCount).toBe(5 + 8);
    expect(summary.parkingLot.map((card) => card.text)).toEqual(['Parked idea']);
    expect(summary.actionLog.open.map((item) => item.text)).toEqual(['Invite the youth panel']);
  });

  it('says what is still missing before the canvas is ready to take forward', () => {
    let canvas = buildCanvas({
      cards: { outcome: ['O1'], action: ['A1'] },
      checks: [{ step: 'action', lens: 'consent', status: 'concern' }],
    });
    canvas = setAgreed(canvas, 'outcome-1', true, T0);
    canvas = applied(linkCards(canvas, 'action-1', 'outcome-1', T0));
    canvas = setGovernanceStatus(canvas, 'lawful-basis', 'concern', T0);
    canvas = applied(addActionItem(canvas, { id: 'late', text: 'Overdue and unowned', due: '2026-03-01' }, T0));
    canvas = applied(addDataset(canvas, { id: 'd', name: 'Records' }, T0));
    expect(wrapUp(canvas, NOW).missing.map((item) => item.message)).toEqual([
      'Outcome: 5 ethics checks not yet discussed.',
      'Action: no card agreed yet.',
      'Action: 4 ethics checks not yet discussed.',
      'Action: 1 open concern with no action yet.',
      'Insight: no cards yet.',
      // The ethics checks the document lists, and the governance ones its tables show, each counted as such.
      'Insight: 5 ethics checks and 7 “before this goes live” checks not yet discussed.',
      'Insight: 1 open concern with no action yet.',
      'Enablers: no cards yet.',
      'Enablers: 5 ethics checks and 9 “before this goes live” checks not yet discussed.',
      'Data inventory: 1 data set with gaps to close.',
      'Action log: 1 action with no owner yet.',
      'Action log: 1 action overdue.',
    ]);
  });

  it('names loose ends in the golden thread', () => {
    const canvas = buildCanvas({ cards: { outcome: ['O1'], action: ['A1'], insight: ['I1'], enablers: ['E1'] } });
    expect(wrapUp(canvas, NOW).missing.find((item) => item.kind === 'loose-ends')?.message).toBe(
      'Golden thread: 1 outcome nobody acts on, 1 action serving no outcome, 1 insight serving no action, 1 enabler serving nothing.',
    );
  });
});
