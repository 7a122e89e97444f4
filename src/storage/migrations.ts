/**
 * Record upgrades, one named function per step, applied by Dexie when a
 * browser opens a database written by an older version of the app. Each is
 * pure: it returns a new record and never changes the one it is given.
 * Append new ones; never edit one that has shipped.
 */
import { type CanvasMeta, type Card, type EthicsCheck, emptyFacilitation } from '../domain/model';
import { countsAfter, emptyCounts, summaryMeta } from '../domain/summary';

type StoredRecord = Record<string, unknown>;

/** v1 -> v2: canvases gain facilitator notes (empty) for each step. */
export function canvasV1toV2(record: StoredRecord): StoredRecord {
  return { ...record, facilitation: record.facilitation ?? emptyFacilitation(), v: 2 };
}

/** v1 -> v2: cards and checks are unchanged but for their version. */
export function recordV1toV2(record: StoredRecord): StoredRecord {
  return { ...record, v: 2 };
}

/**
 * Dexie version 4: every canvas gets its library summary, counted from its stored
 * cards and checks (records are otherwise unchanged).
 */
export function summaryV4(canvas: StoredRecord, cards: StoredRecord[], checks: StoredRecord[]): StoredRecord {
  const meta = canvas as unknown as CanvasMeta;
  const counted = [
    ...cards.map((record) => ({ before: undefined, after: { kind: 'card' as const, record: record as unknown as Card } })),
    ...checks.map((record) => ({ before: undefined, after: { kind: 'check' as const, record: record as unknown as EthicsCheck } })),
  ];
  return { ...summaryMeta(meta), counts: countsAfter(emptyCounts(), counted), v: 2 };
}
