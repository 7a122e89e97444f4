/**
 * What changed between two versions of a canvas, record by record. Domain
 * operations never mutate, so an unchanged record is the same object in both
 * versions and a reference check is enough: a one-card edit writes one card.
 */
import type { Canvas, CanvasMeta, Card, EthicsCheck } from './model';

export interface CanvasChanges {
  meta: CanvasMeta | null;
  cards: Card[];
  /** Cards present before but gone now: only an undone "add" does this. */
  removedCardIds: string[];
  checks: EthicsCheck[];
}

export function metaOf(canvas: Canvas): CanvasMeta {
  const { id, title, description, facilitation, createdAt, updatedAt, deletedAt } = canvas;
  return { id, title, description, facilitation, createdAt, updatedAt, deletedAt };
}

function metaChanged(before: Canvas, after: Canvas): boolean {
  return (
    before.title !== after.title ||
    before.description !== after.description ||
    before.facilitation !== after.facilitation ||
    before.updatedAt !== after.updatedAt ||
    before.deletedAt !== after.deletedAt ||
    before.createdAt !== after.createdAt
  );
}

export function diffCanvas(before: Canvas | null, after: Canvas): CanvasChanges {
  if (!before || before.id !== after.id) {
    return { meta: metaOf(after), cards: Object.values(after.cards), removedCardIds: [], checks: Object.values(after.checks) };
  }
  const cards = Object.values(after.cards).filter((card) => before.cards[card.id] !== card);
  const removedCardIds = Object.keys(before.cards).filter((id) => !(id in after.cards));
  const checks = Object.values(after.checks).filter((check) => before.checks[`${check.step}:${check.lens}`] !== check);
  return { meta: metaChanged(before, after) ? metaOf(after) : null, cards, removedCardIds, checks };
}

export function isEmptyChange(changes: CanvasChanges): boolean {
  return !changes.meta && changes.cards.length === 0 && changes.removedCardIds.length === 0 && changes.checks.length === 0;
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
