import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { setActionItemOwner, setActionItemText } from '../../../src/domain/actionLog';
import { setCheckNotes, setCheckStatus, setFacilitatorNote, setTitle, setWorkshopDetails } from '../../../src/domain/canvas';
import { addCard, deleteCard, moveCard, setCardSource, setCardText } from '../../../src/domain/cards';
import { updateDataset } from '../../../src/domain/dataInventory';
import { linkCards } from '../../../src/domain/thread';
import { type Canvas, LIMITS, type Refusal, STEP_IDS, isRefusal } from '../../../src/domain/model';
import { canvasToPlain, plainToCanvas, projectCanvas, reapplyAllowed, reapplyDots, setText, writeCanvas } from '../../../src/sync/binding';
import { mayChange, mayCreate, setOnCreate } from '../../../src/sync/permissions';
import { DEFAULT_PERMISSIONS } from '../../../src/sync/protocol';
import { CANVAS_ROOTS, type Fields, META_FIELDS, initCanvasDoc, readCanvasDoc } from '../../../src/sync/shape';
import { fits } from '../../../server/policy';
import { T0, buildCanvas } from '../helpers/canvasBuilder';
import { finishedCanvas } from '../helpers/finishedCanvas';

const ok = (result: Canvas | Refusal): Canvas => {
  if (isRefusal(result)) throw new Error(result.refused);
  return result;
};

/** A document holding `canvas`, as its owner shares it. */
function shared(canvas: Canvas): Y.Doc {
  const doc = new Y.Doc();
  initCanvasDoc(doc, canvasToPlain(canvas));
  return doc;
}

/** Another device's copy of a document. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

const exchange = (a: Y.Doc, b: Y.Doc) => {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
};

const withoutNotes = (canvas: Canvas): Canvas => ({
  ...canvas,
  facilitation: Object.fromEntries(STEP_IDS.map((step) => [step, { ...canvas.facilitation[step], notes: '' }])) as Canvas['facilitation'],
});

/** A participant's guard, as the session builds it from the room's permissions. */
const guard = (permissions = DEFAULT_PERMISSIONS) => ({
  mayCreate: (root: string) => mayCreate('participant', permissions, root),
  mayChange: (root: string, field: string) => mayChange('participant', permissions, root, field),
  setOnCreate,
});

describe('the model and the shared document', () => {
  it('go both ways without losing anything the document holds', () => {
    const canvas = ok(setFacilitatorNote(finishedCanvas(), 'outcome', { notes: 'Ask who is missing', minutes: 20 }, T0));
    const back = plainToCanvas(readCanvasDoc(shared(canvas)), { id: canvas.id });
    // Everything but the facilitator's notes, which never leave the facilitator's device.
    expect(back).toEqual(withoutNotes(canvas));
    expect(back.facilitation.outcome).toEqual({ minutes: 20, notes: '' });
  });

  it('keep the facilitator notes out of the document and on this device', () => {
    const canvas = ok(setFacilitatorNote(buildCanvas(), 'insight', { notes: 'Private: the DPO is sceptical' }, T0));
    const doc = shared(canvas);
    expect(JSON.stringify(doc.toJSON())).not.toContain('sceptical');
    const projected = projectCanvas(doc, canvas);
    expect(projected.facilitation.insight.notes).toBe('Private: the DPO is sceptical');
    const edited = ok(setFacilitatorNote(canvas, 'insight', { notes: 'Still private' }, T0 + 1));
    writeCanvas(doc, canvas, edited, 'local');
    expect(JSON.stringify(doc.toJSON())).not.toContain('Still private');
  });

  it('project an unchanged document to the very same canvas, and keep unchanged records when one changes', () => {
    const canvas = finishedCanvas();
    const doc = shared(canvas);
    expect(projectCanvas(doc, canvas)).toBe(canvas);
    const [first, second] = Object.keys(canvas.cards);
    const edited = setCardText(canvas, first!, 'Changed elsewhere', T0 + 5);
    const other = copyOf(doc);
    writeCanvas(other, canvas, edited, 'remote');
    exchange(doc, other);
    const projected = projectCanvas(doc, canvas);
    expect(projected.cards[first!]!.text).toBe('Changed elsewhere');
    expect(projected.cards[second!]).toBe(canvas.cards[second!]);
    expect(projected.checks).toBe(canvas.checks);
  });
});

