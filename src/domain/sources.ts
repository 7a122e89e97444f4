/**
 * The two documents the app's guidance rests on, and what the Sources panel
 * says about them. Copies of both are kept in docs/sources/, and the tests
 * check every quotation and claim against them (see evidence.ts).
 */

export const SOURCE_IDS = ['loti', 'edwards2023'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export interface SourceReference {
  id: SourceId;
  /** How the app cites it after a claim or quotation, without brackets. */
  cite: string;
  /** A shorter citation, for a quoted prompt under a step that already cites the source in full. */
  shortCite: string;
  title: string;
  /** The full reference, as a reading list would give it. */
  reference: string;
  /** A persistent link, where the source has one. */
  doi?: string;
  /** What the document is, in the app's words. */
  about: string;
  /** The copy in docs/sources/. */
  file: string;
}

export const SOURCES: Record<SourceId, SourceReference> = {
  loti: {
    id: 'loti',
    cite: 'LOTI, "A Caveat on Data"',
    shortCite: 'LOTI',
    title: 'A Caveat on Data',
    reference:
      'London Office of Technology & Innovation (LOTI), "A Caveat on Data", slides. The title slide names Jay Saggar, Data Projects Manager. Undated.',
    about:
      'Slides that set out the outcome-first method this app follows (Outcome, Action, Insight, Enablers), with a worked example on tackling racial inequality and four closing lessons.',
    file: 'loti-a-caveat-on-data-slides.txt',
  },
  edwards2023: {
    id: 'edwards2023',
    cite: 'Edwards et al., 2023',
    shortCite: 'Edwards et al., 2023',
    title: 'Parents’ views on administrative data linkage and analytics',
    reference:
      'Edwards, R., Gillies, V., Gorin, S. and Ducasse, H. V. (2023) "Parents’ views on administrative data linkage and analytics". Policy brief. University of Southampton.',
    doi: '10.5258/SOTON/PP0055',
    about:
      'A policy brief from the research project “Parental social licence for data linkage for service intervention”, on how far parents trust, and see as legitimate, the linking and analysis of administrative data about families. Its figures come from a UK-wide representative survey of parents; it also draws on focus groups with parents and interviews with family service users.',
    file: 'parents-views-on-data-linkage-policy-brief.txt',
  },
};

export interface Acronym {
  short: string;
  long: string;
  /** Where the long form comes from: the source itself, or the app's own reading. */
  note: string;
}

/** Abbreviations in the sources, spelled out, saying honestly where the source does not. */
export const SOURCE_ACRONYMS: readonly Acronym[] = [
  { short: 'LOTI', long: 'London Office of Technology & Innovation', note: 'Spelled out on the slides.' },
  {
    short: 'CELC',
    long: 'Chief Executives’ London Committee',
    note: 'Not spelled out on the slides. In London local government CELC usually means the Chief Executives’ London Committee, which set up a working group to lead London local government’s work on tackling racial inequality. That reading is ours, not LOTI’s.',
  },
  {
    short: 'BAME',
    long: 'Black, Asian and minority ethnic',
    note: 'Not spelled out on the slides; the usual meaning. The Tackling Racial Inequality template asks teams to name specific groups instead.',
  },
  { short: 'CJS', long: 'criminal justice system', note: 'Not spelled out on the slides; our reading.' },
  {
    short: 'ASC',
    long: 'adult social care',
    note: 'Not spelled out on the slides; our reading, from the care home residents the project names.',
  },
  { short: 'PHE', long: 'Public Health England', note: 'Not spelled out on the slides; our reading.' },
  { short: 'C19', long: 'Covid-19', note: 'Not spelled out on the slides; our reading.' },
  { short: 'LDN', long: 'London', note: 'Part of the name Thrive LDN; the slides give only the name.' },
];

/** Abbreviations the app itself uses, in the governance checks and guidance. */
export const APP_ACRONYMS: readonly Acronym[] = [
  { short: 'DPIA', long: 'data protection impact assessment', note: 'UK GDPR article 35.' },
  { short: 'DPO', long: 'data protection officer', note: 'UK GDPR articles 37 to 39.' },
  { short: 'ICO', long: 'Information Commissioner’s Office', note: 'The UK regulator for data protection.' },
  { short: 'UK GDPR', long: 'the UK General Data Protection Regulation', note: 'Read with the Data Protection Act 2018.' },
  { short: 'PSED', long: 'public sector equality duty', note: 'Equality Act 2010, section 149.' },
];

/** What in the app is written for it, as the Sources panel says. */
export const WHAT_IS_OURS =
  'Written for this app: the step summaries and prompts, apart from the questions quoted from LOTI; each ethics check’s question and “why it matters” line; the governance checks; and the facilitator notes and example cards in the templates. Lines headed “From the sources” say what a source found, in our words or in short quotations, with the source named. Each is listed below with the exact sentence it rests on.';
