/**
 * A document as plain text: what "Copy for a document" puts on the
 * clipboard beside the HTML, for places that take only text (a plain-text
 * email, a ticket, a chat). Headings underlined, lists as dashes, tables as
 * one line per row that names each value.
 */
import { type Block, type Doc, type Inline, type List, type Section, inlineText } from './model';

const underline = (title: string, char: string) => `${title}\n${char.repeat(Math.min(72, Math.max(3, [...title].length)))}`;
const indentLines = (value: string, by: string) => value.replaceAll('\n', `\n${by}`);
const flat = (content: readonly Inline[]) => inlineText(content).replaceAll('\n', ' / ');

function listText(value: List, depth: number): string[] {
  const pad = '  '.repeat(depth);
  return value.items.flatMap((entry, i) => {
    const bullet = value.ordered ? `${i + 1}. ` : '- ';
    const body = indentLines(inlineText(entry.content), `${pad}${' '.repeat(bullet.length)}`);
    return [`${pad}${bullet}${body}`, ...(entry.children ? listText(entry.children, depth + 1) : [])];
  });
}

function blocksText(values: readonly Block[], sectionTitle: string): string[] {
  return values.flatMap((block): string[] => {
    switch (block.type) {
      case 'paragraph': {
        const body = inlineText(block.content);
        return body ? [body] : [];
      }
      case 'list':
        return block.items.length ? [listText(block, 0).join('\n')] : [];
      case 'table': {
        const rows = block.rows.map((cells) => {
          const [first = [], ...rest] = cells;
          const named = rest
            .map((content, i) => (content.length && flat(content) ? `${block.header[i + 1]}: ${flat(content)}` : ''))
            .filter(Boolean);
          return block.rowHeaders
            ? `- ${flat(first)}${named.length ? `. ${named.join('. ')}` : ''}`
            : `- ${[flat(first), ...named].join('. ')}`;
        });
        return [...(block.caption && block.caption !== sectionTitle ? [block.caption] : []), rows.join('\n')];
      }
      case 'note':
        return [[block.title, ...blocksText(block.blocks, '')].map((line) => `| ${indentLines(line, '| ')}`).join('\n')];
    }
  });
}

function sectionText(value: Section, level: number): string[] {
  const title = level === 2 ? underline(value.title, '-') : value.title;
  return [title, ...blocksText(value.blocks, value.title), ...value.sections.flatMap((child) => sectionText(child, level + 1))];
}

export function documentToPlainText(doc: Doc): string {
  return `${[underline(doc.title, '='), ...blocksText(doc.intro, doc.title), ...doc.sections.flatMap((child) => sectionText(child, 2))].join('\n\n')}\n`;
}