describe('local edits written into the document', () => {
  it('carry every kind of change to another device', () => {
    const canvas = finishedCanvas();
    const doc = shared(canvas);
    const other = copyOf(doc);
    const [first, second] = Object.keys(canvas.cards);
    let edited = setTitle(canvas, 'A new title', T0 + 1);
    edited = ok(addCard(edited, { id: 'new-card', step: 'action', text: 'Caseworkers call first' }, T0 + 2));
    edited = moveCard(edited, first!, { step: 'enablers', index: 0 }, T0 + 3);
    edited = deleteCard(edited, second!, T0 + 4);
    edited = setCheckNotes(edited, 'insight', 'consent', 'Parents were not asked', T0 + 5);
    writeCanvas(doc, canvas, edited, 'local');
    exchange(doc, other);
    const there = plainToCanvas(readCanvasDoc(other), { id: canvas.id, notes: {} });
    expect(there).toEqual(withoutNotes(edited));
  });

  it('keep both people’s words when two type in the same card at once', () => {
    const canvas = ok(addCard(buildCanvas(), { id: 'c1', step: 'outcome', text: 'Fewer evictions' }, T0));
    const mine = shared(canvas);
    const theirs = copyOf(mine);
    writeCanvas(mine, canvas, setCardText(canvas, 'c1', 'Fewer evictions this year', T0 + 1), 'a');
    writeCanvas(theirs, canvas, setCardText(canvas, 'c1', 'Far fewer evictions', T0 + 2), 'b');
    exchange(mine, theirs);
    for (const doc of [mine, theirs]) expect(projectCanvas(doc, canvas).cards.c1!.text).toBe('Far fewer evictions this year');
  });

  it('move a card by its fields, so a concurrent text edit survives the move', () => {
    const canvas = ok(addCard(buildCanvas(), { id: 'c1', step: 'outcome', text: 'Moved' }, T0));
    const mine = shared(canvas);
    const theirs = copyOf(mine);
    writeCanvas(mine, canvas, moveCard(canvas, 'c1', { step: 'action', index: 0 }, T0 + 1), 'a');
    writeCanvas(theirs, canvas, setCardText(canvas, 'c1', 'Moved and edited', T0 + 2), 'b');
    exchange(mine, theirs);
    const card = projectCanvas(mine, canvas).cards.c1!;
    expect(card.step).toBe('action');
    expect(card.text).toBe('Moved and edited');
  });

  it('soft-delete a record that disappears from the model (an undone add)', () => {
    const before = buildCanvas();
    const added = ok(addCard(before, { id: 'c1', step: 'outcome', text: 'Oops' }, T0));
    const doc = shared(before);
    writeCanvas(doc, before, added, 'local');
    writeCanvas(doc, added, before, 'local', T0 + 9);
    const card = doc.getMap<Y.Map<unknown>>('cards').get('c1')!;
    expect(card.get('deletedAt')).toBe(T0 + 9);
  });

  it('keep links as a set both ways', () => {
    let canvas = ok(addCard(buildCanvas(), { id: 'o1', step: 'outcome', text: 'Outcome' }, T0));
    canvas = ok(addCard(canvas, { id: 'a1', step: 'action', text: 'Action' }, T0));
    const doc = shared(canvas);
    const linked = ok(linkCards(canvas, 'a1', 'o1', T0 + 1));
    writeCanvas(doc, canvas, linked, 'local');
    expect(projectCanvas(doc, linked)).toBe(linked);
    expect(plainToCanvas(readCanvasDoc(doc), { id: canvas.id }).cards.a1!.serves).toEqual(['o1']);
  });

  it('write nothing when the document already holds the change (the projection coming back)', () => {
    const canvas = finishedCanvas();
    const doc = shared(canvas);
    const edited = setTitle(canvas, 'Same on both', T0 + 1);
    writeCanvas(doc, canvas, edited, 'local');
    let updates = 0;
    doc.on('update', () => updates++);
    writeCanvas(doc, canvas, edited, 'local');
    expect(updates).toBe(0);
  });
});

