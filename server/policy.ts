/**
 * Judges the changes an update makes (see inspect.ts) against the document
 * shape and the rules of who may change what. Pluggable: the server asks one
 * policy per kind of document; each returns null or the first refusal.
 */
import * as Y from 'yjs';
import type { Permissions, Role } from '../src/sync/protocol';
import { allows, CANVAS_RULES, fieldRule, setOnCreate } from '../src/sync/permissions';
import { CANVAS_ROOTS, VOTES_ROOTS, defaultOf, type FieldSpec, type Fields, type RootSpec } from '../src/sync/shape';
import type { Change } from './inspect';

export interface Refusal {
  reason: 'forbidden-change' | 'invalid-change';
  /** Plain words for the person and the log; never contains document text. */
  detail: string;
}

export interface PolicyContext {
  role: Role;
  permissions: Permissions;
  /** For votes documents: whether the connection is the document's own person. */
  ownsDocument: boolean;
  /** For votes documents: the most dots one person may place. */
  votesPerPerson: number;
}

export interface DocumentPolicy {
  roots: readonly string[];
  /** `doc` is the document with the update applied; `before`, without it. */
  judge(changes: readonly Change[], context: PolicyContext, doc: Y.Doc, before: Y.Doc): Refusal | null;
}

const invalid = (detail: string): Refusal => ({ reason: 'invalid-change', detail });
const forbidden = (detail: string): Refusal => ({ reason: 'forbidden-change', detail });

// ---------------------------------------------------------------------------
// Values against the shape

function textIsPlain(text: Y.Text): boolean {
  return (text.toDelta() as { insert: unknown; attributes?: unknown }[]).every(
    (op) => typeof op.insert === 'string' && op.attributes === undefined,
  );
}

function mapIsPlain(map: Y.Map<unknown>): boolean {
  // List content inside a map (never written by our clients) hangs off `_start`.
  return map._start === null;
}

/** Whether a value fits its field, nested types included (used for new records). */
export function fits(spec: FieldSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'text':
      return value instanceof Y.Text && value.length <= spec.maxLength && textIsPlain(value);
    case 'value':
      return !(value instanceof Y.AbstractType) && spec.valid(value);
    case 'set':
      return (
        value instanceof Y.Map &&
        mapIsPlain(value) &&
        value.size <= spec.maxSize &&
        [...value.entries()].every(([key, flag]) => key.length <= 100 && flag === true)
      );
    case 'numbers':
      return (
        value instanceof Y.Map &&
        mapIsPlain(value) &&
        value.size <= spec.maxSize &&
        [...value.entries()].every(([key, n]) => spec.validKey(key) && spec.validValue(n))
      );
    case 'record':
      return value instanceof Y.Map && recordFits(spec.fields, value, true);
  }
}

/** Every stored field is known and fits; nested types must all be there when `complete`. */
function recordFits(fields: Fields, map: Y.Map<unknown>, complete: boolean): boolean {
  if (!mapIsPlain(map)) return false;
  for (const [key, value] of map.entries()) {
    const spec = fields[key];
    if (!spec || !fits(spec, value)) return false;
  }
  if (complete) {
    for (const [name, spec] of Object.entries(fields)) if (spec.kind !== 'value' && !map.has(name)) return false;
  }
  return true;
}

function isNested(spec: FieldSpec): boolean {
  return spec.kind !== 'value';
}

/** Whether a plain value is its field's default (so creating a record with it needs no extra right). */
function isDefault(spec: FieldSpec, value: unknown): boolean {
  if (spec.kind === 'value') return value === spec.default;
  if (spec.kind === 'text') return value instanceof Y.Text && value.length === 0;
  if (spec.kind === 'set' || spec.kind === 'numbers') return value instanceof Y.Map && value.size === 0;
  return JSON.stringify(value instanceof Y.Map ? value.toJSON() : value) === JSON.stringify(defaultOf(spec));
}

// ---------------------------------------------------------------------------
// Where a change lands

