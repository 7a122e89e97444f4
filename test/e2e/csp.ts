/**
 * Content-Security-Policy watch for the fault specs: every page in the test's
 * context reports each `securitypolicyviolation` event as it happens (through
 * a binding, so a report survives a reload, a closed tab or a crash), and the
 * test fails if there was any.
 *
 * Use in a spec: `watchCsp(test)` once at the top level.
 */
import type { BrowserContext, TestType } from '@playwright/test';
import { expect } from './fixtures';

const seen = new WeakMap<BrowserContext, string[]>();

/** The violations reported so far in this context, one line each. */
export function cspViolations(context: BrowserContext): string[] {
  return seen.get(context) ?? [];
}

export async function recordCspViolations(context: BrowserContext): Promise<void> {
  if (seen.has(context)) return;
  const violations: string[] = [];
  seen.set(context, violations);
  await context.exposeBinding('__reportCspViolation', (_source, line: string) => {
    violations.push(line);
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[]; __reportCspViolation?: (line: string) => void };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      const line = `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} in ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`;
      w.__cspViolations.push(line);
      void w.__reportCspViolation?.(line);
    });
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function watchCsp(test: TestType<any, any>): void {
  test.beforeEach(async ({ context }: { context: BrowserContext }) => {
    await recordCspViolations(context);
  });
  test.afterEach(async ({ context }: { context: BrowserContext }) => {
    expect(cspViolations(context), 'no Content-Security-Policy violations').toEqual([]);
  });
}
