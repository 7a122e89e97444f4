/**
 * The repository over IndexedDB (through Dexie). Every record read is
 * validated: a bad one is left in place, not shown, and reported once.
 */
import type * as z from 'zod/mini';
import { type CanvasChanges, diffCanvas, metaOf, sameContent } from '../domain/diff';
import { recoverMeta } from '../domain/merge';
import type { ImportPlan } from '../domain/importPlan';
import { assembleCanvas } from '../domain/assemble';
import { type Canvas, type CanvasMeta, type Card, type CheckKey, type EthicsCheck, checkKey } from '../domain/model';
import { canvasMetaSchema, cardSchema, checkSchema, readCanvasObject, snapshotSchema, summaryRecordSchema, templateSchema } from '../domain/schema';
import {
  type CountedRecord,
  type ListedMeta,
  type SummaryRecord,
  countsAfter,
  emptyCounts,
  summaryMatches,
  summaryMeta,
  summaryOf,
  summaryProgress,
} from '../domain/summary';
import { type Snapshot, type SnapshotListing, listingsNewestFirst, makeSnapshot, snapshotsToPrune } from '../domain/snapshots';
import type { Template } from '../domain/templates';
import { type CanvasDatabase, type CardRecord, type CheckRecord, RECORD_VERSION, type SummaryRecord as SummaryRow } from './db';
import { UnreadableCanvasError } from './problems';
import type { CanvasRepository, CanvasSummary, SaveOutcome } from './repository';

function assemble(meta: CanvasMeta, cards: Card[], checks: EthicsCheck[]): Canvas {
  // A check that was never written (or failed validation) reads as "not yet discussed".
  return assembleCanvas(meta, { cards, checks });
}

const summaryRow = (summary: SummaryRecord): SummaryRow => ({ ...summary.meta, counts: summary.counts, v: RECORD_VERSION });
const summaryFields = ({ counts: _counts, v: _v, ...meta }: Omit<SummaryRow, 'v'> & { v?: number }): ListedMeta => summaryMeta(meta);

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

const isNewer = (incoming: { updatedAt: number }, stored: { updatedAt: number } | undefined) =>
  stored === undefined || stored.updatedAt <= incoming.updatedAt;

export class IndexedDbRepository implements CanvasRepository {
  readonly kind = 'indexeddb';
  constructor(private readonly db: CanvasDatabase) {}

  /** From the summaries alone; a canvas whose summary is missing or unreadable is counted from its records (and its summary rewritten). */
  async listCanvases(): Promise<CanvasSummary[]> {
    const { db } = this;
    const [records, ids] = await db.transaction('r', db.summaries, db.canvases, () =>
      Promise.all([db.summaries.toArray(), db.canvases.toCollection().primaryKeys() as Promise<string[]>]),
    );
    const summaries = new Map<string, SummaryRecord>();
    for (const record of records) {
      const parsed = summaryRecordSchema.safeParse(record);
      if (parsed.success) summaries.set(parsed.data.id, { meta: summaryFields(parsed.data), counts: parsed.data.counts });
    }
    const listed: CanvasSummary[] = [];
    for (const id of ids) {
      let summary = summaries.get(id);
      if (!summary) {
        const canvas = await this.loadCanvas(id).catch(() => null);
        if (!canvas) continue; // unreadable: left out of the list, reported when opened
        summary = summaryOf(canvas);
        await this.repairSummary(canvas);
      }
      listed.push({ meta: summary.meta, progress: summaryProgress(summary) });
    }
    return listed;
  }

  /** Rewrites a canvas's summary from what was just read of it, in a transaction of its own. */
  private async repairSummary(canvas: Canvas): Promise<void> {
    await this.db.summaries.put(summaryRow(summaryOf(canvas))).catch(() => {});
  }

