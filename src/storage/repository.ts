/**
 * The storage module: the only code that knows where canvases live.
 *
 * `openRepository()` tries IndexedDB; when the browser refuses it (some
 * private modes, a locked-down profile), it falls back to memory and says
 * why, so the app keeps working and can still export.
 */
import { Dexie } from 'dexie';
import { canvasProgress, copyTitle, type CanvasProgress } from '../domain/canvas';
import { type CanvasChanges, diffCanvas, isEmptyChange } from '../domain/diff';
import { type Canvas, type CanvasMeta, type Card, type CheckKey, type EthicsCheck, checkKey, emptyChecks } from '../domain/model';
import { canvasMetaSchema, cardSchema, checkSchema, templateSchema } from '../domain/schema';
import { type Snapshot, makeSnapshot, snapshotsToPrune } from '../domain/history-snapshots';
import type { Template } from '../domain/templates';
import { CanvasDatabase, type CardRecord, type CheckRecord, RECORD_VERSION } from './db';
import type { JournalEntry } from './journal';

export interface CanvasSummary {
  meta: CanvasMeta;
  progress: CanvasProgress;
}

export interface CanvasRepository {
  readonly kind: 'indexeddb' | 'memory';
  listCanvases(): Promise<CanvasSummary[]>;
  loadCanvas(id: string): Promise<Canvas | null>;
  /** Writes what changed between `before` (what is stored) and `after`, in one transaction. */
  saveChanges(before: Canvas | null, after: Canvas): Promise<void>;
  updateMeta(id: string, change: Partial<Pick<CanvasMeta, 'title' | 'deletedAt'>>, now: number): Promise<void>;
  /** Removes for good every canvas in "Recently deleted"; returns how many. */
  purgeDeleted(): Promise<number>;
  /** Every canvas, whole, deleted ones included: for full backups. */
  loadAllCanvases(): Promise<Canvas[]>;
  /** Which of these canvas ids are already stored. */
  existingIds(ids: string[]): Promise<string[]>;
  /**
   * Stores imported canvases in one transaction: all or nothing. A canvas
   * whose id is already here replaces it only when `replaceExisting`;
   * otherwise it comes in as a copy with a new id.
   */
  importCanvases(canvases: Canvas[], replaceExisting: boolean, newId: () => string, templates?: Template[]): Promise<ImportSummary>;
  /**
   * Copies changes noted when a tab closed into storage. A record is written
   * only where it is at least as new as the stored one.
   */
  applyJournal(entry: JournalEntry): Promise<void>;
  /** Version history: newest first, without the canvases they hold. */
  listSnapshots(canvasId: string): Promise<Omit<Snapshot, 'canvas'>[]>;
  loadSnapshot(id: string): Promise<Snapshot | null>;
  /** Stores a snapshot and prunes that canvas's old ones by the documented rule. */
  addSnapshot(snapshot: Snapshot): Promise<void>;
  latestSnapshotAt(canvasId: string): Promise<number | null>;
  /** Trainers' own templates (presets are bundled, not stored). */
  listTemplates(): Promise<Template[]>;
  saveTemplate(template: Template): Promise<void>;
  deleteTemplate(id: string): Promise<void>;
}

export interface ImportSummary {
  added: number;
  replaced: number;
  copied: number;
  templates: number;
  /** The ids the imported canvases have now, in file order. */
  ids: string[];
}

/** Imported cards always get fresh ids, so they can never overwrite a card of another canvas. */
function withFreshCardIds(canvas: Canvas, id: string, newId: () => string): Canvas {
  const cards: Record<string, Card> = {};
  for (const card of Object.values(canvas.cards)) {
    const cardId = newId();
    cards[cardId] = { ...card, id: cardId };
  }
  return { ...canvas, id, cards };
}

