/**
 * What restoring a backup does to each canvas and template in it, decided
 * before anything is stored: added as it is, replacing the one here with
 * the same id, or added as a copy next to it.
 */
import { copyName, copyTitle, remapIds } from './canvas';
import { LIMITS, type Canvas } from './model';
import type { Template } from './templates';

export interface ImportSummary {
  added: number;
  replaced: number;
  copied: number;
  templates: number;
  /** The ids the imported canvases have now, in file order. */
  ids: string[];
}

export interface PlannedCanvas {
  canvas: Canvas;
  /** The canvas here with this id is replaced (and kept in its version history first). */
  replaces: boolean;
}

export interface ImportPlan {
  canvases: PlannedCanvas[];
  templates: Template[];
  summary: ImportSummary;
}

/** Imported cards get fresh ids, so they can never overwrite a card of another canvas; links follow them. */
function withFreshCardIds(canvas: Canvas, id: string, newId: () => string): Canvas {
  const cardIds = new Map(Object.keys(canvas.cards).map((cardId) => [cardId, newId()]));
  return { ...remapIds(canvas, cardIds), id };
}

export interface ImportInput {
  canvases: Canvas[];
  templates: Template[];
  /** Which of the canvases' ids are already stored here. */
  existingCanvasIds: ReadonlySet<string>;
  /** Which of the templates' ids are already stored here. */
  existingTemplateIds: ReadonlySet<string>;
  /** Replace what is here with the same id; otherwise add a copy beside it. */
  replaceExisting: boolean;
  newId: () => string;
}

export function planImport({
  canvases,
  templates,
  existingCanvasIds,
  existingTemplateIds,
  replaceExisting,
  newId,
}: ImportInput): ImportPlan {
  const summary: ImportSummary = { added: 0, replaced: 0, copied: 0, templates: 0, ids: [] };
  const planned = canvases.map((canvas): PlannedCanvas => {
    const clash = existingCanvasIds.has(canvas.id);
    if (clash && replaceExisting) summary.replaced++;
    else if (clash) summary.copied++;
    else summary.added++;
    const copy = clash && !replaceExisting;
    const id = copy ? newId() : canvas.id;
    summary.ids.push(id);
    // A copy says so in its title, so the library never shows two identical entries.
    const incoming = copy ? { ...canvas, title: copyTitle(canvas.title) } : canvas;
    return { canvas: withFreshCardIds(incoming, id, newId), replaces: clash && replaceExisting };
  });
  const plannedTemplates = templates.map((template) => {
    const copy = existingTemplateIds.has(template.id) && !replaceExisting;
    // A copy is named as one, so the gallery never shows two templates with one name.
    return copy
      ? { ...template, id: newId(), name: copyName(template.name, LIMITS.titleLength * 5, 'Untitled template'), preset: false }
      : { ...template, preset: false };
  });
  summary.templates = plannedTemplates.length;
  return { canvases: planned, templates: plannedTemplates, summary };
}
