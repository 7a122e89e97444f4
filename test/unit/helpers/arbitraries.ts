/**
 * fast-check arbitraries for whole canvases with everything the model holds
 * (votes, agreed marks, examples with sources, the parking lot, golden-thread
 * links that fit and links that no longer fit, governance checks, resolved
 * concerns, the action log, the data inventory, workshop details and
 * facilitator notes), built through the domain operations.
 */
import fc from 'fast-check';
import { addActionItem } from '../../../src/domain/actionLog';
import {
  resolveConcern,
  setCheckNotes,
  setCheckStatus,
  setDescription,
  setFacilitatorNote,
  setGovernanceNotes,
  setGovernanceStatus,
  setTitle,
  setVotesPerPerson,
  setWorkshopDetails,
} from '../../../src/domain/canvas';
import { addCard, parkCard, setAgreed, setCardSource, setVotes } from '../../../src/domain/cards';
import { addDataset } from '../../../src/domain/dataInventory';
import { GOVERNANCE_IDS } from '../../../src/domain/governanceKeys';
import { withRecords } from '../../../src/domain/idMap';
import {
  ACTION_ITEM_STATUSES,
  ANSWERS,
  type AnyCheckKey,
  CARD_COLOURS,
  CHECK_STATUSES,
  DPIA_STATES,
  LAWFUL_BASES,
  LENS_IDS,
  SHARING_AGREEMENTS,
  STEP_IDS,
  type Canvas,
  createCanvas,
} from '../../../src/domain/model';
import { applied } from './canvasBuilder';

/** Pieces of text that Markdown treats specially, scripts in other directions, and text lint tools trip on. */
export const awkward = fc.constantFrom(
  '#',
  '# heading',
  '*',
  '**',
  '_',
  '`',
  '```',
  '|',
  '\\',
  '<script>alert(1)</script>',
  '<b>',
  '<br>',
  '&amp;',
  '&#x20;',
  '&#x9;',
  '[x](javascript:alert(1))',
  '![img](http://evil.example/x.png)',
  'http://example.com',
  'www.example.com',
  '1.',
  '- ',
  '+ ',
  '> ',
  '---',
  '===',
  '~~',
  '[ ]',
  '<!-- colour: blue -->',
  '<!-- card: votes=3 -->',
  '-->',
  '_(Agreed)_',
  ' (Agreed · 3 votes)',
  'Suggested time: 5 minutes',
  'Suggested time: not set',
  'Date held: 2026-01-01',
  'Held by: x',
  '👩🏽‍💻',
  '👨‍👩‍👧',
  '🇬🇧',
  'e\u0301',
  '漢字',
  'a\u200Bb',
  '\u200D',
  'مرحبا بالعالم',
  'שלום',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  ':',
  'a',
  'word',
);
export const awkwardText = fc
  .array(fc.oneof(awkward, fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 8 })
  .map((parts) => parts.join(''));
const awkwardLine = fc.array(fc.oneof(awkward, fc.string({ maxLength: 5 })), { maxLength: 5 }).map((parts) => parts.join(''));
const date = fc.option(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  { nil: '' },
);
const checkKeyArb: fc.Arbitrary<AnyCheckKey> = fc.oneof(
  fc
    .record({ step: fc.constantFrom(...STEP_IDS), lens: fc.constantFrom(...LENS_IDS) })
    .map(({ step, lens }) => `${step}:${lens}` as AnyCheckKey),
  fc.constantFrom(...GOVERNANCE_IDS).map((id) => `governance:${id}` as AnyCheckKey),
);
const checkArb = fc.record({ status: fc.constantFrom(...CHECK_STATUSES), notes: awkwardText, resolve: fc.option(awkwardText) });

