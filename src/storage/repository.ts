/**
 * The storage module's one interface: the only thing the rest of the app
 * knows about where canvases live. Two implementations: IndexedDB
 * (`indexedDbRepository.ts`) and, when the browser refuses it, memory for
 * the life of the tab (`memoryRepository.ts`); `openRepository.ts` picks one.
 *
 * Callers hand in what changed (`domain/diff.ts`), never a whole canvas to
 * compare: the repository writes exactly the records it is given.
 */
import type { CanvasProgress } from '../domain/canvas';
import type { CanvasChanges } from '../domain/diff';
import type { ImportPlan } from '../domain/importPlan';
import type { Canvas, CanvasMeta } from '../domain/model';
import type { Snapshot, SnapshotListing } from '../domain/snapshots';
import type { ListedMeta } from '../domain/summary';
import type { Template } from '../domain/templates';

/** What the library lists for one canvas, read from its summary record (`domain/summary.ts`). */
export interface CanvasSummary {
  meta: ListedMeta;
  progress: CanvasProgress;
}

export type SaveOutcome = 'saved' | 'conflict';

export interface CanvasRepository {
  readonly kind: 'indexeddb' | 'memory';
  listCanvases(): Promise<CanvasSummary[]>;
  loadCanvas(id: string): Promise<Canvas | null>;
  /**
   * The canvas read before the app loaded (`firstPaintRead.ts`, every record as this version writes
   * it: `firstPaintCanvas.ts`), taken as it is instead of reading it again, when storage still holds
   * the same canvas row; null when it does not, or when this is not the storage it was read from:
   * then read it with `loadCanvas`. Its library summary is put right as `loadCanvas` does.
   */
  adoptEarlyRead(canvas: Canvas): Promise<Canvas | null>;
  /** Every canvas, whole, deleted ones included: for full backups. */
  loadAllCanvases(): Promise<Canvas[]>;
  /** Which of these canvas ids are already stored. */
  existingIds(ids: string[]): Promise<string[]>;
  /** For those of these card ids that are stored: the canvas each belongs to (card ids are unique across canvases). */
  cardOwners(ids: string[]): Promise<Map<string, string>>;
  /** Which of these saved-version ids are already stored. */
  existingSnapshotIds(ids: string[]): Promise<string[]>;
  /**
   * Writes these changed records of one canvas, in one transaction (a new
   * canvas is all of its records). Given `base`, what the caller believes is
   * stored, it first checks that no other tab has changed any of these
   * records since; if one has, it writes nothing and answers 'conflict', and
   * the caller merges what is stored and tries again. So a save never
   * silently overwrites another tab's edit.
   */
  saveChanges(canvasId: string, changes: CanvasChanges, base?: Canvas): Promise<SaveOutcome>;
  /**
   * Recovers a note of unsaved changes taken before a tab went away, which
   * may be older than what another tab saved since: each card and check is
   * written only where it is at least as new as the stored one (by
   * `updatedAt`), and the canvas row field by field (`domain/merge.ts`
   * `recoverMeta`, against `metaBase`, the row the noting tab had).
   */
  saveNewerChanges(canvasId: string, changes: CanvasChanges, metaBase: CanvasMeta | null): Promise<void>;
  updateMeta(id: string, change: Partial<Pick<CanvasMeta, 'title' | 'deletedAt'>>, now: number): Promise<void>;
  /** Removes for good every canvas in "Recently deleted"; returns how many. */
  purgeDeleted(): Promise<number>;
  /**
   * Stores a planned import in one transaction: all or nothing. A canvas it
   * replaces is kept in its version history first (snapshot taken at `now`).
   */
  importCanvases(plan: ImportPlan, now: number, newId: () => string): Promise<void>;
  /** Version history: newest first, without the canvases they hold. */
  listSnapshots(canvasId: string): Promise<SnapshotListing[]>;
  loadSnapshot(id: string): Promise<Snapshot | null>;
  /** Every saved version of every canvas, whole: for full backups. */
  loadAllSnapshots(): Promise<Snapshot[]>;
  /** Stores a snapshot and prunes that canvas's old ones by the documented rule. */
  addSnapshot(snapshot: Snapshot): Promise<void>;
  latestSnapshotAt(canvasId: string): Promise<number | null>;
  /** Trainers' own templates (presets are bundled, not stored). */
  listTemplates(): Promise<Template[]>;
  saveTemplate(template: Template): Promise<void>;
  deleteTemplate(id: string): Promise<void>;
}
