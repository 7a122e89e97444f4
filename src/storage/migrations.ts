/**
 * Record upgrades, one named function per step, applied by Dexie when a
 * browser opens a database written by an older version of the app. Each is
 * pure: it returns a new record and never changes the one it is given.
 * Append new ones; never edit one that has shipped.
 */
import { emptyContent } from '../domain/content';
import { GOVERNANCE_IDS } from '../domain/governanceKeys';
import {
  type CanvasMeta,
  type Card,
  DEFAULT_VOTES_PER_PERSON,
  type EthicsCheck,
  STEP_IDS,
  emptyFacilitation,
  emptyWorkshop,
  stoppedTimer,
} from '../domain/model';
import { countsAfter, countedCheck, emptyCounts, summaryMeta } from '../domain/summary';

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

/**
 * v2 -> v3 (database version 5): workshop mode, governance checks, the
 * golden thread, the action log and the data inventory. Every new field takes
 * the default the validators give old records (src/domain/schema.ts).
 */
export function canvasV2toV3(record: StoredRecord): StoredRecord {
  return {
    ...record,
    workshop: record.workshop ?? emptyWorkshop(),
    timer: record.timer ?? stoppedTimer(),
    votesPerPerson: record.votesPerPerson ?? DEFAULT_VOTES_PER_PERSON,
    privacyDismissed: record.privacyDismissed ?? [],
    v: 3,
  };
}

/** v2 -> v3: cards gain votes, the agreed mark, parking, the example mark and source, and golden-thread links. */
export function cardV2toV3(record: StoredRecord): StoredRecord {
  return {
    ...record,
    votes: record.votes ?? 0,
    agreed: record.agreed ?? false,
    parkedAt: record.parkedAt ?? null,
    example: record.example ?? false,
    source: record.source ?? '',
    serves: record.serves ?? [],
    v: 3,
  };
}

/** v2 -> v3: ethics checks can be resolved, with a note. */
export function checkV2toV3(record: StoredRecord): StoredRecord {
  return { ...record, resolvedAt: record.resolvedAt ?? null, resolution: record.resolution ?? '', v: 3 };
}

const mapValues = (map: unknown, upgrade: (record: StoredRecord) => StoredRecord) => {
  const next: Record<string, StoredRecord> = Object.create(null);
  for (const [key, value] of Object.entries((map ?? {}) as Record<string, StoredRecord>)) {
    const { v: _v, ...record } = upgrade(value);
    next[key] = record;
  }
  return next;
};

/** v2 -> v3: the canvas a version-history snapshot holds gets the same new fields, in memory form. */
export function snapshotV2toV3(record: StoredRecord): StoredRecord {
  const canvas = (record.canvas ?? {}) as StoredRecord;
  const { v: _v, ...meta } = canvasV2toV3(canvas);
  return {
    ...record,
    canvas: {
      ...meta,
      cards: mapValues(canvas.cards, cardV2toV3),
      checks: mapValues(canvas.checks, checkV2toV3),
      governance: canvas.governance ?? {},
      actionItems: canvas.actionItems ?? {},
      datasets: canvas.datasets ?? {},
    },
    v: 3,
  };
}

/** v2 -> v3: a trainer's template's content gains the same defaults (card fields, parking lot, governance, …). */
export function templateV2toV3(record: StoredRecord): StoredRecord {
  const content = (record.content ?? {}) as StoredRecord;
  const empty = emptyContent();
  const cards = (content.cards ?? {}) as Record<string, StoredRecord[]>;
  const upgradeCard = (card: StoredRecord) => ({ votes: 0, agreed: false, example: false, source: '', serves: [], ...card });
  const checks = mapValues(content.checks, (check) => ({ resolved: false, resolution: '', ...check }));
  return {
    ...record,
    content: {
      ...empty,
      ...content,
      cards: Object.fromEntries(STEP_IDS.map((step) => [step, (cards[step] ?? []).map(upgradeCard)])),
      checks: { ...checks },
    },
    v: 3,
  };
}

/**
 * Dexie version 5: every canvas's library summary counted again from its
 * upgraded records, now with parked cards, governance checks and resolved
 * concerns told apart (action items are a new table, so none are open yet).
 */
export function summaryV5(canvas: StoredRecord, cards: StoredRecord[], checks: StoredRecord[]): StoredRecord {
  const meta = canvas as unknown as CanvasMeta;
  const counted = [
    ...cards.map((record) => ({ before: undefined, after: { kind: 'card' as const, record: record as unknown as Card } })),
    ...checks.map((record) => ({ before: undefined, after: countedCheck(record as unknown as EthicsCheck) })),
  ];
  return { ...summaryMeta(meta), counts: countsAfter(emptyCounts(), counted), v: 3 };
}

/**
 * Dexie version 5: a canvas stored before governance checks existed gets a
 * record for each, not yet discussed, as a new canvas has from the start (so
 * its summary counts them). Returns only the records it lacks.
 */
export function governanceChecksV5(canvas: StoredRecord, storedKeys: ReadonlySet<string>): StoredRecord[] {
  const now = typeof canvas.createdAt === 'number' ? canvas.createdAt : 0;
  return GOVERNANCE_IDS.filter((id) => !storedKeys.has(`governance:${id}`)).map((id) => ({
    id,
    status: 'not-discussed',
    notes: '',
    resolvedAt: null,
    resolution: '',
    updatedAt: now,
    canvasId: canvas.id,
    key: `governance:${id}`,
    v: 3,
  }));
}
