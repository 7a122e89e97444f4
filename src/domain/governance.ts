/**
 * "Before this goes live": the legal and governance questions a council must
 * answer before a data project runs (issue 10 §2). Content only: the records
 * that hold each check's status and notes are keyed `governance:<id>`, so an
 * `id` here must never change once shipped.
 *
 * These are separate from the five ethics lenses on purpose. The Consent lens
 * asks whether people agree; the lawful basis is a legal question, and public
 * bodies rarely rest it on consent.
 *
 * Written for this app from UK GDPR, the Data Protection Act 2018, the Equality
 * Act 2010 and ICO guidance; not legal advice. `reference` is the short legal
 * reference, and `whyItMatters` always carries it.
 */

/** The steps the governance checks belong to: the data (Insight) and what must be in place around it (Enablers). */
export const GOVERNANCE_STEPS = ['insight', 'enablers'] as const;
export type GovernanceStep = (typeof GOVERNANCE_STEPS)[number];

export interface GovernanceCheck {
  /** Stable: the saved record is keyed `governance:<id>`. */
  id: string;
  step: GovernanceStep;
  /** A short label for tables, exports and the concerns list. */
  title: string;
  /** One plain-English question a room can answer with one status. */
  question: string;
  /** Why it matters, with the legal reference in it. */
  whyItMatters: string;
  /** The main legal reference, as it appears in `whyItMatters`. */
  reference: string;
}

