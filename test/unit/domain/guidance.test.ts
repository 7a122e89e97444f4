// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CHECK_GUIDANCE, LENS_GUIDANCE, STEP_GUIDANCE } from '../../../src/domain/guidance';
import { EVIDENCE } from '../../../src/domain/evidence';
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
    expect(new Set(guide.prompts.map((prompt) => prompt.text)).size).toBe(guide.prompts.length);
    for (const prompt of guide.prompts) expect(prompt.text.trim()).not.toBe('');
    expect(guide.cardPlaceholder.trim()).not.toBe('');
  });

  it('asks at Action who acts, what the intervention is and which decision changes, with LOTI’s own question', () => {
    const prompts = STEP_GUIDANCE.action.prompts;
    expect(prompts.filter((prompt) => prompt.quotedFrom === 'loti').map((prompt) => prompt.text)).toEqual(["What's the intervention?"]);
    expect(STEP_GUIDANCE.action.summary).not.toMatch(/information would help/);
  });

  it('puts LOTI’s four kinds of data need, and its question on bias, at Insight', () => {
    const texts = STEP_GUIDANCE.insight.prompts.map((prompt) => prompt.text);
    expect(texts).toContain(EVIDENCE['loti-data-needs'].says[0]);
    expect(STEP_GUIDANCE.insight.prompts).toContainEqual({ text: EVIDENCE['loti-bias-question'].quote, quotedFrom: 'loti' });
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

  it.each(all)('$step / $lens asks one thing, so one status can answer it', ({ question }) => {
    expect(question).toMatch(/^[^?]+\?$/);
    // No second question joined on: "..., and who decides?"
    expect(question).not.toMatch(/\b(and|or)\s+(who|what|how|which|whose|why|when|where|can|could|would|will|do|does|is|are|were)\b/i);
    expect(question.split(/\s+/).length, 'short enough to read out').toBeLessThanOrEqual(22);
  });

  it('never puts the same evidence under two checks', () => {
    const used = all.flatMap((check) => check.evidence);
    expect(new Set(used).size).toBe(used.length);
  });

  it('keeps the Enablers checks off what the Enablers prompts already ask (funding, culture)', () => {
    for (const lens of LENS_IDS) expect(CHECK_GUIDANCE.enablers[lens].question).not.toMatch(/fund|money|resourc|culture/i);
  });

  it('asks at each Consent check whether people agree, never about the legal basis', () => {
    for (const step of STEP_IDS) expect(CHECK_GUIDANCE[step].consent.question).not.toMatch(/law|legal|GDPR/i);
    expect(LENS_GUIDANCE.consent.description).toMatch(/separate from the legal basis/);
    // Three different moments of agreement: the purpose, the intervention, the data's use; and opting out.
    const questions = STEP_IDS.map((step) => CHECK_GUIDANCE[step].consent.question);
    expect(new Set(questions).size).toBe(4);
  });

  it('names each of the five lenses', () => {
    expect(LENS_IDS.map((lens) => LENS_GUIDANCE[lens].title)).toEqual(['Trust', 'Consent', 'Power', 'Transparency', 'Inclusivity']);
  });
});