  async loadCanvas(id: string): Promise<Canvas | null> {
    const { db } = this;
    const read = await db.transaction('r', db.canvases, db.cards, db.checks, db.summaries, async () => {
      const meta = await db.canvases.get(id);
      if (!meta) return null;
      const parsed = canvasMetaSchema.safeParse(meta);
      if (!parsed.success) throw new UnreadableCanvasError(id);
      const [cards, checks, summary] = await Promise.all([
        db.cards.where('canvasId').equals(id).toArray(),
        db.checks.where('canvasId').equals(id).toArray(),
        db.summaries.get(id),
      ]);
      const canvas = assemble(
        parsed.data,
        validRecords<Card>(cards, cardSchema, 'cards'),
        validRecords<EthicsCheck>(checks, checkSchema, 'checks'),
      );
      const listed = summaryRecordSchema.safeParse(summary);
      return {
        canvas,
        summaryRight: listed.success && summaryMatches({ meta: summaryFields(listed.data), counts: listed.data.counts }, canvas),
      };
    });
    if (!read) return null;
    // A summary that has drifted from the records (a record skipped as unreadable, say) is put right whenever the canvas is read whole.
    if (!read.summaryRight) await this.repairSummary(read.canvas);
    return read.canvas;
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
    return db.transaction('rw', db.canvases, db.cards, db.checks, db.summaries, async () => {
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

  /**
   * The one place records of a canvas are written, with its summary kept up
   * to date from the records changed alone; call inside a transaction that
   * includes the summaries.
   */
  private async write(canvasId: string, changes: CanvasChanges): Promise<void> {
    const { db } = this;
    await this.updateSummary(canvasId, changes);
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

  private async updateSummary(canvasId: string, changes: CanvasChanges): Promise<void> {
    const { db } = this;
    const cardIds = [...changes.cards.map((card) => card.id), ...changes.removedCardIds];
    const checkKeys = changes.checks.map((check): [string, CheckKey] => [canvasId, checkKey(check.step, check.lens)]);
    const [stored, storedCards, storedChecks] = await Promise.all([
      db.summaries.get(canvasId),
      db.cards.bulkGet(cardIds),
      db.checks.bulkGet(checkKeys),
    ]);
    const meta = changes.meta ?? (stored ? null : await db.canvases.get(canvasId));
    if (!stored && !meta) return;
    const card = (record: Card | undefined): CountedRecord | undefined => record && { kind: 'card', record };
    const check = (record: EthicsCheck | undefined): CountedRecord | undefined => record && { kind: 'check', record };
    const counts = countsAfter(stored?.counts ?? emptyCounts(), [
      ...changes.cards.map((after, i) => ({ before: card(storedCards[i]), after: card(after) })),
      ...changes.removedCardIds.map((_, i) => ({ before: card(storedCards[changes.cards.length + i]), after: undefined })),
      ...changes.checks.map((after, i) => ({ before: check(storedChecks[i]), after: check(after) })),
    ]);
    await db.summaries.put({ ...(meta ? summaryMeta(meta) : summaryFields(stored!)), counts, v: RECORD_VERSION });
  }

  async saveNewerChanges(canvasId: string, changes: CanvasChanges, metaBase: CanvasMeta | null): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.canvases, db.cards, db.checks, db.summaries, async () => {
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
      await this.write(canvasId, { ...changes, meta, cards, checks });
    });
  }

  async updateMeta(id: string, change: Partial<Pick<CanvasMeta, 'title' | 'deletedAt'>>, now: number): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.canvases, db.summaries, async () => {
      await db.canvases.update(id, { ...change, updatedAt: now });
      await db.summaries.update(id, { ...change, updatedAt: now });
    });
  }

  async purgeDeleted(): Promise<number> {
    const { db } = this;
    return db.transaction('rw', db.canvases, db.cards, db.checks, db.summaries, async () => {
      const doomed = (await db.canvases.toArray()).filter((meta) => meta.deletedAt !== null).map((meta) => meta.id);
      if (!doomed.length) return 0;
      await db.cards.where('canvasId').anyOf(doomed).delete();
      await db.checks.where('canvasId').anyOf(doomed).delete();
      await db.summaries.bulkDelete(doomed);
      await db.canvases.bulkDelete(doomed);
      return doomed.length;
    });
  }

  async importCanvases(plan: ImportPlan, now: number, newId: () => string): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.canvases, db.cards, db.checks, db.summaries, db.templates, db.snapshots], async () => {
      for (const { canvas, replaces } of plan.canvases) {
        if (replaces) {
          // The canvas being replaced stays in its version history.
          const old = await this.loadCanvas(canvas.id);
          if (old) await this.addSnapshot(makeSnapshot(old, 'before-import', newId(), now));
          await db.cards.where('canvasId').equals(canvas.id).delete();
          await db.checks.where('canvasId').equals(canvas.id).delete();
          await db.summaries.delete(canvas.id);
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
    // Fields a version was saved without read as their defaults; records that fail are left out.
    const canvas = readCanvasObject(record?.canvas);
    if (!record || !fields.success || !canvas) return null;
    const { v: _v, canvas: _stored, ...snapshot } = record;
    return { ...snapshot, canvas };
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
