/**
 * Record upgrades, one named function per step, applied by Dexie when a
 * browser opens a database written by an older version of the app. Each is
 * pure: it returns a new record and never changes the one it is given.
 * Append new ones; never edit one that has shipped.
 */
import { emptyFacilitation } from '../domain/model';

type StoredRecord = Record<string, unknown>;

/** v1 -> v2: canvases gain facilitator notes (empty) for each step. */
export function canvasV1toV2(record: StoredRecord): StoredRecord {
  return { ...record, facilitation: record.facilitation ?? emptyFacilitation(), v: 2 };
}

/** v1 -> v2: cards and checks are unchanged but for their version. */
export function recordV1toV2(record: StoredRecord): StoredRecord {
  return { ...record, v: 2 };
}
