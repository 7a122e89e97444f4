// @vitest-environment node
/**
 * Ids come from files and backups, so they can be "__proto__", "constructor"
 * or "toString". Every id-keyed structure must treat them as ordinary ids
 * (issue 12: a card with the id "__proto__" was silently dropped on restore).
 */
import { describe, expect, it } from 'vitest';
import { addActionItem, actionItemsInOrder } from '../../../src/domain/actionLog';
import { assembleCanvas } from '../../../src/domain/assemble';
import { createBackup, readBackup } from '../../../src/domain/backup';
import { duplicateCanvas } from '../../../src/domain/canvas';
import { addCard, cardsInStep, deleteCard, setCardText } from '../../../src/domain/cards';
import { canvasFromContent, contentOf } from '../../../src/domain/content';
import { addDataset, datasetsInOrder, linkDatasetToInsight } from '../../../src/domain/dataInventory';
import { diffCanvas } from '../../../src/domain/diff';
import { makeSnapshot, restoreSnapshot } from '../../../src/domain/snapshots';
import { hasRecord, idMap, recordOf, withRecords } from '../../../src/domain/idMap';
import { canvasToMarkdown } from '../../../src/domain/markdown/exportCanvas';
import { importCanvasMarkdown } from '../../../src/domain/markdown/importCanvas';
import { mergeRemote, restamp } from '../../../src/domain/merge';
import { mergeText } from '../../../src/domain/textMerge';
import { type Canvas, createCanvas } from '../../../src/domain/model';
import { readCanvasObject } from '../../../src/domain/schema';
import { linkCards } from '../../../src/domain/thread';
import { T0, applied } from '../helpers/canvasBuilder';

const HOSTILE_IDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** A canvas where every record has a hostile id: cards, an action item and a data set. */
function hostileCanvas(): Canvas {
  let canvas = createCanvas('__proto__', T0, 'Hostile ids');
  for (const id of HOSTILE_IDS) canvas = addCard(canvas, { id, step: id === '__proto__' ? 'insight' : 'action', text: `Card ${id}` }, T0);
  canvas = applied(linkCards(canvas, '__proto__', 'constructor', T0));
  canvas = applied(addActionItem(canvas, { id: '__proto__', text: 'Action with a hostile id' }, T0));
  canvas = applied(addActionItem(canvas, { id: 'constructor', text: 'Another' }, T0));
  canvas = applied(addDataset(canvas, { id: 'toString', name: 'Data set with a hostile id' }, T0));
  canvas = applied(linkDatasetToInsight(canvas, 'toString', '__proto__', T0));
  return canvas;
}

describe('id-keyed maps', () => {
  it('hold a record under any id, and find nothing that was never put in', () => {
    const map = idMap(HOSTILE_IDS.map((id) => ({ id, n: 1 })));
    expect(Object.keys(map).sort()).toEqual([...HOSTILE_IDS].sort());
    for (const id of HOSTILE_IDS) expect(recordOf(map, id)).toEqual({ id, n: 1 });
    const empty = idMap<{ id: string }>();
    for (const id of HOSTILE_IDS) {
      expect(recordOf(empty, id)).toBeUndefined();
      expect(hasRecord(empty, id)).toBe(false);
    }
    expect(Object.getPrototypeOf(withRecords(empty, [{ id: '__proto__' }]))).toBeNull();
  });

  it('read only own keys even from a plain object, as structured cloning gives back', () => {
    const plain = JSON.parse('{"__proto__": {"id": "__proto__"}}') as Record<string, { id: string }>;
    expect(recordOf(plain, '__proto__')).toEqual({ id: '__proto__' });
    expect(recordOf(plain, 'constructor')).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('id');
  });
});

