/**
 * Every field of the model has a place in the shared document: a canvas with
 * every field filled (each leaf different from what a new record holds) goes
 * canvas → Y.Doc → another device's Y.Doc → canvas and comes back equal.
 *
 * The list of fields is not written here: it comes from the model's own
 * factories (createCanvas, newCardRecord, addActionItem, addDataset, the
 * empty checks), so a field added to the model later fails the first test
 * until it is filled below, and then the round trip until the shape holds it.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addActionItem } from '../../../src/domain/actionLog';
import { addDataset } from '../../../src/domain/dataInventory';
import { idMap } from '../../../src/domain/idMap';
import {
  type ActionItem,
  type Canvas,
  type Card,
  type Dataset,
  type EthicsCheck,
  type GovernanceCheck,
  type Refusal,
  type StepId,
  STEP_IDS,
  createCanvas,
  isRefusal,
  newCardRecord,
} from '../../../src/domain/model';
import { canvasToPlain, plainToCanvas } from '../../../src/sync/binding';
import { CANVAS_RULES, fieldRule, mayChange } from '../../../src/sync/permissions';
import { DEFAULT_PERMISSIONS } from '../../../src/sync/protocol';
import { CANVAS_ROOTS, initCanvasDoc, readCanvasDoc } from '../../../src/sync/shape';
import { T0 } from '../helpers/canvasBuilder';

/**
 * Fields deliberately not shared, with why. Facilitator notes are the
 * facilitator's own notes for running a step (a trainer's tips, sometimes
 * candid): they stay on the device that has them. `deletedAt` of the canvas
 * is each device's own choice to remove its copy.
 */
const NOT_SHARED = ['facilitation.*.notes', 'deletedAt'];

const perStepOf = <T>(make: (step: StepId, index: number) => T) =>
  Object.fromEntries(STEP_IDS.map((step, index) => [step, make(step, index)])) as Record<StepId, T>;

const T1 = T0 + 1_000;

const filledCard: Required<Card> = {
  id: 'k1',
  step: 'insight',
  order: 'a5',
  text: 'A ward map of diversions',
  colour: 'purple',
  votes: 7,
  agreed: true,
  parkedAt: T1 + 1,
  example: true,
  source: 'LOTI slides, p. 4',
  serves: ['k0', 'k2'],
  createdAt: T1 + 2,
  updatedAt: T1 + 3,
  deletedAt: T1 + 4,
};

const filledCheck = (index: number) => ({
  status: 'concern' as const,
  notes: `Parents were not asked (${index})`,
  resolvedAt: T1 + 10 + index,
  resolution: `The DPO confirmed a lawful basis (${index})`,
  updatedAt: T1 + 20 + index,
});

const filledAction: Required<ActionItem> = {
  id: 'x1',
  text: 'Meet the police data team',
  owner: 'Sam',
  due: '2026-04-01',
  status: 'done',
  concern: 'insight:consent',
  order: 'a3',
  createdAt: T1 + 30,
  updatedAt: T1 + 31,
  deletedAt: T1 + 32,
};

const filledDataset: Required<Dataset> = {
  id: 'd1',
  name: 'School census',
  holder: 'Education',
  contents: 'Pupil records, termly',
  personal: 'yes',
  specialCategory: 'no',
  criminalOffence: 'yes',
  children: 'yes',
  lawfulBasis: 'public-task',
  sharingAgreement: 'signed',
  dpia: 'done',
  qualityProblems: 'Ethnicity missing for 12%',
  whoIsMissing: 'Children educated at home',
  retention: 'Six years, then deleted',
  usedBy: ['k1'],
  order: 'a7',
  createdAt: T1 + 40,
  updatedAt: T1 + 41,
  deletedAt: T1 + 42,
};

/** A canvas with every field of every record holding something other than a new record's value. */
function everyFieldFilled(): Canvas {
  const base = createCanvas('c-all', T0);
  return {
    ...base,
    title: 'Every field',
    description: 'Fewer young people drawn into the justice system',
    facilitation: perStepOf((_, i) => ({ minutes: 15 + i * 5, notes: `Tip ${i}` })),
    workshop: { heldOn: '2026-03-12', organisation: 'London Borough of Example', facilitator: 'Alex', participants: 'Youth workers' },
    timer: {
      step: 'action',
      runningSince: T1 + 50,
      spentMs: perStepOf((_, i) => 60_000 * (i + 1)),
      addedMinutes: perStepOf((_, i) => 5 * (i + 1)),
    },
    votesPerPerson: 7,
    privacyDismissed: ['fp-1', 'fp-2'],
    createdAt: T1 + 60,
    updatedAt: T1 + 61,
    deletedAt: T1 + 62,
    cards: idMap([filledCard]),
    checks: Object.fromEntries(
      Object.entries(base.checks).map(([key, check], i) => [key, { ...check, ...filledCheck(i) }]),
    ) as Canvas['checks'],
    governance: Object.fromEntries(
      Object.entries(base.governance).map(([id, check], i) => [id, { ...check, ...filledCheck(100 + i) }]),
    ) as Canvas['governance'],
    actionItems: idMap([filledAction]),
    datasets: idMap([filledDataset]),
  };
}