function planImport(canvases: Canvas[], existing: Set<string>, replaceExisting: boolean, newId: () => string) {
  const summary: ImportSummary = { added: 0, replaced: 0, copied: 0, templates: 0, ids: [] };
  const planned = canvases.map((canvas) => {
    const clash = existing.has(canvas.id);
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
  return { planned, summary };
}

function assemble(meta: CanvasMeta, cards: Card[], checks: EthicsCheck[]): Canvas {
  const cardMap: Record<string, Card> = {};
  for (const card of cards) cardMap[card.id] = card;
  // A check that was never written (or failed validation) reads as "not yet discussed".
  const checkMap = emptyChecks(meta.createdAt);
  for (const check of checks) checkMap[checkKey(check.step, check.lens)] = check;
  return { ...meta, cards: cardMap, checks: checkMap };
}

/** Validated views of stored records: a bad record is left in place, not shown, and reported once. */
function validRecords<T>(records: unknown[], schema: { safeParse(value: unknown): { success: boolean; data?: T } }, what: string): T[] {
  const valid: T[] = [];
  let skipped = 0;
  for (const record of records) {
    const result = schema.safeParse(record);
    if (result.success) valid.push(result.data as T);
    else skipped++;
  }
  if (skipped) console.warn(`Outcome Canvas: ${skipped} stored ${what} could not be read and were left untouched.`);
  return valid;
}

class IndexedDbRepository implements CanvasRepository {
  readonly kind = 'indexeddb';
  constructor(private readonly db: CanvasDatabase) {}

  async listCanvases(): Promise<CanvasSummary[]> {
    return this.db.transaction('r', this.db.canvases, this.db.cards, this.db.checks, async () => {
      const [metas, cards, checks] = await Promise.all([this.db.canvases.toArray(), this.db.cards.toArray(), this.db.checks.toArray()]);
      const cardsBy = groupBy(cards, (card) => card.canvasId);
      const checksBy = groupBy(checks, (check) => check.canvasId);
      return validRecords<CanvasMeta>(metas, canvasMetaSchema, 'canvases').map((meta) => {
        const canvas = assemble(
          meta,
          validRecords<Card>(cardsBy.get(meta.id) ?? [], cardSchema, 'cards'),
          validRecords<EthicsCheck>(checksBy.get(meta.id) ?? [], checkSchema, 'checks'),
        );
        return { meta, progress: canvasProgress(canvas) };
      });
    });
  }

  async loadCanvas(id: string): Promise<Canvas | null> {
    return this.db.transaction('r', this.db.canvases, this.db.cards, this.db.checks, async () => {
      const meta = await this.db.canvases.get(id);
      if (!meta) return null;
      const parsed = canvasMetaSchema.safeParse(meta);
      if (!parsed.success) throw new Error('This canvas is stored in a form this version of the app cannot read.');
      const [cards, checks] = await Promise.all([
        this.db.cards.where('canvasId').equals(id).toArray(),
        this.db.checks.where('canvasId').equals(id).toArray(),
      ]);
      return assemble(
        parsed.data,
        validRecords<Card>(cards, cardSchema, 'cards'),
        validRecords<EthicsCheck>(checks, checkSchema, 'checks'),
      );
    });
  }

  async saveChanges(before: Canvas | null, after: Canvas): Promise<void> {
    const changes = diffCanvas(before, after);
    if (isEmptyChange(changes)) return;
    await this.write(after.id, changes);
  }

  private write(canvasId: string, changes: CanvasChanges): Promise<void> {
    const { db } = this;
    return db.transaction('rw', db.canvases, db.cards, db.checks, async () => {
      if (changes.meta) await db.canvases.put({ ...changes.meta, v: RECORD_VERSION });
      if (changes.cards.length) {
        await db.cards.bulkPut(changes.cards.map((card): CardRecord => ({ ...card, canvasId, v: RECORD_VERSION })));
      }
      if (changes.removedCardIds.length) await db.cards.bulkDelete(changes.removedCardIds);
      if (changes.checks.length) {
        await db.checks.bulkPut(
          changes.checks.map((check): CheckRecord => ({ ...check, canvasId, key: checkKey(check.step, check.lens), v: RECORD_VERSION })),
        );
      }
    });
  }

  async updateMeta(id: string, change: Partial<Pick<CanvasMeta, 'title' | 'deletedAt'>>, now: number): Promise<void> {
    await this.db.canvases.update(id, { ...change, updatedAt: now });
  }

  async loadAllCanvases(): Promise<Canvas[]> {
    const ids = (await this.db.canvases.toCollection().primaryKeys()) as string[];
    const canvases = await Promise.all(ids.map((id) => this.loadCanvas(id)));
    return canvases.filter((canvas): canvas is Canvas => canvas !== null);
  }

  async existingIds(ids: string[]): Promise<string[]> {
    const found = await this.db.canvases.bulkGet(ids);
    return ids.filter((_, i) => found[i] !== undefined);
  }

  async importCanvases(
    canvases: Canvas[],
    replaceExisting: boolean,
    newId: () => string,
    templates: Template[] = [],
  ): Promise<ImportSummary> {
    const { db } = this;
    return db.transaction('rw', [db.canvases, db.cards, db.checks, db.templates, db.snapshots], async () => {
      const existing = new Set(await this.existingIds(canvases.map((canvas) => canvas.id)));
      const { planned, summary } = planImport(canvases, existing, replaceExisting, newId);
      for (const { canvas, replaces } of planned) {
        if (replaces) {
          // The canvas being replaced stays in its version history.
          const old = await this.loadCanvas(canvas.id);
          if (old) await this.addSnapshot(makeSnapshot(old, 'before-import', newId(), Date.now()));
          await db.cards.where('canvasId').equals(canvas.id).delete();
          await db.checks.where('canvasId').equals(canvas.id).delete();
        }
        await this.write(canvas.id, diffCanvas(null, canvas));
      }
      const existingTemplates = new Set((await db.templates.toCollection().primaryKeys()) as string[]);
      for (const template of templates) {
        const id = existingTemplates.has(template.id) && !replaceExisting ? newId() : template.id;
        await db.templates.put({ ...template, id, preset: false, v: RECORD_VERSION });
        summary.templates++;
      }
      return summary;
    });
  }

  async applyJournal({ canvasId, changes }: JournalEntry): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.canvases, db.cards, db.checks, async () => {
      const stored = await db.canvases.get(canvasId);
      if (!stored && !changes.meta) return;
      const meta = changes.meta && (!stored || stored.updatedAt <= changes.meta.updatedAt) ? changes.meta : null;
      const storedCards = await db.cards.bulkGet(changes.cards.map((card) => card.id));
      const cards = changes.cards.filter((card, i) => (storedCards[i]?.updatedAt ?? -1) <= card.updatedAt);
      const storedChecks = await db.checks.bulkGet(
        changes.checks.map((check): [string, CheckKey] => [canvasId, checkKey(check.step, check.lens)]),
      );
      const checks = changes.checks.filter((check, i) => (storedChecks[i]?.updatedAt ?? -1) <= check.updatedAt);
      await this.write(canvasId, { meta, cards, checks, removedCardIds: changes.removedCardIds });
    });
  }

  async listSnapshots(canvasId: string): Promise<Omit<Snapshot, 'canvas'>[]> {
    return newestSummariesFirst(await this.db.snapshots.where('canvasId').equals(canvasId).toArray());
  }

  async loadSnapshot(id: string): Promise<Snapshot | null> {
    const record = await this.db.snapshots.get(id);
    if (!record) return null;
    const meta = canvasMetaSchema.safeParse(record.canvas);
    if (!meta.success) return null;
    const { v: _v, ...snapshot } = record;
    return snapshot;
  }

  async addSnapshot(snapshot: Snapshot): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.snapshots, async () => {
      await db.snapshots.put({ ...snapshot, v: RECORD_VERSION });
      const all = await db.snapshots.where('canvasId').equals(snapshot.canvasId).toArray();
      const doomed = snapshotsToPrune(all, snapshot.takenAt);
      if (doomed.length) await db.snapshots.bulkDelete(doomed);
    });
  }

  async latestSnapshotAt(canvasId: string): Promise<number | null> {
    const last = await this.db.snapshots.where('[canvasId+takenAt]').between([canvasId, -Infinity], [canvasId, Infinity]).last();
    return last?.takenAt ?? null;
  }

  async listTemplates(): Promise<Template[]> {
    return validRecords<Template>(await this.db.templates.toArray(), templateSchema, 'templates');
  }

  async saveTemplate(template: Template): Promise<void> {
    await this.db.templates.put({ ...template, v: RECORD_VERSION });
  }

  async deleteTemplate(id: string): Promise<void> {
    await this.db.templates.delete(id);
  }

  async purgeDeleted(): Promise<number> {
    const { db } = this;
    return db.transaction('rw', db.canvases, db.cards, db.checks, async () => {
      const doomed = (await db.canvases.toArray()).filter((meta) => meta.deletedAt !== null).map((meta) => meta.id);
      if (!doomed.length) return 0;
      await db.cards.where('canvasId').anyOf(doomed).delete();
      await db.checks.where('canvasId').anyOf(doomed).delete();
      await db.canvases.bulkDelete(doomed);
      return doomed.length;
    });
  }
}

