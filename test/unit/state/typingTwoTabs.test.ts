// @vitest-environment node
/**
 * Two tabs typing into one card key by key, in the same seconds, as people do:
 * each tab's saves, conflicts and merges run for real (IndexedDB, the
 * BroadcastChannel, the autosave's waits), and each typist's caret follows
 * their own words the way the card editor keeps it (`caretAfter`).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { setCardText } from '../../../src/domain/cards';
import { caretAfter } from '../../../src/lib/useKeepCaret';
import { buildCanvas } from '../helpers/canvasBuilder';
import { type Tab, freshStores } from '../helpers/stores';

let a: Tab;
let b: Tab;

beforeEach(async () => {
  const shared = { channelName: `typing-${crypto.randomUUID()}`, databaseName: `typing-${crypto.randomUUID()}` };
  a = freshStores(shared);
  b = freshStores(shared);
  await a.seed(buildCanvas({ id: 'c1', title: 'Housing', cards: { outcome: ['Shared card.'] } }));
  a.start();
  b.start();
  await a.canvas.getState().open('c1');
  await b.canvas.getState().open('c1');
});

afterEach(async () => {
  await a.stop();
  await b.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cardText = (tab: Tab) => tab.openCanvas().cards['outcome-1']!.text;

/** Types `words` at the end of the card, one key every `delay` ms, the caret kept beside the typist's words between keys. */
async function typist(tab: Tab, words: string, delay: number): Promise<void> {
  let known = cardText(tab);
  let caret = known.length;
  for (const key of words) {
    const now = cardText(tab);
    if (now !== known) caret = caretAfter(known, now, caret);
    const next = now.slice(0, caret) + key + now.slice(caret);
    tab.canvas.getState().edit((canvas, at) => setCardText(canvas, 'outcome-1', next, at), 'card-text:outcome-1');
    known = next;
    caret += 1;
    await sleep(delay);
  }
}

const typedInA = ' Hackney residents who wait longest for a home come first.';
const typedInB = ' Ask the families how they want to be contacted.';

for (const [delayA, delayB] of [
  [30, 30],
  [30, 45],
  [20, 35],
] as const) {
  it(`two people typing in one card at once (a key every ${delayA} and ${delayB} ms) both keep every word, in the same text`, async () => {
    await Promise.all([typist(a, typedInA, delayA), typist(b, typedInB, delayB)]);
    await a.canvas.getState().flush();
    await b.canvas.getState().flush();
    await expect.poll(() => cardText(a) === cardText(b), { timeout: 5_000 }).toBe(true);
    const text = cardText(a);
    expect(text).toMatch(/^Shared card\./);
    expect(text).toContain(typedInA.trim());
    expect(text).toContain(typedInB.trim());
    expect((await a.stored('c1'))!.cards['outcome-1']!.text).toBe(text);
  }, 20_000);
}

it('a save after the other tab’s is merged once, checked against storage, never written over it; then both tabs fall quiet', async () => {
  const saves: { tab: string; checked: boolean; outcome: string }[] = [];
  for (const [name, tab] of [
    ['A', a],
    ['B', b],
  ] as const) {
    const repository = await tab.repository();
    const save = repository.saveChanges.bind(repository);
    repository.saveChanges = async (...args: Parameters<typeof save>) => {
      const outcome = await save(...args);
      saves.push({ tab: name, checked: args[2] !== undefined, outcome });
      return outcome;
    };
  }
  const append = (tab: Tab, words: string) =>
    tab.canvas.getState().edit((canvas, at) => setCardText(canvas, 'outcome-1', canvas.cards['outcome-1']!.text + words, at), 'typing');

  append(a, ' From A.');
  await a.canvas.getState().flush();
  await expect.poll(() => cardText(b), { timeout: 5_000 }).toBe('Shared card. From A.');
  append(b, ' From B.');
  await b.canvas.getState().flush();
  await expect.poll(() => cardText(a), { timeout: 5_000 }).toBe('Shared card. From A. From B.');
  // Both at once: B has not heard of A's save when it writes.
  append(a, ' Again A.');
  await a.canvas.getState().flush();
  append(b, ' Again B.');
  await b.canvas.getState().flush();
  await expect.poll(() => cardText(a) === cardText(b), { timeout: 5_000 }).toBe(true);
  for (const words of ['From A.', 'From B.', 'Again A.', 'Again B.']) expect(cardText(a)).toContain(words);

  expect(saves.every((save) => save.checked)).toBe(true);
  expect(saves.filter((save) => save.outcome === 'conflict')).toHaveLength(1);
  const settled = saves.length;
  await sleep(1_500);
  expect(saves).toHaveLength(settled);
});
