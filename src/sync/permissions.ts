/**
 * Who may change what in a shared canvas. One table, read by the server to
 * refuse updates and by the client to disable what the person may not do.
 * Pure data and functions: no Yjs, no network.
 */
import type { Permission, Permissions, Role } from './protocol';

/**
 * - a permission: the facilitator always; participants when the facilitator allows it;
 * - 'facilitator': the facilitator only;
 * - 'anyone': anyone in the room (informational fields such as `updatedAt`);
 * - 'nobody': no connection at all (written once at creation, or by the server).
 */
export type Rule = Permission | 'facilitator' | 'anyone' | 'nobody';

export interface RootRules {
  /** Adding a record to a collection root, or a first value to a record root. */
  create: Rule;
  /** Changing a field of an existing record; fields not listed use `other`. */
  fields: Readonly<Record<string, Rule>>;
  other: Rule;
  /** Fields a new record may carry with values other than their defaults under `create` alone. */
  setOnCreate?: readonly string[];
}

const CARD_CREATE_FIELDS = ['step', 'order', 'text', 'colour', 'parkedAt', 'example', 'source', 'serves', 'createdAt', 'updatedAt'];

export const CANVAS_RULES: Readonly<Record<string, RootRules>> = {
  meta: {
    create: 'facilitator',
    fields: {
      title: 'editDetails',
      description: 'editDetails',
      workshop: 'editDetails',
      privacyDismissed: 'editCards',
      updatedAt: 'anyone',
      createdAt: 'nobody',
      canvasId: 'nobody',
      schema: 'facilitator',
    },
    other: 'facilitator',
  },
  facilitation: { create: 'facilitator', fields: {}, other: 'facilitator' },
  cards: {
    create: 'addCards',
    fields: {
      text: 'editCards',
      colour: 'editCards',
      serves: 'editCards',
      example: 'editCards',
      source: 'editCards',
      step: 'moveCards',
      order: 'moveCards',
      parkedAt: 'moveCards',
      deletedAt: 'deleteCards',
      agreed: 'markAgreed',
      votes: 'facilitator',
      createdAt: 'nobody',
      updatedAt: 'anyone',
    },
    other: 'facilitator',
    setOnCreate: CARD_CREATE_FIELDS,
  },
  checks: {
    create: 'facilitator',
    fields: { status: 'editChecks', notes: 'editChecks', resolvedAt: 'editChecks', resolution: 'editChecks', updatedAt: 'anyone' },
    other: 'facilitator',
  },
  actionItems: {
    create: 'editActions',
    fields: { createdAt: 'nobody', updatedAt: 'anyone' },
    other: 'editActions',
    setOnCreate: ['*'],
  },
  datasets: {
    create: 'editDatasets',
    fields: { createdAt: 'nobody', updatedAt: 'anyone' },
    other: 'editDatasets',
    setOnCreate: ['*'],
  },
  room: { create: 'facilitator', fields: {}, other: 'facilitator' },
  tally: { create: 'nobody', fields: {}, other: 'nobody' },
};

export function allows(rule: Rule, role: Role, permissions: Permissions): boolean {
  if (rule === 'nobody') return false;
  if (role === 'facilitator' || rule === 'anyone') return true;
  if (rule === 'facilitator') return false;
  return permissions[rule];
}

export function fieldRule(root: string, field: string): Rule {
  const rules = CANVAS_RULES[root];
  if (!rules) return 'nobody';
  return rules.fields[field] ?? rules.other;
}

/** Whether this person may change `field` of a record in `root` (e.g. `cards`, `text`). */
export function mayChange(role: Role, permissions: Permissions, root: string, field: string): boolean {
  return allows(fieldRule(root, field), role, permissions);
}

/** Whether this person may add a record to `root` (e.g. a card). */
export function mayCreate(role: Role, permissions: Permissions, root: string): boolean {
  const rules = CANVAS_RULES[root];
  return rules ? allows(rules.create, role, permissions) : false;
}

/** Whether a new record may carry a non-default `field` under the create rule alone. */
export function setOnCreate(root: string, field: string): boolean {
  const list = CANVAS_RULES[root]?.setOnCreate ?? [];
  return list.includes('*') || list.includes(field);
}
