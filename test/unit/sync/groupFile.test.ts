import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard, deleteCard, setCardText } from '../../../src/domain/cards';
import { setCheckStatus } from '../../../src/domain/canvas';
import type { Canvas } from '../../../src/domain/model';
import { canvasToPlain, projectCanvas, writeCanvas } from '../../../src/sync/binding';
import {
  GROUP_FILE_FORMAT,
  GROUP_FILE_MAX_BYTES,
  encodeGroupFile,
  fromBase64,
  groupFileName,
  parseGroupFile,
  planMerge,
  toBase64,
} from '../../../src/sync/groupFile';
import { mayChange, mayCreate, setOnCreate } from '../../../src/sync/permissions';
import { DEFAULT_PERMISSIONS } from '../../../src/sync/protocol';
import { initCanvasDoc } from '../../../src/sync/shape';
import { T0 } from '../helpers/canvasBuilder';
import { finishedCanvas } from '../helpers/finishedCanvas';

const participant = {
  mayCreate: (root: string) => mayCreate('participant', DEFAULT_PERMISSIONS, root),
  mayChange: (root: string, field: string) => mayChange('participant', DEFAULT_PERMISSIONS, root, field),
  setOnCreate,
};

/** The owner's document, and two laptops that joined it (their own copies). */
function room(canvas: Canvas = finishedCanvas()) {
  const owner = new Y.Doc();
  initCanvasDoc(owner, canvasToPlain(canvas));
  const copy = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(owner));
    return doc;
  };
  return { canvas, owner, a: copy(), b: copy() };
}

/** A local edit on one laptop, as the binding writes it. */
function edit(doc: Y.Doc, canvas: Canvas, change: (canvas: Canvas) => Canvas): Canvas {
  const current = projectCanvas(doc, canvas);
  const next = change(current);
  writeCanvas(doc, current, next, 'local');
  return next;
}

const parsed = (text: string) => {
  const result = parseGroupFile(text);
  if (!result.ok) throw new Error(result.problem);
  return result;
};

