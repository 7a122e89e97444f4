/**
 * The repository over IndexedDB (through Dexie). Every record read is
 * validated: a bad one is left in place, not shown, and reported once.
 */
import type * as z from 'zod/mini';
import { canvasProgress } from '../domain/canvas';
import { type CanvasChanges, diffCanvas, metaOf, sameContent } from '../domain/diff';
import { recoverMeta } from '../domain/merge';
import type { ImportPlan } from '../domain/importPlan';
import { type Canvas, type CanvasMeta, type Card, type CheckKey, type EthicsCheck, checkKey, emptyChecks } from '../domain/model';
import { canvasMetaSchema, cardSchema, checkSchema, snapshotSchema, templateSchema } from '../domain/schema';
import { type Snapshot, type SnapshotListing, listingsNewestFirst, makeSnapshot, snapshotsToPrune } from '../domain/snapshots';
import type { Template } from '../domain/templates';
import { type CanvasDatabase, type CardRecord, type CheckRecord, RECORD_VERSION } from './db';
import { UnreadableCanvasError } from './problems';
import type { CanvasRepository, CanvasSummary, SaveOutcome } from './repository';

function assemble(meta: CanvasMeta, cards: Card[], checks: EthicsCheck[]): Canvas {
  const cardMap: Record<string, Card> = {};
  for (const card of cards) cardMap[card.id] = card;
  // A check that was never written (or failed validation) reads as "not yet discussed".
  const checkMap = emptyChecks(meta.createdAt);
  for (const check of checks) checkMap[checkKey(check.step, check.lens)] = check;
  return { ...meta, cards: cardMap, checks: checkMap };
}

/** Validated views of stored records: a bad record is left in place, not shown, and reported once. */
function validRecords<T>(records: unknown[], schema: z.ZodMiniType<T>, what: string): T[] {
  const valid: T[] = [];
  let skipped = 0;
  for (const record of records) {
    const result = schema.safeParse(record);
    if (result.success) valid.push(result.data);
    else skipped++;
  }
  if (skipped) console.warn(`Outcome Canvas: ${skipped} stored ${what} could not be read and were left untouched.`);
  return valid;
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

const isNewer = (incoming: { updatedAt: number }, stored: { updatedAt: number } | undefined) =>
  stored === undefined || stored.updatedAt <= incoming.updatedAt;

export class IndexedDbRepository implements CanvasRepository {
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
      if (!parsed.success) throw new UnreadableCanvasError(id);
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

  async loadAllCanvases(): Promise<Canvas[]> {
    const ids = (await this.db.canvases.toCollection().primaryKeys()) as string[];
    const canvases = await Promise.all(ids.map((id) => this.loadCanvas(id)));
    return canvases.filter((canvas): canvas is Canvas => canvas !== null);
  }

  async existingIds(ids: string[]): Promise<string[]> {
    const found = await this.db.canvases.bulkGet(ids);
    return ids.filter((_, i) => found[i] !== undefined);
  }

  saveChanges(canvasId: string, changes: CanvasChanges, base?: Canvas): Promise<SaveOutcome> {
    const { db } = this;
    // Checked and written in one readwrite transaction, which IndexedDB runs alone across tabs.
    return db.transaction('rw', db.canvases, db.cards, db.checks, async () => {
      if (base && (await this.changedSince(canvasId, changes, base))) return 'conflict';
      await this.write(canvasId, changes);
      return 'saved';
    });
  }

  /** Whether any record these changes would write differs in storage from `base`. */
  private async changedSince(canvasId: string, changes: CanvasChanges, base: Canvas): Promise<boolean> {
    const { db } = this;
    if (changes.meta && !sameContent(await db.canvases.get(canvasId), metaOf(base))) return true;
    const cardIds = [...changes.cards.map((card) => card.id), ...changes.removedCardIds];
    const storedCards = await db.cards.bulkGet(cardIds);
    if (cardIds.some((id, i) => !sameContent(storedCards[i], base.cards[id]))) return true;
    const keys = changes.checks.map((check) => checkKey(check.step, check.lens));
    const storedChecks = await db.checks.bulkGet(keys.map((key): [string, CheckKey] => [canvasId, key]));
    // A check never written reads as "not yet discussed"; only a stored one can have been changed by someone else.
    return keys.some((key, i) => storedChecks[i] !== undefined && !sameContent(storedChecks[i], base.checks[key]));
  }

  /** The one place records of a canvas are written; call inside a transaction. */
  private async write(canvasId: string, changes: CanvasChanges): Promise<void> {
    const { db } = this;
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
  }

  async saveNewerChanges(canvasId: string, changes: CanvasChanges, metaBase: CanvasMeta | null): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.canvases, db.cards, db.checks, async () => {
      const stored = await db.canvases.get(canvasId);
      if (!stored && !changes.meta) return;
      const storedMeta = stored && canvasMetaSchema.safeParse(stored);
      const meta = !changes.meta
        ? null
        : storedMeta?.success
          ? recoverMeta(storedMeta.data, changes.meta, metaBase ?? storedMeta.data)
          : changes.meta;
      const storedCards = await db.cards.bulkGet(changes.cards.map((card) => card.id));
      const cards = changes.cards.filter((card, i) => isNewer(card, storedCards[i]));
      const storedChecks = await db.checks.bulkGet(
        changes.checks.map((check): [string, CheckKey] => [canvasId, checkKey(check.step, check.lens)]),
      );
      const checks = changes.checks.filter((check, i) => isNewer(check, storedChecks[i]));
      await this.write(canvasId, { meta, cards, checks, removedCardIds: changes.removedCardIds });
    });
  }

  async updateMeta(id: string, change: Partial<Pick<CanvasMeta, 'title' | 'deletedAt'>>, now: number): Promise<void> {
    await this.db.canvases.update(id, { ...change, updatedAt: now });
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

  async importCanvases(plan: ImportPlan, now: number, newId: () => string): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.canvases, db.cards, db.checks, db.templates, db.snapshots], async () => {
      for (const { canvas, replaces } of plan.canvases) {
        if (replaces) {
          // The canvas being replaced stays in its version history.
          const old = await this.loadCanvas(canvas.id);
          if (old) await this.addSnapshot(makeSnapshot(old, 'before-import', newId(), now));
          await db.cards.where('canvasId').equals(canvas.id).delete();
          await db.checks.where('canvasId').equals(canvas.id).delete();
        }
        await this.write(canvas.id, diffCanvas(null, canvas));
      }
      if (plan.templates.length) await db.templates.bulkPut(plan.templates.map((template) => ({ ...template, v: RECORD_VERSION })));
    });
  }

  async listSnapshots(canvasId: string): Promise<SnapshotListing[]> {
    const records = await this.db.snapshots.where('canvasId').equals(canvasId).toArray();
    // (The schema leaves out the record version and all but the canvas's cards and checks; the listing drops the canvas.)
    return listingsNewestFirst(validRecords(records, snapshotSchema, 'versions'));
  }

  async loadSnapshot(id: string): Promise<Snapshot | null> {
    const record = await this.db.snapshots.get(id);
    const fields = snapshotSchema.safeParse(record);
    const meta = canvasMetaSchema.safeParse(record?.canvas);
    if (!record || !fields.success || !meta.success) return null;
    const { v: _v, canvas, ...snapshot } = record;
    const cards = validRecords<Card>(Object.values(canvas.cards), cardSchema, 'cards in a version');
    const checks = validRecords<EthicsCheck>(Object.values(canvas.checks), checkSchema, 'checks in a version');
    return { ...snapshot, canvas: assemble(meta.data, cards, checks) };
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
}
