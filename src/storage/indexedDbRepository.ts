/**
 * The repository over IndexedDB (through Dexie). Every record read is
 * checked: one this app wrote in the current record version is read as it
 * is, anything else goes through the validators (`storedRecords.ts`); a bad
 * one is left in place, not shown, and reported once.
 */
import type * as z from 'zod/mini';
import { assembleCanvas } from '../domain/assemble';
import { checkAt } from '../domain/canvas';
import { type CanvasChanges, diffCanvas, metaOf, sameContent } from '../domain/diff';
import { recordOf } from '../domain/idMap';
import type { ImportPlan } from '../domain/importPlan';
import { recoverMeta } from '../domain/merge';
import {
  type ActionItem,
  type AnyCheckKey,
  type Canvas,
  type CanvasMeta,
  type Card,
  type EthicsCheck,
  type GovernanceCheck,
  checkKey,
  governanceKey,
  isUndiscussedCheck,
  undiscussedCheck,
} from '../domain/model';
import { type Snapshot, type SnapshotListing, listingsNewestFirst, makeSnapshot, snapshotsToPrune } from '../domain/snapshots';
import {
  type CountedRecord,
  type ListedMeta,
  type SummaryRecord,
  countedCheck,
  countsAfter,
  emptyCounts,
  summaryMatches,
  summaryMeta,
  summaryOf,
  summaryProgress,
} from '../domain/summary';
import type { Template } from '../domain/templates';
import {
  type ActionItemRecord,
  type CanvasDatabase,
  type CanvasRecord,
  type CardRecord,
  type CheckRecord,
  type DatasetRecord,
  RECORD_VERSION,
  type SummaryRecord as SummaryRow,
} from './db';
import { UnreadableCanvasError } from './problems';
import type { CanvasRepository, CanvasSummary, SaveOutcome } from './repository';
import { loadValidators, readRecord, readRecords } from './storedRecords';

interface StoredParts {
  cards: unknown[];
  checks: unknown[];
  actionItems: unknown[];
  datasets: unknown[];
}

const isGovernanceRecord = (record: unknown) =>
  typeof (record as CheckRecord | undefined)?.key === 'string' && (record as CheckRecord).key.startsWith('governance:');

/**
 * A canvas from its stored records, each checked (a bad one is left out
 * and reported). A check never written reads as "not yet discussed".
 */
async function assemble(meta: CanvasMeta, parts: StoredParts): Promise<Canvas> {
  const [cards, checks, governance, actionItems, datasets] = await Promise.all([
    readRecords('card', parts.cards, 'cards'),
    readRecords(
      'check',
      parts.checks.filter((record) => !isGovernanceRecord(record)),
      'checks',
    ),
    readRecords('governance', parts.checks.filter(isGovernanceRecord), 'governance checks'),
    readRecords('actionItem', parts.actionItems, 'actions'),
    readRecords('dataset', parts.datasets, 'data sets'),
  ]);
  return assembleCanvas(meta, { cards, checks, governance, actionItems, datasets });
}

const summaryRow = (summary: SummaryRecord): SummaryRow => ({ ...summary.meta, counts: summary.counts, v: RECORD_VERSION });
const summaryFields = ({ counts: _counts, v: _v, ...meta }: Omit<SummaryRow, 'v'> & { v?: number }): ListedMeta => summaryMeta(meta);

/** Validated views of records that only the validators read (versions, templates): a bad record is left in place, not shown, and reported once. */
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

interface RecordRows {
  cards: CardRecord[];
  checks: CheckRecord[];
  actionItems: ActionItemRecord[];
  datasets: DatasetRecord[];
}

/** The rows the changed records of a canvas are stored as. */
function recordRows(canvasId: string, changes: CanvasChanges): RecordRows {
  return {
    cards: changes.cards.map((card) => ({ ...card, canvasId, v: RECORD_VERSION })),
    checks: [
      ...changes.checks.map((check) => ({ ...check, canvasId, key: checkKey(check.step, check.lens), v: RECORD_VERSION })),
      ...changes.governance.map((check) => ({ ...check, canvasId, key: governanceKey(check.id), v: RECORD_VERSION })),
    ],
    actionItems: changes.actionItems.map((item) => ({ ...item, canvasId, v: RECORD_VERSION })),
    datasets: changes.datasets.map((dataset) => ({ ...dataset, canvasId, v: RECORD_VERSION })),
  };
}

