// @vitest-environment node
/**
 * The browser tests, the bench and Lighthouse start Chromium with scripts/chromium.mjs's switches.
 * Chromium keeps only the last `--disable-features` it is given, so ours replaces Playwright's:
 * each feature Playwright turns off must be in ours, or upgrading Playwright would quietly turn it
 * back on in every test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES, UNSEEN_FEATURES, disableFeatures } from '../../../scripts/chromium.mjs';

/** The names in the installed Playwright's own `disabledFeatures` list, read from its source. */
function playwrightDisabledFeatures(): string[] {
  const lib = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'lib');
  const files = readdirSync(lib, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
  for (const file of files) {
    const source = readFileSync(join(lib, file), 'utf8');
    const list = /disabledFeatures = \[([\s\S]*?)\]/.exec(source)?.[1];
    if (list === undefined) continue;
    const code = list.replace(/\/\/.*$/gm, ''); // the list's comments name features too
    return [...code.matchAll(/"([A-Za-z0-9]+)"/g)].map((match) => match[1]!);
  }
  throw new Error("Playwright's list of disabled features was not found in playwright-core");
}

const disableSwitches = () => CHROMIUM_ARGS.filter((flag) => flag.startsWith('--disable-features='));

describe("Chromium's switches", () => {
  it("keep every feature the installed Playwright turns off (ours replaces Playwright's list)", () => {
    const playwright = playwrightDisabledFeatures();
    expect(playwright).toContain('PaintHolding'); // the list was found, not an empty match
    const [ours] = disableSwitches();
    expect(ours!.slice('--disable-features='.length).split(',')).toEqual(expect.arrayContaining(playwright));
  });

  it("turn off the address bar's unseen pop-up page, in one --disable-features switch", () => {
    expect(disableSwitches()).toEqual([disableFeatures(PLAYWRIGHT_DISABLED_FEATURES, UNSEEN_FEATURES)]);
    expect(disableSwitches()[0]).toContain('WebUIOmniboxPopup');
  });

  it('name each feature once', () => {
    expect(disableFeatures(['A', 'B'], ['B', 'C'])).toBe('--disable-features=A,B,C');
  });
});
