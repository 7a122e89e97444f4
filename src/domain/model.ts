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

/** Limits that keep one canvas usable; the UI and importers enforce them. */
export const LIMITS = {
  titleLength: 200,
  descriptionLength: 10_000,
  cardTextLength: 10_000,
  notesLength: 10_000,
  cardsPerCanvas: 5_000,
} as const;

export interface Card {
  id: string;
  step: StepId;
  /** Fractional index: sorts as a string; a move rewrites only this card. */
  order: string;
  text: string;
  colour: CardColour;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

export type CheckKey = `${StepId}:${LensId}`;

export interface EthicsCheck {
  step: StepId;
  lens: LensId;
  status: CheckStatus;
  notes: string;
  updatedAt: number;
}

/** A trainer's notes for running one step: carried by templates and the canvases made from them. */
export interface FacilitatorNote {
  /** Suggested minutes for the step, when the trainer gave one. */
  minutes: number | null;
  notes: string;
}

export type Facilitation = Record<StepId, FacilitatorNote>;

export interface CanvasMeta {
  id: string;
  title: string;
  description: string;
  facilitation: Facilitation;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

export interface Canvas extends CanvasMeta {
  cards: Readonly<Record<string, Card>>;
  checks: Readonly<Record<CheckKey, EthicsCheck>>;
}

export function checkKey(step: StepId, lens: LensId): CheckKey {
  return `${step}:${lens}`;
}

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

export function emptyChecks(now: number): Record<CheckKey, EthicsCheck> {
  const checks = {} as Record<CheckKey, EthicsCheck>;
  for (const step of STEP_IDS) {
    for (const lens of LENS_IDS) {
      checks[checkKey(step, lens)] = { step, lens, status: 'not-discussed', notes: '', updatedAt: now };
    }
  }
  return checks;
}

export function emptyFacilitation(): Facilitation {
  return {
    outcome: { minutes: null, notes: '' },
    action: { minutes: null, notes: '' },
    insight: { minutes: null, notes: '' },
    enablers: { minutes: null, notes: '' },
  };
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
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    cards: {},
    checks: emptyChecks(now),
  };
}

/** A title to show when the user has not given one yet. */
export function displayTitle(canvas: Pick<CanvasMeta, 'title'>): string {
  return canvas.title.trim() || 'Untitled canvas';
}
