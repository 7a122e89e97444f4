/**
 * The canvas Markdown format: what the exporter writes and the importer
 * reads. Documented for people in docs/canvas-markdown.md; change both together.
 */
import type { ActionItemStatus, StepId } from '../model';
import type { CardContent } from '../content';
import { cardMarks } from '../document/cardMarks';
import { marksText } from '../document/model';

export const FORMAT_NAME = 'outcome-canvas';
export const FORMAT_VERSION = 2;
/** Versions this app reads. Version 1 files import with everything they carried. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];

/** Files over this size are refused before they are read. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Version 1's hidden note for a card's colour, at the end of its list item (still read). */
export const COLOUR_COMMENT = /^<!--\s*colou?r:\s*([a-z]+)\s*-->$/;

/** Version 2's hidden note for a card's machine fields, at the end of its list item. */
export const CARD_COMMENT = /^<!--\s*card:([\s\S]*?)-->$/;
/** A data set's insights, at the end of its "Used by" line. */
export const USED_BY_COMMENT = /^<!--\s*used-by:([\s\S]*?)-->$/;
/** The check an action item answers, in its Concern cell. */
export const CONCERN_COMMENT = /^<!--\s*concern:\s*([\w:-]+)\s*-->$/;
/** A governance check's id, in its Check cell. */
export const GOVERNANCE_COMMENT = /^<!--\s*governance:\s*([\w-]+)\s*-->$/;

/**
 * A string value inside a comment: JSON, with every "-" that another "-"
 * follows escaped, so no value can end the comment early, and ":", "<" and
 * ">" escaped, so lint tools find no web address (MD034) or HTML tag
 * (MD033) in it.
 */
export function commentString(value: string): string {
  return JSON.stringify(value)
    .replace(/-(?=-)/g, '\\u002d')
    .replace(/[:<>]/g, (char) => `\\u00${char.charCodeAt(0).toString(16)}`);
}

export const CELL_LINE_BREAK = '<br>';

export const TITLE_WHEN_EMPTY = 'Untitled canvas';

export const EXPORTED_LINE = /^Exported from Outcome Canvas on .+\.$/;
export const NO_CARDS_LINE = 'No cards yet.';

export const ETHICS_HEADING = /^ethics checks(?::.*)?$/i;
export const GOVERNANCE_HEADING = /^before this goes live(?::.*)?$/i;
export const governanceHeading = (stepTitle: string) => `Before this goes live: ${stepTitle}`;
export const RESOLVED_LABEL = 'Concern resolved';

export const SECTION = {
  workshop: 'Workshop',
  parkingLot: 'Parking lot',
  actionLog: 'Action log',
  dataInventory: 'Data inventory',
  goldenThread: 'Golden thread',
  openConcerns: 'Open concerns',
  undiscussed: 'Checks not yet discussed',
} as const;

/** Worked out from the rest of the file, so skipped on import. */
export const DERIVED_SECTIONS: readonly string[] = [
  SECTION.goldenThread,
  SECTION.openConcerns,
  'Resolved concerns',
  SECTION.undiscussed,
].map((name) => name.toLowerCase());

export const FACILITATOR_HEADING = /^facilitator notes(?::.*)?$/i;
export const SUGGESTED_TIME = /^suggested time:\s*(\d{1,4})\s*min(ute)?s?\.?$/i;
export const suggestedTimeLine = (minutes: number) => `Suggested time: ${minutes} minutes`;
/** Written when a step has no planned time but its note would read as one. */
export const NO_TIME_LINE = 'Suggested time: not set';
export const NO_TIME = /^suggested time:\s*not set\.?$/i;

/** Template details carried in the front matter of a template file. */
export const TEMPLATE_FIELDS = ['name', 'summary', 'audience', 'duration'] as const;

export const WORKSHOP_LABELS = {
  heldOn: 'Date held',
  organisation: 'Organisation',
  facilitator: 'Facilitator',
  participants: 'Who took part',
  votesPerPerson: 'Votes per person',
} as const;

export const ACTION_LOG_COLUMNS = ['Action', 'Owner', 'Due', 'Status', 'Concern'] as const;
export const ACTION_STATUS_LABELS: Record<ActionItemStatus, string> = { open: 'Open', done: 'Done' };

export const DATASET_LABELS = {
  holder: 'Held by',
  contents: 'Contains',
  personal: 'Personal data',
  specialCategory: 'Special category data',
  criminalOffence: 'Criminal offence data',
  children: 'Children’s data',
  lawfulBasis: 'Lawful basis',
  sharingAgreement: 'Data-sharing agreement',
  dpia: 'DPIA',
  qualityProblems: 'Known quality problems',
  whoIsMissing: 'Who is missing, miscounted or over-represented',
  retention: 'Kept for',
  usedBy: 'Used by',
} as const;
export const NOT_DECIDED = 'Not decided yet';
export const UNNAMED_DATASET = 'Unnamed data set';
/** Data sets are numbered in their headings ("### 2. Housing register"), so two with one name are still two headings. */
export const datasetHeading = (index: number, name: string) => `${index + 1}. ${name || UNNAMED_DATASET}`;

/**
 * The visible note after a card's text: " (Agreed · 3 votes · Example from
 * LOTI)", the same labels every document output writes (cardMarks). Plain
 * text, escaped like the card's own text (a source inside emphasis can trip
 * lint tools). Worked out from the card's fields in its comment, so the
 * importer drops exactly this suffix; null when there is nothing to say.
 */
export function cardMarker(card: CardContent, parkedFrom: StepId | null): string | null {
  const labels = cardMarks(card, parkedFrom);
  return labels.length ? marksText(labels) : null;
}
