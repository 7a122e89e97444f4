// @vitest-environment node
/**
 * The board painted before the app loads (src/app/firstPaint.ts) loads only what it shows: the
 * steps' words, the cards' order, the checks' ids and counts. Not the card operations (and the
 * order keys' library), the whole evidence table or the lenses' and checks' guidance, which would
 * make every opening of a board fetch and run them before anything shows.
 */
import { describe, expect, it } from 'vitest';
import { runtimeGraph } from './moduleGraph';

describe('the board painted before the app loads', () => {
  const graph = runtimeGraph('src/app/firstPaint.ts');

  it('loads the words and counts it shows', () => {
    expect(graph).toContain('src/features/canvas/boardPicture.ts');
    expect(graph).toContain('src/domain/stepGuidance.ts');
    expect(graph).toContain('src/domain/cardQueries.ts');
  });

  it('loads none of the card operations, the whole evidence table or the rest of the guidance', () => {
    for (const heavy of ['fractional-indexing', 'src/domain/cards.ts', 'src/domain/evidence.ts', 'src/domain/guidance.ts', 'react']) {
      expect(graph).not.toContain(heavy);
    }
  });
});
