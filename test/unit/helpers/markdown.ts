/**
 * Reads exported Markdown back with an independent GFM parser (micromark via
 * mdast-util-from-markdown), so export tests check what a Markdown reader
 * would actually see rather than the serialiser's own tree.
 */
import type { Heading, List, ListItem, Nodes, Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export interface ExportedFile {
  /** The YAML front matter as key/value pairs (flat, as the exporter writes it). */
  frontMatter: Record<string, string>;
  root: Root;
}

/** Splits off the front matter (Markdown tools skip it) and parses the rest. */
export function readExport(markdown: string): ExportedFile {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  const frontMatter: Record<string, string> = {};
  for (const line of match?.[1]?.split('\n') ?? []) {
    const field = /^([\w-]+):\s*(.*)$/.exec(line);
    // Values are plain or JSON-quoted scalars (both mean the same in YAML).
    if (field) frontMatter[field[1]!] = field[2]!.startsWith('"') ? (JSON.parse(field[2]!) as string) : field[2]!;
  }
  return { frontMatter, root: parseMarkdown(match ? markdown.slice(match[0].length) : markdown) };
}

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** A card's colour in its hidden note: version 1's `<!-- colour: blue -->` or version 2's `<!-- card: …; colour=blue; … -->`. */
export const COLOUR_NOTE = /^<!--\s*(?:colou?r:\s*([a-z]+)|card:.*\bcolour=([a-z]+)\b.*?)\s*-->$/;
const COMMENT = /^<!--[\s\S]*-->$/;

/**
 * The text a reader sees: hard breaks and `<br>` (the only way to break a
 * line in a table cell) as newlines; the app's hidden notes (comments) left out.
 * Any other raw HTML shows as its source, so a test comparing text notices it.
 */
export function plainText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if (node.type === 'html') return /^<br\s*\/?>$/i.test(node.value) ? '\n' : COMMENT.test(node.value) ? '' : node.value;
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** The colour a card's hidden note gives it, or null when there is none. */
export function colourNote(node: Nodes): string | null {
  if (node.type === 'html') {
    const match = COLOUR_NOTE.exec(node.value);
    return match ? (match[1] ?? match[2] ?? null) : null;
  }
  if ('children' in node)
    for (const child of node.children as Nodes[]) {
      const found = colourNote(child);
      if (found) return found;
    }
  return null;
}

/** Every node type in a subtree (the node itself included). */
export function nodeTypes(node: Nodes): Set<string> {
  const types = new Set<string>([node.type]);
  if ('children' in node) for (const child of node.children as Nodes[]) for (const type of nodeTypes(child)) types.add(type);
  return types;
}

export function headingText(node: RootContent): string | null {
  return node.type === 'heading' ? plainText(node) : null;
}

/** The blocks under a heading, up to the next heading of the same or a higher level. */
export function section(root: Root, title: string): RootContent[] {
  const start = root.children.findIndex((node) => headingText(node) === title);
  if (start === -1) throw new Error(`No heading "${title}" in the Markdown`);
  const depth = (root.children[start] as Heading).depth;
  const rest = root.children.slice(start + 1);
  const end = rest.findIndex((node) => node.type === 'heading' && node.depth <= depth);
  return end === -1 ? rest : rest.slice(0, end);
}

export function firstOfType<T extends RootContent['type']>(nodes: RootContent[], type: T): Extract<RootContent, { type: T }> | undefined {
  return nodes.find((node) => node.type === type) as Extract<RootContent, { type: T }> | undefined;
}

export function listItems(nodes: RootContent[]): ListItem[] {
  const list = firstOfType(nodes, 'list') as List | undefined;
  return list ? list.children : [];
}

export function tableRows(nodes: RootContent[]): string[][] {
  const table = firstOfType(nodes, 'table') as Table | undefined;
  if (!table) throw new Error('No table in this section');
  return table.children.map((row) => row.children.map((cell) => plainText(cell)));
}
