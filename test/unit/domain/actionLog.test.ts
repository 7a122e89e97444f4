// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  actionItemFlags,
  actionItemsForConcern,
  actionItemsInOrder,
  addActionItem,
  addActionItemForConcern,
  deleteActionItem,
  moveActionItem,
  openActionItems,
  restoreActionItem,
  setActionItemConcern,
  setActionItemDue,
  setActionItemOwner,
  setActionItemStatus,
  setActionItemText,
} from '../../../src/domain/actionLog';
import { canvasProgress, resolveConcern, setGovernanceStatus } from '../../../src/domain/canvas';
import { type AnyCheckKey, type Canvas, LIMITS, isRefusal } from '../../../src/domain/model';
import { T0, buildCanvas, snapshot, applied } from '../helpers/canvasBuilder';

const LATER = T0 + 1000;
const refused = (result: Canvas | { refused: string }) => (isRefusal(result) ? result.refused : null);
const texts = (canvas: Canvas) => actionItemsInOrder(canvas).map((item) => item.text);

describe('the action log', () => {
  it('adds items at the end, open, without touching the input', () => {
    const canvas = buildCanvas();
    const before = snapshot(canvas);
    let next = applied(addActionItem(canvas, { id: 'a', text: 'Book a DPIA screening', owner: 'Priya', due: '2026-04-01' }, LATER));
    next = applied(addActionItem(next, { id: 'b', text: 'Ask the youth panel' }, LATER));
    expect(actionItemsInOrder(next)).toMatchObject([
      { id: 'a', text: 'Book a DPIA screening', owner: 'Priya', due: '2026-04-01', status: 'open', concern: null, createdAt: LATER },
      { id: 'b', owner: '', due: '' },
    ]);
    expect(canvas).toEqual(before);
    expect(canvasProgress(next).openActionItems).toBe(2);
  });

  it('allows an action with no owner or a due date in the past, and flags both', () => {
    const canvas = applied(addActionItem(buildCanvas(), { id: 'a', text: 'Late', due: '2020-01-31' }, LATER));
    const [item] = actionItemsInOrder(canvas);
    expect(actionItemFlags(item!, '2026-03-01')).toEqual({ noOwner: true, overdue: true, dueToday: false });
    expect(actionItemFlags({ ...item!, status: 'done' }, '2026-03-01').overdue).toBe(false);
    expect(actionItemFlags({ ...item!, due: '2026-03-01', owner: 'Sam' }, '2026-03-01')).toEqual({
      noOwner: false,
      overdue: false,
      dueToday: true,
    });
  });

  it('refuses a due date that is not a real date, naming the format', () => {
    for (const due of ['31/03/2026', '2026-02-30', 'next week']) {
      expect(refused(addActionItem(buildCanvas(), { id: 'a', due }, LATER))).toBe(
        'The due date must be a real date written as year-month-day, for example 2026-03-31.',
      );
    }
    const canvas = applied(addActionItem(buildCanvas(), { id: 'a' }, LATER));
    expect(refused(setActionItemDue(canvas, 'a', '2026-13-01', LATER))).toMatch(/real date/);
    expect(actionItemsInOrder(applied(setActionItemDue(canvas, 'a', ' 2026-12-01 ', LATER)))[0]!.due).toBe('2026-12-01');
  });

  it('edits text, owner (one line), status and concern, and refuses edits to a deleted item', () => {
    let canvas = applied(addActionItem(buildCanvas(), { id: 'a', text: 'x' }, LATER));
    canvas = applied(setActionItemText(canvas, 'a', 'Write to the DPO', LATER));
    canvas = applied(setActionItemOwner(canvas, 'a', 'Sam\nand Priya', LATER));
    canvas = applied(setActionItemStatus(canvas, 'a', 'done', LATER));
    canvas = applied(setActionItemConcern(canvas, 'a', 'insight:consent', LATER));
    expect(actionItemsInOrder(canvas)[0]).toMatchObject({
      text: 'Write to the DPO',
      owner: 'Sam and Priya',
      status: 'done',
      concern: 'insight:consent',
    });
    expect(openActionItems(canvas)).toEqual([]);
    expect(refused(setActionItemConcern(canvas, 'a', 'insight:vibes' as AnyCheckKey, LATER))).toMatch(/not one of the canvas’s checks/);
    const deleted = deleteActionItem(canvas, 'a', LATER);
    expect(actionItemsInOrder(deleted)).toEqual([]);
    expect(refused(setActionItemText(deleted, 'a', 'y', LATER))).toBe('That action is no longer in the action log.');
    expect(texts(restoreActionItem(deleted, 'a', LATER))).toEqual(['Write to the DPO']);
  });

  it('moves an item within the log', () => {
    let canvas = buildCanvas();
    for (const id of ['a', 'b', 'c']) canvas = applied(addActionItem(canvas, { id, text: id.toUpperCase() }, LATER));
    expect(texts(applied(moveActionItem(canvas, 'c', 0, LATER)))).toEqual(['C', 'A', 'B']);
    expect(applied(moveActionItem(canvas, 'a', 0, LATER))).toBe(canvas);
  });

  it(`refuses more than ${LIMITS.actionItemsPerCanvas} items`, () => {
    let canvas = buildCanvas();
    for (let i = 0; i < LIMITS.actionItemsPerCanvas; i++) canvas = applied(addActionItem(canvas, { id: `a${i}` }, LATER));
    expect(refused(addActionItem(canvas, { id: 'one-more' }, LATER))).toBe('The action log can hold at most 1,000 actions.');
  });
});

describe('an action from a concern', () => {
  it('is tied to the open concern it answers, of either kind', () => {
    let canvas = buildCanvas({ checks: [{ step: 'insight', lens: 'consent', status: 'concern', notes: 'Never asked' }] });
    canvas = setGovernanceStatus(canvas, 'dpia-screening', 'concern', LATER);
    canvas = applied(addActionItemForConcern(canvas, { id: 'a', text: 'Hold a residents’ panel', concern: 'insight:consent' }, LATER));
    canvas = applied(addActionItemForConcern(canvas, { id: 'b', concern: 'governance:dpia-screening' }, LATER));
    expect(actionItemsForConcern(canvas, 'insight:consent').map((item) => item.id)).toEqual(['a']);
    expect(actionItemsForConcern(canvas, 'governance:dpia-screening').map((item) => item.id)).toEqual(['b']);
  });

  it('is refused for a check with no open concern', () => {
    const canvas = buildCanvas({ checks: [{ step: 'insight', lens: 'consent', status: 'concern' }] });
    expect(refused(addActionItemForConcern(canvas, { id: 'a', concern: 'outcome:trust' }, LATER))).toBe(
      'This check has no open concern to act on.',
    );
    const resolved = applied(resolveConcern(canvas, 'insight:consent', 'Done', LATER));
    expect(refused(addActionItemForConcern(resolved, { id: 'a', concern: 'insight:consent' }, LATER))).toBe(
      'This check has no open concern to act on.',
    );
  });
});