/** Keeps canvases for the life of the tab only. */
export class MemoryRepository implements CanvasRepository {
  readonly kind = 'memory';
  private readonly canvases = new Map<string, Canvas>();
  private readonly templates = new Map<string, Template>();

  async listCanvases(): Promise<CanvasSummary[]> {
    return [...this.canvases.values()].map((canvas) => {
      const { cards: _cards, checks: _checks, ...meta } = canvas;
      return { meta, progress: canvasProgress(canvas) };
    });
  }
  async loadCanvas(id: string): Promise<Canvas | null> {
    return this.canvases.get(id) ?? null;
  }
  async saveChanges(_before: Canvas | null, after: Canvas): Promise<void> {
    this.canvases.set(after.id, after);
  }
  async updateMeta(id: string, change: Partial<Pick<CanvasMeta, 'title' | 'deletedAt'>>, now: number): Promise<void> {
    const canvas = this.canvases.get(id);
    if (canvas) this.canvases.set(id, { ...canvas, ...change, updatedAt: now });
  }
  async loadAllCanvases(): Promise<Canvas[]> {
    return [...this.canvases.values()];
  }
  async existingIds(ids: string[]): Promise<string[]> {
    return ids.filter((id) => this.canvases.has(id));
  }
  async importCanvases(
    canvases: Canvas[],
    replaceExisting: boolean,
    newId: () => string,
    templates: Template[] = [],
  ): Promise<ImportSummary> {
    const { planned, summary } = planImport(canvases, new Set(this.canvases.keys()), replaceExisting, newId);
    for (const { canvas } of planned) this.canvases.set(canvas.id, canvas);
    for (const template of templates) {
      const id = this.templates.has(template.id) && !replaceExisting ? newId() : template.id;
      this.templates.set(id, { ...template, id, preset: false });
      summary.templates++;
    }
    return summary;
  }
  private readonly snapshots = new Map<string, Snapshot>();
  async listSnapshots(canvasId: string): Promise<Omit<Snapshot, 'canvas'>[]> {
    return newestSummariesFirst([...this.snapshots.values()].filter((snapshot) => snapshot.canvasId === canvasId));
  }
  async loadSnapshot(id: string): Promise<Snapshot | null> {
    return this.snapshots.get(id) ?? null;
  }
  async addSnapshot(snapshot: Snapshot): Promise<void> {
    this.snapshots.set(snapshot.id, snapshot);
    const doomed = snapshotsToPrune(
      [...this.snapshots.values()].filter((other) => other.canvasId === snapshot.canvasId),
      snapshot.takenAt,
    );
    doomed.forEach((id) => this.snapshots.delete(id));
  }
  async latestSnapshotAt(canvasId: string): Promise<number | null> {
    const times = [...this.snapshots.values()].filter((snapshot) => snapshot.canvasId === canvasId).map((snapshot) => snapshot.takenAt);
    return times.length ? Math.max(...times) : null;
  }
  async applyJournal(): Promise<void> {
    // Nothing outlives the tab in memory, so there is nothing to recover into.
  }
  async listTemplates(): Promise<Template[]> {
    return [...this.templates.values()];
  }
  async saveTemplate(template: Template): Promise<void> {
    this.templates.set(template.id, template);
  }
  async deleteTemplate(id: string): Promise<void> {
    this.templates.delete(id);
  }
  async purgeDeleted(): Promise<number> {
    let count = 0;
    for (const [id, canvas] of this.canvases) {
      if (canvas.deletedAt !== null) {
        this.canvases.delete(id);
        count++;
      }
    }
    return count;
  }
}

