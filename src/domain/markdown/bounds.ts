/**
 * Work bounds checked on the raw text before the Markdown parser runs. A
 * small hostile file can otherwise overflow the parser's stack (5,000
 * nested lists in 10 KB) or keep the tab busy for minutes (20,000 nested
 * emphasis markers). A canvas file never comes near these limits: the
 * exporter's deepest nesting is four lists, its tables have at most a few
 * hundred rows, and it escapes every `*` a user types.
 *
 * The scan is one pass over the lines, linear in the file's length.
 */
import type { ImportProblem } from './importCanvas';

export const BOUNDS = {
  /** Lists and quotes opened on one line, or nested by indentation. */
  nesting: 8,
  /** Leading white space before a list marker or quote. */
  indent: 32,
  listItems: 20_000,
  tableRows: 3_000,
  tableColumns: 12,
  /**
   * Emphasis and link markers: matching them costs about the square of
   * their number in one paragraph, so the sum of those squares is bounded.
   */
  markerWork: 1_000_000,
} as const;

const CONTAINER = /^[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

function columns(whitespace: string): number {
  let width = 0;
  for (const char of whitespace) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

/** Markers that may open or close emphasis or a link: unescaped `*`, `[`, `]`, and `_` not inside a word. */
function countMarkers(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '*' || char === '[' || char === ']') count++;
    else if (char === '_' && !(/[\p{L}\p{N}]/u.test(line[i - 1] ?? ' ') && /[\p{L}\p{N}]/u.test(line[i + 1] ?? ' '))) count++;
  }
  return count;
}

/** The first bound the text breaks, as a problem naming its line, or null. `lineOffset` turns body lines into file lines. */
export function checkMarkdownBounds(text: string, lineOffset = 0): ImportProblem | null {
  let listItems = 0;
  let tableRows = 0;
  let markerWork = 0;
  let paragraphMarkers = 0;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const at = n + 1 + lineOffset;
    const indent = /^[ \t]*/.exec(line)![0];
    let rest = line;
    let depth = 0;
    for (let match = CONTAINER.exec(rest); match && match[0].length > 0; match = CONTAINER.exec(rest)) {
      depth++;
      rest = rest.slice(match[0].length);
      if (depth > BOUNDS.nesting) break;
    }
    const startsBlock = depth > 0 || rest.trim() === '' || /^\s{0,3}(#|\|)/.test(rest);
    if (depth > BOUNDS.nesting || (columns(indent) > BOUNDS.indent && /^[ \t]*(?:>|[-*+]\s|\d{1,9}[.)]\s)/.test(line)))
      return {
        line: at,
        message: `Lists or quotes are nested too deeply here (more than ${BOUNDS.nesting} levels). A canvas file never nests that deep, so the file was not read.`,
      };
    if (LIST_ITEM.test(line) && ++listItems > BOUNDS.listItems)
      return {
        line: at,
        message: `The file has more than ${BOUNDS.listItems.toLocaleString('en-GB')} list items, more than any canvas, so it was not read.`,
      };
    if (/^\s{0,3}\|/.test(line)) {
      if (++tableRows > BOUNDS.tableRows)
        return {
          line: at,
          message: `The file has more than ${BOUNDS.tableRows.toLocaleString('en-GB')} table rows, more than any canvas, so it was not read.`,
        };
      if (line.split('|').length - 2 > BOUNDS.tableColumns)
        return {
          line: at,
          message: `A table here has more than ${BOUNDS.tableColumns} columns; a canvas table has at most 6, so the file was not read.`,
        };
    }
    if (startsBlock) {
      markerWork += paragraphMarkers * paragraphMarkers;
      paragraphMarkers = 0;
    }
    paragraphMarkers += countMarkers(rest);
    if (markerWork + paragraphMarkers * paragraphMarkers > BOUNDS.markerWork)
      return {
        line: at,
        message:
          'The file has too many emphasis or link markers (*, _, [ or ]) packed together for the app to read it safely. A canvas file escapes them, so this is not one the app wrote.',
      };
  }
  return null;
}
