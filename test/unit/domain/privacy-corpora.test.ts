// @vitest-environment node
/**
 * The privacy check against two corpora of workshop text (fixtures/privacy/):
 * personal details it should find, and ordinary workshop text it should leave
 * alone. Prints the detection and false-alarm rates per rule, and fails if
 * either gets worse than the figures below (raise them when the check improves).
 *
 *   npx vitest run test/unit/domain/privacy-corpora.test.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIVACY_RULES, checkPrivacy, type PrivacyRuleId } from '../../../src/domain/privacy';

const FIXTURES = join(__dirname, 'fixtures/privacy');

interface Expected {
  /** Share of marked details found (a warning of that rule overlapping the mark) and found exactly (same start and end). */
  detected: Record<PrivacyRuleId, { found: number; exact: number }>;
  /** Lines of the false-positive corpus on which each rule warns, at most. */
  falseAlarms: Record<PrivacyRuleId, number>;
}

const everyRule = <T>(value: T) => Object.fromEntries(PRIVACY_RULES.map((rule) => [rule, value])) as Record<PrivacyRuleId, T>;

/** The corpora the rules were written against. */
const MAIN: Expected = {
  detected: { ...everyRule({ found: 1, exact: 1 }), 'title-with-name': { found: 0.97, exact: 0.97 } },
  falseAlarms: { ...everyRule(0), 'postcode-with-birth-date': 1, 'title-with-name': 2 },
};
/**
 * Held-out corpora, written after the rules were settled and run once.
 * Round 1 (35 details, 40 lines): 34 found, 6 lines with a false alarm; one fix
 * followed (a title before a hyphenated brand, "Mr Motivator-style").
 * Round 2, after the first landing (22 details, 60 lines): all found (one span
 * stops before a closing bracket the mark included), no false alarm; no change.
 * The remaining misses and false alarms stay, so these figures remain a fair
 * guess at real use.
 */
const HELD_OUT: Expected = {
  detected: {
    ...everyRule({ found: 1, exact: 1 }),
    'uk-phone': { found: 0.92, exact: 0.92 },
    'postcode-with-birth-date': { found: 1, exact: 0.875 },
  },
  falseAlarms: { ...everyRule(0), email: 2, 'uk-phone': 1, 'ni-number': 1, 'postcode-with-birth-date': 1 },
};

interface Marked {
  rule: PrivacyRuleId;
  start: number;
  end: number;
}

