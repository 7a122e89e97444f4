/**
 * What restoring a backup does to each canvas, saved version and template
 * in it, decided before anything is stored: added as it is, replacing the
 * one here with the same id, or added as a copy next to it.
 *
 * Ids are kept unless they clash: a card keeps its id unless a card with
 * that id is stored for another canvas (card ids are unique across the
 * database); a saved version keeps its id unless one with it is stored or
 * another in the file has it. A
 * copy's cards clash with the original's, so they get new ids. Golden-thread
 * links, data sets' insights and the saved versions follow every new id.
 */
import { copyName, copyTitle, remapIds } from './canvas';
import { LIMITS, type Canvas } from './model';
import type { Snapshot } from './snapshots';
import type { Template } from './templates';

export interface ImportSummary {
  added: number;
  replaced: number;
  copied: number;
  templates: number;
  /** Saved versions (version history) restored with the canvases. */
  versions: number;
  /** The ids the imported canvases have now, in file order. */
  ids: string[];
  /** Titles of shared canvases the backup would have replaced: added as copies instead (`keepAsCopy`). */
  sharedKept: string[];
}

export interface PlannedCanvas {
  canvas: Canvas;
  /** The canvas here with this id is replaced (and kept in its version history first). */
  replaces: boolean;
}

export interface ImportPlan {
  canvases: PlannedCanvas[];
  /** The canvases' saved versions, under the canvases' planned ids. */
  snapshots: Snapshot[];
  templates: Template[];
  summary: ImportSummary;
}

export interface ImportInput {
  canvases: Canvas[];
  templates: Template[];
  /** Saved versions from the backup, by the canvas ids in the backup. */
  snapshots?: Snapshot[];
  /** Which of the canvases' ids are already stored here. */
  existingCanvasIds: ReadonlySet<string>;
  /** Which of the templates' ids are already stored here. */
  existingTemplateIds: ReadonlySet<string>;
  /** For the backup's card ids that are stored here already: the canvas each belongs to. */
  cardOwners: ReadonlyMap<string, string>;
  /** Which of the backup's saved-version ids are stored here already. */
  existingSnapshotIds: ReadonlySet<string>;
  /** Replace what is here with the same id; otherwise add a copy beside it. */
  replaceExisting: boolean;
  /**
   * Canvases here that are never replaced, even with `replaceExisting`: the
   * shared ones, whose shared document would put the room's content back
   * over a replaced copy. The backup's version is added beside them instead.
   */
  keepAsCopy?: ReadonlySet<string>;
  newId: () => string;
}

export function planImport({
  canvases,
  templates,
  snapshots = [],
  existingCanvasIds,
  existingTemplateIds,
  cardOwners,
  existingSnapshotIds,
  replaceExisting,
  keepAsCopy = new Set(),
  newId,
}: ImportInput): ImportPlan {
  const summary: ImportSummary = { added: 0, replaced: 0, copied: 0, templates: 0, versions: 0, ids: [], sharedKept: [] };
  const plannedSnapshots: Snapshot[] = [];
  const plannedSnapshotIds = new Set<string>();
  const planned = canvases.map((canvas): PlannedCanvas => {
    const clash = existingCanvasIds.has(canvas.id);
    const kept = clash && replaceExisting && keepAsCopy.has(canvas.id);
    const replaces = clash && replaceExisting && !kept;
    if (replaces) summary.replaced++;
    else if (clash) summary.copied++;
    else summary.added++;
    if (kept) summary.sharedKept.push(canvas.title);
    const id = clash && !replaces ? newId() : canvas.id;
    summary.ids.push(id);
    // A card id stored for any canvas but the one this replaces would be overwritten: it gets a new one.
    const cardIds = new Map<string, string>();
    for (const cardId of Object.keys(canvas.cards)) {
      const owner = cardOwners.get(cardId);
      if (owner !== undefined && !(replaces && owner === canvas.id)) cardIds.set(cardId, newId());
    }
    for (const snapshot of snapshots.filter((s) => s.canvasId === canvas.id)) {
      const snapshotId = existingSnapshotIds.has(snapshot.id) || plannedSnapshotIds.has(snapshot.id) ? newId() : snapshot.id;
      plannedSnapshotIds.add(snapshotId);
      plannedSnapshots.push({ ...snapshot, id: snapshotId, canvasId: id, canvas: { ...remapIds(snapshot.canvas, cardIds), id } });
    }
    // A copy says so in its title, so the library never shows two identical entries.
    const incoming = id === canvas.id ? canvas : { ...canvas, title: copyTitle(canvas.title) };
    return { canvas: { ...remapIds(incoming, cardIds), id }, replaces };
  });
  const plannedTemplates = templates.map((template) => {
    const copy = existingTemplateIds.has(template.id) && !replaceExisting;
    // A copy is named as one, so the gallery never shows two templates with one name.
    return copy
      ? { ...template, id: newId(), name: copyName(template.name, LIMITS.titleLength * 5, 'Untitled template'), preset: false }
      : { ...template, preset: false };
  });
  summary.templates = plannedTemplates.length;
  summary.versions = plannedSnapshots.length;
  return { canvases: planned, snapshots: plannedSnapshots, templates: plannedTemplates, summary };
}
