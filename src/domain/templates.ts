/**
 * Templates: a canvas's content plus details for the gallery (name, summary,
 * audience, duration) and facilitator notes per step. Presets are Markdown
 * files in templates/, bundled at build time; trainers' own templates are
 * stored in the browser. Both are read and written as canvas Markdown
 * (src/domain/markdown/templateFiles.ts).
 */
import { type CanvasContent, canvasFromContent, contentOf, emptyContent } from './content';
import { type Canvas, STEP_IDS, emptyFacilitation } from './model';

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

/** A new canvas from a template; the template itself never changes. */
export function canvasFromTemplate(template: Template, id: string, newCardId: () => string, now: number): Canvas {
  return canvasFromContent(template.content, id, newCardId, now);
}

export interface KeepOptions {
  cards: boolean;
  /** Ethics statuses and notes. */
  checks: boolean;
  facilitatorNotes: boolean;
}

/** "Save as template": the canvas's content, keeping only what the trainer chose. */
export function templateFromCanvas(canvas: Canvas, meta: TemplateMeta, keep: KeepOptions, id: string, now: number): Template {
  const full = contentOf(canvas);
  const empty = emptyContent();
  const content: CanvasContent = {
    title: full.title,
    description: full.description,
    facilitation: keep.facilitatorNotes ? full.facilitation : emptyFacilitation(),
    cards: keep.cards ? full.cards : empty.cards,
    checks: keep.checks ? full.checks : empty.checks,
  };
  return { id, ...meta, preset: false, content, createdAt: now, updatedAt: now };
}

export function templateCardCount(template: Template): number {
  return STEP_IDS.reduce((sum, step) => sum + template.content.cards[step].length, 0);
}
