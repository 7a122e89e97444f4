import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Scans the page as it is now with axe and fails with a readable list of what is wrong. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // Legacy mode runs axe in the page itself instead of opening a helper page
  // per scan: the app has no iframes, and it is about twice as fast here.
  const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
  const report = results.violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
        .join('\n');
      const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : '';
      return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
  expect(
    results.violations.map((violation) => violation.id),
    `axe violations on ${where}:\n${report}`,
  ).toEqual([]);
}
