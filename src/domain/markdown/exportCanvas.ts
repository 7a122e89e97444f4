/**
 * Canvas -> GitHub-flavoured Markdown. The document is built as an mdast
 * tree and serialised by mdast-util-to-markdown, so user text always sits in
 * text nodes and is escaped by the serialiser: `#`, `*`, `|`, `<script>`,
 * backticks and `[x](javascript:...)` come out literally, by construction.
 */
import type { BlockContent, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { cardsInStep } from '../cards';
import { checksForStep, openConcerns, undiscussedChecks } from '../canvas';
import { CHECK_GUIDANCE, LENS_GUIDANCE, STEP_GUIDANCE } from '../guidance';
import { type Canvas, CHECK_STATUS_LABELS, STEP_IDS, displayTitle } from '../model';

export interface ExportOptions {
  exportedAt: Date;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });

/** Keeps the user's line breaks as hard breaks instead of letting Markdown fold them. */
function multiline(value: string): PhrasingContent[] {
  const lines = normaliseNewlines(value).split('\n');
  return lines.flatMap((line, i) => (i === 0 ? [text(line)] : [{ type: 'break' } as PhrasingContent, text(line)]));
}

function normaliseNewlines(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

/** Blank lines separate paragraphs; single newlines become hard breaks. */
function paragraphs(value: string): BlockContent[] {
  return normaliseNewlines(value)
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => paragraph(...multiline(block)));
}

/** Table cells cannot hold line breaks in GFM; join lines with a visible separator. */
function cellText(value: string): string {
  return normaliseNewlines(value)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' / ');
}

function list(items: PhrasingContent[][]): RootContent {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({ type: 'listItem', spread: false, children: [paragraph(...children)] })),
  };
}

function row(cells: string[]): TableRow {
  return { type: 'tableRow', children: cells.map((value) => ({ type: 'tableCell', children: value ? [text(value)] : [] })) };
}

export function formatExportDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function canvasToMdast(canvas: Canvas, options: ExportOptions): Root {
  const children: RootContent[] = [heading(1, displayTitle(canvas)), ...paragraphs(canvas.description)];
  children.push(paragraph(emphasis(`Exported from Outcome Canvas on ${formatExportDate(options.exportedAt)}.`)));

  STEP_IDS.forEach((step, i) => {
    const guide = STEP_GUIDANCE[step];
    children.push(heading(2, `${i + 1}. ${guide.title}`));
    children.push({ type: 'blockquote', children: [paragraph(text(`“${guide.question}” (${guide.questionSource})`))] });
    const cards = cardsInStep(canvas, step).filter((card) => card.text.trim() !== '');
    children.push(cards.length ? list(cards.map((card) => multiline(card.text.trim()))) : paragraph(emphasis('No cards yet.')));

    children.push(heading(3, `Ethics checks: ${guide.title}`));
    children.push({
      type: 'table',
      align: ['left', 'left', 'left'],
      children: [
        row(['Lens', 'Status', 'Notes']),
        ...checksForStep(canvas, step).map((check) =>
          row([LENS_GUIDANCE[check.lens].title, CHECK_STATUS_LABELS[check.status], cellText(check.notes)]),
        ),
      ],
    });
  });

  children.push(heading(2, 'Open concerns'));
  const concerns = openConcerns(canvas);
  children.push(
    concerns.length
      ? list(
          concerns.map((check) => {
            const label = `${STEP_GUIDANCE[check.step].title}, ${LENS_GUIDANCE[check.lens].title}:`;
            const detail = check.notes.trim() ? multiline(check.notes.trim()) : [text(CHECK_GUIDANCE[check.step][check.lens].question)];
            return [strong(label), text(' '), ...detail];
          }),
        )
      : paragraph(text('No concerns raised.')),
  );

  children.push(heading(2, 'Checks not yet discussed'));
  const undiscussed = undiscussedChecks(canvas);
  children.push(
    undiscussed.length
      ? list(
          STEP_IDS.flatMap((step) => {
            const lenses = undiscussed.filter((check) => check.step === step).map((check) => LENS_GUIDANCE[check.lens].title);
            return lenses.length ? [[strong(`${STEP_GUIDANCE[step].title}:`), text(` ${lenses.join(', ')}`)]] : [];
          }),
        )
      : paragraph(text('Every check has been discussed.')),
  );

  return { type: 'root', children };
}

export function canvasToMarkdown(canvas: Canvas, options: ExportOptions): string {
  return toMarkdown(canvasToMdast(canvas, options), {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    emphasis: '_',
    rule: '-',
    listItemIndent: 'one',
  });
}

/** A file name a project lead can keep: the title in lower case, dashes for the rest. */
export function markdownFileName(canvas: Canvas): string {
  const slug = displayTitle(canvas)
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'canvas'}.md`;
}
