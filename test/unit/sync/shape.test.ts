import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CANVAS_RULES, mayChange, mayCreate } from '../../../src/sync/permissions';
import { DEFAULT_PERMISSIONS, PERMISSIONS } from '../../../src/sync/protocol';
import { CANVAS_ROOTS, addRecord, initCanvasDoc, readCanvasDoc } from '../../../src/sync/shape';

describe('the shared canvas document', () => {
  it('holds a canvas created once and reads back the same, defaults filled in', () => {
    const doc = new Y.Doc();
    initCanvasDoc(doc, {
      meta: { canvasId: 'c1', title: 'Early help', votesPerPerson: 5, workshop: { organisation: 'Camden' } },
      cards: { k1: { step: 'insight', order: 'a1', text: 'Referral dashboard', serves: ['k0'] } },
      checks: { 'insight:consent': { status: 'concern', notes: 'Parents were not asked' } },
    });
    const canvas = readCanvasDoc(doc);
    expect(canvas.meta).toMatchObject({ schema: 1, canvasId: 'c1', title: 'Early help', votesPerPerson: 5, deletedAt: null });
    expect(canvas.meta.workshop).toEqual({ heldOn: '', organisation: 'Camden', facilitator: '', participants: '' });
    expect(canvas.cards.k1).toMatchObject({ step: 'insight', text: 'Referral dashboard', serves: ['k0'], colour: 'yellow', agreed: false });
    expect(canvas.checks['insight:consent']).toMatchObject({ status: 'concern', notes: 'Parents were not asked', resolvedAt: null });
    expect(canvas.room.permissions).toEqual(DEFAULT_PERMISSIONS);
    expect(canvas.room.voting).toEqual({ revealed: false });
  });

  it('keeps text people type as Y.Text, so two people typing in one card both keep their words', () => {
    const a = new Y.Doc();
    initCanvasDoc(a, { cards: { k1: { text: 'Families' } } });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const text = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('cards').get('k1')!.get('text') as Y.Text;
    text(a).insert(0, 'Young ');
    text(b).insert(8, ' in Camden');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(text(a).toString()).toBe('Young Families in Camden');
    expect(text(b).toString()).toBe('Young Families in Camden');
  });

  it('moves a card by its fields, so concurrent moves and edits never duplicate or lose it', () => {
    const a = new Y.Doc();
    initCanvasDoc(a, { cards: { k1: { step: 'outcome', text: 'Card' } } });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.getMap<Y.Map<unknown>>('cards').get('k1')!.set('step', 'action');
    b.getMap<Y.Map<unknown>>('cards').get('k1')!.set('step', 'insight');
    (b.getMap<Y.Map<unknown>>('cards').get('k1')!.get('text') as Y.Text).insert(4, ' kept');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readCanvasDoc(a).cards).toEqual(readCanvasDoc(b).cards);
    expect(Object.keys(readCanvasDoc(a).cards)).toEqual(['k1']);
    expect(readCanvasDoc(a).cards.k1?.text).toBe('Card kept');
  });

  it('adds a record with every nested type in one go', () => {
    const doc = new Y.Doc();
    initCanvasDoc(doc, {});
    const record = addRecord(doc, 'datasets', 'd1', { name: 'School census', personal: 'yes', usedBy: ['k3'] });
    expect(record.get('name')).toBeInstanceOf(Y.Text);
    expect(record.get('usedBy')).toBeInstanceOf(Y.Map);
    expect(readCanvasDoc(doc).datasets.d1).toMatchObject({ name: 'School census', personal: 'yes', dpia: '', usedBy: ['k3'] });
  });
});

describe('who may change what', () => {
  it('has a rule for every part of the canvas and names every permission the facilitator can give', () => {
    expect(Object.keys(CANVAS_RULES).sort()).toEqual(Object.keys(CANVAS_ROOTS).sort());
    const used = new Set(Object.values(CANVAS_RULES).flatMap((rules) => [rules.create, rules.other, ...Object.values(rules.fields)]));
    for (const permission of Object.keys(PERMISSIONS)) expect(used.has(permission as never), permission).toBe(true);
  });

  it('follows the facilitator’s choices for participants and never lets anyone write what the server writes', () => {
    const none = Object.fromEntries(Object.keys(DEFAULT_PERMISSIONS).map((key) => [key, false])) as typeof DEFAULT_PERMISSIONS;
    expect(mayChange('participant', DEFAULT_PERMISSIONS, 'cards', 'text')).toBe(true);
    expect(mayChange('participant', none, 'cards', 'text')).toBe(false);
    expect(mayChange('participant', DEFAULT_PERMISSIONS, 'checks', 'status')).toBe(false);
    expect(mayChange('participant', { ...DEFAULT_PERMISSIONS, editChecks: true }, 'checks', 'status')).toBe(true);
    expect(mayChange('participant', DEFAULT_PERMISSIONS, 'meta', 'deletedAt')).toBe(false);
    expect(mayChange('facilitator', none, 'meta', 'deletedAt')).toBe(true);
    expect(mayCreate('participant', DEFAULT_PERMISSIONS, 'cards')).toBe(true);
    expect(mayCreate('participant', DEFAULT_PERMISSIONS, 'checks')).toBe(false);
    expect(mayChange('facilitator', DEFAULT_PERMISSIONS, 'tally', 'k1')).toBe(false);
    expect(mayChange('facilitator', DEFAULT_PERMISSIONS, 'cards', 'createdAt')).toBe(false);
  });
});
