/**
 * What changed between two versions of a canvas, record by record. Domain
 * operations never mutate, so an unchanged record is the same object in both
 * versions and a reference check is enough: a one-card edit writes one card.
 */
import type { IdMap } from './idMap';
import type { ActionItem, Canvas, CanvasMeta, Card, Dataset, EthicsCheck, GovernanceCheck } from './model';

export interface CanvasChanges {
  meta: CanvasMeta | null;
  cards: Card[];
  /** Cards present before but gone now: only an undone "add" does this. */
  removedCardIds: string[];
  checks: EthicsCheck[];
  governance: GovernanceCheck[];
  actionItems: ActionItem[];
  /** Action items gone altogether (an undone "add"). */
  removedActionItemIds: string[];
  datasets: Dataset[];
  removedDatasetIds: string[];
}

/** The canvas record itself, without its collections. */
export function metaOf(canvas: Canvas): CanvasMeta {
  const { id, title, description, facilitation, workshop, timer, votesPerPerson, privacyDismissed, createdAt, updatedAt, deletedAt } =
    canvas;
  return { id, title, description, facilitation, workshop, timer, votesPerPerson, privacyDismissed, createdAt, updatedAt, deletedAt };
}

const META_KEYS = Object.keys(metaOf({} as Canvas)) as (keyof CanvasMeta)[];

function metaChanged(before: Canvas, after: Canvas): boolean {
  return META_KEYS.some((key) => before[key] !== after[key]);
}

// The autosave diffs on every keystroke, over hundreds of cards: a collection the edit did not touch is
// the same map, and the others are gone through without copying them into arrays first.
function changedIn<T>(before: IdMap<T>, after: IdMap<T>, idOf: (record: T) => string): T[] {
  const changed: T[] = [];
  if (before === after) return changed;
  for (const key in after) {
    const record = after[key]!;
    if (before[idOf(record)] !== record) changed.push(record);
  }
  return changed;
}
function goneFrom(before: IdMap<unknown>, after: IdMap<unknown>): string[] {
  const gone: string[] = [];
  if (before === after) return gone;
  for (const id in before) if (!Object.hasOwn(after, id)) gone.push(id);
  return gone;
}
const byId = (record: { id: string }) => record.id;

export function diffCanvas(before: Canvas | null, after: Canvas): CanvasChanges {
  if (!before || before.id !== after.id) {
    return {
      meta: metaOf(after),
      cards: Object.values(after.cards),
      removedCardIds: [],
      checks: Object.values(after.checks),
      governance: Object.values(after.governance),
      actionItems: Object.values(after.actionItems),
      removedActionItemIds: [],
      datasets: Object.values(after.datasets),
      removedDatasetIds: [],
    };
  }
  return {
    meta: metaChanged(before, after) ? metaOf(after) : null,
    cards: changedIn(before.cards, after.cards, byId),
    removedCardIds: goneFrom(before.cards, after.cards),
    checks: changedIn(before.checks, after.checks, (check) => `${check.step}:${check.lens}`),
    governance: changedIn(before.governance, after.governance, byId),
    actionItems: changedIn(before.actionItems, after.actionItems, byId),
    removedActionItemIds: goneFrom(before.actionItems, after.actionItems),
    datasets: changedIn(before.datasets, after.datasets, byId),
    removedDatasetIds: goneFrom(before.datasets, after.datasets),
  };
}

export function isEmptyChange(changes: CanvasChanges): boolean {
  return (
    !changes.meta &&
    changes.cards.length === 0 &&
    changes.removedCardIds.length === 0 &&
    changes.checks.length === 0 &&
    changes.governance.length === 0 &&
    changes.actionItems.length === 0 &&
    changes.removedActionItemIds.length === 0 &&
    changes.datasets.length === 0 &&
    changes.removedDatasetIds.length === 0
  );
}

const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether a stored record holds what the app expects, field by field (the
 * fields the app knows; storage may add its own, such as the record version).
 * Both absent counts as the same.
 */
export function sameContent(stored: object | undefined, expected: object | undefined): boolean {
  if (!stored || !expected) return stored === expected;
  const record = stored as Record<string, unknown>;
  return Object.entries(expected).every(([key, value]) => sameValue(record[key], value));
}
