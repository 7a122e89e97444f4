/** The modules a source file loads at run time, read from its import statements (for tests of what loads when). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = join(__dirname, '../../..');

/** Every module `entry` loads at run time (type-only imports left out), as paths from the repository's root, or package names. */
export function runtimeGraph(entry: string): Set<string> {
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
