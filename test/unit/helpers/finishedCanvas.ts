/**
 * A canvas as a finished workshop leaves it: workshop details, votes and
 * agreed cards, a template's example card, the parking lot, golden-thread
 * links, ethics and governance checks (one concern resolved), the action
 * log and the data inventory. Built through the domain operations, with
 * fixed ids and times, so every output of it can be checked exactly.
 */
import { addActionItem } from '../../../src/domain/actionLog';
import {
  resolveConcern,
  setCheckNotes,
  setCheckStatus,
  setGovernanceNotes,
  setGovernanceStatus,
  setWorkshopDetails,
} from '../../../src/domain/canvas';
import { addCard, parkCard, setAgreed, setVotes } from '../../../src/domain/cards';
import { addDataset, linkDatasetToInsight } from '../../../src/domain/dataInventory';
import { withRecords } from '../../../src/domain/idMap';
import { type Canvas, type Refusal, createCanvas, isRefusal } from '../../../src/domain/model';
import { linkCards } from '../../../src/domain/thread';
import { T0 } from './canvasBuilder';

const ok = (result: Canvas | Refusal): Canvas => {
  if (isRefusal(result)) throw new Error(result.refused);
  return result;
};

export const FINISHED = {
  title: 'Youth justice & data',
  description: 'Fewer young Black Londoners drawn into the justice system.',
  outcome: 'Young people are diverted from custody',
  outcome2: 'Families feel heard\nby the youth panel',
  action: 'Youth workers get a weekly list of young people at risk',
  insight: 'A ward map of diversions, refreshed monthly',
  example: 'Example: a dashboard of school exclusions',
  exampleSource: 'LOTI, "A Caveat on Data"',
  enabler: 'A data sharing agreement with the police',
  parked: 'Ask the police about their own data',
  trustConcern: 'Families distrust police data | and say so',
  consentNote: 'Parents agreed at the forum',
  lawfulBasisConcern: 'No lawful basis named for the school data',
  resolution: 'The DPO confirmed public task',
  seniorOwner: 'Director of Children’s Services',
  actionText: 'Meet the police data team',
  actionOwner: 'Sam (youth justice)',
  dataset: 'Youth offending case records',
  holder: 'Youth Offending Service',
  whoIsMissing: 'Young people diverted informally are not recorded',
} as const;

export function finishedCanvas(now = T0): Canvas {
  const f = FINISHED;
  let canvas = createCanvas('finished', now, f.title);
  canvas = { ...canvas, description: f.description };
  canvas = ok(
    setWorkshopDetails(
      canvas,
      {
        heldOn: '2026-03-12',
        organisation: 'London Borough of Example',
        facilitator: 'Alex',
        participants: 'Youth workers, analysts, a parent',
      },
      now,
    ),
  );
  canvas = addCard(canvas, { id: 'o1', step: 'outcome', text: f.outcome }, now);
  canvas = addCard(canvas, { id: 'o2', step: 'outcome', text: f.outcome2, colour: 'blue' }, now);
  canvas = addCard(canvas, { id: 'a1', step: 'action', text: f.action }, now);
  canvas = addCard(canvas, { id: 'i1', step: 'insight', text: f.insight, colour: 'green' }, now);
  canvas = addCard(canvas, { id: 'i2', step: 'insight', text: f.example }, now);
  canvas = addCard(canvas, { id: 'e1', step: 'enablers', text: f.enabler }, now);
  canvas = addCard(canvas, { id: 'p1', step: 'action', text: f.parked }, now);
  canvas = { ...canvas, cards: withRecords(canvas.cards, [{ ...canvas.cards['i2']!, example: true, source: f.exampleSource }]) };
  canvas = ok(parkCard(canvas, 'p1', now));
  canvas = ok(setVotes(canvas, 'o1', 4, now));
  canvas = ok(setVotes(canvas, 'a1', 1, now));
  canvas = setAgreed(canvas, 'o1', true, now);
  canvas = ok(linkCards(canvas, 'a1', 'o1', now));
  canvas = ok(linkCards(canvas, 'i1', 'a1', now));
  canvas = ok(linkCards(canvas, 'e1', 'i1', now));
  canvas = setCheckStatus(canvas, 'outcome', 'trust', 'concern', now);
  canvas = setCheckNotes(canvas, 'outcome', 'trust', f.trustConcern, now);
  canvas = setCheckStatus(canvas, 'action', 'consent', 'no-concern', now);
  canvas = setCheckNotes(canvas, 'action', 'consent', f.consentNote, now);
  canvas = setCheckStatus(canvas, 'enablers', 'transparency', 'not-applicable', now);
  canvas = setGovernanceStatus(canvas, 'lawful-basis', 'concern', now);
  canvas = setGovernanceNotes(canvas, 'lawful-basis', f.lawfulBasisConcern, now);
  canvas = ok(resolveConcern(canvas, 'governance:lawful-basis', f.resolution, now));
  canvas = setGovernanceStatus(canvas, 'senior-owner', 'no-concern', now);
  canvas = setGovernanceNotes(canvas, 'senior-owner', f.seniorOwner, now);
  canvas = ok(
    addActionItem(canvas, { id: 'x1', text: f.actionText, owner: f.actionOwner, due: '2026-04-01', concern: 'outcome:trust' }, now),
  );
  canvas = ok(addActionItem(canvas, { id: 'x2', text: 'Draft the privacy notice' }, now));
  canvas = ok(
    addDataset(
      canvas,
      {
        id: 'd1',
        name: f.dataset,
        holder: f.holder,
        contents: 'Cases, outcomes and ethnicity',
        personal: 'yes',
        specialCategory: 'yes',
        criminalOffence: 'yes',
        children: 'yes',
        lawfulBasis: 'public-task',
        sharingAgreement: 'drafting',
        dpia: 'needed',
        whoIsMissing: f.whoIsMissing,
      },
      now,
    ),
  );
  canvas = ok(linkDatasetToInsight(canvas, 'd1', 'i1', now));
  return canvas;
}
