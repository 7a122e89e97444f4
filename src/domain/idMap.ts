/**
 * Records keyed by id. Ids come from files and backups, so an id may be
 * "__proto__", "constructor" or "toString": on a plain object those reach
 * the prototype (a card silently dropped, or a function read back as a
 * card). Every id-keyed map in the model is made here, with no prototype,
 * and read through `recordOf`, which sees only the map's own keys.
 */

/** An id-keyed map of records. Make it with `idMap`; read one record with `recordOf`. */
export type IdMap<T> = Readonly<Record<string, T>>;

/** A map with no prototype holding `records`, each under `idOf(record)` (default: its `id`). */
export function idMap<T>(
  records: Iterable<T> = [],
  idOf: (record: T) => string = (record) => (record as { id: string }).id,
): Record<string, T> {
  const map = Object.create(null) as Record<string, T>;
  for (const record of records) map[idOf(record)] = record;
  return map;
}

/** The record stored under `id`, or undefined: never something inherited from a prototype. */
export function recordOf<T>(map: IdMap<T>, id: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(map, id) ? map[id] : undefined;
}

export function hasRecord(map: IdMap<unknown>, id: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, id);
}

/** A copy of `map` (with no prototype) with `changed` records put in under their ids. */
export function withRecords<T extends { id: string }>(map: IdMap<T>, changed: readonly T[]): IdMap<T> {
  const next = copyMap(map);
  for (const record of changed) next[record.id] = record;
  return next;
}

/** A copy of `map` (with no prototype), whatever prototype `map` had: use at every door where maps come in. */
export function copyMap<T>(map: IdMap<T>): Record<string, T> {
  const next = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(map)) next[key] = map[key]!;
  return next;
}

/** A copy without the given ids. */
export function withoutIds<T>(map: IdMap<T>, ids: Iterable<string>): IdMap<T> {
  const next = copyMap(map);
  for (const id of ids) delete next[id];
  return next;
}
