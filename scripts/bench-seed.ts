/**
 * Seeds the benchmark's canvases through the app's own code: canvases built by
 * the domain's operations (`createCanvas`, `addCard`) and stored by the app's
 * repository (`saveChanges`, which writes every record and the canvas's
 * summary in one transaction), so the data is exactly what the app writes.
 * `npm run bench` bundles this file for the browser and runs it in a page of
 * the served app, where it sets `window.benchSeed`.
 */
import { addCard } from '../src/domain/cards';
import { diffCanvas } from '../src/domain/diff';
import { type Canvas, STEP_IDS, createCanvas } from '../src/domain/model';
import { openRepository } from '../src/storage/openRepository';

const SENTENCES = [
  'Residents who rely on the housing team tell us the forms are hard to follow.',
  'Link rent arrears data with early help referrals to spot families sooner.',
  'Ask the youth panel how they would feel about their records being shared.',
  'A named officer checks every automated flag before anyone is contacted.',
  'Publish a plain-language notice of which data sets we join and why.',
];

/** A canvas of `cardCount` cards spread over the four steps, each with a sentence of workshop notes. */
function benchCanvas(id: string, title: string, cardCount: number, now: number): Canvas {
  let canvas = createCanvas(id, now, title);
  for (let i = 0; i < cardCount; i++) {
    canvas = addCard(
      canvas,
      { id: `${id}-card-${i}`, step: STEP_IDS[i % STEP_IDS.length]!, text: `Card ${i + 1}: ${SENTENCES[i % SENTENCES.length]}` },
      now,
    );
  }
  return canvas;
}

async function seed(options: { canvases: { id: string; cards: number }[]; library: number; libraryCards: number }) {
  const { repository, problem } = await openRepository();
  if (problem) throw new Error(`IndexedDB could not be opened: ${problem}`);
  const now = Date.now();
  for (const { id, cards } of options.canvases) {
    await repository.saveChanges(id, diffCanvas(null, benchCanvas(id, `Benchmark: ${cards} cards`, cards, now)));
  }
  for (let i = 0; i < options.library; i++) {
    const id = `bench-library-${i}`;
    // Spread over the last year, so the library's order (newest first) has work to do.
    const at = now - i * 31_557_600;
    await repository.saveChanges(
      id,
      diffCanvas(null, benchCanvas(id, `Workshop ${i + 1}: early help data linkage`, options.libraryCards, at)),
    );
  }
}

(globalThis as unknown as { benchSeed: typeof seed }).benchSeed = seed;
