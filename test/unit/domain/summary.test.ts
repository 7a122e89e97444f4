// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canvasProgress, setCheckStatus } from '../../../src/domain/canvas';
import { addCard, deleteCard, moveCard } from '../../../src/domain/cards';
import { diffCanvas } from '../../../src/domain/diff';
import {
  CHECK_STATUSES,
  type Canvas,
  type CheckStatus,
  LENS_IDS,
  type LensId,
  STEP_IDS,
  type StepId,
  checkKey,
} from '../../../src/domain/model';
import { type CountedRecord, countsAfter, summaryMatches, summaryOf, summaryProgress } from '../../../src/domain/summary';
import { T0, buildCanvas } from '../helpers/canvasBuilder';

/** A random edit: add, delete or move a card, or set a check's status. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), step: fc.constantFrom(...STEP_IDS) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), step: fc.constantFrom(...STEP_IDS) }),
  fc.record({
    kind: fc.constant('check' as const),
    step: fc.constantFrom(...STEP_IDS),
    lens: fc.constantFrom(...LENS_IDS),
    status: fc.constantFrom(...CHECK_STATUSES),
  }),
);

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(canvas: Canvas, change: Edit, n: number): Canvas {
  const c = change as { kind: Edit['kind']; step?: StepId; pick?: number; lens?: LensId; status?: CheckStatus };
  const ids = Object.keys(canvas.cards);
  const id = ids[(c.pick ?? 0) % Math.max(ids.length, 1)];
  if (c.kind === 'add') return addCard(canvas, { id: `c${n}`, step: c.step!, text: `Card ${n}` }, T0 + n);
  if (c.kind === 'delete') return id ? deleteCard(canvas, id, T0 + n) : canvas;
  if (c.kind === 'move') return id ? moveCard(canvas, id, { step: c.step!, index: 0 }, T0 + n) : canvas;
  return setCheckStatus(canvas, c.step!, c.lens!, c.status!, T0 + n);
}

describe('canvas summaries', () => {
  it('give the library the same progress as the whole canvas does', () => {
    const canvas = buildCanvas({
      cards: { outcome: ['A', 'B'], enablers: ['C'] },
      checks: [{ step: 'insight', lens: 'trust', status: 'concern' }],
    });
    expect(summaryProgress(summaryOf(canvas))).toEqual(canvasProgress(canvas));
  });

  it('kept up to date from the changed records alone, always equal the summary counted afresh (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(edit, { maxLength: 4 }), { maxLength: 12 }), (saves) => {
        let stored = buildCanvas({ cards: { action: ['Start'] } });
        let counts = summaryOf(stored).counts;
        saves.forEach((edits, s) => {
          const next = edits.reduce((canvas, change, i) => apply(canvas, change, s * 10 + i + 1), stored);
          const changes = diffCanvas(stored, next);
          const card = (record: Canvas['cards'][string] | undefined): CountedRecord | undefined => record && { kind: 'card', record };
          counts = countsAfter(counts, [
            ...changes.cards.map((after) => ({ before: card(stored.cards[after.id]), after: card(after) })),
            ...changes.checks.map((after) => ({
              before: { kind: 'check' as const, record: stored.checks[checkKey(after.step, after.lens)] },
              after: { kind: 'check' as const, record: after },
            })),
          ]);
          stored = next;
        });
        expect(summaryMatches({ meta: summaryOf(stored).meta, counts }, stored)).toBe(true);
      }),
    );
  });
});