type Container =
  | { kind: 'collection'; spec: Extract<RootSpec, { kind: 'collection' }> }
  | { kind: 'record'; fields: Fields }
  | { kind: 'set'; spec: Extract<FieldSpec, { kind: 'set' }> }
  | { kind: 'numbers'; spec: Extract<FieldSpec, { kind: 'numbers' }> }
  | { kind: 'text'; spec: Extract<FieldSpec, { kind: 'text' }> };

/** Walks the shape along a change's path; null if the path leaves the shape. */
function containerAt(roots: Readonly<Record<string, RootSpec>>, path: readonly string[]): Container | null {
  const [root, ...rest] = path;
  const rootSpec = root === undefined ? undefined : roots[root];
  if (!rootSpec) return null;
  let here: Container =
    rootSpec.kind === 'collection'
      ? { kind: 'collection', spec: rootSpec }
      : rootSpec.kind === 'record'
        ? { kind: 'record', fields: rootSpec.fields }
        : { kind: 'numbers', spec: rootSpec };
  for (const step of rest) {
    if (here.kind === 'collection') {
      if (!here.spec.validKey(step)) return null;
      here = { kind: 'record', fields: here.spec.fields };
    } else if (here.kind === 'record') {
      const spec: FieldSpec | undefined = here.fields[step];
      if (!spec || spec.kind === 'value') return null;
      here = spec.kind === 'record' ? { kind: 'record', fields: spec.fields } : ({ kind: spec.kind, spec } as Container);
    } else return null;
  }
  return here;
}

/** The top-level field of a record that a change belongs to (what permissions are about). */
function governingField(roots: Readonly<Record<string, RootSpec>>, change: Change): string {
  const [root, ...rest] = change.path;
  const own = change.kind === 'key' ? [...rest, change.key] : rest;
  const isCollection = root !== undefined && roots[root]?.kind === 'collection';
  return (isCollection ? own[1] : own[0]) ?? '';
}

// ---------------------------------------------------------------------------
// The canvas

function judgeCanvasChange(change: Change, context: PolicyContext): Refusal | null {
  if (change.kind === 'malformed') return invalid(change.detail);
  const root = change.path[0] ?? '';
  const rules = CANVAS_RULES[root];
  const container = containerAt(CANVAS_ROOTS, change.path);
  if (!rules || !container) return invalid(`a change outside the canvas's shape (${change.path.join('.')})`);
  const field = governingField(CANVAS_ROOTS, change);
  const allowed = (rule: Parameters<typeof allows>[0]) => allows(rule, context.role, context.permissions);

  if (change.kind === 'text') {
    if (container.kind !== 'text') return invalid(`text where the canvas has none (${change.path.join('.')})`);
    if (change.length > container.spec.maxLength) return invalid(`text longer than ${container.spec.maxLength} characters`);
    for (const op of change.delta) {
      if ('insert' in op && typeof op.insert !== 'string') return invalid('an embedded object in text');
      if ('attributes' in op) return invalid('formatting on text');
    }
    return allowed(fieldRule(root, field)) ? null : forbidden(describeField(root, field));
  }

  const { key, action, value } = change;
  switch (container.kind) {
    case 'collection': {
      // Records are created once, whole, and never replaced or removed (deletes are soft).
      if (action !== 'add') return invalid(`a ${singular(root)} was replaced or removed instead of marked deleted`);
      if (!container.spec.validKey(key)) return invalid(`a ${singular(root)} id that is not valid`);
      if (!(value instanceof Y.Map) || !recordFits(container.spec.fields, value, true)) {
        return invalid(`a new ${singular(root)} that does not fit the canvas's shape`);
      }
      if (!allowed(rules.create)) return forbidden(`adding ${plural(root)}`);
      for (const [name, fieldValue] of value.entries()) {
        const spec = container.spec.fields[name]!;
        if (!setOnCreate(root, name) && !isDefault(spec, fieldValue) && !allowed(fieldRule(root, name))) {
          return forbidden(describeField(root, name));
        }
      }
      return null;
    }
    case 'record': {
      const spec = container.fields[key];
      if (!spec) return invalid(`an unknown field "${key}"`);
      if (isNested(spec)) {
        // A nested type may be added where it is missing, never replaced or removed.
        if (action !== 'add') return invalid(`"${key}" was replaced or removed`);
        if (!fits(spec, value)) return invalid(`"${key}" does not fit the canvas's shape`);
      } else if (action !== 'delete' && !fits(spec, value)) return invalid(`a value of "${key}" that is not valid`);
      const isRootRecord = change.path.length === 1;
      if (action === 'add' && isRootRecord && allowed(rules.create)) return null;
      return allowed(fieldRule(root, field)) ? null : forbidden(describeField(root, field));
    }
    case 'set':
      if (action !== 'delete' && value !== true) return invalid('a link that is not valid');
      if (key.length > 100) return invalid('a link that is not valid');
      return allowed(fieldRule(root, field)) ? null : forbidden(describeField(root, field));
    case 'numbers':
      if (!container.spec.validKey(key) || (action !== 'delete' && !container.spec.validValue(value))) {
        return invalid(`a number in "${field}" that is not valid`);
      }
      return allowed(fieldRule(root, field)) ? null : forbidden(describeField(root, field));
    case 'text':
      return invalid('formatting on text');
  }
}

