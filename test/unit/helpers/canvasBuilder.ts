/** Builders for canvases in a known state, so each test says only what matters to it. */
import { setCheckNotes, setCheckStatus } from '../../../src/domain/canvas';
import { addCard, cardsInStep } from '../../../src/domain/cards';
import {
  type Canvas,
  type Card,
  type CardColour,
  type CheckStatus,
  type LensId,
  type StepId,
  createCanvas,
} from '../../../src/domain/model';

/** A fixed moment (14 Nov 2023) so dates and ordering never depend on the clock. */
export const T0 = 1_700_000_000_000;

export interface CheckSpec {
  step: StepId;
  lens: LensId;
  status: CheckStatus;
  notes?: string;
}

export type CardSpec = string | { text: string; colour?: CardColour };

export interface CanvasSpec {
  id?: string;
  title?: string;
  description?: string;
  /** Card texts per step, in display order. Ids are `<prefix><step>-1`, `<prefix><step>-2`, ... */
  cards?: Partial<Record<StepId, CardSpec[]>>;
  /** Card ids are global in storage: give canvases saved side by side different prefixes. */
  cardIdPrefix?: string;
  checks?: CheckSpec[];
  now?: number;
}

export function buildCanvas(spec: CanvasSpec = {}): Canvas {
  const now = spec.now ?? T0;
  let canvas = createCanvas(spec.id ?? 'canvas-1', now, spec.title ?? '');
  if (spec.description) canvas = { ...canvas, description: spec.description };
  const prefix = spec.cardIdPrefix ?? '';
  for (const [step, cards] of Object.entries(spec.cards ?? {}) as [StepId, CardSpec[]][]) {
    cards.forEach((card, i) => {
      const { text, colour } = typeof card === 'string' ? { text: card, colour: undefined } : card;
      canvas = addCard(canvas, { id: `${prefix}${step}-${i + 1}`, step, text, colour }, now);
    });
  }
  for (const check of spec.checks ?? []) {
    canvas = setCheckStatus(canvas, check.step, check.lens, check.status, now);
    if (check.notes !== undefined) canvas = setCheckNotes(canvas, check.step, check.lens, check.notes, now);
  }
  return canvas;
}

/** What a user sees in a step: the card texts, top to bottom. */
export function textsIn(canvas: Canvas, step: StepId): string[] {
  return cardsInStep(canvas, step).map((card) => card.text);
}

export function idsIn(canvas: Canvas, step: StepId): string[] {
  return cardsInStep(canvas, step).map((card) => card.id);
}

/** A deep, frozen snapshot to prove an operation left its input alone. */
export function snapshot(canvas: Canvas): Canvas {
  return structuredClone(canvas);
}

export function card(canvas: Canvas, id: string): Card {
  const found = canvas.cards[id];
  if (!found) throw new Error(`No card ${id} in the canvas`);
  return found;
}

/** The canvas an operation that may refuse gave back; a refusal fails the test with its sentence. */
export function applied(result: Canvas | { refused: string }): Canvas {
  if ('refused' in result) throw new Error(result.refused);
  return result;
}
