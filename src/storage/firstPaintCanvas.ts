/**
 * The canvas for the first paint (`firstPaintRead.ts` reads its records): every record exactly as
 * this app writes it (the plain checks of `storedRecords.ts`, no validators loaded), or nothing.
 * What it gives is the canvas the app's own load (`IndexedDbRepository.loadCanvas`) would give from
 * the same records, so the app can take it instead of reading it again (`state/earlyCanvas.ts`).
 */
import { assembleCanvas } from '../domain/assemble';
import type { Canvas } from '../domain/model';
import type { StoredParts } from './firstPaintRead';
import { readAsWritten } from './storedRecords';

const isGovernanceRecord = (record: unknown) => String((record as { key?: unknown } | null)?.key).startsWith('governance:');

/** Every record read as this app wrote it, or null as soon as one is not. */
function readAll<T>(records: unknown[], read: (record: unknown) => T | undefined): T[] | null {
  const result: T[] = [];
  for (const record of records) {
    const value = read(record);
    if (value === undefined) return null;
    result.push(value);
  }
  return result;
}

/**
 * The whole canvas (meta, cards, ethics and governance checks, actions, data sets), or null when
 * anything about it is unusual (deleted, a record older than this version or damaged): then nothing
 * is painted, and the app reads the canvas as it always does.
 */
export function canvasForFirstPaint(stored: StoredParts): Canvas | null {
  const meta = readAsWritten('meta', stored.meta);
  if (!meta || meta.deletedAt !== null) return null;
  const cards = readAll(stored.cards, (record) => readAsWritten('card', record));
  const checks = readAll(
    stored.checks.filter((record) => !isGovernanceRecord(record)),
    (record) => readAsWritten('check', record),
  );
  const governance = readAll(stored.checks.filter(isGovernanceRecord), (record) => readAsWritten('governance', record));
  const actionItems = readAll(stored.actionItems, (record) => readAsWritten('actionItem', record));
  const datasets = readAll(stored.datasets, (record) => readAsWritten('dataset', record));
  if (!cards || !checks || !governance || !actionItems || !datasets) return null;
  return assembleCanvas(meta, { cards, checks, governance, actionItems, datasets });
}
