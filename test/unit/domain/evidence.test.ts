// @vitest-environment node
/**
 * Faithful to the sources: every figure, finding and quotation the app
 * attributes to LOTI's slides or to the 2023 policy brief is checked here
 * against the documents themselves (docs/sources/), through the evidence table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVIDENCE, EVIDENCE_IDS, type Evidence } from '../../../src/domain/evidence';
import { CHECKS_INTRO, CHECK_GUIDANCE, CLOSING_LESSONS, LENS_GUIDANCE, STEP_GUIDANCE } from '../../../src/domain/guidance';
import { LENS_IDS, STEP_IDS, checkKey } from '../../../src/domain/model';
import { APP_ACRONYMS, SOURCES, SOURCE_ACRONYMS, SOURCE_IDS, WHAT_IS_OURS, type SourceId } from '../../../src/domain/sources';
import type { Template } from '../../../src/domain/templates';
import { presetFiles, readPreset } from '../helpers/presets';

const ROOT = join(__dirname, '../../..');

/** Line breaks, runs of spaces, curly quotes and Markdown bold marks do not count as differences. */
const normalise = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

const SEED: Record<SourceId, string> = Object.fromEntries(
  SOURCE_IDS.map((id) => [id, normalise(readFileSync(join(ROOT, 'docs/sources', SOURCES[id].file), 'utf8'))]),
) as Record<SourceId, string>;

const entries = EVIDENCE_IDS.map((id) => [id, EVIDENCE[id] as Evidence] as const);

// ---- The app's text: everything a user reads that could attribute something to a source ----

const PRESETS = presetFiles().map((file) => [file, readPreset(file)] as const);

function templateTexts(template: Template): string[] {
  const { content } = template;
  return [
    template.summary,
    content.description,
    ...STEP_IDS.flatMap((step) => [
      content.facilitation[step].notes,
      ...content.cards[step].map((card) => card.text),
      ...LENS_IDS.map((lens) => content.checks[checkKey(step, lens)].notes),
    ]),
  ];
}

const evidenceLine = (id: keyof typeof EVIDENCE) => `${EVIDENCE[id].says[0]} (${SOURCES[EVIDENCE[id].source].cite}).`;

/** Guidance as the app shows it, except text shown in quotation marks as a source's own words. */
const guidanceTexts: string[] = [
  ...STEP_IDS.flatMap((step) => [
    STEP_GUIDANCE[step].summary,
    STEP_GUIDANCE[step].cardPlaceholder,
    ...STEP_GUIDANCE[step].prompts.filter((prompt) => !prompt.quotedFrom).map((prompt) => prompt.text),
    ...LENS_IDS.flatMap((lens) => {
      const check = CHECK_GUIDANCE[step][lens];
      return [check.question, check.whyItMatters, ...check.evidence.map(evidenceLine)];
    }),
  ]),
  ...LENS_IDS.map((lens) => LENS_GUIDANCE[lens].description),
  CHECKS_INTRO,
  ...EVIDENCE['loti-lenses'].says, // the Sources panel's account of the lenses
  ...SOURCE_IDS.map((id) => SOURCES[id].about),
];

/** Shown as quotations (in quotation marks or a block quote) with the source named. */
const quotedTexts: string[] = [
  ...STEP_IDS.map((step) => STEP_GUIDANCE[step].question),
  ...STEP_IDS.flatMap((step) => STEP_GUIDANCE[step].prompts.filter((prompt) => prompt.quotedFrom).map((prompt) => prompt.text)),
  ...CLOSING_LESSONS,
];

const APP_TEXTS = [...guidanceTexts, ...PRESETS.flatMap(([, template]) => templateTexts(template))].map(normalise);
const SHOWN_TEXTS = [...APP_TEXTS, ...quotedTexts.map(normalise)];
const README = normalise(readFileSync(join(ROOT, 'README.md'), 'utf8'));

