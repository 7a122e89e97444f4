/**
 * The canvas for the first paint (`firstPaintRead.ts` reads its records): every record exactly as
 * this app writes it (the plain checks of `storedRecords.ts`, no validators loaded), or nothing.
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
 * The canvas as the board shows it (meta, cards, ethics and governance checks; no action log or
 * data inventory), or null when anything about it is unusual (deleted, a record older than this
 * version or damaged): then nothing is painted.
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
  if (!cards || !checks || !governance) return null;
  return assembleCanvas(meta, { cards, checks, governance });
}
