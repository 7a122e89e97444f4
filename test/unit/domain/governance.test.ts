// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { GOVERNANCE_CHECKS, GOVERNANCE_IDS, governanceChecksFor, isGovernanceId } from '../../../src/domain/governance';

const byId = (id: string) => {
  const check = GOVERNANCE_CHECKS.find((candidate) => candidate.id === id);
  if (!check) throw new Error(`no governance check "${id}"`);
  return check;
};

describe('governance checks: before this goes live', () => {
  it('keeps its ids: saved statuses and notes are keyed governance:<id>', () => {
    // Changing or removing an id orphans every saved record for it; add new ids at the end instead.
    expect(GOVERNANCE_IDS).toEqual([
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
    ]);
  });

  it('has unique ids that are safe in a record key and a Markdown comment', () => {
    expect(new Set(GOVERNANCE_IDS).size).toBe(GOVERNANCE_IDS.length);
    for (const id of GOVERNANCE_IDS) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(isGovernanceId('lawful-basis')).toBe(true);
    expect(isGovernanceId('trust')).toBe(false);
    expect(isGovernanceId(undefined)).toBe(false);
  });

  it('ties each check to Insight (the data) or Enablers (what must be in place), Insight first', () => {
    const insight = governanceChecksFor('insight').map((check) => check.id);
    const enablers = governanceChecksFor('enablers').map((check) => check.id);
    expect(insight.length + enablers.length).toBe(GOVERNANCE_CHECKS.length);
    expect(insight).toContain('lawful-basis');
    expect(insight).toContain('automated-decisions');
    expect(enablers).toContain('senior-owner');
    expect(enablers).toContain('stop-conditions');
    expect(GOVERNANCE_IDS.slice(0, insight.length)).toEqual(insight);
  });

  it.each(GOVERNANCE_CHECKS.map((check) => [check.id, check] as const))(
    '%s asks one plain question and carries its legal reference in why it matters',
    (_id, check) => {
      expect(check.title.trim()).not.toBe('');
      // One question: a single question mark, at the end.
      expect(check.question.trim()).toMatch(/^[^?]+\?$/);
      expect(check.question.split(/\s+/).length, 'short enough to read out').toBeLessThanOrEqual(25);
      expect(check.whyItMatters).toContain(check.reference);
      expect(check.whyItMatters).toMatch(/UK GDPR|Data Protection Act 2018|Equality Act 2010/);
      for (const sentence of check.whyItMatters.split(/(?<=\.)\s+(?=[A-Z])/)) {
        expect(sentence.split(/\s+/).length, `plain English: "${sentence}"`).toBeLessThanOrEqual(50);
      }
    },
  );

  it('covers every question issue 10 names, each with its legal reference', () => {
    expect(byId('lawful-basis').whyItMatters).toMatch(/article 6\b/);
    expect(byId('special-category').whyItMatters).toMatch(/article 9\b/);
    expect(byId('special-category').whyItMatters).toMatch(/article 10\b/);
    expect(byId('dpia-screening').whyItMatters).toMatch(/ICO’s screening list/);
    expect(byId('dpia-screening').whyItMatters).toMatch(/article 35\b/);
    expect(byId('dpia-done').question).toMatch(/finished before/);
    expect(byId('equality-impact').whyItMatters).toMatch(/public sector equality duty \(Equality Act 2010, section 149\)/);
    expect(byId('data-minimisation').whyItMatters).toMatch(/article 5\(1\)\(c\)/);
    expect(byId('retention').question).toMatch(/deleted/);
    expect(byId('new-purpose').whyItMatters).toMatch(/article 6\(4\)/);
    expect(byId('automated-decisions').whyItMatters).toMatch(/article 22\b/);
    expect(byId('individual-rights').whyItMatters).toMatch(/articles 15, 16 and 21\b/);
    expect(byId('privacy-information').whyItMatters).toMatch(/articles 13 and 14/);
    expect(byId('sharing-agreement').question).toMatch(/data-sharing agreement/);
    expect(byId('senior-owner').question).toMatch(/named senior person/);
    expect(byId('dpo-involved').whyItMatters).toMatch(/article 37\b/);
    expect(byId('review-date').question).toMatch(/date to review/);
    expect(byId('stop-conditions').question).toMatch(/pause or stop/);
  });

  it('keeps the legal basis apart from ethical consent', () => {
    const lawful = byId('lawful-basis');
    expect(lawful.question).not.toMatch(/consent|agree/i);
    expect(lawful.whyItMatters).toMatch(/Consent is rarely a suitable basis for a public body/);
    expect(lawful.whyItMatters).toMatch(/Consent ethics check \(do people agree\?\) does not answer/);
  });
});
