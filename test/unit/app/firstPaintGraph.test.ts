// @vitest-environment node
/**
 * The board painted before the app loads (src/app/firstPaint.ts) loads only what it shows: the
 * steps' words, the cards' order, the checks' ids and counts. Not the card operations (and the
 * order keys' library), the whole evidence table or the lenses' and checks' guidance, which would
 * make every opening of a board fetch and run them before anything shows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');

/** Every module `entry` loads at run time (type-only imports left out), as paths from the repository's root, or package names. */
function runtimeGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const name = relative(ROOT, file);
    if (seen.has(name)) return;
    seen.add(name);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)) {
      if (!specifier!.startsWith('.')) {
        seen.add(specifier!);
        continue;
      }
      const base = resolve(dirname(file), specifier!);
      const found = [base, `${base}.ts`, `${base}.tsx`].find((path) => existsSync(path) && /\.tsx?$/.test(path));
      if (found) visit(found);
    }
  };
  visit(join(ROOT, entry));
  return seen;
}

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
