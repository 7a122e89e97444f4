// @vitest-environment node
import { afterEach, beforeEach, expect, it } from 'vitest';
import { setTitle } from '../../../src/domain/canvas';
import { setCardText } from '../../../src/domain/cards';
import { buildCanvas, textsIn } from '../helpers/canvasBuilder';
import { type Tab, freshStores } from '../helpers/stores';

let tab: Tab;
const store = () => tab.canvas.getState();

beforeEach(async () => {
  tab = freshStores();
  await tab.seed(buildCanvas({ id: 'c1', title: 'Original', cards: { outcome: ['First', 'Second'] } }));
  await store().open('c1');
});
afterEach(() => tab.stop());

it('shows another device’s change, saves it, and leaves Undo to take back only this device’s own edits', async () => {
  store().edit((canvas, now) => setTitle(canvas, 'Renamed here', now));
  const here = tab.openCanvas();
  const [first] = Object.values(here.cards).sort((a, b) => (a.order < b.order ? -1 : 1));
  const remote = setCardText(here, first!.id, 'Changed on a phone', here.updatedAt + 1);
  store().receiveShared(remote);
  expect(textsIn(tab.openCanvas(), 'outcome')).toEqual(['Changed on a phone', 'Second']);

  store().undo();
  // The title goes back; the other device's card text stays.
  expect(tab.openCanvas().title).toBe('Original');
  expect(textsIn(tab.openCanvas(), 'outcome')).toEqual(['Changed on a phone', 'Second']);
  await store().flush();
  const saved = await tab.stored('c1');
  expect(textsIn(saved!, 'outcome')).toEqual(['Changed on a phone', 'Second']);
});

it('is not an undo step of its own', () => {
  const here = tab.openCanvas();
  store().receiveShared(setTitle(here, 'From the facilitator', here.updatedAt + 1));
  expect(store().undoStack.past).toHaveLength(0);
});
