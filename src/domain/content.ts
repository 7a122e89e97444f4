/**
 * A canvas's content without ids, order keys or timestamps: what a file
 * carries and what "the same canvas" means for import, export and
 * templates. Cards refer to each other (the golden thread, data sets'
 * insights) by position: `o1` is the first Outcome card, `a2` the second
 * Action card, `p1` the first card in the parking lot (see `cardRef`).
 *
 * Not content: the timer (a running clock) and dismissed privacy warnings,
 * which belong to one device's session; backups carry them.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { actionItemsInOrder } from './actionLog';
import { cardsInStep, parkedCards } from './cards';
import { datasetsInOrder, type DatasetFields } from './dataInventory';
import { GOVERNANCE_IDS, type GovernanceId } from './governanceKeys';
import { idMap } from './idMap';
import {
  type ActionItem,
  type ActionItemStatus,
  type AnyCheckKey,
  type Canvas,
  type CardColour,
  type Card,
  type CheckKey,
  type CheckState,
  type CheckStatus,
  type Dataset,
  type Facilitation,
  type StepId,
  type WorkshopDetails,
  DEFAULT_VOTES_PER_PERSON,
  LENS_IDS,
  STEP_IDS,
  checkKey,
  emptyChecks,
  emptyFacilitation,
  emptyGovernance,
  emptyWorkshop,
  newCardRecord,
  stoppedTimer,
} from './model';
import { normaliseText, oneLine } from './text';

export interface CardContent {
  text: string;
  colour: CardColour;
  votes: number;
  agreed: boolean;
  example: boolean;
  source: string;
  /** Refs (see `cardRef`) of the cards this card serves. */
  serves: string[];
}

/** A parked card: its content and the step it came from. */
export interface ParkedCardContent extends CardContent {
  step: StepId;
}

export interface CheckContent {
  status: CheckStatus;
  notes: string;
  /** A raised concern marked resolved. */
  resolved: boolean;
  resolution: string;
}

export interface ActionItemContent {
  text: string;
  owner: string;
  due: string;
  status: ActionItemStatus;
  concern: AnyCheckKey | null;
}

export interface DatasetContent extends DatasetFields {
  /** Refs of the Insight cards that use it. */
  usedBy: string[];
}

export interface CanvasContent {
  title: string;
  description: string;
  facilitation: Facilitation;
  workshop: WorkshopDetails;
  votesPerPerson: number;
  cards: Record<StepId, CardContent[]>;
  /** The parking lot, in order. */
  parked: ParkedCardContent[];
  checks: Record<CheckKey, CheckContent>;
  governance: Record<GovernanceId, CheckContent>;
  actionItems: ActionItemContent[];
  datasets: DatasetContent[];
}

const REF_LETTER: Record<StepId, string> = { outcome: 'o', action: 'a', insight: 'i', enablers: 'e' };

/** The ref of the card at `index` (0-based) in a step, or in the parking lot. */
export function cardRef(where: StepId | 'parked', index: number): string {
  return `${where === 'parked' ? 'p' : REF_LETTER[where]}${index + 1}`;
}

export const noCheckContent = (): CheckContent => ({ status: 'not-discussed', notes: '', resolved: false, resolution: '' });

export function emptyContent(): CanvasContent {
  const checks = {} as Record<CheckKey, CheckContent>;
  for (const step of STEP_IDS) for (const lens of LENS_IDS) checks[checkKey(step, lens)] = noCheckContent();
  const governance = {} as Record<GovernanceId, CheckContent>;
  for (const id of GOVERNANCE_IDS) governance[id] = noCheckContent();
  return {
    title: '',
    description: '',
    facilitation: emptyFacilitation(),
    workshop: emptyWorkshop(),
    votesPerPerson: DEFAULT_VOTES_PER_PERSON,
    cards: { outcome: [], action: [], insight: [], enablers: [] },
    parked: [],
    checks,
    governance,
    actionItems: [],
    datasets: [],
  };
}

/** True when a card has something to say; blank cards are not carried into files. */
export const hasText = (text: string) => text.trim() !== '';

/** A one-line field as files carry it: cleaned, on one line, trimmed. */
export const lineContent = (text: string) => oneLine(normaliseText(text)).trim();

/** Multi-line text as files carry it: cleaned, no trailing line breaks, '' when blank. */
export const textContent = (text: string) => {
  const normal = normaliseText(text);
  return hasText(normal) ? normal : '';
};

function checkContentOf(check: CheckState): CheckContent {
  return {
    status: check.status,
    notes: normaliseText(check.notes),
    resolved: check.status === 'concern' && check.resolvedAt !== null,
    resolution: textContent(check.resolution),
  };
}

/**
 * The canonical content of a canvas: text normalised as files carry it,
 * blank cards left out (with links to them), deleted records left out,
 * everything in display order.
 */
