/**
 * A document as a Word file (.docx), written with the `docx` library
 * (MIT; Office Open XML built in the browser, no server). Loaded only when
 * someone asks for a Word file: it is the largest piece of the export.
 *
 * Word's own styles carry the structure, so the file reads well in Word,
 * LibreOffice, Google Docs and pandoc alike: Heading 1 to 4, real bulleted
 * and numbered lists (nested for the golden thread), tables with a header
 * row that repeats on each page, and notes as bordered paragraphs.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table as DocxTable,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Doc, Inline, List, Section, Table } from './model';
import { marksText } from './model';

const FONT = 'Arial';
const GREY = '555555';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '767676' };
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];
const heading = (level: number) => HEADINGS[Math.min(6, Math.max(1, level)) - 1]!;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
}

/** A text's runs, each line break a break before the next line. */
function runs(value: string, style: RunStyle = {}): TextRun[] {
  return value.split('\n').map((line, i) => new TextRun({ text: line, ...style, ...(i > 0 ? { break: 1 } : {}) }));
}

function inlineRuns(content: readonly Inline[], base: RunStyle = {}): TextRun[] {
  return content.flatMap((node) => {
    if (node.type === 'strong') return runs(node.text, { ...base, bold: true });
    if (node.type === 'emphasis') return runs(node.text, { ...base, italics: true });
    if (node.type === 'marks') return runs(marksText(node.labels), { ...base, italics: true, color: GREY });
    return runs(node.text, base);
  });
}

const BULLETS = 'bullets';
const NUMBERS = 'numbers';
const MAX_DEPTH = 6;

function listParagraphs(value: List, depth = 0): Paragraph[] {
  const level = Math.min(depth, MAX_DEPTH - 1);
  return value.items.flatMap((entry) => [
    new Paragraph({
      children: inlineRuns(entry.content),
      numbering: { reference: value.ordered ? NUMBERS : BULLETS, level },
      spacing: { after: 60 },
    }),
    ...(entry.children ? listParagraphs(entry.children, depth + 1) : []),
  ]);
}

function cell(content: readonly Inline[], header: boolean, width: number): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: inlineRuns(content, header ? { bold: true } : {}) })],
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' } } : {}),
  });
}

/** Column widths in per cent: a narrower first column when it names the rows. */
function widths(value: Table): number[] {
  const count = value.header.length;
  if (!value.rowHeaders || count < 2) return value.header.map(() => Math.floor(100 / count));
  const first = count === 2 ? 35 : 22;
  const rest = Math.floor((100 - first) / (count - 1));
  return [first, ...value.header.slice(1).map(() => rest)];
}

function tableOf(value: Table): DocxTable {
  const columns = widths(value);
  return new DocxTable({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: value.header.map((name, i) => cell([{ type: 'text', text: name }], true, columns[i]!)),
      }),
      ...value.rows.map(
        (cells) =>
          new TableRow({
            cantSplit: true,
            children: cells.map((content, i) => cell(content, i === 0 && value.rowHeaders, columns[i]!)),
          }),
      ),
    ],
  });
}

type Body = Paragraph | DocxTable;

function blocks(values: readonly Block[], level: number, sectionTitle: string): Body[] {
  return values.flatMap((block): Body[] => {
    switch (block.type) {
      case 'paragraph': {
        if (!block.content.length) return [];
        const style: RunStyle =
          block.role === 'question' ? { italics: true, color: '444444' } : block.role === 'hint' ? { color: GREY } : {};
        return [new Paragraph({ children: inlineRuns(block.content, style), spacing: { after: 120 } })];
      }
      case 'list':
        return block.items.length ? listParagraphs(block) : [];
      case 'table':
        return [
          ...(block.caption && block.caption !== sectionTitle
            ? [new Paragraph({ heading: heading(level + 1), children: runs(block.caption), keepNext: true })]
            : []),
          tableOf(block),
          new Paragraph({ children: [] }),
        ];
      case 'note': {
        const colour = block.role === 'draft' ? 'B00020' : '767676';
        const look = {
          border: { left: { style: BorderStyle.SINGLE, size: 24, color: colour, space: 8 } },
          indent: { left: 240 },
          ...(block.role === 'draft' ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF0F0' } } : {}),
        };
        // Paragraphs inside the note carry its border; anything else (a list) sits inside it as it is.
        const inner = block.blocks.flatMap((part) =>
          part.type === 'paragraph' ? [new Paragraph({ ...look, children: inlineRuns(part.content) })] : blocks([part], level, ''),
        );
        return [
          new Paragraph({ ...look, keepNext: true, children: runs(block.title, { bold: true }) }),
          ...inner,
          new Paragraph({ children: [] }),
        ];
      }
    }
  });
}

function sectionBody(value: Section, level: number): Body[] {
  return [
    new Paragraph({ heading: heading(level), children: runs(value.title), keepNext: true }),
    ...blocks(value.blocks, level, value.title),
    ...value.sections.flatMap((child) => sectionBody(child, level + 1)),
  ];
}

function levels(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string) {
  return Array.from({ length: MAX_DEPTH }, (_, level) => ({
    level,
    format,
    text: text(level),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
  }));
}

export interface DocxOptions {
  /** Who made it, for the file's properties. */
  description: string;
}

/** Builds the Word document. */
export function documentToDocxDocument(doc: Doc, options: DocxOptions): Document {
  return new Document({
    creator: 'Outcome Canvas',
    title: doc.title,
    description: options.description,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 } },
        heading1: { run: { font: FONT, size: 40, bold: true }, paragraph: { spacing: { before: 0, after: 200 } } },
        heading2: { run: { font: FONT, size: 30, bold: true }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading3: { run: { font: FONT, size: 25, bold: true }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading4: { run: { font: FONT, size: 22, bold: true }, paragraph: { spacing: { before: 200, after: 60 } } },
      },
    },
    numbering: {
      config: [
        { reference: BULLETS, levels: levels(LevelFormat.BULLET, (level) => (level % 2 ? '◦' : '•')) },
        { reference: NUMBERS, levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`) },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: [doc.title, ' · page ', PageNumber.CURRENT], color: GREY, size: 18 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(doc.title) }),
          ...blocks(doc.intro, 1, doc.title),
          ...doc.sections.flatMap((child) => sectionBody(child, 2)),
        ],
      },
    ],
  });
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The Word file's bytes. */
export async function documentToDocx(doc: Doc, options: DocxOptions): Promise<Uint8Array> {
  const buffer = await Packer.toArrayBuffer(documentToDocxDocument(doc, options));
  return new Uint8Array(buffer);
}
