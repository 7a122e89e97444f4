import { LOTI_EVIDENCE } from './lotiEvidence';
import type { SourceId } from './sources';

/**
 * The evidence table: every figure, finding, recommendation and quotation the
 * app attributes to a source, with the exact words of the source it rests on.
 *
 * - `quote` is copied from the source as it stands in docs/sources/ (typing
 *   slips included); only line breaks and runs of spaces may differ.
 * - `says` lists each way the app words it, exactly as it appears in the app
 *   (guidance, templates, the Sources panel), without the bracketed citation
 *   that follows it. The ethics checks show `says[0]`.
 *
 * test/unit/domain/evidence.test.ts holds the app to this table: each quote is
 * in its source; each wording appears in the app; every figure in a wording is
 * in its quote; and every sentence of the app that names a source, quotes one or
 * gives a percentage is one of these wordings.
 */
export interface Evidence {
  source: SourceId;
  quote: string;
  says: readonly string[];
}

export const EVIDENCE = {
  // ---- Edwards, Gillies, Gorin and Ducasse (2023), the policy brief ---------------------------
  methods: {
    source: 'edwards2023',
    quote:
      'We have commissioned a UK wide representative survey of parents, conducted focus group discussions with subgroups of parents and have interviewed family service users.',
    says: [
      'Its figures come from a UK-wide representative survey of parents; it also draws on focus groups with parents and interviews with family service users.',
      'a UK-wide representative survey of parents, focus groups with parents and interviews with family service users',
    ],
  },
  'brief-title': {
    source: 'edwards2023',
    quote:
      'Edwards R., Gillies V., Gorin S., Ducasse H V. (2023) Parents views on administrative data linkage and analytics, Policy Brief, University of Southampton',
    says: [
      'Edwards, Gillies, Gorin and Ducasse (2023), "Parents\' views on administrative data linkage and analytics", policy brief, University of Southampton',
    ],
  },
  project: {
    source: 'edwards2023',
    quote:
      'The Parental social licence for data linkage for service intervention research project is providing a comprehensive understanding of the social legitimacy of and trust in operational data linkage and analytics as a basis for intervention in family lives.',
    says: [
      'A policy brief from the research project “Parental social licence for data linkage for service intervention”, on how far parents trust, and see as legitimate, the linking and analysis of administrative data about families.',
    ],
  },
  'not-enough-information': {
    source: 'edwards2023',
    quote: 'Most do not feel they have enough information about administrative data processes to properly assess their legitimacy',
    says: ['Most parents feel they lack the information they would need to judge whether administrative data processes are legitimate'],
  },
  'dont-understand-82': {
    source: 'edwards2023',
    quote: 'Our survey shows that parents do not feel they know or understand how their records are being used (82%).',
    says: ['82% of parents do not feel they “know or understand” how their records are used'],
  },
  'know-72-53': {
    source: 'edwards2023',
    quote:
      'Most parents know that administrative records are collected and digitally stored about them (72%), but only just over half know that digital administrative records from different sources can be linked together to find out more about individual families (53%).',
    says: [
      '72% of parents know that administrative records about them are collected and stored digitally, but only 53% know that records from different sources can be linked to find out more about a family',
    ],
  },
  'publicise-81': {
    source: 'edwards2023',
    quote: "There is overwhelming agreement that Government should publicise how they link and use families' data (81%).",
    says: ['81% of parents agree that government should make public how it links and uses families’ data'],
  },
  'permission-60-66': {
    source: 'edwards2023',
    quote:
      'There is also strong view that parents need to be asked permission for administrative records about their family to be shared and linked together, at 60% overall and 66% among parents from marginalised groups.',
    says: [
      '60% of parents overall, and 66% of parents from marginalised groups, think parents should be asked before records about their family are shared and linked',
    ],
  },
  'trust-half': {
    source: 'edwards2023',
    quote: 'Only around half of parents overall trust Government and services to share administrative records.',
    says: ['Only around half of parents overall say they trust government and services to share their administrative records'],
  },
  'commercial-55': {
    source: 'edwards2023',
    quote:
      'A majority of parents were against the sharing of data with the commercial sector, at 55%, and rising to >60% among parents from marginalised groups.',
    says: [
      '55% of parents were against sharing data with the commercial sector, rising to over 60% among parents from marginalised groups',
    ],
  },
  'binding-regulation': {
    source: 'edwards2023',
    quote: 'Trust is dependent on there being strong and binding levels of regulation and safeguarding in place.',
    says: ['The brief finds that trust depends on strong, binding regulation and safeguards being in place'],
  },
  fragile: {
    source: 'edwards2023',
    quote: 'Trust in the linking and analysing of administrative data among marginalised population groups is precariously fragile.',
    says: ['The brief finds trust in linking and analysing administrative data to be “precariously fragile” among marginalised groups'],
  },
  'prevented-services': {
    source: 'edwards2023',
    quote: 'Concerns over potential data sharing has prevented some parents from using services.',
    says: ['Worry about data sharing has kept some parents from using services'],
  },
  'distrust-groups': {
    source: 'edwards2023',
    quote:
      'There is a particularly worrying level of distrust towards government and public services among social groups with protected characteristics, such as Black parents, and those on low incomes, young parents, and large families.',
    says: [
      'The brief found a “particularly worrying” level of distrust of government and public services among groups such as Black parents, young parents, parents on low incomes and large families',
    ],
  },
  'black-28': {
    source: 'edwards2023',
    quote: 'Only 28% of Black parents had trust in the linking of police and criminal justice data.',
    says: ['Only 28% of Black parents “had trust in the linking of police and criminal justice data”'],
  },
  'avoid-35-15': {
    source: 'edwards2023',
    quote:
      'More broadly, a minority of all surveyed parents were sure that they would not avoid a service that linked data (just 35%) and even fewer (15%) were sure that other families would not avoid services for this reason.',
    says: [
      'Just 35% of parents surveyed were sure they would not stay away from a service that linked data, and only 15% were sure other families would not',
    ],
  },
  'avoided-help': {
    source: 'edwards2023',
    quote:
      'Interviews with family service users confirmed this, with several parents admitting that they had avoided seeking help because they did not want a digital record to be linked and shared.',
    says: [
      'In interviews, several family service users said they had avoided asking for help so that no digital record of them would be linked and shared',
    ],
  },
  'prediction-scepticism': {
    source: 'edwards2023',
    quote: 'Focus groups and individual interviews revealed a broad scepticism about the predictive capacity of algorithms.',
    says: ['Parents in the focus groups and interviews were broadly sceptical about how well algorithms can predict'],
  },
  'past-predicts-future': {
    source: 'edwards2023',
    quote:
      'Few parents believed that past actions could or should be used to predict future behaviour and many expressed alarm at the prospect.',
    says: [
      'Few parents thought that what people did in the past could or should be used to predict what they will do, and many were alarmed at the idea',
      'Few parents thought that what people did in the past could or should be used to predict what they will do',
    ],
  },
  errors: {
    source: 'edwards2023',
    quote:
      'A high proportion had encountered administrative data errors themselves, and in many cases had struggled to get them corrected.',
    says: [
      'A high proportion of parents had found errors in their own administrative records and, “in many cases”, had struggled to have them put right',
    ],
  },
  'early-help-principle': {
    source: 'edwards2023',
    quote:
      'Some parents in the focus groups and individual interviews supported the principle of using data linkage and analytics to direct early help to families, but they were concerned that without extra resourcing, this could do more harm than good.',
    says: [
      'Some parents in the focus groups and interviews supported the principle of using linked data to direct early help to families, but feared that without extra resourcing it “could do more harm than good”',
      'Some parents feared that without extra resourcing it “could do more harm than good”',
    ],
  },
  'real-motive': {
    source: 'edwards2023',
    quote:
      'Service users in particular expressed doubt as to whether data practices would lead to earlier and more effective family intervention, with some questioning whether this was the real motive',
    says: [
      'Family service users especially doubted that data practices would bring earlier, more effective intervention in families, and some asked whether that was the real motive',
      'Some family service users also asked whether earlier help was the real motive',
    ],
  },
  'support-needs-resourcing': {
    source: 'edwards2023',
    quote:
      'Parental support for the linking and analysis of administrative data to identify families in need of support was dependent on the availability and proper resourcing of services.',
    says: ['Parents’ support for using linked data to find families in need depended on services being available and properly resourced'],
  },
  recommendations: {
    source: 'edwards2023',
    quote: 'RECOMMENDATIONS for Government and public services data handlers',
    says: ['The green cards are the brief’s recommendations to government and to public services that handle data, in our words'],
  },
  'rec-consent': {
    source: 'edwards2023',
    quote:
      'Seek explicit and properly informed parental consent to link data at regular intervals by providing clear and personalised report. This should include details of how and for what length of time family data will be stored and information on which organisations might use it and for what purpose. Consider using different levels of consent to enact this.',
    says: [
      'Ask parents for explicit, properly informed consent to link their data, and ask again at regular intervals, with a clear report for each family: how and for how long its data is stored, which organisations might use it and why. Consider different levels of consent',
    ],
  },
  'rec-view-and-correct': {
    source: 'edwards2023',
    quote:
      'Provide a straightforward and enforceable right to view all personal data held in online in local authority databases, data warehouses and lakes. Provide robust systems that allow parents to report data errors and ensure these are quickly investigated and corrected.',
    says: [
      'A straightforward, enforceable right for parents to see all the personal data about them in council databases, data warehouses and lakes, and robust ways to report errors and have them quickly investigated and corrected',
    ],
  },
  'rec-opt-out': {
    source: 'edwards2023',
    quote:
      'Operate a straightforward and enforceable right to opt out of data sharing, except where information has a clear relevance to child protection concerns.',
    says: [
      'The brief recommends an enforceable, straightforward right to opt out of data sharing, unless the information is clearly relevant to child protection concerns',
      'An enforceable, straightforward right to opt out of data sharing, unless the information is clearly relevant to child protection concerns',
    ],
  },
  'rec-commercial': {
    source: 'edwards2023',
    quote:
      'Where commercial companies have been contracted as data handlers or analysts of family data, make details about the work and its objectives publicly available alongside a rigorous data risk assessment.',
    says: [
      'Where a company is contracted to handle or analyse family data, the brief recommends publishing what the work is and what it is for, with a rigorous data risk assessment',
      'If a commercial company is contracted to handle or analyse family data, publish what the work is and what it is for, with a rigorous data risk assessment',
    ],
  },
  'rec-registers': {
    source: 'edwards2023',
    quote: 'Data algorithm registers, used in EU cities like Amsterdam, Helsinki and Barcelona can be introduced to promote transparency',
    says: [
      'The brief points to algorithm registers, as used in Amsterdam, Helsinki and Barcelona, as a way to promote transparency',
      'A public algorithm register, like those used in Amsterdam, Helsinki and Barcelona, to make the work more transparent',
    ],
  },
  'rec-assessments': {
    source: 'edwards2023',
    quote: 'Publish regular independent assessments of the accuracy and utility of predictive models.',
    says: [
      'The brief recommends publishing regular independent assessments of how accurate and how useful predictive models are',
      'Publish regular independent assessments of how accurate and how useful any predictive model is',
    ],
  },

  // ---- LOTI, "A Caveat on Data": in lotiEvidence.ts ---------------------------------------------
  ...LOTI_EVIDENCE,
} as const satisfies Record<string, Evidence>;

export type EvidenceId = keyof typeof EVIDENCE;

export const EVIDENCE_IDS = Object.keys(EVIDENCE) as EvidenceId[];

/** What the app says for this evidence, as the ethics checks show it. */
export function claimOf(id: EvidenceId): string {
  return EVIDENCE[id].says[0];
}