const SINGULAR: Record<string, string> = {
  cards: 'card',
  checks: 'check',
  actionItems: 'action',
  datasets: 'data set',
  facilitation: 'step note',
};
const PLURAL: Record<string, string> = {
  cards: 'cards',
  checks: 'checks',
  actionItems: 'actions',
  datasets: 'data sets',
  facilitation: 'facilitator notes',
};
const singular = (root: string) => SINGULAR[root] ?? 'record';
const plural = (root: string) => PLURAL[root] ?? 'records';

/** What a refused change tried to do, in the words a participant would use. */
function describeField(root: string, field: string): string {
  const rule = fieldRule(root, field);
  const what: Record<string, string> = {
    addCards: 'adding cards',
    editCards: 'editing cards',
    moveCards: 'moving cards',
    deleteCards: 'deleting cards',
    markAgreed: 'marking cards as agreed',
    editChecks: 'changing ethics and governance checks',
    editActions: 'changing the action log',
    editDatasets: 'changing the data inventory',
    editDetails: 'changing the canvas details',
  };
  if (rule === 'nobody') return `changing "${field}", which no one may change`;
  if (rule === 'facilitator' || rule === 'anyone') {
    if (root === 'room') return 'changing the facilitator’s room settings';
    if (root === 'meta' && field === 'deletedAt') return 'deleting the canvas';
    return `changing ${root === 'cards' && field === 'votes' ? 'the scribe’s vote counts' : `"${field}"`}, which only the facilitator may do`;
  }
  return what[rule] ?? rule;
}

export const canvasPolicy: DocumentPolicy = {
  roots: Object.keys(CANVAS_ROOTS),
  judge(changes, context) {
    for (const change of changes) {
      const refusal = judgeCanvasChange(change, context);
      if (refusal)
        return refusal.reason === 'forbidden-change' ? forbidden(`Participants may not do this here: ${refusal.detail}.`) : refusal;
    }
    return null;
  },
};

// ---------------------------------------------------------------------------
// One person's votes

export const votesPolicy: DocumentPolicy = {
  roots: Object.keys(VOTES_ROOTS),
  judge(changes, context, doc, before) {
    if (changes.length === 0) return null;
    if (!context.ownsDocument) return forbidden('Only you can place your own votes.');
    for (const change of changes) {
      if (change.kind !== 'key' || change.path.length !== 1 || change.path[0] !== 'votes') return invalid('a change outside the votes');
      const spec = VOTES_ROOTS.votes;
      if (!spec.validKey(change.key) || (change.action !== 'delete' && !spec.validValue(change.value))) {
        return invalid('a vote that is not valid');
      }
    }
    // Taking dots off is always allowed, even above a limit the facilitator has just lowered.
    const total = totalVotes(doc);
    if (total > context.votesPerPerson && total > totalVotes(before)) return forbidden(`Each person has ${context.votesPerPerson} votes.`);
    return null;
  },
};

function totalVotes(doc: Y.Doc): number {
  let total = 0;
  doc.getMap<number>('votes').forEach((n) => (total += typeof n === 'number' ? n : 0));
  return total;
}