function lines(file: string): string[] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/** "Call [[uk-phone:07700 900123]] today" → the text without marks, and where each mark was. */
function parseMarked(line: string): { text: string; marks: Marked[] } {
  const marks: Marked[] = [];
  let text = '';
  let rest = line;
  for (let open = rest.indexOf('[['); open !== -1; open = rest.indexOf('[[')) {
    const close = rest.indexOf(']]', open);
    const [rule, marked] = rest.slice(open + 2, close).split(/:(.*)/s) as [PrivacyRuleId, string];
    expect(PRIVACY_RULES).toContain(rule);
    text += rest.slice(0, open);
    marks.push({ rule, start: text.length, end: text.length + marked.length });
    text += marked;
    rest = rest.slice(close + 2);
  }
  return { text: text + rest, marks };
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

function measure(truePositiveFile: string, falsePositiveFile: string, expected: Expected) {
  const truePositives = lines(truePositiveFile).map(parseMarked);
  const falsePositives = lines(falsePositiveFile);
  const stats = everyRule(null) as unknown as Record<
    PrivacyRuleId,
    { marked: number; found: number; exact: number; missed: string[]; falseAlarms: string[] }
  >;
  for (const rule of PRIVACY_RULES) stats[rule] = { marked: 0, found: 0, exact: 0, missed: [], falseAlarms: [] };
  let strayOnTruePositiveLines = 0;

  for (const { text, marks } of truePositives) {
    const warnings = checkPrivacy(text);
    for (const mark of marks) {
      const stat = stats[mark.rule];
      stat.marked++;
      const hit = warnings.find((w) => w.rule === mark.rule && w.start < mark.end && w.end > mark.start);
      if (!hit) stat.missed.push(text);
      else {
        stat.found++;
        if (hit.start === mark.start && hit.end === mark.end) stat.exact++;
      }
    }
    strayOnTruePositiveLines += warnings.filter((w) => !marks.some((mark) => w.start < mark.end && w.end > mark.start)).length;
  }
  let quietLines = 0;
  for (const text of falsePositives) {
    const warnings = checkPrivacy(text);
    if (warnings.length === 0) quietLines++;
    for (const rule of new Set(warnings.map((w) => w.rule))) stats[rule].falseAlarms.push(text);
  }

  const row = (name: string, found: number, marked: number, exact: string, alarms: number) =>
    `${name.padEnd(26)} ${`${found}/${marked}`.padStart(7)} ${percent(found, marked).padStart(8)}   ${exact.padEnd(14)}   ${`${alarms}/${falsePositives.length}`.padStart(7)} ${percent(alarms, falsePositives.length).padStart(7)}`;
  const marked = PRIVACY_RULES.reduce((sum, rule) => sum + stats[rule].marked, 0);
  const found = PRIVACY_RULES.reduce((sum, rule) => sum + stats[rule].found, 0);
  console.log(
    [
      `Privacy check on ${truePositiveFile} (${truePositives.length} lines, ${marked} details) and ${falsePositiveFile} (${falsePositives.length} lines)`,
      `${'rule'.padEnd(26)} ${'detected'.padStart(16)}   ${'exact span'.padEnd(14)}   false alarms (lines)`,
      ...PRIVACY_RULES.map((rule) => {
        const { marked: m, found: f, exact, falseAlarms } = stats[rule];
        return row(rule, f, m, percent(exact, m), falseAlarms.length);
      }),
      row('all rules', found, marked, '', falsePositives.length - quietLines),
      `warnings on true-positive lines outside the marked details: ${strayOnTruePositiveLines}`,
      ...PRIVACY_RULES.flatMap((rule) => stats[rule].missed.map((text) => `  missed ${rule}: ${text}`)),
      ...PRIVACY_RULES.flatMap((rule) => stats[rule].falseAlarms.map((text) => `  false alarm ${rule}: ${text}`)),
      '',
    ].join('\n'),
  );

  for (const rule of PRIVACY_RULES) {
    const { marked: m, found: f, exact, falseAlarms } = stats[rule];
    expect(m, `${rule} details in ${truePositiveFile}`).toBeGreaterThan(0);
    expect(f / m, `${rule} detection`).toBeGreaterThanOrEqual(expected.detected[rule].found);
    expect(exact / m, `${rule} exact spans`).toBeGreaterThanOrEqual(expected.detected[rule].exact);
    expect(falseAlarms.length, `${rule} false alarms`).toBeLessThanOrEqual(expected.falseAlarms[rule]);
  }
  expect(strayOnTruePositiveLines).toBe(0);
}

describe('the privacy check on the corpora', () => {
  it('has corpora large enough to mean something', () => {
    const truePositives = lines('true-positives.txt').map(parseMarked);
    expect(truePositives.length).toBeGreaterThanOrEqual(150);
    expect(lines('false-positives.txt').length).toBeGreaterThanOrEqual(300);
    for (const rule of PRIVACY_RULES) {
      expect(truePositives.flatMap((line) => line.marks).filter((mark) => mark.rule === rule).length).toBeGreaterThanOrEqual(25);
    }
  });

  it('finds the personal details and stays quiet on workshop text, at least as well as reported', () => {
    measure('true-positives.txt', 'false-positives.txt', MAIN);
  });

  it('does as well as reported on the held-out corpora', () => {
    measure('true-positives-holdout.txt', 'false-positives-holdout.txt', HELD_OUT);
  });
});
