/**
 * A canvas's content without ids, order keys or timestamps: what a file
 * carries and what "the same canvas" means for import, export and templates.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { cardsInStep } from './cards';
import { normaliseText } from './text';
import {
  type Canvas,
  type CardColour,
  type CheckKey,
  type CheckStatus,
  type Card,
  type Facilitation,
  emptyFacilitation,
  LENS_IDS,
  STEP_IDS,
  type StepId,
  checkKey,
  emptyChecks,
} from './model';

export interface CardContent {
  text: string;
  colour: CardColour;
}

export interface CheckContent {
  status: CheckStatus;
  notes: string;
}

export interface CanvasContent {
  title: string;
  description: string;
  facilitation: Facilitation;
  cards: Record<StepId, CardContent[]>;
  checks: Record<CheckKey, CheckContent>;
}

export function emptyContent(): CanvasContent {
  const checks = {} as Record<CheckKey, CheckContent>;
  for (const step of STEP_IDS) for (const lens of LENS_IDS) checks[checkKey(step, lens)] = { status: 'not-discussed', notes: '' };
  return {
    title: '',
    description: '',
    facilitation: emptyFacilitation(),
    cards: { outcome: [], action: [], insight: [], enablers: [] },
    checks,
  };
}

/** True when a card has something to say; blank cards are not carried into files. */
export const hasText = (text: string) => text.trim() !== '';

/**
 * The canonical content of a canvas: text normalised as files carry it,
 * blank cards left out, cards in display order.
 */
export function contentOf(canvas: Canvas): CanvasContent {
  const content = emptyContent();
  content.title = normaliseText(canvas.title).replace(/\n/g, ' ').trim();
  const description = normaliseText(canvas.description);
  content.description = hasText(description) ? description : '';
  for (const step of STEP_IDS) {
    const note = canvas.facilitation[step];
    const notes = normaliseText(note.notes);
    content.facilitation[step] = { minutes: note.minutes, notes: hasText(notes) ? notes : '' };
  }
  for (const step of STEP_IDS) {
    content.cards[step] = cardsInStep(canvas, step)
      .map((card) => ({ text: normaliseText(card.text), colour: card.colour }))
      .filter((card) => hasText(card.text));
  }
  for (const key of Object.keys(content.checks) as CheckKey[]) {
    const check = canvas.checks[key];
    content.checks[key] = { status: check.status, notes: normaliseText(check.notes) };
  }
  return content;
}

/** A new canvas holding this content, with fresh ids and order keys. */
export function canvasFromContent(content: CanvasContent, id: string, newCardId: () => string, now: number): Canvas {
  const cards: Record<string, Card> = {};
  for (const step of STEP_IDS) {
    const stepCards = content.cards[step];
    const keys = generateNKeysBetween(null, null, stepCards.length);
    stepCards.forEach((card, i) => {
      const cardId = newCardId();
      cards[cardId] = {
        id: cardId,
        step,
        order: keys[i]!,
        text: card.text,
        colour: card.colour,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
    });
  }
  const checks = emptyChecks(now);
  for (const key of Object.keys(checks) as CheckKey[]) checks[key] = { ...checks[key], ...content.checks[key] };
  return {
    id,
    title: content.title,
    description: content.description,
    facilitation: content.facilitation,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    cards,
    checks,
  };
}
