// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CHECK_GUIDANCE, LENS_GUIDANCE, STEP_GUIDANCE } from '../../../src/domain/guidance';
import { LENS_IDS, STEP_IDS } from '../../../src/domain/model';

// LOTI's guiding questions, quoted verbatim from "A Caveat on Data".
const LOTI_QUESTIONS = {
  outcome: 'What specific person is better off in what specific ways because we acted?',
  action: 'WHO could do WHAT differently if they had better information?',
  insight: 'What would someone need to see on a screen (the data product) to enable the action?',
  enablers: 'Beyond the data product, what else is needed to achieve our desired outcome?',
} as const;

describe('step guidance', () => {
  it('covers the four steps in canvas order, each titled', () => {
    expect(Object.keys(STEP_GUIDANCE)).toEqual([...STEP_IDS]);
    expect(STEP_IDS.map((step) => STEP_GUIDANCE[step].title)).toEqual(['Outcome', 'Action', 'Insight', 'Enablers']);
  });

  it('quotes a LOTI question for every step', () => {
    expect(Object.keys(LOTI_QUESTIONS)).toEqual([...STEP_IDS]);
  });

  it.each(Object.entries(LOTI_QUESTIONS))('quotes LOTI’s %s question verbatim', (step, question) => {
    const guide = STEP_GUIDANCE[step as keyof typeof LOTI_QUESTIONS];
    expect(guide.question).toBe(question);
    expect(guide.questionSource).toMatch(/LOTI/);
  });

  it.each(STEP_IDS)('gives %s a question and 2 to 4 distinct prompts', (step) => {
    const guide = STEP_GUIDANCE[step];
    expect(guide.question.trim()).toMatch(/\?$/);
    expect(guide.prompts.length).toBeGreaterThanOrEqual(2);
    expect(guide.prompts.length).toBeLessThanOrEqual(4);
    expect(new Set(guide.prompts).size).toBe(guide.prompts.length);
    for (const prompt of guide.prompts) expect(prompt.trim()).not.toBe('');
    expect(guide.cardPlaceholder.trim()).not.toBe('');
  });
});

describe('ethics check guidance', () => {
  const all = STEP_IDS.flatMap((step) => LENS_IDS.map((lens) => ({ step, lens, ...CHECK_GUIDANCE[step][lens] })));

  it('has 20 questions, one per step and lens, all different', () => {
    expect(all).toHaveLength(20);
    expect(new Set(all.map((check) => check.question)).size).toBe(20);
  });

  it.each(all)('$step / $lens asks a real question and says why it matters', ({ question, whyItMatters }) => {
    expect(question.trim().length).toBeGreaterThan(10);
    expect(question.trim()).toMatch(/\?$/);
    expect(whyItMatters.trim()).not.toBe('');
  });

  it('names each of the five lenses', () => {
    expect(LENS_IDS.map((lens) => LENS_GUIDANCE[lens].title)).toEqual(['Trust', 'Consent', 'Power', 'Transparency', 'Inclusivity']);
  });
});