export class IndexedDbRepository implements CanvasRepository {
  readonly kind = 'indexeddb';
  constructor(private readonly db: CanvasDatabase) {}

  /** Every table a save of one canvas writes: its records and its summary. */
  private get canvasTables() {
    const { db } = this;
    return [db.canvases, db.cards, db.checks, db.actionItems, db.datasets, db.summaries];
  }

  /** From the summaries alone; a canvas whose summary is missing or unreadable is counted from its records (and its summary rewritten). */
  async listCanvases(): Promise<CanvasSummary[]> {
    const { db } = this;
    const [records, ids] = await db.transaction('r', db.summaries, db.canvases, () =>
      Promise.all([db.summaries.toArray(), db.canvases.toCollection().primaryKeys() as Promise<string[]>]),
    );
    const summaries = new Map<string, SummaryRecord>();
    for (const record of await readRecords('summary', records, 'library summaries')) {
      summaries.set(record.id, { meta: summaryFields(record), counts: record.counts });
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
    const stored = await db.transaction('r', this.canvasTables, async () => {
      const meta = await db.canvases.get(id);
      if (!meta) return null;
      const [cards, checks, actionItems, datasets, summary] = await Promise.all([
        db.cards.where('canvasId').equals(id).toArray(),
        db.checks.where('canvasId').equals(id).toArray(),
        db.actionItems.where('canvasId').equals(id).toArray(),
        db.datasets.where('canvasId').equals(id).toArray(),
        db.summaries.get(id),
      ]);
      return { meta, parts: { cards, checks, actionItems, datasets }, summary };
    });
    if (!stored) return null;
    // Checked once read, outside the transaction: the validators may have to be loaded first.
    const meta = await readRecord('meta', stored.meta);
    if (!meta) throw new UnreadableCanvasError(id);
    const canvas = await assemble(meta, stored.parts);
    await this.checkSummary(canvas, stored.summary);
    return canvas;
  }

  /** A summary that has drifted from the records (a record skipped as unreadable, say) is put right whenever the canvas is read whole. */
  private async checkSummary(canvas: Canvas, stored: unknown): Promise<void> {
    const listed = stored === undefined ? undefined : await readRecord('summary', stored);
    if (!listed || !summaryMatches({ meta: summaryFields(listed), counts: listed.counts }, canvas)) await this.repairSummary(canvas);
  }

  async adoptEarlyRead(canvas: Canvas): Promise<Canvas | null> {
    const { db } = this;
    const [meta, summary] = await db.transaction('r', db.canvases, db.summaries, () =>
      Promise.all([db.canvases.get(canvas.id), db.summaries.get(canvas.id)]),
    );
    // Every save of a canvas writes its row (each edit moves its updatedAt), and so does a rename or a
    // delete elsewhere: a row unchanged since the early read says no save came in between.
    if (!meta || !sameContent(meta, metaOf(canvas))) return null;
    await this.checkSummary(canvas, summary);
    return canvas;
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

  async cardOwners(ids: string[]): Promise<Map<string, string>> {
    const found = await this.db.cards.bulkGet(ids);
    const owners = new Map<string, string>();
    found.forEach((card, i) => card && owners.set(ids[i]!, card.canvasId));
    return owners;
  }

  async existingSnapshotIds(ids: string[]): Promise<string[]> {
    const found = await this.db.snapshots.bulkGet(ids);
    return ids.filter((_, i) => found[i] !== undefined);
  }

  saveChanges(canvasId: string, changes: CanvasChanges, base?: Canvas): Promise<SaveOutcome> {
    // Checked and written in one readwrite transaction, which IndexedDB runs alone across tabs.
    return this.db.transaction('rw', this.canvasTables, async () => {
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
    if (cardIds.some((id, i) => !sameContent(storedCards[i], recordOf(base.cards, id)))) return true;
    const keys = this.checkKeysOf(changes);
    const storedChecks = await db.checks.bulkGet(keys.map((key): [string, AnyCheckKey] => [canvasId, key]));
    // A check never written reads as "not yet discussed"; only a stored one can have been changed by someone else.
    if (keys.some((key, i) => storedChecks[i] !== undefined && !sameContent(storedChecks[i], checkAt(base, key)))) return true;
    const byCanvas = (ids: string[]) => ids.map((id): [string, string] => [canvasId, id]);
    const itemIds = [...changes.actionItems.map((item) => item.id), ...changes.removedActionItemIds];
    const storedItems = await db.actionItems.bulkGet(byCanvas(itemIds));
    if (itemIds.some((id, i) => !sameContent(storedItems[i], recordOf(base.actionItems, id)))) return true;
    const datasetIds = [...changes.datasets.map((dataset) => dataset.id), ...changes.removedDatasetIds];
    const storedDatasets = await db.datasets.bulkGet(byCanvas(datasetIds));
    return datasetIds.some((id, i) => !sameContent(storedDatasets[i], recordOf(base.datasets, id)));
  }

  /** The keys of the checks of both kinds these changes write, ethics checks first. */
  private checkKeysOf(changes: CanvasChanges): AnyCheckKey[] {
    return [
      ...changes.checks.map((check) => checkKey(check.step, check.lens)),
      ...changes.governance.map((check) => governanceKey(check.id)),
    ];
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
    const rows = recordRows(canvasId, changes);
    if (rows.cards.length) await db.cards.bulkPut(rows.cards);
    if (changes.removedCardIds.length) await db.cards.bulkDelete(changes.removedCardIds);
    if (rows.checks.length) await db.checks.bulkPut(rows.checks);
    const byCanvas = (ids: string[]) => ids.map((id): [string, string] => [canvasId, id]);
    if (rows.actionItems.length) await db.actionItems.bulkPut(rows.actionItems);
    if (changes.removedActionItemIds.length) await db.actionItems.bulkDelete(byCanvas(changes.removedActionItemIds));
    if (rows.datasets.length) await db.datasets.bulkPut(rows.datasets);
    if (changes.removedDatasetIds.length) await db.datasets.bulkDelete(byCanvas(changes.removedDatasetIds));
  }

  private async updateSummary(canvasId: string, changes: CanvasChanges): Promise<void> {
    const { db } = this;
    const cardIds = [...changes.cards.map((card) => card.id), ...changes.removedCardIds];
    const checkKeys = this.checkKeysOf(changes).map((key): [string, AnyCheckKey] => [canvasId, key]);
    const itemKeys = [...changes.actionItems.map((item) => item.id), ...changes.removedActionItemIds].map((id): [string, string] => [
      canvasId,
      id,
    ]);
    const [stored, storedCards, storedChecks, storedItems] = await Promise.all([
      db.summaries.get(canvasId),
      db.cards.bulkGet(cardIds),
      db.checks.bulkGet(checkKeys),
      db.actionItems.bulkGet(itemKeys),
    ]);
    const meta = changes.meta ?? (stored ? null : await db.canvases.get(canvasId));
    if (!stored && !meta) return;
    const card = (record: Card | undefined): CountedRecord | undefined => record && { kind: 'card', record };
    const check = (record: EthicsCheck | GovernanceCheck | undefined): CountedRecord | undefined => record && countedCheck(record);
    const item = (record: ActionItem | undefined): CountedRecord | undefined => record && { kind: 'actionItem', record };
    const checks = [...changes.checks, ...changes.governance];
    const items = changes.actionItems.length;
    const counts = countsAfter(stored?.counts ?? emptyCounts(), [
      ...changes.cards.map((after, i) => ({ before: card(storedCards[i]), after: card(after) })),
      ...changes.removedCardIds.map((_, i) => ({ before: card(storedCards[changes.cards.length + i]), after: undefined })),
      // A check never stored was counted as undiscussed (summaryOf counts every check a canvas has; a restore stores only discussed ones).
      ...checks.map((after, i) => ({
        before: check(storedChecks[i] ?? (stored ? undiscussedCheck(after, stored.createdAt) : undefined)),
        after: check(after),
      })),
      ...changes.actionItems.map((after, i) => ({ before: item(storedItems[i]), after: item(after) })),
      ...changes.removedActionItemIds.map((_, i) => ({ before: item(storedItems[items + i]), after: undefined })),
    ]);
    await db.summaries.put({ ...(meta ? summaryMeta(meta) : summaryFields(stored!)), counts, v: RECORD_VERSION });
  }

  async saveNewerChanges(canvasId: string, changes: CanvasChanges, metaBase: CanvasMeta | null): Promise<void> {
    const { db } = this;
    const { canvasMetaSchema } = await loadValidators(); // before the transaction, which cannot wait for a download
    await db.transaction('rw', this.canvasTables, async () => {
      const stored = await db.canvases.get(canvasId);
      if (!stored && !changes.meta) return;
      const storedMeta = stored && canvasMetaSchema.safeParse(stored);
      const meta = !changes.meta
        ? null
        : storedMeta?.success
          ? recoverMeta(storedMeta.data, changes.meta, metaBase ?? storedMeta.data)
          : changes.meta;
      const newer = async <T extends { updatedAt: number }, K>(
        records: T[],
        get: (keys: K[]) => Promise<({ updatedAt: number } | undefined)[]>,
        key: (record: T) => K,
      ) => {
        const storedRecords = await get(records.map(key));
        return records.filter((record, i) => isNewer(record, storedRecords[i]));
      };
      const inCanvas = <K>(key: K): [string, K] => [canvasId, key];
      const cards = await newer(
        changes.cards,
        (ids: string[]) => db.cards.bulkGet(ids),
        (card) => card.id,
      );
      const checks = await newer(
        changes.checks,
        (keys: [string, AnyCheckKey][]) => db.checks.bulkGet(keys),
        (check) => inCanvas<AnyCheckKey>(checkKey(check.step, check.lens)),
      );
      const governance = await newer(
        changes.governance,
        (keys: [string, AnyCheckKey][]) => db.checks.bulkGet(keys),
        (check) => inCanvas<AnyCheckKey>(governanceKey(check.id)),
      );
      const actionItems = await newer(
        changes.actionItems,
        (keys: [string, string][]) => db.actionItems.bulkGet(keys),
        (record) => inCanvas(record.id),
      );
      const datasets = await newer(
        changes.datasets,
        (keys: [string, string][]) => db.datasets.bulkGet(keys),
        (record) => inCanvas(record.id),
      );
      await this.write(canvasId, { ...changes, meta, cards, checks, governance, actionItems, datasets });
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
    return db.transaction('rw', [...this.canvasTables, db.snapshots], async () => {
      const doomed = (await db.canvases.toArray()).filter((meta) => meta.deletedAt !== null).map((meta) => meta.id);
      if (!doomed.length) return 0;
      // Every record of the canvas goes, its version history too: nothing of it is left behind.
      for (const table of [db.cards, db.checks, db.actionItems, db.datasets, db.snapshots])
        await table.where('canvasId').anyOf(doomed).delete();
      await db.summaries.bulkDelete(doomed);
      await db.canvases.bulkDelete(doomed);
      return doomed.length;
    });
  }

  async importCanvases(plan: ImportPlan, now: number, newId: () => string): Promise<void> {
    const { db } = this;
    await loadValidators(); // a replaced canvas is read inside the transaction, which cannot wait for a download
    await db.transaction('rw', [...this.canvasTables, db.templates, db.snapshots], async () => {
      const replaced = plan.canvases.filter(({ replaces }) => replaces).map(({ canvas }) => canvas.id);
      for (const id of replaced) {
        // The canvas being replaced stays in its version history.
        const old = await this.loadCanvas(id);
        if (old) await this.addSnapshot(makeSnapshot(old, 'before-import', newId(), now));
      }
      if (replaced.length) {
        for (const table of [db.cards, db.checks, db.actionItems, db.datasets]) await table.where('canvasId').anyOf(replaced).delete();
      }
      // Nothing of these canvases is stored now (a replaced one's records are gone, and the plan gave clashing ids new ones),
      // so each summary is counted from the canvas, and every table gets one write for all of them: a write per canvas
      // that read its records back first cost a trainer's library of hundreds of canvases seconds on an old laptop.
      const canvases = plan.canvases.map(({ canvas }) => canvas);
      const rows = canvases.map((canvas) => {
        const changes = diffCanvas(null, canvas);
        // A check nobody has discussed reads the same unstored (assembleCanvas): an empty canvas is two rows, not forty.
        const discussed = <T extends EthicsCheck | GovernanceCheck>(checks: T[]) =>
          checks.filter((check) => !isUndiscussedCheck(check, canvas.createdAt));
        return recordRows(canvas.id, { ...changes, checks: discussed(changes.checks), governance: discussed(changes.governance) });
      });
      await Promise.all([
        db.canvases.bulkPut(canvases.map((canvas): CanvasRecord => ({ ...metaOf(canvas), v: RECORD_VERSION }))),
        db.summaries.bulkPut(canvases.map((canvas) => summaryRow(summaryOf(canvas)))),
        db.cards.bulkPut(rows.flatMap((own) => own.cards)),
        db.checks.bulkPut(rows.flatMap((own) => own.checks)),
        db.actionItems.bulkPut(rows.flatMap((own) => own.actionItems)),
        db.datasets.bulkPut(rows.flatMap((own) => own.datasets)),
      ]);
      if (plan.snapshots.length) await db.snapshots.bulkPut(plan.snapshots.map((snapshot) => ({ ...snapshot, v: RECORD_VERSION })));
      if (plan.templates.length) await db.templates.bulkPut(plan.templates.map((template) => ({ ...template, v: RECORD_VERSION })));
    });
  }

  async listSnapshots(canvasId: string): Promise<SnapshotListing[]> {
    const { snapshotSchema } = await loadValidators();
    const records = await this.db.snapshots.where('canvasId').equals(canvasId).toArray();
    // (The schema leaves out the record version and all but the canvas's cards and checks; the listing drops the canvas.)
    return listingsNewestFirst(validRecords(records, snapshotSchema, 'versions'));
  }

  async loadSnapshot(id: string): Promise<Snapshot | null> {
    const { snapshotSchema, readCanvasObject } = await loadValidators();
    const record = await this.db.snapshots.get(id);
    const fields = snapshotSchema.safeParse(record);
    // Fields a version was saved without read as their defaults; records that fail are left out.
    const canvas = readCanvasObject(record?.canvas);
    if (!record || !fields.success || !canvas) return null;
    const { v: _v, canvas: _stored, ...snapshot } = record;
    return { ...snapshot, canvas };
  }

  async loadAllSnapshots(): Promise<Snapshot[]> {
    const ids = (await this.db.snapshots.toCollection().primaryKeys()) as string[];
    const snapshots = await Promise.all(ids.map((id) => this.loadSnapshot(id)));
    return snapshots.filter((snapshot): snapshot is Snapshot => snapshot !== null);
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
    // The index's key alone ([canvasId, takenAt]): a version holds a whole canvas, and reading one back at every
    // opening would cost as much as the opening's own read.
    const [last] = await this.db.snapshots
      .where('[canvasId+takenAt]')
      .between([canvasId, -Infinity], [canvasId, Infinity])
      .reverse()
      .limit(1)
      .keys();
    const takenAt = Array.isArray(last) ? last[1] : undefined;
    return typeof takenAt === 'number' ? takenAt : null;
  }

  async listTemplates(): Promise<Template[]> {
    const { templateSchema } = await loadValidators();
    return validRecords<Template>(await this.db.templates.toArray(), templateSchema, 'templates');
  }

  async saveTemplate(template: Template): Promise<void> {
    await this.db.templates.put({ ...template, v: RECORD_VERSION });
  }

  async deleteTemplate(id: string): Promise<void> {
    await this.db.templates.delete(id);
  }
}