/** A citation right after a wording belongs to it. */
const TRAILING_CITATION = /^"?\s*(\((Edwards et al\., 2023|LOTI, "A Caveat on Data"|LOTI)\))?\.?/;
/** Words that say a source is speaking: its name, a figure, or a reference to the research. */
const ATTRIBUTION = /Edwards|et al\.|\bbrief\b|\bstud(y|ies)\b|\bsurvey|\bresearch|\bLOTI\b|\bslides?\b|\d+ ?%/gi;

/** The spans of `text` that are wordings from the evidence table, each with any citation that follows it. */
function coveredSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const [, evidence] of entries) {
    for (const wording of evidence.says.map(normalise)) {
      for (let at = text.indexOf(wording); at !== -1; at = text.indexOf(wording, at + 1)) {
        const end = at + wording.length;
        spans.push([at, end + (TRAILING_CITATION.exec(text.slice(end))?.[0].length ?? 0)]);
      }
    }
  }
  return spans;
}

const numbersIn = (text: string) => text.match(/\d+(\.\d+)?/g) ?? [];
const QUANTIFIERS = ['all', 'every', 'most', 'majority', 'minority', 'many', 'some', 'several', 'few', 'half', 'overwhelming', 'none'];
const quantifiersIn = (text: string) => QUANTIFIERS.filter((word) => new RegExp(`\\b${word}\\b`, 'i').test(text));
const quotedSpans = (text: string) => [...normalise(text).matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '');

describe('the evidence table', () => {
  it.each(entries)('%s quotes its source word for word', (_id, evidence) => {
    expect(SEED[evidence.source]).toContain(normalise(evidence.quote));
  });

  it.each(entries)('%s: the app says it somewhere, in each of its wordings', (_id, evidence) => {
    for (const wording of evidence.says)
      expect(
        SHOWN_TEXTS.some((text) => text.includes(normalise(wording))),
        wording,
      ).toBe(true);
  });

  it.each(entries)('%s: every figure the app gives is the figure in the source sentence', (_id, evidence) => {
    const figures = numbersIn(evidence.quote);
    for (const wording of evidence.says) {
      for (const figure of numbersIn(wording)) expect(figures, `${figure} in "${wording}"`).toContain(figure);
      // A percentage stays a percentage of the same thing.
      for (const percent of wording.match(/\d+%/g) ?? []) expect(normalise(evidence.quote)).toMatch(new RegExp(`${percent}|>${percent}`));
    }
  });

  it.each(entries)('%s: says "most", "many", "some", "few" and the like only where the source does', (_id, evidence) => {
    const allowed = quantifiersIn(evidence.quote);
    for (const wording of evidence.says)
      for (const word of quantifiersIn(wording)) expect(allowed, `"${word}" in "${wording}"`).toContain(word);
  });

  it.each(entries)('%s: anything in quotation marks is the source’s exact words', (_id, evidence) => {
    for (const wording of evidence.says) {
      for (const quoted of quotedSpans(wording)) expect(SEED[evidence.source], `“${quoted}”`).toContain(normalise(quoted));
    }
  });
});

