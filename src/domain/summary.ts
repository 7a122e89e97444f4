/**
 * What the library lists for one canvas: its title, a line of description,
 * its times and its progress, small enough that a library of a thousand
 * canvases reads a thousand small records rather than every card.
 *
 * Counts are sums over records (each card and check adds its share), so a
 * save can keep them right from the records it changes alone:
 * `countsAfter(counts, before, after)`.
 */
import type { CanvasProgress } from './canvas';
import type { ActionItem, Canvas, CanvasMeta, Card, EthicsCheck, GovernanceCheck, StepId } from './model';
import { STEP_IDS } from './model';

/** The library's first screenful: shown at once (and served in the page by the service worker, `src/worker`); the rest follow. */
export const LIBRARY_FIRST_SCREENFUL = 24;

/** Enough of the description for the library's one line. */
export const SUMMARY_DESCRIPTION_LENGTH = 280;

export interface SummaryCounts {
  /** Cards on the board (not deleted, not parked), per step. */
  cardsByStep: Record<StepId, number>;
  /** Cards in the parking lot. */
  parked: number;
  /** Ethics checks (step by lens) stored, and those discussed. */
  checks: number;
  checksDiscussed: number;
  /** Governance checks stored, and those discussed. */
  governance: number;
  governanceDiscussed: number;
  /** Raised and not resolved, of both kinds. */
  openConcerns: number;
  openActionItems: number;
}

export type ListedMeta = Pick<CanvasMeta, 'id' | 'title' | 'description' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export interface SummaryRecord {
  meta: ListedMeta;
  counts: SummaryCounts;
}

/** A record of the canvas, as a summary counts it. */
export type CountedRecord =
  | { kind: 'card'; record: Card }
  | { kind: 'check'; record: EthicsCheck }
  | { kind: 'governance'; record: GovernanceCheck }
  | { kind: 'actionItem'; record: ActionItem };

/** A check of either kind, as a summary counts it (a governance check has an `id`, an ethics check a `lens`). */
export function countedCheck(record: EthicsCheck | GovernanceCheck): CountedRecord {
  return 'lens' in record ? { kind: 'check', record } : { kind: 'governance', record };
}

export function emptyCounts(): SummaryCounts {
  return {
    cardsByStep: { outcome: 0, action: 0, insight: 0, enablers: 0 },
    parked: 0,
    checks: 0,
    checksDiscussed: 0,
    governance: 0,
    governanceDiscussed: 0,
    openConcerns: 0,
    openActionItems: 0,
  };
}

/** Adds (sign 1) or takes away (sign -1) one record's share. */
function add(counts: SummaryCounts, counted: CountedRecord | undefined, sign: 1 | -1): void {
  if (!counted) return;
  switch (counted.kind) {
    case 'card': {
      const card = counted.record;
      if (card.deletedAt !== null) return;
      if ((card.parkedAt ?? null) !== null) counts.parked += sign;
      else counts.cardsByStep[card.step] += sign;
      return;
    }
    case 'actionItem':
      if (counted.record.deletedAt === null && counted.record.status === 'open') counts.openActionItems += sign;
      return;
    case 'check':
    case 'governance': {
      const check = counted.record;
      const ethics = counted.kind === 'check';
      counts[ethics ? 'checks' : 'governance'] += sign;
      if (check.status !== 'not-discussed') counts[ethics ? 'checksDiscussed' : 'governanceDiscussed'] += sign;
      if (check.status === 'concern' && (check.resolvedAt ?? null) === null) counts.openConcerns += sign;
    }
  }
}

/** The counts after records changed: each `before` (what was stored, or nothing) replaced by its `after` (or removed). */
export function countsAfter(
  counts: SummaryCounts,
  changes: { before: CountedRecord | undefined; after: CountedRecord | undefined }[],
): SummaryCounts {
  const next: SummaryCounts = { ...counts, cardsByStep: { ...counts.cardsByStep } };
  for (const { before, after } of changes) {
    add(next, before, -1);
    add(next, after, 1);
  }
  return next;
}

export function summaryMeta(meta: ListedMeta): ListedMeta {
  const { id, title, description, createdAt, updatedAt, deletedAt } = meta;
  return { id, title, description: description.slice(0, SUMMARY_DESCRIPTION_LENGTH), createdAt, updatedAt, deletedAt };
}

export function summaryOf(canvas: Canvas): SummaryRecord {
  const records: { before: undefined; after: CountedRecord }[] = [
    ...Object.values(canvas.cards).map((record) => ({ before: undefined, after: { kind: 'card' as const, record } })),
    ...Object.values(canvas.checks).map((record) => ({ before: undefined, after: { kind: 'check' as const, record } })),
    ...Object.values(canvas.governance).map((record) => ({ before: undefined, after: { kind: 'governance' as const, record } })),
    ...Object.values(canvas.actionItems).map((record) => ({ before: undefined, after: { kind: 'actionItem' as const, record } })),
  ];
  return { meta: summaryMeta(canvas), counts: countsAfter(emptyCounts(), records) };
}

/** The library's progress figures, the same as `canvasProgress` gives for the whole canvas. */
export function summaryProgress({ counts }: SummaryRecord): CanvasProgress {
  const perStep = STEP_IDS.map((step) => counts.cardsByStep[step]);
  return {
    stepsWithContent: perStep.filter((count) => count > 0).length,
    stepCount: STEP_IDS.length,
    checksDiscussed: counts.checksDiscussed,
    checkCount: counts.checks,
    governanceDiscussed: counts.governanceDiscussed,
    governanceCount: counts.governance,
    openConcerns: counts.openConcerns,
    cardCount: perStep.reduce((sum, count) => sum + count, 0) + counts.parked,
    parkedCount: counts.parked,
    openActionItems: counts.openActionItems,
  };
}

/** Whether a stored summary still says what the canvas holds (a summary is repaired when it does not). */
export function summaryMatches(summary: SummaryRecord, canvas: Canvas): boolean {
  const fresh = summaryOf(canvas);
  return (
    (Object.keys(fresh.meta) as (keyof SummaryRecord['meta'])[]).every((key) => summary.meta[key] === fresh.meta[key]) &&
    STEP_IDS.every((step) => summary.counts.cardsByStep[step] === fresh.counts.cardsByStep[step]) &&
    (['parked', 'checks', 'checksDiscussed', 'governance', 'governanceDiscussed', 'openConcerns', 'openActionItems'] as const).every(
      (count) => summary.counts[count] === fresh.counts[count],
    )
  );
}
