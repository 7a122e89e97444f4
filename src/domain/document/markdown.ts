/**
 * A document as clean Markdown for a project document: no front matter, no
 * comments, no machine notes; readable as it is and lint-clean under the
 * project's markdownlint rules whatever text it holds (the serialiser is the
 * canvas file's, see markdown/mdast.ts). Not for importing back: that is the
 * canvas file's job.
 */
import type { BlockContent, ListItem as MdListItem, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { cell, multiline, serialise, text } from '../markdown/mdast';
import { type Block, type Doc, type Inline, type List, type Section, type Table, marksText } from './model';

type Depth = 1 | 2 | 3 | 4 | 5 | 6;
const depthOf = (level: number): Depth => Math.min(6, Math.max(1, level)) as Depth;

function phrasing(content: readonly Inline[]): PhrasingContent[] {
  return content.flatMap((node): PhrasingContent[] => {
    if (node.type === 'strong') return node.text ? [{ type: 'strong', children: multiline(node.text) }] : [];
    if (node.type === 'emphasis') return node.text ? [{ type: 'emphasis', children: multiline(node.text) }] : [];
    if (node.type === 'marks') return text(marksText(node.labels));
    return multiline(node.text);
  });
}

/** A table cell: line breaks as <br>, edge spaces kept (see `cell`). */
function cellPhrasing(content: readonly Inline[]): PhrasingContent[] {
  return content.flatMap((node): PhrasingContent[] => {
    if (node.type === 'marks') return text(marksText(node.labels));
    if (node.type === 'text') return cell(node.text);
    return node.text ? [{ type: node.type, children: cell(node.text) }] : [];
  });
}

const paragraph = (children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });

function listNode(value: List): RootContent {
  return {
    type: 'list',
    ordered: value.ordered,
    spread: false,
    children: value.items.map((entry): MdListItem => ({
      type: 'listItem',
      spread: false,
      children: [paragraph(phrasing(entry.content)), ...(entry.children ? [listNode(entry.children) as BlockContent] : [])],
    })),
  };
}

function tableNode(value: Table): RootContent {
  const row = (cells: PhrasingContent[][]): TableRow => ({
    type: 'tableRow',
    children: cells.map((children) => ({ type: 'tableCell', children })),
  });
  return {
    type: 'table',
    align: value.header.map(() => 'left'),
    children: [row(value.header.map((name) => text(name))), ...value.rows.map((cells) => row(cells.map(cellPhrasing)))],
  };
}

function blocks(values: readonly Block[], level: number, sectionTitle: string): RootContent[] {
  return values.flatMap((block): RootContent[] => {
    switch (block.type) {
      case 'paragraph': {
        const children = phrasing(block.content);
        if (!children.length) return [];
        if (block.role === 'question') return [{ type: 'blockquote', children: [paragraph(children)] }];
        if (block.role === 'hint') return [paragraph([{ type: 'emphasis', children }])];
        return [paragraph(children)];
      }
      case 'list':
        return block.items.length ? [listNode(block)] : [];
      case 'table':
        // The caption is a heading, unless it would only repeat the section's own.
        return [
          ...(block.caption && block.caption !== sectionTitle
            ? [{ type: 'heading', depth: depthOf(level + 1), children: text(block.caption) } as RootContent]
            : []),
          tableNode(block),
        ];
      case 'note': {
        // The title leads the first paragraph, "**Still to complete:** …", so no paragraph is only emphasis (MD036).
        const [first, ...rest] = block.blocks;
        const title: PhrasingContent = { type: 'strong', children: text(`${block.title}:`) };
        const lead =
          first?.type === 'paragraph' && !first.role ? paragraph([title, ...text(' '), ...phrasing(first.content)]) : paragraph([title]);
        const body = first?.type === 'paragraph' && !first.role ? rest : block.blocks;
        return [{ type: 'blockquote', children: [lead, ...(blocks(body, level, '') as BlockContent[])] }];
      }
    }
  });
}

function sectionNodes(value: Section, level: number): RootContent[] {
  return [
    { type: 'heading', depth: depthOf(level), children: text(value.title) },
    ...blocks(value.blocks, level, value.title),
    ...value.sections.flatMap((child) => sectionNodes(child, level + 1)),
  ];
}

export function documentToMdast(doc: Doc): Root {
  return {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: text(doc.title) },
      ...blocks(doc.intro, 1, doc.title),
      ...doc.sections.flatMap((child) => sectionNodes(child, 2)),
    ],
  };
}

/** The Markdown for a document. */
export function documentToMarkdown(doc: Doc): string {
  return serialise(documentToMdast(doc));
}

/** Sections by id, for outputs that write only some of a document (the canvas file's worked-out sections). */
export function sectionsToMdast(sections: readonly Section[], level: number): RootContent[] {
  return sections.flatMap((child) => sectionNodes(child, level));
}
