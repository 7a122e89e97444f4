/**
 * The "before this goes live" governance checks (issue 10 §2) as the model
 * keys them: their ids (records are keyed `governance:<id>`), the step each
 * belongs to, and the short name used as its label in files. The content
 * (question, why it matters, the legal reference) is in governance.ts, the
 * one list both read from. An id never changes once shipped: saved records
 * and files carry it.
 */
import { GOVERNANCE_CHECKS, type GovernanceId, type GovernanceStep, isGovernanceId } from './governance';
import type { StepId } from './model';

export { type GovernanceId, type GovernanceStep, isGovernanceId };

/** Every governance check's id, in the set order (a tuple, as the validators need). */
export const GOVERNANCE_IDS = GOVERNANCE_CHECKS.map((check) => check.id) as unknown as readonly [GovernanceId, ...GovernanceId[]];

/** Each check's step and its short name (the label in tables and files). */
export const GOVERNANCE_ITEMS = Object.fromEntries(
  GOVERNANCE_CHECKS.map((check) => [check.id, { step: check.step, name: check.title }]),
) as Record<GovernanceId, { step: GovernanceStep; name: string }>;

/** The governance checks under a step, in their set order (none for Outcome and Action). */
export function governanceIdsForStep(step: StepId): GovernanceId[] {
  return GOVERNANCE_IDS.filter((id) => GOVERNANCE_ITEMS[id].step === step);
}