describe('a group’s changes in a file', () => {
  it('merges both groups’ work, words of the same card included, and says what it merged', () => {
    const { canvas, a, b } = room();
    edit(a, canvas, (c) => addCard(c, { id: 'ga1', step: 'action', text: 'Group A’s idea' }, T0 + 1));
    edit(a, canvas, (c) => setCardText(c, 'o1', 'Young people are diverted from custody early', T0 + 2));
    edit(b, canvas, (c) => addCard(c, { id: 'gb1', step: 'insight', text: 'Group B’s idea' }, T0 + 1));
    edit(b, canvas, (c) => setCardText(c, 'o1', 'Most young people are diverted from custody', T0 + 2));

    const { file, update } = parsed(encodeGroupFile(a, 'room-1', 'Group A'));
    expect(file).toMatchObject({ format: GROUP_FILE_FORMAT, version: 1, canvasId: 'finished', roomId: 'room-1', group: 'Group A' });
    const plan = planMerge(b, file, update, participant);
    expect(plan).toMatchObject({ ok: true, message: 'Merged Group A’s changes: 1 new card, 1 card changed.' });
    Y.applyUpdate(b, update);

    const merged = projectCanvas(b, canvas);
    expect(merged.cards['ga1']?.text).toBe('Group A’s idea');
    expect(merged.cards['gb1']?.text).toBe('Group B’s idea');
    expect(merged.cards['o1']?.text).toBe('Most young people are diverted from custody early');

    // Merging the same file again adds nothing, and A merging B's file later converges.
    const again = planMerge(b, file, update, participant);
    expect(again).toMatchObject({ ok: true, message: 'Nothing new in Group A’s changes: this canvas already had all of it.' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(projectCanvas(a, canvas)).toEqual(merged);
  });

  it('counts removed cards and changed checks for the facilitator', () => {
    const { canvas, a, b } = room();
    edit(a, canvas, (c) => deleteCard(c, 'e1', T0 + 1));
    edit(a, canvas, (c) => setCheckStatus(c, 'outcome', 'power', 'concern', T0 + 1));
    const { file, update } = parsed(encodeGroupFile(a, 'room-1', ''));
    expect(planMerge(b, file, update, null)).toMatchObject({
      ok: true,
      message: 'Merged the group’s changes: 1 card removed, 1 check changed.',
    });
  });

  it('refuses, for a participant, what the facilitator has not allowed (the server would refuse it), and changes nothing', () => {
    const { canvas, owner, b } = room();
    edit(owner, canvas, (c) => deleteCard(c, 'e1', T0 + 1));
    const { file, update } = parsed(encodeGroupFile(owner, 'room-1', 'Facilitator'));
    const before = Y.encodeStateAsUpdate(b);
    const plan = planMerge(b, file, update, participant);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.problem).toMatch(/not allowed participants.*Ask the facilitator to merge it/);
    expect(Y.encodeStateAsUpdate(b)).toEqual(before);
    // The facilitator may merge it.
    expect(planMerge(b, file, update, null).ok).toBe(true);
  });

  it('refuses a file for another canvas, naming it', () => {
    const { a } = room();
    const other = room({ ...finishedCanvas(), id: 'other-canvas', title: 'Other' });
    const { file, update } = parsed(encodeGroupFile(other.a, 'room-2', 'Group C'));
    expect(planMerge(a, file, update, null)).toEqual({
      ok: false,
      problem: 'This file holds changes to “Other”, which is a different canvas from the one open here, so nothing was merged.',
    });
  });

  it('gives every hostile or wrong file a human sentence', () => {
    const { a } = room();
    const good = JSON.parse(encodeGroupFile(a, 'room-1', 'Group A')) as Record<string, unknown>;
    const problem = (text: string) => {
      const result = parseGroupFile(text);
      return result.ok ? 'accepted' : result.problem;
    };
    const withField = (field: string, value: unknown) => JSON.stringify({ ...good, [field]: value });
    expect(problem('# A canvas in Markdown')).toMatch(/^This is not a file of a group’s changes/);
    expect(problem('{"format":"outcome-canvas-backup","version":1}')).toMatch(/^This is not a file of a group’s changes/);
    expect(problem('null')).toMatch(/^This is not a file/);
    expect(problem(withField('version', 2))).toMatch(/newer version of Outcome Canvas \(group file version 2\)/);
    expect(problem(withField('version', 'one'))).toMatch(/damaged/);
    expect(problem(withField('state', 'not base64!'))).toMatch(/damaged/);
    expect(problem(withField('state', toBase64(new Uint8Array([1, 2, 3, 4, 5, 250, 7]))))).toMatch(/damaged/);
    expect(problem(withField('state', ''))).toMatch(/damaged/);
    expect(problem(withField('canvasId', 'someone-else'))).toMatch(/damaged/);
    expect(problem(withField('title', 7))).toMatch(/damaged/);
    // A Yjs document that is not a canvas.
    const stranger = new Y.Doc();
    stranger.getMap('anything').set('x', 1);
    expect(problem(withField('state', toBase64(Y.encodeStateAsUpdate(stranger))))).toMatch(/damaged/);
    expect(problem('x'.repeat(GROUP_FILE_MAX_BYTES + 1))).toMatch(
      /too large to be a group’s changes \(\d+\.\d MB; a shared canvas holds at most 8 MB\)/,
    );
    expect(problem(JSON.stringify(good))).toBe('accepted');
  });

  it('keeps base64 exact, large states included, and names files plainly', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64('abc')).toBeNull();
    expect(groupFileName('Youth justice & data', 'Group B', new Date('2026-03-12T14:30:00Z'))).toBe(
      'youth-justice-data-group-b-changes-2026-03-12-1430.json',
    );
    expect(groupFileName('', '', new Date('2026-03-12T14:30:00Z'))).toBe('canvas-changes-2026-03-12-1430.json');
    // Accents are dropped, not turned into dashes.
    expect(groupFileName('Café réseau', 'Équipe', new Date('2026-03-12T14:30:00Z'))).toBe(
      'cafe-reseau-equipe-changes-2026-03-12-1430.json',
    );
  });
});
