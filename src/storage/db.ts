/**
 * The one IndexedDB database, through Dexie.
 *
 * DO NOT change a table name, key or index, or the shape of a record,
 * without adding a new `db.version(n)` below with an upgrade function. Old
 * versions stay declared so Dexie can upgrade a browser from any of them.
 * Every record also carries `v`, the record schema version it was written in.
 */
import { Dexie, type Table } from 'dexie';
import type { ActionItem, AnyCheckKey, CanvasMeta, Card, Dataset, EthicsCheck, GovernanceCheck } from '../domain/model';
import type { Snapshot } from '../domain/snapshots';
import type { Template } from '../domain/templates';
import type { SummaryCounts, SummaryRecord as Summary } from '../domain/summary';
import {
  canvasV1toV2,
  canvasV2toV3,
  cardV2toV3,
  checkV2toV3,
  governanceChecksV5,
  recordV1toV2,
  snapshotV2toV3,
  summaryV4,
  summaryV5,
  templateV2toV3,
} from './migrations';
import { DATABASE_NAME } from './schemaVersion';

export { DATABASE_NAME, RECORD_VERSION, SCHEMA_VERSION } from './schemaVersion';

export interface CanvasRecord extends CanvasMeta {
  v: number;
}

export interface CardRecord extends Card {
  v: number;
  canvasId: string;
}

/** An ethics check (key `step:lens`) or a governance check (key `governance:<id>`), in one table. */
export type CheckRecord = (EthicsCheck | GovernanceCheck) & {
  v: number;
  canvasId: string;
  key: AnyCheckKey;
};

/** An entry in a canvas's action log; ids are unique within a canvas. */
export interface ActionItemRecord extends ActionItem {
  v: number;
  canvasId: string;
}

/** A data set in a canvas's data inventory; ids are unique within a canvas. */
export interface DatasetRecord extends Dataset {
  v: number;
  canvasId: string;
}

/** A trainer's own template (presets are bundled with the app, not stored). */
export interface TemplateRecord extends Template {
  v: number;
}

/** What the library lists for a canvas, kept up to date by every save (`domain/summary.ts`). */
export type SummaryRecord = Summary['meta'] & { counts: SummaryCounts; v: number };

/** A saved version of a canvas, for version history. */
export interface SnapshotRecord extends Snapshot {
  v: number;
}

/** Records of one table grouped by the canvas they belong to. */
function groupByCanvas(records: Record<string, unknown>[]): Map<unknown, Record<string, unknown>[]> {
  const groups = new Map<unknown, Record<string, unknown>[]>();
  for (const record of records) {
    const group = groups.get(record.canvasId);
    if (group) group.push(record);
    else groups.set(record.canvasId, [record]);
  }
  return groups;
}

export class CanvasDatabase extends Dexie {
  canvases!: Table<CanvasRecord, string>;
  cards!: Table<CardRecord, string>;
  checks!: Table<CheckRecord, [string, AnyCheckKey]>;
  actionItems!: Table<ActionItemRecord, [string, string]>;
  datasets!: Table<DatasetRecord, [string, string]>;
  templates!: Table<TemplateRecord, string>;
  snapshots!: Table<SnapshotRecord, string>;
  summaries!: Table<SummaryRecord, string>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Version 1: canvases, their cards and their 20 ethics checks, keyed so
    // that one edit writes one record.
    this.version(1).stores({
      canvases: 'id, updatedAt, deletedAt',
      cards: 'id, canvasId',
      checks: '[canvasId+key], canvasId',
    });
    // Version 2: facilitator notes on canvases; trainers' own templates.
    this.version(2)
      .stores({ templates: 'id, updatedAt' })
      .upgrade(async (tx) => {
        await tx
          .table('canvases')
          .toCollection()
          .modify((record, ref) => {
            ref.value = canvasV1toV2(record) as unknown as CanvasRecord;
          });
        for (const table of ['cards', 'checks']) {
          await tx
            .table(table)
            .toCollection()
            .modify((record, ref) => {
              ref.value = recordV1toV2(record) as never;
            });
        }
      });
    // Version 3: version history (a new table; no record changes).
    this.version(3).stores({ snapshots: 'id, canvasId, [canvasId+takenAt]' });
    // Version 4: a summary per canvas, so the library reads one small record
    // per canvas instead of every card; indexes nothing queried dropped
    // (canvases by updatedAt and deletedAt, templates by updatedAt).
    this.version(4)
      .stores({ canvases: 'id', templates: 'id', summaries: 'id' })
      .upgrade(async (tx) => {
        const [canvases, cards, checks] = await Promise.all([
          tx.table('canvases').toArray(),
          tx.table('cards').toArray(),
          tx.table('checks').toArray(),
        ]);
        const byCanvas = (records: Record<string, unknown>[]) => {
          const groups = new Map<unknown, Record<string, unknown>[]>();
          for (const record of records) {
            const group = groups.get(record.canvasId);
            if (group) group.push(record);
            else groups.set(record.canvasId, [record]);
          }
          return groups;
        };
        const [cardsBy, checksBy] = [byCanvas(cards), byCanvas(checks)];
        await tx
          .table('summaries')
          .bulkPut(canvases.map((canvas) => summaryV4(canvas, cardsBy.get(canvas.id) ?? [], checksBy.get(canvas.id) ?? [])));
      });
    // Version 5 (records v3): workshop mode (details, timer, votes, agreed,
    // parking lot), example cards, the golden thread, resolved concerns,
    // governance checks (in \`checks\`, keyed \`governance:<id>\`), and two new
    // tables by canvas: the action log and the data inventory.
    this.version(5)
      .stores({ actionItems: '[canvasId+id], canvasId', datasets: '[canvasId+id], canvasId' })
      .upgrade(async (tx) => {
        const upgrades: [string, (record: Record<string, unknown>) => Record<string, unknown>][] = [
          ['canvases', canvasV2toV3],
          ['cards', cardV2toV3],
          ['checks', checkV2toV3],
          ['snapshots', snapshotV2toV3],
          ['templates', templateV2toV3],
        ];
        for (const [table, upgrade] of upgrades) {
          await tx
            .table(table)
            .toCollection()
            .modify((record, ref) => {
              ref.value = upgrade(record) as never;
            });
        }
        // Every canvas gets its governance checks, as a new canvas has them from the start.
        const [canvases, storedChecks] = await Promise.all([tx.table('canvases').toArray(), tx.table('checks').toArray()]);
        const keysBy = groupByCanvas(storedChecks);
        await tx
          .table('checks')
          .bulkPut(
            canvases.flatMap((canvas) =>
              governanceChecksV5(canvas, new Set((keysBy.get(canvas.id) ?? []).map((check) => String(check.key)))),
            ),
          );
        // Summaries count the new things too (parked cards, governance checks, open actions): counted again.
        const [cards, checks] = await Promise.all([tx.table('cards').toArray(), tx.table('checks').toArray()]);
        const [cardsBy, checksBy] = [groupByCanvas(cards), groupByCanvas(checks)];
        await tx
          .table('summaries')
          .bulkPut(canvases.map((canvas) => summaryV5(canvas, cardsBy.get(canvas.id) ?? [], checksBy.get(canvas.id) ?? [])));
      });
  }
}
