/**
 * Writing Markdown through mdast: the pieces both Markdown outputs share,
 * the canvas file (exportCanvas.ts) and the Markdown for a document
 * (document/markdown.ts). User text always sits in text nodes, so the
 * serialiser escapes it; the only raw HTML written is <br> in table cells,
 * character references, and the canvas file's own comments.
 *
 * Tables are written compact (one space each side of a pipe), never padded
 * to line up: alignment by character width is different in every tool for
 * emoji, CJK and combining accents, and a misaligned table fails the
 * project's markdownlint rules. Tabs are written as `&#x9;` for the same
 * reason (MD010), so `markdownlint --fix` has nothing to change.
 */
import type { PhrasingContent, Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { CELL_LINE_BREAK } from './format';

export const html = (value: string): PhrasingContent => ({ type: 'html', value });

/**
 * Tabs are written as the character reference `&#x9;` (a literal tab fails
 * MD010, and `markdownlint --fix` would turn it into spaces). They pass
 * through the serialiser as U+0001, which cleaned text never holds, and are
 * swapped for the reference afterwards: an html node right after a line
 * break would make the serialiser fold the break into a space.
 */
const TAB = '\u0001';
export const text = (value: string): PhrasingContent[] => (value ? [{ type: 'text', value: value.replaceAll('\t', TAB) }] : []);

/**
 * Keeps every line break as a hard break, blank lines included, so the text
 * comes back exactly on import instead of being folded by Markdown.
 */
export function multiline(value: string): PhrasingContent[] {
  return value.split('\n').flatMap((line, i) => (i === 0 ? text(line) : [{ type: 'break' } as PhrasingContent, ...text(line)]));
}

/**
 * GFM table cells can hold neither line breaks nor surrounding spaces: write
 * breaks as <br> and the outermost spaces or tabs as character references.
 */
export function cell(value: string): PhrasingContent[] {
  const lead = /^[ \t]/.exec(value)?.[0];
  const trail = value.length > 1 ? /[ \t]$/.exec(value)?.[0] : undefined;
  const inner = value.slice(lead ? 1 : 0, trail ? -1 : undefined);
  const charRef = (c: string) => html(c === '\t' ? '&#x9;' : '&#x20;');
  return [
    ...(lead ? [charRef(lead)] : []),
    ...inner.split('\n').flatMap((line, i) => (i === 0 ? text(line) : [html(CELL_LINE_BREAK), ...text(line)])),
    ...(trail ? [charRef(trail)] : []),
  ];
}

/**
 * White space the serialiser leaves at the end of a line (it encodes only
 * spaces and tabs; an ideographic or no-break space stays) as character
 * references: lint tools take any white space there as trailing (MD009).
 * A backslash before it is doubled for the same reason as before a tab.
 */
const charRefs = (run: string) => [...run].map((char) => `&#x${char.codePointAt(0)!.toString(16).toUpperCase()};`).join('');

/** The tree as Markdown, lint-clean under the project's markdownlint rules whatever text it holds. */
export function serialise(root: Root): string {
  return (
    toMarkdown(root, {
      extensions: [gfmToMarkdown({ tablePipeAlign: false })],
      bullet: '-',
      emphasis: '_',
      rule: '-',
      listItemIndent: 'one',
    })
      // The serialiser leaves a backslash before U+0001 as it is (it escapes
      // nothing there), but before "&" it would escape the reference: double it.
      // eslint-disable-next-line no-control-regex -- U+0001 is the tab placeholder
      .replace(/\\(?=\u0001)/g, '\\\\')
      .replaceAll(TAB, '&#x9;')
      // Line by line rather than with /m: JavaScript's multiline `$` also
      // matches before U+2028 and U+2029, which Markdown does not take as
      // line ends, so a space before one inside a cell would be encoded on
      // the first export and not on the next.
      .split('\n')
      .map((line) => line.replace(/(\\?)(\s+)$/, (_, backslash: string, run: string) => (backslash ? '\\\\' : '') + charRefs(run)))
      .join('\n')
  );
}