describe('setText', () => {
  it('changes only what differs, never splitting a character outside the basic plane', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Families 👪 first');
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    doc.transact(() => setText(text, 'Families 👨 first'));
    expect(text.toString()).toBe('Families 👨 first');
    // The emoji is two UTF-16 units, sharing its first with the old one: both are replaced, nothing else.
    expect(deltas).toEqual([[{ retain: 9 }, { delete: 2 }, { insert: '👨' }]]);
    doc.transact(() => setText(text, 'Families 👨 first'));
    expect(deltas).toHaveLength(1);
    doc.transact(() => setText(text, ''));
    expect(text.toString()).toBe('');
  });
});

describe('a participant’s edits, checked before they are written', () => {
  it('write what is allowed and leave out, and report, what is not', () => {
    const canvas = ok(addCard(buildCanvas(), { id: 'c1', step: 'outcome', text: 'Keep me' }, T0));
    const doc = shared(canvas);
    let edited = setCardText(canvas, 'c1', 'Keep me, edited', T0 + 1);
    edited = deleteCard(edited, 'c1', T0 + 2);
    edited = setCheckNotes(edited, 'outcome', 'trust', 'Not mine to write', T0 + 3);
    edited = ok(addCard(edited, { id: 'c2', step: 'action', text: 'A new card' }, T0 + 4));
    const refused = writeCanvas(doc, canvas, edited, 'local', T0 + 5, guard());
    expect(refused).toEqual([
      { root: 'cards', id: 'c1', field: 'deletedAt' },
      { root: 'checks', id: 'outcome:trust', field: 'notes' },
    ]);
    const there = projectCanvas(doc, canvas);
    expect(there.cards.c1).toMatchObject({ text: 'Keep me, edited', deletedAt: null });
    expect(there.cards.c2?.text).toBe('A new card');
    expect(there.checks['outcome:trust'].notes).toBe('');
  });

  it('refuse a new card when adding cards is not allowed', () => {
    const canvas = buildCanvas();
    const doc = shared(canvas);
    const edited = ok(addCard(canvas, { id: 'c1', step: 'outcome', text: 'Not now' }, T0));
    expect(writeCanvas(doc, canvas, edited, 'local', T0, guard({ ...DEFAULT_PERMISSIONS, addCards: false }))).toEqual([
      { root: 'cards', id: 'c1', field: 'create' },
    ]);
    expect(doc.getMap('cards').size).toBe(0);
  });
});

describe('after the server refused a device’s changes', () => {
  it('re-applies to the server’s document what is still allowed, merged with what others typed meanwhile, and names what is not', () => {
    const start = ok(
      addCard(
        ok(addCard(buildCanvas(), { id: 'c1', step: 'outcome', text: 'Fewer evictions' }, T0)),
        { id: 'c2', step: 'outcome', text: 'Fewer exclusions' },
        T0,
      ),
    );
    const server = shared(start);
    // The participant's device, offline, while deleting cards and changing checks were allowed.
    const device = copyOf(server);
    let mine = setCardText(start, 'c1', 'Fewer evictions for good', T0 + 1);
    mine = deleteCard(mine, 'c2', T0 + 2);
    mine = ok(setCheckStatus(mine, 'outcome', 'trust', 'concern', T0 + 3));
    mine = ok(addCard(mine, { id: 'c3', step: 'action', text: 'Call before the letter' }, T0 + 4));
    const allowedThen = { ...DEFAULT_PERMISSIONS, deleteCards: true, editChecks: true };
    expect(writeCanvas(device, start, mine, 'local', T0 + 5, guard(allowedThen))).toEqual([]);
    // Meanwhile, on the server: the facilitator types in the same card and takes both permissions away.
    const facilitator = copyOf(server);
    writeCanvas(facilitator, start, setCardText(start, 'c1', 'Far fewer evictions', T0 + 6), 'facilitator', T0 + 6);
    exchange(facilitator, server);

    const fresh = copyOf(server);
    const before = Y.encodeStateVector(fresh);
    const { refused, wanted } = reapplyAllowed(fresh, device, mine, guard(), 'local', T0 + 7);
    expect(refused).toEqual([
      { root: 'cards', id: 'c2', field: 'deletedAt' },
      { root: 'checks', id: 'outcome:trust', field: 'status' },
    ]);
    expect(wanted.cards.c2?.deletedAt).not.toBeNull();
    const now = projectCanvas(fresh, mine);
    expect(now.cards.c1?.text).toBe('Far fewer evictions for good');
    expect(now.cards.c2).toMatchObject({ text: 'Fewer exclusions', deletedAt: null });
    expect(now.cards.c3?.text).toBe('Call before the letter');
    expect(now.checks['outcome:trust'].status).toBe('not-discussed');
    // What it wrote is new changes on top of the server's document: the server's copy comes to the same canvas.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(fresh, before));
    expect(projectCanvas(server, mine)).toEqual(now);
  });
});