describe('every id-keyed structure takes prototype-named ids', () => {
  it('cards, action items and data sets are added, found, listed and edited', () => {
    const canvas = hostileCanvas();
    expect(Object.keys(canvas.cards).sort()).toEqual([...HOSTILE_IDS].sort());
    expect(cardsInStep(canvas, 'insight').map((card) => card.id)).toEqual(['__proto__']);
    expect(canvas.cards['__proto__']!.serves).toEqual(['constructor']);
    expect(setCardText(canvas, 'toString', 'Edited', T0 + 1).cards['toString']!.text).toBe('Edited');
    expect(actionItemsInOrder(canvas).map((item) => item.id)).toEqual(['__proto__', 'constructor']);
    expect(datasetsInOrder(canvas)[0]!.usedBy).toEqual(['__proto__']);
    expect(Object.prototype).not.toHaveProperty('text');
  });

  it('an operation on an id that is not there changes nothing, even for "constructor"', () => {
    const canvas = createCanvas('c', T0);
    expect(setCardText(canvas, 'constructor', 'x', T0)).toBe(canvas);
    expect(deleteCard(canvas, 'toString', T0)).toBe(canvas);
  });

  it('diff, merge and restamp see every record', () => {
    const canvas = hostileCanvas();
    const changes = diffCanvas(null, canvas);
    expect(changes.cards.map((card) => card.id).sort()).toEqual([...HOSTILE_IDS].sort());
    const edited = setCardText(canvas, '__proto__', 'Edited in the other tab', T0 + 5);
    expect(diffCanvas(canvas, edited).cards.map((card) => card.id)).toEqual(['__proto__']);
    const { merged } = mergeRemote(canvas, canvas, structuredClone(edited), mergeText);
    expect(merged.cards['__proto__']!.text).toBe('Edited in the other tab');
    expect(Object.keys(merged.cards)).toHaveLength(HOSTILE_IDS.length);
    expect(restamp(edited, canvas, T0 + 9).cards['__proto__']!.updatedAt).toBe(T0 + 9);
  });

  it('content, Markdown and a new canvas from content keep every card and link', () => {
    const canvas = hostileCanvas();
    const result = importCanvasMarkdown(canvasToMarkdown(canvas, { exportedAt: new Date(T0) }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.content).toEqual(contentOf(canvas));
    let n = 0;
    const copy = canvasFromContent(result.content, 'copy', () => (n++ === 0 ? '__proto__' : `id-${n}`), T0);
    expect(Object.keys(copy.cards)).toHaveLength(HOSTILE_IDS.length);
    expect(contentOf(copy)).toEqual(contentOf(canvas));
  });

  it('a Markdown card ref named "__proto__" links like any other', () => {
    const markdown = `---\nformat: outcome-canvas\nversion: 2\n---\n\n# T\n\n## Outcome\n\n- Families are better off<!-- card: ref=__proto__ -->\n\n## Action\n\n- Call sooner<!-- card: serves=__proto__ -->\n`;
    const result = importCanvasMarkdown(markdown);
    expect(result.ok && result.content.cards.action[0]!.serves).toEqual(['o1']);
  });

  it('a backup restores a card, canvas, action item and data set whose id is "__proto__"', () => {
    const canvas = hostileCanvas();
    const snapshot = makeSnapshot(canvas, 'editing', '__proto__', T0);
    const result = readBackup(createBackup([canvas], [], new Date(T0), [snapshot]));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const [restored] = result.canvases;
    expect(restored!.id).toBe('__proto__');
    expect(Object.keys(restored!.cards).sort()).toEqual([...HOSTILE_IDS].sort());
    expect(restored!.cards['__proto__']!.text).toBe('Card __proto__');
    expect(Object.keys(restored!.actionItems).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.keys(restored!.datasets)).toEqual(['toString']);
    expect(result.snapshots.map((s) => s.id)).toEqual(['__proto__']);
    expect(Object.keys(result.snapshots[0]!.canvas.cards)).toHaveLength(HOSTILE_IDS.length);
    expect(Object.prototype).not.toHaveProperty('text');
  });

  it('a snapshot read back from storage (plain objects) and restored keeps every record', () => {
    const canvas = hostileCanvas();
    const stored = readCanvasObject(structuredClone(canvas));
    expect(stored && Object.keys(stored.cards).sort()).toEqual([...HOSTILE_IDS].sort());
    const later = deleteCard(canvas, 'constructor', T0 + 10);
    const restored = restoreSnapshot(later, stored!, T0 + 20);
    expect(restored.cards['constructor']!.deletedAt).toBeNull();
    expect(Object.keys(restored.actionItems).sort()).toEqual(['__proto__', 'constructor']);
  });

  it('assembling records from storage and duplicating keep every id-keyed record', () => {
    const canvas = hostileCanvas();
    const assembled = assembleCanvas(canvas, {
      cards: Object.values(canvas.cards),
      checks: Object.values(canvas.checks),
      actionItems: Object.values(canvas.actionItems),
      datasets: Object.values(canvas.datasets),
    });
    expect(Object.keys(assembled.cards)).toHaveLength(HOSTILE_IDS.length);
    let n = 0;
    const copy = duplicateCanvas(assembled, 'copy', () => `new-${n++}`, T0, 'Copy');
    expect(Object.keys(copy.cards)).toHaveLength(HOSTILE_IDS.length);
    expect(contentOf(copy).cards).toEqual(contentOf(canvas).cards);
  });
});