export function contentOf(canvas: Canvas): CanvasContent {
  const content = emptyContent();
  content.title = lineContent(canvas.title);
  content.description = textContent(canvas.description);
  for (const step of STEP_IDS) {
    const note = canvas.facilitation[step];
    content.facilitation[step] = { minutes: note.minutes, notes: textContent(note.notes) };
  }
  content.workshop = {
    heldOn: canvas.workshop.heldOn,
    organisation: lineContent(canvas.workshop.organisation),
    facilitator: lineContent(canvas.workshop.facilitator),
    participants: textContent(canvas.workshop.participants),
  };
  content.votesPerPerson = canvas.votesPerPerson;

  const withText = (cards: Card[]) => cards.filter((card) => hasText(normaliseText(card.text)));
  const board = Object.fromEntries(STEP_IDS.map((step) => [step, withText(cardsInStep(canvas, step))])) as Record<StepId, Card[]>;
  const lot = withText(parkedCards(canvas));
  const refs = new Map<string, string>();
  for (const step of STEP_IDS) board[step].forEach((card, i) => refs.set(card.id, cardRef(step, i)));
  lot.forEach((card, i) => refs.set(card.id, cardRef('parked', i)));
  const refsOf = (ids: readonly string[]) => [...new Set(ids.map((id) => refs.get(id)).filter((ref): ref is string => !!ref))];

  const cardContent = (card: Card): CardContent => ({
    text: normaliseText(card.text),
    colour: card.colour,
    votes: card.votes,
    agreed: card.agreed,
    example: card.example,
    source: lineContent(card.source),
    serves: refsOf(card.serves.filter((id) => id !== card.id)),
  });
  for (const step of STEP_IDS) content.cards[step] = board[step].map(cardContent);
  content.parked = lot.map((card) => ({ ...cardContent(card), step: card.step }));

  for (const key of Object.keys(content.checks) as CheckKey[]) content.checks[key] = checkContentOf(canvas.checks[key]);
  for (const id of GOVERNANCE_IDS) content.governance[id] = checkContentOf(canvas.governance[id]);
  content.actionItems = actionItemsInOrder(canvas).map((item) => ({
    text: textContent(item.text),
    owner: lineContent(item.owner),
    due: item.due,
    status: item.status,
    concern: item.concern,
  }));
  content.datasets = datasetsInOrder(canvas).map((dataset) => ({
    name: lineContent(dataset.name),
    holder: lineContent(dataset.holder),
    contents: textContent(dataset.contents),
    personal: dataset.personal,
    specialCategory: dataset.specialCategory,
    criminalOffence: dataset.criminalOffence,
    children: dataset.children,
    lawfulBasis: dataset.lawfulBasis,
    sharingAgreement: dataset.sharingAgreement,
    dpia: dataset.dpia,
    qualityProblems: textContent(dataset.qualityProblems),
    whoIsMissing: textContent(dataset.whoIsMissing),
    retention: lineContent(dataset.retention),
    usedBy: refsOf(dataset.usedBy),
  }));
  return content;
}

const checkFrom = (content: CheckContent, now: number): CheckState => ({
  status: content.status,
  notes: content.notes,
  resolvedAt: content.resolved && content.status === 'concern' ? now : null,
  resolution: content.resolution,
  updatedAt: now,
});

/** A new canvas holding this content, with fresh ids (from `newId`, for every record) and order keys. */
export function canvasFromContent(content: CanvasContent, id: string, newId: () => string, now: number): Canvas {
  const planned: { ref: string; card: CardContent; step: StepId; parked: boolean; order: string }[] = [];
  for (const step of STEP_IDS) {
    const keys = generateNKeysBetween(null, null, content.cards[step].length);
    content.cards[step].forEach((card, i) => planned.push({ ref: cardRef(step, i), card, step, parked: false, order: keys[i]! }));
  }
  const lotKeys = generateNKeysBetween(null, null, content.parked.length);
  content.parked.forEach((card, i) => planned.push({ ref: cardRef('parked', i), card, step: card.step, parked: true, order: lotKeys[i]! }));
  const ids = new Map(planned.map(({ ref }) => [ref, newId()]));
  const idsOf = (refs: readonly string[]) => refs.map((ref) => ids.get(ref)).filter((cardId): cardId is string => !!cardId);

  const cards = idMap(
    planned.map(({ ref, card, step, parked, order }) =>
      newCardRecord(
        {
          id: ids.get(ref)!,
          step,
          order,
          text: card.text,
          colour: card.colour,
          votes: card.votes,
          agreed: card.agreed,
          example: card.example,
          source: card.source,
          serves: idsOf(card.serves).filter((target) => target !== ids.get(ref)),
          parkedAt: parked ? now : null,
        },
        now,
      ),
    ),
  );
  const checks = emptyChecks(now);
  for (const key of Object.keys(checks) as CheckKey[]) checks[key] = { ...checks[key], ...checkFrom(content.checks[key], now) };
  const governance = emptyGovernance(now);
  for (const governanceId of GOVERNANCE_IDS)
    governance[governanceId] = { id: governanceId, ...checkFrom(content.governance[governanceId], now) };
  const itemKeys = generateNKeysBetween(null, null, content.actionItems.length);
  const actionItems = idMap(
    content.actionItems.map((item, i): ActionItem => ({
      id: newId(),
      ...item,
      order: itemKeys[i]!,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    })),
  );
  const datasetKeys = generateNKeysBetween(null, null, content.datasets.length);
  const datasets = idMap(
    content.datasets.map((dataset, i): Dataset => ({
      id: newId(),
      ...dataset,
      usedBy: idsOf(dataset.usedBy),
      order: datasetKeys[i]!,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    })),
  );
  return {
    id,
    title: content.title,
    description: content.description,
    facilitation: content.facilitation,
    workshop: content.workshop,
    timer: stoppedTimer(),
    votesPerPerson: content.votesPerPerson,
    privacyDismissed: [],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    cards,
    checks,
    governance,
    actionItems,
    datasets,
  };
}