export const canvasSpecArb = fc.record({
  title: awkwardLine,
  description: awkwardText,
  workshop: fc.record({ heldOn: date, organisation: awkwardLine, facilitator: awkwardLine, participants: awkwardText }),
  votesPerPerson: fc.integer({ min: 1, max: 20 }),
  facilitation: fc.array(
    fc.record({ step: fc.constantFrom(...STEP_IDS), minutes: fc.option(fc.integer({ min: 0, max: 240 })), notes: awkwardText }),
    { maxLength: 4 },
  ),
  cards: fc.array(
    fc.record({
      step: fc.constantFrom(...STEP_IDS),
      text: awkwardText,
      colour: fc.constantFrom(...CARD_COLOURS),
      votes: fc.nat({ max: 999 }),
      agreed: fc.boolean(),
      example: fc.boolean(),
      source: fc.oneof(fc.constant(''), awkwardLine, fc.constant('LOTI, "A Caveat on Data"')),
      parked: fc.boolean(),
    }),
    { maxLength: 12 },
  ),
  links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
  checks: fc.array(fc.record({ step: fc.constantFrom(...STEP_IDS), lens: fc.constantFrom(...LENS_IDS), check: checkArb }), {
    maxLength: 6,
  }),
  governance: fc.array(fc.record({ id: fc.constantFrom(...GOVERNANCE_IDS), check: checkArb }), { maxLength: 4 }),
  actionItems: fc.array(
    fc.record({
      text: awkwardText,
      owner: awkwardLine,
      due: date,
      status: fc.constantFrom(...ACTION_ITEM_STATUSES),
      concern: fc.option(checkKeyArb),
    }),
    { maxLength: 4 },
  ),
  datasets: fc.array(
    fc.record({
      name: awkwardLine,
      holder: awkwardLine,
      contents: awkwardText,
      personal: fc.constantFrom(...ANSWERS),
      specialCategory: fc.constantFrom(...ANSWERS),
      criminalOffence: fc.constantFrom(...ANSWERS),
      children: fc.constantFrom(...ANSWERS),
      lawfulBasis: fc.constantFrom('' as const, ...LAWFUL_BASES),
      sharingAgreement: fc.constantFrom('' as const, ...SHARING_AGREEMENTS),
      dpia: fc.constantFrom('' as const, ...DPIA_STATES),
      qualityProblems: awkwardText,
      whoIsMissing: awkwardText,
      retention: awkwardLine,
      usedBy: fc.array(fc.nat(), { maxLength: 3 }),
    }),
    { maxLength: 3 },
  ),
});

export type CanvasSpecValue = typeof canvasSpecArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds the canvas a spec describes, through the domain operations (links set directly, so links that no longer fit are made too). */
export function buildFromSpec(spec: CanvasSpecValue): Canvas {
  let canvas = createCanvas('round-trip', 1);
  canvas = setDescription(setTitle(canvas, spec.title, 2), spec.description, 2);
  canvas = applied(setWorkshopDetails(canvas, spec.workshop, 2));
  canvas = applied(setVotesPerPerson(canvas, spec.votesPerPerson, 2));
  for (const note of spec.facilitation) canvas = setFacilitatorNote(canvas, note.step, { minutes: note.minutes, notes: note.notes }, 2);
  spec.cards.forEach((card, i) => {
    const id = `card-${i}`;
    canvas = addCard(canvas, { id, step: card.step, text: card.text, colour: card.colour }, 3);
    canvas = applied(setVotes(canvas, id, card.votes, 3));
    canvas = setAgreed(canvas, id, card.agreed, 3);
    canvas = setCardSource(canvas, id, card.source, 3);
    if (card.example) canvas = { ...canvas, cards: withRecords(canvas.cards, [{ ...canvas.cards[id]!, example: true }]) };
    if (card.parked) canvas = applied(parkCard(canvas, id, 3));
  });
  const count = spec.cards.length;
  if (count > 1) {
    for (const [from, to] of spec.links) {
      const source = canvas.cards[`card-${from % count}`]!;
      const target = `card-${to % count}`;
      if (source.serves.includes(target)) continue;
      canvas = { ...canvas, cards: withRecords(canvas.cards, [{ ...source, serves: [...source.serves, target] }]) };
    }
  }
  const applyCheck = (key: AnyCheckKey, check: CanvasSpecValue['checks'][number]['check']) => {
    if (check.resolve !== null && check.status === 'concern') canvas = applied(resolveConcern(canvas, key, check.resolve, 4));
  };
  for (const { step, lens, check } of spec.checks) {
    canvas = setCheckNotes(setCheckStatus(canvas, step, lens, check.status, 4), step, lens, check.notes, 4);
    applyCheck(`${step}:${lens}`, check);
  }
  for (const { id, check } of spec.governance) {
    canvas = setGovernanceNotes(setGovernanceStatus(canvas, id, check.status, 4), id, check.notes, 4);
    applyCheck(`governance:${id}`, check);
  }
  spec.actionItems.forEach((item, i) => {
    canvas = applied(
      addActionItem(canvas, { id: `action-${i}`, text: item.text, owner: item.owner, due: item.due, concern: item.concern }, 5),
    );
    if (item.status === 'done')
      canvas = { ...canvas, actionItems: withRecords(canvas.actionItems, [{ ...canvas.actionItems[`action-${i}`]!, status: 'done' }]) };
  });
  spec.datasets.forEach((dataset, i) => {
    const { usedBy, ...fields } = dataset;
    canvas = applied(addDataset(canvas, { id: `dataset-${i}`, ...fields }, 6));
    if (count) {
      const ids = [...new Set(usedBy.map((n) => `card-${n % count}`))];
      canvas = { ...canvas, datasets: withRecords(canvas.datasets, [{ ...canvas.datasets[`dataset-${i}`]!, usedBy: ids }]) };
    }
  });
  return canvas;
}
