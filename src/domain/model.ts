/**
 * The canvas data model. Pure data and constructors: no React, no storage.
 *
 * The shape is keyed, not positional, so that two writers (two tabs now,
 * several devices later) can be merged record by record:
 * - cards have a stable id, a step and a fractional order key;
 * - deletes are soft (`deletedAt`), so undo and "recently deleted" have
 *   something to hold on to;
 * - ethics checks are keyed by step and lens, 20 per canvas;
 * - every record carries `updatedAt`.
 */

import { type GovernanceId, GOVERNANCE_IDS } from './governanceKeys';
import { type IdMap, idMap } from './idMap';

export const STEP_IDS = ['outcome', 'action', 'insight', 'enablers'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const LENS_IDS = ['trust', 'consent', 'power', 'transparency', 'inclusivity'] as const;
export type LensId = (typeof LENS_IDS)[number];

export const CHECK_STATUSES = ['not-discussed', 'no-concern', 'concern', 'not-applicable'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = {
  'not-discussed': 'Not yet discussed',
  'no-concern': 'Discussed, no concern',
  concern: 'Concern raised',
  'not-applicable': 'Not applicable',
};

export const CARD_COLOURS = ['yellow', 'blue', 'green', 'pink', 'orange', 'purple'] as const;
export type CardColour = (typeof CARD_COLOURS)[number];

export const CARD_COLOUR_LABELS: Record<CardColour, string> = {
  yellow: 'Yellow',
  blue: 'Blue',
  green: 'Green',
  pink: 'Pink',
  orange: 'Orange',
  purple: 'Purple',
};

/** Limits that keep one canvas usable; the operations, validators and importers enforce them. */
export const LIMITS = {
  titleLength: 200,
  /** A template's name, summary, audience and duration. */
  templateDetailLength: 1_000,
  descriptionLength: 10_000,
  cardTextLength: 10_000,
  notesLength: 10_000,
  cardsPerCanvas: 5_000,
  /** Names, owners, holders, workshop details, a card's source: one line each. */
  shortTextLength: 500,
  /** Longer free text on action items and data sets. */
  longTextLength: 5_000,
  votesPerCard: 999,
  votesPerPersonMin: 1,
  votesPerPersonMax: 20,
  /** Planned minutes for one step (a two-hour workshop plans 15 to 45). */
  plannedMinutesMax: 240,
  /** Extra minutes the facilitator can add to one step with "add 5 minutes". */
  addedMinutesMax: 240,
  /** Cards one card can serve in the golden thread. */
  linksPerCard: 50,
  actionItemsPerCanvas: 1_000,
  datasetsPerCanvas: 200,
  privacyDismissals: 1_000,
} as const;

export const DEFAULT_VOTES_PER_PERSON = 3;

export interface Card {
  id: string;
  step: StepId;
  /**
   * Fractional index: sorts as a string; a move rewrites only this card.
   * While a card is parked it orders the parking lot instead of its step.
   */
  order: string;
  text: string;
  colour: CardColour;
  /** Dot votes entered by a scribe (0 to LIMITS.votesPerCard). */
  votes: number;
  /** The room chose to take this card forward. */
  agreed: boolean;
  /**
   * When the card was parked, or null. A parked card is out of its step and
   * in the parking lot; `step` still says where it came from.
   */
  parkedAt: number | null;
  /** Came from a template as an example: shown as one until "Keep as our own card". */
  example: boolean;
  /** Where the card's text comes from when it is quoted or taken from a source document; '' otherwise. */
  source: string;
  /**
   * The golden thread: ids of the cards this card serves (see thread.ts for
   * the step rule). Links to deleted cards stay, ignored while they are deleted.
   */
  serves: readonly string[];
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

export type CheckKey = `${StepId}:${LensId}`;

/** What every check has: ethics checks (step by lens) and governance checks alike. */
export interface CheckState {
  status: CheckStatus;
  notes: string;
  /** A raised concern marked resolved, or null. Open concern = status 'concern' and not resolved. */
  resolvedAt: number | null;
  /** What resolved it (may be kept after a concern is reopened, as a record). */
  resolution: string;
  updatedAt: number;
}

export interface EthicsCheck extends CheckState {
  step: StepId;
  lens: LensId;
}

/** One "before this goes live" check; its question and step come from governanceKeys.ts / governance.ts. */
export interface GovernanceCheck extends CheckState {
  id: GovernanceId;
}

export type GovernanceKey = `governance:${GovernanceId}`;
/** Either kind of check: `step:lens` or `governance:<id>`. Action items name the concern they came from by this key. */
export type AnyCheckKey = CheckKey | GovernanceKey;

export const ACTION_ITEM_STATUSES = ['open', 'done'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** An entry in the workshop's action log (UI "Action log"); not to be confused with the LOTI step 'action'. */
export interface ActionItem {
  id: string;
  text: string;
  /** '' is allowed and shown as "no owner yet". */
  owner: string;
  /** '' or a date, YYYY-MM-DD. A past date is allowed (shown as overdue). */
  due: string;
  status: ActionItemStatus;
  /** The check whose concern this action answers, or null. */
  concern: AnyCheckKey | null;
  order: string;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];

/** UK GDPR article 6(1) lawful bases, or '' (not decided yet). */
export const LAWFUL_BASES = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

export const SHARING_AGREEMENTS = ['none', 'drafting', 'signed', 'not-needed'] as const;
export type SharingAgreement = (typeof SHARING_AGREEMENTS)[number];

export const DPIA_STATES = ['not-needed', 'needed', 'done'] as const;
export type DpiaState = (typeof DPIA_STATES)[number];

/** One data set in the data inventory (issue 10 §4). */
export interface Dataset {
  id: string;
  name: string;
  /** Who holds it (team, service or organisation). */
  holder: string;
  contents: string;
  personal: Answer;
  specialCategory: Answer;
  criminalOffence: Answer;
  children: Answer;
  lawfulBasis: LawfulBasis | '';
  sharingAgreement: SharingAgreement | '';
  dpia: DpiaState | '';
  qualityProblems: string;
  /** Who is missing, miscounted or over-represented in it. */
  whoIsMissing: string;
  /** How long it is kept, and when it is deleted. */
  retention: string;
  /** Ids of the Insight cards that use it. */
  usedBy: readonly string[];
  order: string;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

/** A trainer's notes for running one step: carried by templates and the canvases made from them. */
export interface FacilitatorNote {
  /** Planned minutes for the step (the agenda and timer), when given. */
  minutes: number | null;
  notes: string;
}

export type Facilitation = Record<StepId, FacilitatorNote>;

/** Who held the workshop and who took part (roles, not necessarily names). */
export interface WorkshopDetails {
  /** '' or YYYY-MM-DD. */
  heldOn: string;
  organisation: string;
  facilitator: string;
  participants: string;
}

/**
 * The workshop timer, stored as timestamps so that a reload or a crash
 * keeps it right. Read it with `stepClock` / `workshopClock` (timer.ts).
 * Changes are saved like any field but are not undoable steps.
 */
export interface WorkshopTimer {
  /** The step the timer is on, or null before it was first started. */
  step: StepId | null;
  /** When the current run started, or null while paused. */
  runningSince: number | null;
  /** Time already spent per step, not counting the current run. */
  spentMs: Record<StepId, number>;
  /** Minutes added to a step's plan with "add 5 minutes". */
  addedMinutes: Record<StepId, number>;
}

export interface CanvasMeta {
  id: string;
  title: string;
  description: string;
  facilitation: Facilitation;
  workshop: WorkshopDetails;
  timer: WorkshopTimer;
  /** Dots each person may place when voting (LIMITS.votesPerPersonMin..Max). */
  votesPerPerson: number;
  /** Fingerprints of privacy warnings dismissed for an exact text (privacyFingerprint in dismissals.ts). */
  privacyDismissed: readonly string[];
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

export interface Canvas extends CanvasMeta {
  /** Keyed by card id; made with idMap (no prototype). */
  cards: IdMap<Card>;
  checks: Readonly<Record<CheckKey, EthicsCheck>>;
  governance: Readonly<Record<GovernanceId, GovernanceCheck>>;
  actionItems: IdMap<ActionItem>;
  datasets: IdMap<Dataset>;
}

/**
 * An operation that can be refused says why in a sentence the UI can show
 * as it is. Operations that may refuse return `Canvas | Refusal`.
 */
export interface Refusal {
  readonly refused: string;
}

export const refuse = (message: string): Refusal => ({ refused: message });

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && typeof (value as Refusal).refused === 'string';
}

export function checkKey(step: StepId, lens: LensId): CheckKey {
  return `${step}:${lens}`;
}

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

export function governanceKey(id: GovernanceId): GovernanceKey {
  return `governance:${id}`;
}

const NO_CHECK_STATE = { status: 'not-discussed', notes: '', resolvedAt: null, resolution: '' } as const;

export function emptyChecks(now: number): Record<CheckKey, EthicsCheck> {
  const checks = {} as Record<CheckKey, EthicsCheck>;
  for (const step of STEP_IDS) {
    for (const lens of LENS_IDS) {
      checks[checkKey(step, lens)] = { step, lens, ...NO_CHECK_STATE, updatedAt: now };
    }
  }
  return checks;
}

export function emptyGovernance(now: number): Record<GovernanceId, GovernanceCheck> {
  const checks = {} as Record<GovernanceId, GovernanceCheck>;
  for (const id of GOVERNANCE_IDS) checks[id] = { id, ...NO_CHECK_STATE, updatedAt: now };
  return checks;
}

/** The check a canvas made at `createdAt` has in this one's place before anyone discussed it (as `emptyChecks` and `emptyGovernance` make it). */
export function undiscussedCheck<T extends EthicsCheck | GovernanceCheck>(check: T, createdAt: number): T {
  const identity = 'lens' in check ? { step: check.step, lens: check.lens } : { id: check.id };
  return { ...identity, ...NO_CHECK_STATE, updatedAt: createdAt } as T;
}

/** Whether a check is, field for field, the one its canvas starts with: a canvas read without it has it all the same. */
export function isUndiscussedCheck(check: EthicsCheck | GovernanceCheck, createdAt: number): boolean {
  const fresh: Record<string, unknown> = { ...undiscussedCheck(check, createdAt) };
  const fields = Object.entries(check);
  return fields.length === Object.keys(fresh).length && fields.every(([key, value]) => fresh[key] === value);
}

export function emptyFacilitation(): Facilitation {
  return {
    outcome: { minutes: null, notes: '' },
    action: { minutes: null, notes: '' },
    insight: { minutes: null, notes: '' },
    enablers: { minutes: null, notes: '' },
  };
}

export function emptyWorkshop(): WorkshopDetails {
  return { heldOn: '', organisation: '', facilitator: '', participants: '' };
}

export const perStep = <T>(value: T): Record<StepId, T> => ({ outcome: value, action: value, insight: value, enablers: value });

export function stoppedTimer(): WorkshopTimer {
  return { step: null, runningSince: null, spentMs: perStep(0), addedMinutes: perStep(0) };
}

export function hasFacilitation(facilitation: Facilitation): boolean {
  return STEP_IDS.some((step) => facilitation[step].minutes !== null || facilitation[step].notes.trim() !== '');
}

export function createCanvas(id: string, now: number, title = ''): Canvas {
  return {
    id,
    title,
    description: '',
    facilitation: emptyFacilitation(),
    workshop: emptyWorkshop(),
    timer: stoppedTimer(),
    votesPerPerson: DEFAULT_VOTES_PER_PERSON,
    privacyDismissed: [],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    cards: idMap(),
    checks: emptyChecks(now),
    governance: emptyGovernance(now),
    actionItems: idMap(),
    datasets: idMap(),
  };
}

/** A card with every field at its default: the one place new cards get their shape. */
export function newCardRecord(fields: Pick<Card, 'id' | 'step' | 'order'> & Partial<Card>, now: number): Card {
  return {
    text: '',
    colour: 'yellow',
    votes: 0,
    agreed: false,
    parkedAt: null,
    example: false,
    source: '',
    serves: [],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    ...fields,
  };
}

/** A title to show when the user has not given one yet. */
export function displayTitle(canvas: Pick<CanvasMeta, 'title'>): string {
  return canvas.title.trim() || 'Untitled canvas';
}

/** A live record: not deleted. */
export const isLive = (record: { deletedAt: number | null }) => record.deletedAt === null;