describe('what the app attributes to a source', () => {
  it('is always a wording from the evidence table: no figure, finding or citation outside it', () => {
    const loose: string[] = [];
    for (const text of APP_TEXTS) {
      const spans = coveredSpans(text);
      for (const match of text.matchAll(ATTRIBUTION)) {
        const at = match.index ?? 0;
        if (!spans.some(([start, end]) => at >= start && at < end))
          loose.push(`"${match[0]}" in: ${text.slice(Math.max(0, at - 80), at + 80)}`);
      }
    }
    expect(loose).toEqual([]);
  });

  it('is never copied from a source without quotation marks (eight words or more in a row)', () => {
    const RUN = 8;
    const words = (text: string) =>
      normalise(text)
        .toLowerCase()
        .replace(/'/g, '')
        .match(/[a-z0-9]+/g) ?? [];
    const seedRuns = new Set(
      SOURCE_IDS.flatMap((id) => {
        const all = words(SEED[id]);
        return all.slice(0, Math.max(0, all.length - RUN + 1)).map((_, i) => all.slice(i, i + RUN).join(' '));
      }),
    );
    const copied: string[] = [];
    for (const text of APP_TEXTS) {
      // Quoted words are allowed: they are shown as the source's own.
      for (const part of normalise(text).split(/"[^"]*"/)) {
        const all = words(part);
        for (let i = 0; i + RUN <= all.length; i++) {
          const run = all.slice(i, i + RUN).join(' ');
          if (seedRuns.has(run)) copied.push(run);
        }
      }
    }
    expect(copied).toEqual([]);
  });

  it('shows quotations word for word: step questions, quoted prompts and closing lessons', () => {
    for (const quote of quotedTexts) expect(SEED.loti, quote).toContain(normalise(quote));
  });

  it('keeps the app’s own reasoning apart: no “why it matters” line or question names a source or gives a figure', () => {
    for (const step of STEP_IDS) {
      for (const lens of LENS_IDS) {
        const { question, whyItMatters } = CHECK_GUIDANCE[step][lens];
        expect(`${question} ${whyItMatters}`, `${step}:${lens}`).not.toMatch(ATTRIBUTION);
      }
    }
  });
});

describe('issue 10: the points a review found unfaithful', () => {
  const earlyHelp = PRESETS.find(([file]) => file === 'early-help-data-linkage.md')![1];
  const note = (step: (typeof STEP_IDS)[number], lens: (typeof LENS_IDS)[number]) =>
    normalise(earlyHelp.content.checks[checkKey(step, lens)].notes);
  const everything = APP_TEXTS.join('\n');

  it('early help, Outcome × power: the finding comes with both caveats, and is not passed as "no concern"', () => {
    expect(earlyHelp.content.checks[checkKey('outcome', 'power')].status).toBe('concern');
    expect(note('outcome', 'power')).toContain(normalise(EVIDENCE['early-help-principle'].says[0]));
    expect(note('outcome', 'power')).toContain('could do more harm than good');
    expect(note('outcome', 'power')).toContain(normalise(EVIDENCE['real-motive'].says[1]));
    // Wherever the app cites parents' support for data-led early help, the resourcing caveat is with it.
    for (const text of APP_TEXTS.filter((t) => /supported the principle|support for using linked data/.test(t))) {
      expect(text).toMatch(/more harm than good|properly resourced/);
    }
  });

  it('Insight × transparency: the brief recommends *publishing* assessments of accuracy *and* utility', () => {
    expect(CHECK_GUIDANCE.insight.transparency.evidence).toContain('rec-assessments');
    for (const wording of EVIDENCE['rec-assessments'].says) expect(wording).toMatch(/publish[\s\S]*accurate[\s\S]*useful/i);
    expect(everything).not.toMatch(/independent checks/i);
  });

  it('the 28% figure supports a question about trust, not about who is missing from the data', () => {
    for (const step of STEP_IDS) {
      for (const lens of LENS_IDS) {
        if ((CHECK_GUIDANCE[step][lens].evidence as readonly string[]).includes('black-28')) expect(lens).toBe('trust');
        if (/28%/.test(earlyHelp.content.checks[checkKey(step, lens)].notes)) expect(lens).toBe('trust');
      }
    }
    expect(CHECK_GUIDANCE.insight.trust.evidence).toContain('black-28');
  });

  it('the app’s own framing is no longer dressed as evidence', () => {
    expect(everything).not.toMatch(/feel like surveillance/);
    expect(everything).not.toMatch(/strengthen the service, not the family/);
  });

  it('keeps LOTI’s “not inherently neutral” as LOTI said it, in the app, the templates and the README', () => {
    expect(SEED.loti).toContain('data is not inherently neutral');
    expect(everything).not.toMatch(/never neutral|not neutral|is neutral/i);
    expect(README).not.toMatch(/never neutral/i);
    expect(README).toContain('not inherently neutral');
    expect(CHECKS_INTRO).toContain('“not inherently neutral”');
  });

  it('the opt-out is an enforceable right, with the child-protection exception', () => {
    for (const wording of EVIDENCE['rec-opt-out'].says) {
      expect(wording).toMatch(/enforceable/);
      expect(wording).toMatch(/clearly relevant to child protection concerns/);
    }
    expect(CHECK_GUIDANCE.enablers.consent.evidence).toContain('rec-opt-out');
  });

  it('errors were hard to correct “in many cases”, not for “many parents”', () => {
    expect(everything).not.toMatch(/many parents/i);
    expect(EVIDENCE.errors.says[0]).toContain('“in many cases”');
  });

  it('Action asks who acts, what the intervention is and which decision changes; the four data needs are at Insight', () => {
    const action = STEP_GUIDANCE.action.prompts;
    expect(action).toContainEqual({ text: "What's the intervention?", quotedFrom: 'loti' });
    expect(action.map((prompt) => prompt.text).join(' ')).toMatch(/Who, by role/);
    expect(action.map((prompt) => prompt.text).join(' ')).toMatch(/decision/);
    expect(action.map((prompt) => prompt.text).join(' ')).not.toMatch(/new data|combin|data sharing|analysis/i);
    const insight = STEP_GUIDANCE.insight.prompts.map((prompt) => prompt.text).join(' ');
    for (const need of [/new data sets/, /combined data sets/, /data sharing/, /data analysis/]) expect(insight).toMatch(need);
  });

  it('the ethics checks cite LOTI’s lenses with LOTI’s meaning, separately from the app’s use of them', () => {
    const [loti, ours] = EVIDENCE['loti-lenses'].says;
    expect(loti).toContain('“Biases in data collection”');
    expect(loti).toContain('“may impact the quality and reliability”');
    expect(ours).toMatch(/app’s own, not LOTI’s/);
    for (const lens of LENS_IDS) expect(SEED.loti).toContain(`- ${LENS_GUIDANCE[lens].title}`);
  });
});

describe('the Sources panel', () => {
  it('gives the full reference of the brief, as the brief asks to be cited', () => {
    const brief = SOURCES.edwards2023;
    expect(SEED.edwards2023).toContain(`DOI: [${brief.doi}]`);
    for (const name of ['Edwards', 'Gillies', 'Gorin', 'Ducasse', '(2023)', 'University of Southampton']) {
      expect(brief.reference).toContain(name);
      expect(SEED.edwards2023).toContain(name);
    }
    expect(SEED.edwards2023).toContain(normalise(brief.title));
    expect(brief.reference).toContain(brief.title);
  });

  it('gives LOTI’s slides by name, with what the title slide says', () => {
    expect(SEED.loti).toContain(SOURCES.loti.title);
    expect(SEED.loti).toContain('London Office of Technology & Innovation');
    expect(SEED.loti).toContain('Jay Saggar - Data Projects Manager');
    expect(SOURCES.loti.reference).toContain('Jay Saggar, Data Projects Manager');
  });

  it('spells out each abbreviation, and says so honestly where the slides do not', () => {
    for (const acronym of SOURCE_ACRONYMS) {
      expect(SEED.loti, acronym.short).toContain(acronym.short);
      if (acronym.note.startsWith('Spelled out on the slides')) expect(SEED.loti).toContain(acronym.long);
      else if (acronym.note.startsWith('Not spelled out on the slides'))
        expect(SEED.loti.toLowerCase()).not.toContain(acronym.long.toLowerCase());
      else expect(acronym.note, acronym.short).toMatch(/the slides give only the name/);
    }
    const celc = SOURCE_ACRONYMS.find((acronym) => acronym.short === 'CELC')!;
    expect(celc.long).toBe('Chief Executives’ London Committee');
    expect(celc.note).toMatch(/reading is ours, not LOTI’s/);
    for (const acronym of APP_ACRONYMS) expect(acronym.long.trim()).not.toBe('');
  });

  it('says plainly what is written for the app', () => {
    expect(WHAT_IS_OURS).toMatch(/Written for this app/);
    expect(WHAT_IS_OURS).toMatch(/“From the sources”/);
  });

  it('shows LOTI’s four closing lessons word for word, in order', () => {
    expect(CLOSING_LESSONS).toHaveLength(4);
    let from = 0;
    for (const [i, lesson] of CLOSING_LESSONS.entries()) {
      const at = SEED.loti.indexOf(`${i + 1}. ${lesson}`, from);
      expect(at, lesson).toBeGreaterThan(-1);
      from = at;
    }
  });
});

describe('Tackling Racial Inequality: which cards are LOTI’s', () => {
  const template = PRESETS.find(([file]) => file === 'tackling-racial-inequality.md')![1];
  const cards = (step: (typeof STEP_IDS)[number]) => template.content.cards[step].map((card) => card.text);
  // Each card the template says is LOTI's, with the words of the slide line it restates.
  const LOTI_CARDS: [step: (typeof STEP_IDS)[number], cardStart: string, slide: string][] = [
    ['action', 'Youth justice:', 'Working with professional networks to influence the youth justice system'],
    ['action', 'Criminal justice:', 'Working through the London Crime Reduction Board to tackle disproportionality in the CJS'],
    ['action', 'Adult social care:', "ASC working with PHE to action recommendations in Kevin Fenton's C19 report"],
    ['action', 'Mental health:', 'Thrive LDN providing tailored messaging and support for different racial groups'],
    ['action', 'Employment:', 'Employment tailored initiatives for those ethnic minorities impacted by Covid 19'],
    ['action', 'Housing:', 'Housing work underway to capture learning around tackling racial inequality'],
    ['insight', 'New data sets:', '- New data sets'],
    ['insight', 'Combined data sets:', '- Combined data sets'],
    ['insight', 'Data sharing required:', '- Required data sharing'],
    ['insight', 'Data analysis required:', '- Required data analysis'],
    [
      'insight',
      '“How can we ensure the data is used',
      'How can we ensure the data is used in a way which does not reproduce existing societal biases?',
    ],
    ['enablers', 'Policy:', '- Policy'],
    ['enablers', 'Processes:', '- Processes'],
    ['enablers', 'Organisational culture:', '- Organisational culture'],
    ['enablers', 'Funding:', '- Funding'],
    ['enablers', 'A holistic, systems view:', 'Understanding broader societal disparities that need addressing to tackle inequality'],
    ['enablers', 'More inclusive organisations', 'Need to develop more inclusive organisations, institutions and practices'],
  ];

  it.each(LOTI_CARDS)('%s card "%s" restates a line of LOTI’s slides', (step, cardStart, slide) => {
    expect(SEED.loti).toContain(normalise(slide));
    expect(cards(step).filter((text) => text.startsWith(cardStart))).toHaveLength(1);
  });

  it('has the six projects, four data needs and four enablers, and says which cards are LOTI’s', () => {
    expect(LOTI_CARDS.filter(([step]) => step === 'action')).toHaveLength(6);
    expect(normalise(template.content.description)).toContain(normalise(EVIDENCE['loti-worked-example'].says[1]));
    // Every other card is an example or prompt written for the template.
    const loti = new Set(LOTI_CARDS.map(([step, start]) => cards(step).find((text) => text.startsWith(start))));
    const written = STEP_IDS.flatMap(cards).filter((text) => !loti.has(text));
    expect(written.length).toBeGreaterThan(0);
    for (const text of written) expect(text).not.toMatch(/LOTI/);
  });
});
