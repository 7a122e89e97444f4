/**
 * The ids of the "before this goes live" governance checks (issue 10 §2),
 * the step each belongs to, and a short name used as the label in files,
 * mirroring the content in governance.ts (questions, why it matters);
 * these ids are the keys saved records and files use, so never rename one
 * without an upgrade of stored records and of files (importers accept the
 * old id).
 */
import type { StepId } from './model';

export const GOVERNANCE_IDS = [
  'lawful-basis',
  'special-category',
  'dpia-screening',
  'data-minimisation',
  'accuracy',
  'new-purpose',
  'retention',
  'automated-decisions',
  'dpia-done',
  'equality-impact',
  'sharing-agreement',
  'individual-rights',
  'privacy-information',
  'senior-owner',
  'dpo-involved',
  'review-date',
  'stop-conditions',
] as const;
export type GovernanceId = (typeof GOVERNANCE_IDS)[number];

/** Governance checks sit under these two steps only. */
export type GovernanceStep = Extract<StepId, 'insight' | 'enablers'>;
export const GOVERNANCE_STEPS: readonly GovernanceStep[] = ['insight', 'enablers'];

/** Each check's step and its short name (the label in tables and files). */
export const GOVERNANCE_ITEMS: Record<GovernanceId, { step: GovernanceStep; name: string }> = {
  'lawful-basis': { step: 'insight', name: 'Lawful basis' },
  'special-category': { step: 'insight', name: 'Special category and criminal offence data' },
  'dpia-screening': { step: 'insight', name: 'DPIA screening' },
  'data-minimisation': { step: 'insight', name: 'Data minimisation' },
  accuracy: { step: 'insight', name: 'Accuracy' },
  'new-purpose': { step: 'insight', name: 'Reuse for a new purpose' },
  retention: { step: 'insight', name: 'Retention and deletion' },
  'automated-decisions': { step: 'insight', name: 'Automated decisions and human review' },
  'dpia-done': { step: 'enablers', name: 'DPIA done' },
  'equality-impact': { step: 'enablers', name: 'Equality impact' },
  'sharing-agreement': { step: 'enablers', name: 'Data-sharing agreement' },
  'individual-rights': { step: 'enablers', name: 'People’s rights' },
  'privacy-information': { step: 'enablers', name: 'Telling people' },
  'senior-owner': { step: 'enablers', name: 'Senior accountable owner' },
  'dpo-involved': { step: 'enablers', name: 'Data protection officer' },
  'review-date': { step: 'enablers', name: 'Review date' },
  'stop-conditions': { step: 'enablers', name: 'When to stop' },
};

export function isGovernanceId(value: unknown): value is GovernanceId {
  return typeof value === 'string' && (GOVERNANCE_IDS as readonly string[]).includes(value);
}

/** The governance checks under a step, in their set order. */
export function governanceIdsForStep(step: StepId): GovernanceId[] {
  return GOVERNANCE_IDS.filter((id) => GOVERNANCE_ITEMS[id].step === step);
}