/** Every leaf path of a value (`timer.spentMs.outcome`), with record maps' ids replaced by `*`. */
function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
  } else out.set(path, value);
  return out;
}

const must = (result: Canvas | Refusal): Canvas => {
  if (isRefusal(result)) throw new Error(result.refused);
  return result;
};

/** What the model's factories put in a new record of each kind. */
function newRecords() {
  const canvas = createCanvas('c-new', T0);
  const withAction = must(addActionItem(canvas, { id: 'x1' }, T0));
  const withDataset = must(addDataset(canvas, { id: 'd1' }, T0));
  const check = (Object.values(canvas.checks) as EthicsCheck[])[0]!;
  const governance = (Object.values(canvas.governance) as GovernanceCheck[])[0]!;
  const { cards, checks, governance: _g, actionItems, datasets, ...meta } = canvas;
  void cards;
  void checks;
  void _g;
  void actionItems;
  void datasets;
  return {
    meta,
    card: newCardRecord({ id: 'k1', step: 'outcome', order: 'a0' }, T0),
    check,
    governance,
    action: withAction.actionItems['x1']!,
    dataset: withDataset.datasets['d1']!,
  };
}

const IDENTITY = new Set(['id', 'step', 'lens']);

describe('every field of the model in the shared document', () => {
  it('the filled canvas fills every field the model’s factories create, with something other than their default', () => {
    const fresh = newRecords();
    const filled = everyFieldFilled();
    const { cards, checks, governance, actionItems, datasets, ...meta } = filled;
    const pairs: [string, object, object][] = [
      ['canvas', fresh.meta, meta],
      ['card', fresh.card, cards['k1']!],
      ['ethics check', fresh.check, Object.values(checks)[0]!],
      ['governance check', fresh.governance, Object.values(governance)[0]!],
      ['action', fresh.action, actionItems['x1']!],
      ['data set', fresh.dataset, datasets['d1']!],
    ];
    for (const [kind, made, full] of pairs) {
      const defaults = leaves(made, '', new Map());
      const values = leaves(full, '', new Map());
      expect([...values.keys()].sort(), `${kind}: fields`).toEqual([...defaults.keys()].sort());
      for (const [path, value] of defaults) {
        if (IDENTITY.has(path)) continue;
        expect(values.get(path), `${kind}.${path} must be filled with a non-default value`).not.toEqual(value);
      }
    }
  });

  it('comes back equal after canvas → Y.Doc → another device → canvas, but for what is deliberately not shared', () => {
    const canvas = everyFieldFilled();
    const owner = new Y.Doc();
    initCanvasDoc(owner, canvasToPlain(canvas));
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(owner));
    const back = plainToCanvas(readCanvasDoc(other), { id: canvas.id });

    const sent = leaves(canvas, '', new Map());
    const received = leaves(back, '', new Map());
    const notShared = (path: string) =>
      NOT_SHARED.some((pattern) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}$`).test(path));
    const lost = [...sent].filter(([path, value]) => !notShared(path) && JSON.stringify(received.get(path)) !== JSON.stringify(value));
    expect(lost.map(([path]) => path)).toEqual([]);
    expect([...received.keys()].sort()).toEqual([...sent.keys()].sort());
    // And what is not shared really is not in the document.
    expect(JSON.stringify(owner.toJSON())).not.toContain('Tip 0');
    expect(back.facilitation.outcome.notes).toBe('');
  });

  it('says who may change every field of the document, on purpose', () => {
    // Each field of each record root has a rule (its own or the root's `other`), and the rules name real roots.
    for (const [root, spec] of Object.entries(CANVAS_ROOTS)) {
      expect(CANVAS_RULES[root], root).toBeDefined();
      const fields = 'fields' in spec ? Object.keys(spec.fields) : [];
      for (const field of Object.keys(CANVAS_RULES[root]!.fields))
        expect(fields, `${root}.${field} has a rule but no place`).toContain(field);
    }
    const participant = (root: string, field: string) => mayChange('participant', DEFAULT_PERMISSIONS, root, field);
    // The agenda (planned minutes), the timer and the votes each person has: the facilitator's.
    expect(fieldRule('facilitation', 'minutes')).toBe('facilitator');
    expect(participant('meta', 'timer')).toBe(false);
    expect(participant('meta', 'votesPerPerson')).toBe(false);
    expect(participant('cards', 'votes')).toBe(false);
    // The action log and data inventory follow their own permissions; workshop details follow "edit details".
    expect(fieldRule('actionItems', 'owner')).toBe('editActions');
    expect(fieldRule('datasets', 'lawfulBasis')).toBe('editDatasets');
    expect(fieldRule('meta', 'workshop')).toBe('editDetails');
    // Agreed, parking and resolving concerns follow their permissions.
    expect(fieldRule('cards', 'agreed')).toBe('markAgreed');
    expect(fieldRule('cards', 'parkedAt')).toBe('moveCards');
    expect(fieldRule('checks', 'resolution')).toBe('editChecks');
  });
});