describe('after the server refused a person’s dots', () => {
  it('re-applies them card by card as far as the facilitator’s limit allows, and counts what it left out', () => {
    const server = new Y.Doc();
    server.getMap<number>('votes').set('c1', 1);
    server.getMap<number>('votes').set('c9', 1);
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    // Offline: one more on c1, two on c2, and c9's taken off; meanwhile the limit went down to 2.
    device.getMap<number>('votes').set('c1', 2);
    device.getMap<number>('votes').set('c2', 2);
    device.getMap<number>('votes').delete('c9');
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    expect(reapplyDots(fresh, device, 2)).toBe(2);
    expect(fresh.getMap('votes').toJSON()).toEqual({ c1: 2 });
    const roomy = new Y.Doc();
    Y.applyUpdate(roomy, Y.encodeStateAsUpdate(server));
    expect(reapplyDots(roomy, device, 5)).toBe(0);
    expect(roomy.getMap('votes').toJSON()).toEqual({ c1: 2, c2: 2 });
  });
});

describe('the app’s own limits and the shared document’s', () => {
  it('agree: a canvas with every text as long as the app allows fits the shape the server checks', () => {
    const longest = (length: number) => 'x'.repeat(length);
    const card = Object.values(finishedCanvas().cards)[0]!;
    let canvas = finishedCanvas();
    canvas = setCardSource(canvas, card.id, longest(LIMITS.shortTextLength), T0);
    canvas = ok(setActionItemOwner(canvas, 'x1', longest(LIMITS.shortTextLength), T0));
    canvas = ok(setActionItemText(canvas, 'x1', longest(LIMITS.longTextLength), T0));
    canvas = ok(
      setWorkshopDetails(
        canvas,
        {
          organisation: longest(LIMITS.shortTextLength),
          facilitator: longest(LIMITS.shortTextLength),
          participants: longest(LIMITS.notesLength),
        },
        T0,
      ),
    );
    canvas = ok(
      updateDataset(
        canvas,
        'd1',
        {
          name: longest(LIMITS.shortTextLength),
          holder: longest(LIMITS.shortTextLength),
          retention: longest(LIMITS.shortTextLength),
          contents: longest(LIMITS.longTextLength),
          qualityProblems: longest(LIMITS.longTextLength),
          whoIsMissing: longest(LIMITS.longTextLength),
        },
        T0,
      ),
    );
    // The domain clamps, so what it holds is the most it allows.
    expect(canvas.actionItems.x1!.owner).toHaveLength(LIMITS.shortTextLength);
    expect(canvas.workshop.participants).toHaveLength(LIMITS.notesLength);

    const doc = shared(canvas);
    const misfits: string[] = [];
    const check = (where: string, map: Y.Map<unknown>, fields: Fields) => {
      for (const [name, spec] of Object.entries(fields)) {
        if (spec.kind === 'record') check(`${where}.${name}`, map.get(name) as Y.Map<unknown>, spec.fields);
        else if (!fits(spec, map.get(name))) misfits.push(`${where}.${name}`);
      }
    };
    check('meta', doc.getMap('meta'), META_FIELDS);
    for (const root of ['cards', 'checks', 'actionItems', 'datasets', 'facilitation'] as const) {
      doc.getMap<Y.Map<unknown>>(root).forEach((record, id) => check(`${root}.${id}`, record, CANVAS_ROOTS[root].fields));
    }
    expect(misfits).toEqual([]);
  });
});
