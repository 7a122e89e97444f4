/**
 * Builds a canvas from its records as storage and backups hold them (one
 * meta record, lists of cards, checks, governance checks, action items and
 * data sets). Maps are made with no prototype, so any id is safe; checks
 * never written read as "not yet discussed"; governance checks whose id the
 * app no longer knows are left out.
 */
import { isGovernanceId } from './governanceKeys';
import { idMap } from './idMap';
import {
  type ActionItem,
  type Canvas,
  type CanvasMeta,
  type Card,
  type Dataset,
  type EthicsCheck,
  type GovernanceCheck,
  checkKey,
  emptyChecks,
  emptyGovernance,
} from './model';

export interface CanvasParts {
  cards: readonly Card[];
  checks: readonly EthicsCheck[];
  governance?: readonly GovernanceCheck[];
  actionItems?: readonly ActionItem[];
  datasets?: readonly Dataset[];
}

export function assembleCanvas(meta: CanvasMeta, parts: CanvasParts): Canvas {
  const checks = emptyChecks(meta.createdAt);
  for (const check of parts.checks) checks[checkKey(check.step, check.lens)] = check;
  const governance = emptyGovernance(meta.createdAt);
  for (const check of parts.governance ?? []) if (isGovernanceId(check.id)) governance[check.id] = check;
  return {
    ...meta,
    cards: idMap(parts.cards),
    checks,
    governance,
    actionItems: idMap(parts.actionItems ?? []),
    datasets: idMap(parts.datasets ?? []),
  };
}

/** The records of a canvas as lists, as storage and backups hold them. */
export function partsOf(canvas: Canvas): Required<CanvasParts> {
  return {
    cards: Object.values(canvas.cards),
    checks: Object.values(canvas.checks),
    governance: Object.values(canvas.governance),
    actionItems: Object.values(canvas.actionItems),
    datasets: Object.values(canvas.datasets),
  };
}

interface Parser<T> {
  safeParse(value: unknown): { success: boolean; data?: T };
}

const valuesOf = (value: unknown): unknown[] => (value && typeof value === 'object' ? Object.values(value) : []);

function validIn<T>(value: unknown, schema: Parser<T>): T[] {
  const valid: T[] = [];
  for (const item of valuesOf(value)) {
    const parsed = schema.safeParse(item);
    if (parsed.success) valid.push(parsed.data as T);
  }
  return valid;
}

/**
 * A whole canvas object as it was kept in memory form (a version-history
 * snapshot), read back through the validators: fields it was saved without
 * take their defaults, records that fail are left out, and every map is
 * rebuilt with no prototype (structured cloning gives plain objects back).
 * Null when its own fields cannot be read.
 */
export function readStoredCanvas(
  value: unknown,
  schemas: {
    meta: Parser<CanvasMeta>;
    card: Parser<Card>;
    check: Parser<EthicsCheck>;
    governance: Parser<GovernanceCheck>;
    actionItem: Parser<ActionItem>;
    dataset: Parser<Dataset>;
  },
): Canvas | null {
  const meta = schemas.meta.safeParse(value);
  if (!meta.success || !meta.data) return null;
  const record = value as Record<string, unknown>;
  return assembleCanvas(meta.data, {
    cards: validIn(record.cards, schemas.card),
    checks: validIn(record.checks, schemas.check),
    governance: validIn(record.governance, schemas.governance),
    actionItems: validIn(record.actionItems, schemas.actionItem),
    datasets: validIn(record.datasets, schemas.dataset),
  });
}