export const GOVERNANCE_CHECKS = [
  // Insight: the data itself and how it is used.
  {
    id: 'lawful-basis',
    step: 'insight',
    title: 'Lawful basis',
    question: 'Have we named the lawful basis for each use of personal data in this work?',
    whyItMatters:
      'Every use of personal data needs a lawful basis under UK GDPR article 6. Councils usually rely on a public task or a legal obligation. Consent is rarely a suitable basis for a public body, so the Consent ethics check (do people agree?) does not answer this question.',
    reference: 'UK GDPR article 6',
  },
  {
    id: 'special-category',
    step: 'insight',
    title: 'Special category and criminal offence data',
    question: 'If the data includes special category or criminal offence data, have we identified the extra condition that allows its use?',
    whyItMatters:
      'Data about racial or ethnic origin, health, religion, sexual orientation and the other special categories (UK GDPR article 9), and data about criminal offences (article 10), need an extra condition as well as a lawful basis, usually one in Schedule 1 of the Data Protection Act 2018.',
    reference: 'UK GDPR article 9',
  },
  {
    id: 'dpia-screening',
    step: 'insight',
    title: 'DPIA screening',
    question: 'Have we checked this work against the ICO’s list of processing that needs a data protection impact assessment (DPIA)?',
    whyItMatters:
      'A DPIA is required before any processing likely to result in a high risk to people (UK GDPR article 35). The ICO’s screening list includes matching or combining data sets, data about vulnerable people such as children, innovative technology, systematic monitoring and decisions about access to a service.',
    reference: 'UK GDPR article 35',
  },
  {
    id: 'data-minimisation',
    step: 'insight',
    title: 'Data minimisation',
    question: 'Does the screen use only the personal data that the action needs?',
    whyItMatters:
      'Under UK GDPR article 5(1)(c), personal data must be adequate, relevant and limited to what is necessary for the purpose. A count or a pattern often does the job of a list of named people.',
    reference: 'UK GDPR article 5(1)(c)',
  },
  {
    id: 'accuracy',
    step: 'insight',
    title: 'Accuracy',
    question: 'Have we checked that the data is accurate and up to date enough for this use?',
    whyItMatters:
      'Under UK GDPR article 5(1)(d), personal data must be accurate and, where necessary, kept up to date, and wrong data corrected or erased without delay. Linking records can copy one error into many places.',
    reference: 'UK GDPR article 5(1)(d)',
  },
  {
    id: 'new-purpose',
    step: 'insight',
    title: 'Reuse for a new purpose',
    question: 'If data collected for one service is reused here, is the new purpose compatible with the one it was collected for?',
    whyItMatters:
      'Under UK GDPR article 5(1)(b) and article 6(4), data collected for one purpose may be reused for another only if the new purpose is compatible, or with consent, or where a clear obligation or function set out in law allows it.',
    reference: 'UK GDPR article 5(1)(b)',
  },
  {
    id: 'retention',
    step: 'insight',
    title: 'Retention and deletion',
    question: 'Have we set how long each data set, including linked and derived data, will be kept before it is deleted?',
    whyItMatters:
      'Under UK GDPR article 5(1)(e), personal data must be kept no longer than the purpose needs. Linked tables, extracts and exports need a deletion date too.',
    reference: 'UK GDPR article 5(1)(e)',
  },
  {
    id: 'automated-decisions',
    step: 'insight',
    title: 'Automated decisions and human review',
    question: 'Will every decision about a person be made by someone who can weigh the full picture, not by the system alone?',
    whyItMatters:
      'UK GDPR article 22 (recast as articles 22A to 22D by the Data (Use and Access) Act 2025) limits decisions based solely on automated processing that have legal or similarly significant effects, and gives people safeguards, including the right to have a person reconsider the decision. A person who only rubber-stamps the output is not a human review.',
    reference: 'UK GDPR article 22',
  },
  // Enablers: what must be in place around the data before it goes live.
  {
    id: 'dpia-done',
    step: 'enablers',
    title: 'DPIA done',
    question: 'If a DPIA is needed, will it be finished before any personal data is used?',
    whyItMatters:
      'The assessment must be done before the processing starts (UK GDPR article 35), with the data protection officer’s advice. If it finds a high risk that cannot be reduced, the ICO must be consulted first (article 36).',
    reference: 'UK GDPR article 35',
  },
  {
    id: 'equality-impact',
    step: 'enablers',
    title: 'Equality impact',
    question: 'Have we assessed how this work could affect people with each protected characteristic?',
    whyItMatters:
      'The public sector equality duty (Equality Act 2010, section 149) requires councils to have due regard to eliminating discrimination, advancing equality of opportunity and fostering good relations. An equality impact assessment is the usual way to show it.',
    reference: 'Equality Act 2010, section 149',
  },
  {
    id: 'sharing-agreement',
    step: 'enablers',
    title: 'Data-sharing agreement',
    question: 'Is there a data-sharing agreement with every organisation the data is shared with?',
    whyItMatters:
      'The ICO’s data sharing code of practice, a statutory code under section 121 of the Data Protection Act 2018, recommends an agreement that sets out the purpose, each party’s role, the lawful basis, what is shared and how long it is kept.',
    reference: 'section 121 of the Data Protection Act 2018',
  },
  {
    id: 'individual-rights',
    step: 'enablers',
    title: 'People’s rights',
    question: 'Is there a working route for people to see, correct and object to their data in this work?',
    whyItMatters:
      'Under UK GDPR articles 15, 16 and 21, people have the right to see their data, to have wrong data corrected and to object to processing based on a public task. Linked and derived data count too, and a council normally has one month to respond.',
    reference: 'UK GDPR articles 15, 16 and 21',
  },
  {
    id: 'privacy-information',
    step: 'enablers',
    title: 'Telling people',
    question: 'Will the people in the data be told, in plain words, that it is used in this work?',
    whyItMatters:
      'Under UK GDPR articles 13 and 14, people must be told who uses their data, for what purpose, on what lawful basis, with whom it is shared and for how long it is kept, including when it came from another organisation. For a new use of data already held, they must be told before it starts.',
    reference: 'UK GDPR articles 13 and 14',
  },
  {
    id: 'senior-owner',
    step: 'enablers',
    title: 'Senior accountable owner',
    question: 'Is a named senior person accountable for this work and its risks?',
    whyItMatters:
      'Under the accountability principle (UK GDPR article 5(2)) and article 24, the council must be able to show that it complies. A named senior owner answers for the risks and decides what happens when a concern is raised.',
    reference: 'UK GDPR article 5(2)',
  },
  {
    id: 'dpo-involved',
    step: 'enablers',
    title: 'Data protection officer',
    question: 'Has the data protection officer advised on this work?',
    whyItMatters:
      'Public authorities must have a data protection officer (UK GDPR article 37), who must be involved properly and in good time in all data protection matters (article 38) and whose advice must be sought on a DPIA (article 35(2)).',
    reference: 'UK GDPR article 37',
  },
  {
    id: 'review-date',
    step: 'enablers',
    title: 'Review date',
    question: 'Have we set a date to review this work against the outcome it is meant to achieve?',
    whyItMatters:
      'UK GDPR article 24 requires the council’s measures to be reviewed and updated where necessary, and article 35(11) requires the DPIA to be reviewed at least when the risk changes. A date in the diary makes the review happen.',
    reference: 'UK GDPR article 24',
  },
  {
    id: 'stop-conditions',
    step: 'enablers',
    title: 'When to stop',
    question: 'Have we agreed what would make us pause or stop this work?',
    whyItMatters:
      'No law sets a stopping point, but fairness (UK GDPR article 5(1)(a)) and the public sector equality duty (Equality Act 2010, section 149) apply for as long as the work runs. Agreeing in advance what would count as harm, such as people avoiding services or errors nobody can fix, lets the team act on it.',
    reference: 'UK GDPR article 5(1)(a)',
  },
] as const satisfies readonly GovernanceCheck[];

export type GovernanceId = (typeof GOVERNANCE_CHECKS)[number]['id'];

export const GOVERNANCE_IDS: readonly GovernanceId[] = GOVERNANCE_CHECKS.map((check) => check.id);

/** The governance checks that belong to one step, in their fixed order. */
export function governanceChecksFor(step: GovernanceStep): readonly GovernanceCheck[] {
  return GOVERNANCE_CHECKS.filter((check) => check.step === step);
}

export function isGovernanceId(value: unknown): value is GovernanceId {
  return typeof value === 'string' && (GOVERNANCE_IDS as readonly string[]).includes(value);
}
