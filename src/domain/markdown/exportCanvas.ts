/**
 * Canvas -> GitHub-flavoured Markdown in the canvas Markdown format
 * (docs/canvas-markdown.md). The document is built as an mdast tree and
 * serialised by mdast-util-to-markdown, so user text always sits in text
 * nodes and is escaped by the serialiser: `#`, `*`, `|`, `<script>`,
 * backticks and `[x](javascript:...)` come out literally, by construction.
 * The only raw HTML written is the app's own: colour comments, <br> in table
 * cells and space character references.
 */
import type { BlockContent, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { openConcerns, undiscussedChecks } from '../canvas';
import { contentOf, hasText } from '../content';
import { CHECK_GUIDANCE, LENS_GUIDANCE, STEP_GUIDANCE } from '../guidance';
import { type Canvas, CHECK_STATUS_LABELS, LENS_IDS, STEP_IDS, checkKey, displayTitle } from '../model';
import {
  CELL_LINE_BREAK,
  FORMAT_NAME,
  FORMAT_VERSION,
  NO_CARDS_LINE,
  TEMPLATE_FIELDS,
  TITLE_WHEN_EMPTY,
  colourComment,
  suggestedTimeLine,
} from './format';
import type { TemplateDetails } from './importCanvas';
import { normaliseText, slugify } from '../text';

export interface ExportOptions {
  exportedAt: Date;
  /** Facilitator notes are for the trainer; they go into a file only when asked for. */
  includeFacilitatorNotes?: boolean;
  /** Writes the file as a template with these details in its front matter. */
  template?: TemplateDetails;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const html = (value: string): PhrasingContent => ({ type: 'html', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });

/**
 * Keeps every line break as a hard break, blank lines included, so the text
 * comes back exactly on import instead of being folded by Markdown.
 */
function multiline(value: string): PhrasingContent[] {
  return value.split('\n').flatMap((line, i) => (i === 0 ? [text(line)] : [{ type: 'break' } as PhrasingContent, text(line)]));
}

/**
 * GFM table cells can hold neither line breaks nor surrounding spaces: write
 * breaks as <br> and the outermost spaces or tabs as character references.
 */
function cell(value: string): PhrasingContent[] {
  const lead = /^[ \t]/.exec(value)?.[0];
  const trail = value.length > 1 ? /[ \t]$/.exec(value)?.[0] : undefined;
  const inner = value.slice(lead ? 1 : 0, trail ? -1 : undefined);
  const charRef = (c: string) => html(c === '\t' ? '&#x9;' : '&#x20;');
  return [
    ...(lead ? [charRef(lead)] : []),
    ...inner
      .split('\n')
      .flatMap((line, i) => (i === 0 ? [text(line)] : [html(CELL_LINE_BREAK), text(line)]))
      .filter((node) => node.type !== 'text' || node.value !== ''),
    ...(trail ? [charRef(trail)] : []),
  ];
}

function list(items: PhrasingContent[][]): RootContent {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({ type: 'listItem', spread: false, children: [paragraph(...children)] })),
  };
}

function row(cells: PhrasingContent[][]): TableRow {
  return { type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) };
}

export function formatExportDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function canvasToMdast(canvas: Canvas, options: ExportOptions): Root {
  const content = contentOf(canvas);
  const children: RootContent[] = [heading(1, content.title || TITLE_WHEN_EMPTY)];
  if (hasText(content.description)) children.push(paragraph(...multiline(content.description)));
  if (!options.template) children.push(paragraph(emphasis(`Exported from Outcome Canvas on ${formatExportDate(options.exportedAt)}.`)));

  STEP_IDS.forEach((step, i) => {
    const guide = STEP_GUIDANCE[step];
    children.push(heading(2, `${i + 1}. ${guide.title}`));
    children.push({ type: 'blockquote', children: [paragraph(text(`“${guide.question}” (${guide.questionSource})`))] });
    const cards = content.cards[step];
    children.push(
      cards.length
        ? list(cards.map((card) => [...multiline(card.text), ...(card.colour === 'yellow' ? [] : [html(colourComment(card.colour))])]))
        : paragraph(emphasis(NO_CARDS_LINE)),
    );

    const note = content.facilitation[step];
    if (options.includeFacilitatorNotes && (note.minutes !== null || note.notes)) {
      children.push(heading(3, `Facilitator notes: ${guide.title}`));
      if (note.minutes !== null) children.push(paragraph(text(suggestedTimeLine(note.minutes))));
      if (note.notes) children.push(paragraph(...multiline(note.notes)));
    }

    children.push(heading(3, `Ethics checks: ${guide.title}`));
    children.push({
      type: 'table',
      align: ['left', 'left', 'left'],
      children: [
        row([[text('Lens')], [text('Status')], [text('Notes')]]),
        ...LENS_IDS.map((lens) => {
          const check = content.checks[checkKey(step, lens)];
          return row([[text(LENS_GUIDANCE[lens].title)], [text(CHECK_STATUS_LABELS[check.status])], cell(check.notes)]);
        }),
      ],
    });
  });

  // A template is a starting point: what is open is worked out once it is used.
  if (options.template) return { type: 'root', children };

  children.push(heading(2, 'Open concerns'));
  const concerns = openConcerns(canvas);
  children.push(
    concerns.length
      ? list(
          concerns.map((check) => {
            const label = `${STEP_GUIDANCE[check.step].title}, ${LENS_GUIDANCE[check.lens].title}:`;
            const notes = normaliseText(check.notes).trim();
            return [strong(label), text(' '), ...(notes ? multiline(notes) : [text(CHECK_GUIDANCE[check.step][check.lens].question)])];
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

/** The format marker and version, as YAML front matter, which Markdown tools know to skip. */
function frontMatter(canvas: Canvas, options: ExportOptions): string {
  const lines = ['---', `format: ${FORMAT_NAME}`, `version: ${FORMAT_VERSION}`];
  const { template } = options;
  if (template) {
    lines.push('kind: template');
    if (template.id) lines.push(`id: ${JSON.stringify(template.id)}`);
    for (const field of TEMPLATE_FIELDS) lines.push(`${field}: ${JSON.stringify(template[field])}`);
  } else {
    lines.push(`id: ${JSON.stringify(canvas.id)}`, `exported: ${options.exportedAt.toISOString()}`);
  }
  return [...lines, '---', '', ''].join('\n');
}

export function canvasToMarkdown(canvas: Canvas, options: ExportOptions): string {
  return (
    frontMatter(canvas, options) +
    toMarkdown(canvasToMdast(canvas, options), {
      extensions: [gfmToMarkdown()],
      bullet: '-',
      emphasis: '_',
      rule: '-',
      listItemIndent: 'one',
    })
  );
}

/** A file name a project lead can keep: the title in lower case, dashes for the rest. */
export function markdownFileName(canvas: Canvas): string {
  return `${slugify(displayTitle(canvas)) || 'canvas'}.md`;
}
