/**
 * Running the app's code (`src/app/boot.tsx` and everything it imports) is one long task on a slow
 * laptop, paid on every visit before the first screen takes input, and the board picture's and the
 * canvas screen's code are run on every opening of a canvas. None of it goes on making a locale
 * formatter when a module loads: the first one loads the browser's locale data, which was the
 * largest single cost in those tasks (a number formatted, or a date formatter made, at a module's
 * top level). Formatters are made when first used, so a screen pays only for what it shows.
 */
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { ROOT, runtimeGraph } from './moduleGraph';

const FORMATTERS = ['NumberFormat', 'DateTimeFormat', 'RelativeTimeFormat', 'PluralRules', 'Collator', 'ListFormat', 'Segmenter'] as const;
type Methods = Record<string, (...args: unknown[]) => string>;
const LOCALE_METHODS: [Methods, string][] = [
  [Number.prototype as unknown as Methods, 'toLocaleString'],
  [Date.prototype as unknown as Methods, 'toLocaleString'],
  [Date.prototype as unknown as Methods, 'toLocaleDateString'],
  [Date.prototype as unknown as Methods, 'toLocaleTimeString'],
  [String.prototype as unknown as Methods, 'localeCompare'],
];

/** Records each locale formatter made, and each number or date formatted for a locale, from now on. */
function watchLocaleFormatting(): string[] {
  const made: string[] = [];
  for (const name of FORMATTERS) {
    const Original = Intl[name] as unknown as new (...args: unknown[]) => object;
    vi.spyOn(Intl, name).mockImplementation(function (...args: unknown[]) {
      made.push(`new Intl.${name}`);
      return new Original(...args);
    } as never);
  }
  for (const [prototype, method] of LOCALE_METHODS) {
    const original = prototype[method]!;
    vi.spyOn(prototype, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
      made.push(method);
      return original.apply(this, args);
    });
  }
  return made;
}

/** The source modules `entry` loads at run time, itself included; boot.tsx is left out: it starts the app when loaded. */
const loadedBy = (entry: string) => [...runtimeGraph(entry)].filter((name) => name.startsWith('src/') && name !== 'src/app/boot.tsx');

describe.each([
  ["the app's code", 'src/app/boot.tsx', ['src/domain/cards.ts', 'src/lib/relativeTime.ts', 'src/features/library/LibraryScreen.tsx']],
  [
    "the canvas screen's code",
    'src/features/canvas/CanvasScreen.tsx',
    ['src/domain/document/dates.ts', 'src/features/canvas/CardItem.tsx'],
  ],
  ["the board picture's code", 'src/app/firstPaint.ts', ['src/features/canvas/boardPicture.ts', 'src/domain/stepGuidance.ts']],
])('loading %s', (_, entry, expected) => {
  const modules = loadedBy(entry);

  it('reads the modules it checks', () => {
    for (const name of expected) expect(modules).toContain(name);
  });

  it('makes no locale formatter and formats nothing for a locale', async () => {
    vi.resetModules();
    const made = watchLocaleFormatting();
    for (const name of modules) await import(/* @vite-ignore */ join(ROOT, name));
    expect(made).toEqual([]);
  });
});
