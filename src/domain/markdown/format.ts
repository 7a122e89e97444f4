/**
 * The canvas Markdown format: what the exporter writes and the importer
 * reads. Documented for people in docs/canvas-markdown.md; change both together.
 */

export const FORMAT_NAME = 'outcome-canvas';
export const FORMAT_VERSION = 1;

/** Files over this size are refused before they are read. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The hidden note that carries a card's colour, at the end of its list item. */
export const COLOUR_COMMENT = /^<!--\s*colou?r:\s*([a-z]+)\s*-->$/;
export const colourComment = (colour: string) => `<!-- colour: ${colour} -->`;

export const CELL_LINE_BREAK = '<br>';

export const TITLE_WHEN_EMPTY = 'Untitled canvas';

export const EXPORTED_LINE = /^Exported from Outcome Canvas on .+\.$/;
export const NO_CARDS_LINE = 'No cards yet.';

export const ETHICS_HEADING = /^ethics checks(?::.*)?$/i;
export const DERIVED_SECTIONS = ['open concerns', 'checks not yet discussed'];

export const FACILITATOR_HEADING = /^facilitator notes(?::.*)?$/i;
export const SUGGESTED_TIME = /^suggested time:\s*(\d{1,4})\s*min(ute)?s?\.?$/i;
export const suggestedTimeLine = (minutes: number) => `Suggested time: ${minutes} minutes`;

/** Template details carried in the front matter of a template file. */
export const TEMPLATE_FIELDS = ['name', 'summary', 'audience', 'duration'] as const;