/** Snapshots for the history list: newest first, without the canvases they hold. */
function newestSummariesFirst(snapshots: (Snapshot & { v?: number })[]): Omit<Snapshot, 'canvas'>[] {
  return snapshots.map(({ canvas: _canvas, v: _v, ...rest }) => rest).sort((a, b) => b.takenAt - a.takenAt);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export interface OpenedStorage {
  repository: CanvasRepository;
  /** Why the app is working in memory, in words for the user; null when saving to the browser. */
  problem: string | null;
}

/**
 * `onUpgradedElsewhere` runs when another tab opens the database with a
 * newer version of the app: this tab lets go of it (so the upgrade can go
 * ahead) and must be reloaded to keep saving.
 */
export async function openRepository(name?: string, onUpgradedElsewhere: () => void = () => {}): Promise<OpenedStorage> {
  const db = new CanvasDatabase(name);
  db.on('versionchange', () => {
    db.close();
    onUpgradedElsewhere();
    return false;
  });
  try {
    await db.open();
    return { repository: new IndexedDbRepository(db), problem: null };
  } catch (error) {
    console.warn('Outcome Canvas: IndexedDB could not be opened; working in memory.', error);
    return { repository: new MemoryRepository(), problem: describeOpenError(error, db.upgradeStarted) };
  }
}

function describeOpenError(error: unknown, upgradeStarted: boolean): string {
  // An upgrade runs in one transaction: when it fails, IndexedDB rolls it back and the old data stays as it was.
  if (upgradeStarted || error instanceof Dexie.UpgradeError) {
    return 'Outcome Canvas could not update the way it stores your canvases, so it left them exactly as they were. They are safe, but this version cannot open them: reload, and if this message comes back, use the version you had before.';
  }
  if (error instanceof Dexie.MissingAPIError || error instanceof Dexie.OpenFailedError || error instanceof Dexie.InvalidStateError) {
    return 'This browser is not letting Outcome Canvas save anything (this happens in some private windows and locked-down profiles).';
  }
  if (error instanceof Dexie.VersionError) {
    return 'Your saved canvases were written by a newer version of Outcome Canvas. Reload to get the newest version.';
  }
  return 'Outcome Canvas could not open its storage in this browser.';
}

export function describeWriteError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = error instanceof Dexie.DexieError ? (error.inner as Error | undefined)?.name : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'The browser has run out of storage space for this site, so your latest changes are not saved. They are still here in this tab: export the canvas now.';
  }
  return 'Your latest changes could not be saved to this browser. They are still here in this tab: export the canvas to keep a copy.';
}
