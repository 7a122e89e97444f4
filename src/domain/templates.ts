/**
 * Templates: a canvas's content plus details for the gallery (name, summary,
 * audience, duration) and facilitator notes per step. Presets are Markdown
 * files in templates/, bundled at build time; trainers' own templates are
 * stored in the browser. Both are read and written as canvas Markdown
 * (src/domain/markdown/templateFiles.ts).
 *
 * A template's cards may be examples (`example: true`, with a `source` when
 * they are quoted from a document): a canvas made from it shows them as
 * examples until the team removes them all or keeps one as its own.
 */
import { type CanvasContent, canvasFromContent, contentOf, emptyContent } from './content';
import { type Canvas, LIMITS, STEP_IDS, emptyFacilitation } from './model';
import { clampText } from './text';

export interface TemplateMeta {
  name: string;
  summary: string;
  audience: string;
  duration: string;
}

export interface Template extends TemplateMeta {
  id: string;
  /** Bundled with the app: shown in the gallery, never changed or deleted. */
  preset: boolean;
  content: CanvasContent;
  createdAt: number;
  updatedAt: number;
}

/**
 * A new canvas from a template; the template itself never changes. `title`
 * is the name the facilitator gave the new canvas ("Use this template" asks
 * for it); without one the canvas takes the template's title.
 */
export function canvasFromTemplate(template: Template, id: string, newId: () => string, now: number, title?: string): Canvas {
  const canvas = canvasFromContent(template.content, id, newId, now);
  return title === undefined ? canvas : { ...canvas, title: clampText(title, LIMITS.titleLength) };
}

export interface KeepOptions {
  /** Cards (with their links, example marks and sources) and the data inventory. */
  cards: boolean;
  /** Ethics and governance statuses and notes. */
  checks: boolean;
  facilitatorNotes: boolean;
}

/**
 * "Save as template": the canvas's content, keeping only what the trainer
 * chose. What belongs to one workshop stays behind: votes, agreed marks,
 * the parking lot, the action log and the workshop's details.
 */
export function templateFromCanvas(canvas: Canvas, meta: TemplateMeta, keep: KeepOptions, id: string, now: number): Template {
  const full = contentOf(canvas);
  const empty = emptyContent();
  const cards = Object.fromEntries(
    STEP_IDS.map((step) => [step, full.cards[step].map((card) => ({ ...card, votes: 0, agreed: false }))]),
  ) as CanvasContent['cards'];
  // Links into the parking lot go with it.
  for (const step of STEP_IDS) for (const card of cards[step]) card.serves = card.serves.filter((ref) => !ref.startsWith('p'));
  const content: CanvasContent = {
    ...empty,
    title: full.title,
    description: full.description,
    votesPerPerson: full.votesPerPerson,
    facilitation: keep.facilitatorNotes ? full.facilitation : emptyFacilitation(),
    cards: keep.cards ? cards : empty.cards,
    datasets: keep.cards
      ? full.datasets.map((dataset) => ({ ...dataset, usedBy: dataset.usedBy.filter((ref) => !ref.startsWith('p')) }))
      : [],
    checks: keep.checks ? full.checks : empty.checks,
    governance: keep.checks ? full.governance : empty.governance,
  };
  return { id, ...meta, preset: false, content, createdAt: now, updatedAt: now };
}

export function templateCardCount(template: Template): number {
  return STEP_IDS.reduce((sum, step) => sum + template.content.cards[step].length, 0);
}

/** How many of a template's cards are examples. */
export function templateExampleCount(template: Template): number {
  return STEP_IDS.reduce((sum, step) => sum + template.content.cards[step].filter((card) => card.example).length, 0);
}
