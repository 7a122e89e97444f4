/** Canvas-level operations and derived figures. Pure: new objects out, inputs untouched. */
import { countLiveCards, stepsWithContent } from './cards';
import {
  type Canvas,
  type CheckStatus,
  type EthicsCheck,
  type FacilitatorNote,
  type LensId,
  type StepId,
  LENS_IDS,
  LIMITS,
  STEP_IDS,
  checkKey,
} from './model';

export function setTitle(canvas: Canvas, title: string, now: number): Canvas {
  const next = title.slice(0, LIMITS.titleLength);
  return next === canvas.title ? canvas : { ...canvas, title: next, updatedAt: now };
}

export function setDescription(canvas: Canvas, description: string, now: number): Canvas {
  const next = description.slice(0, LIMITS.descriptionLength);
  return next === canvas.description ? canvas : { ...canvas, description: next, updatedAt: now };
}

export function setFacilitatorNote(canvas: Canvas, step: StepId, change: Partial<FacilitatorNote>, now: number): Canvas {
  const current = canvas.facilitation[step];
  const next = { ...current, ...change, notes: (change.notes ?? current.notes).slice(0, LIMITS.notesLength) };
  if (next.minutes === current.minutes && next.notes === current.notes) return canvas;
  return { ...canvas, facilitation: { ...canvas.facilitation, [step]: next }, updatedAt: now };
}

function updateCheck(canvas: Canvas, step: StepId, lens: LensId, now: number, change: (check: EthicsCheck) => EthicsCheck | null): Canvas {
  const key = checkKey(step, lens);
  const check = canvas.checks[key];
  const next = change(check);
  if (!next) return canvas;
  return { ...canvas, checks: { ...canvas.checks, [key]: { ...next, updatedAt: now } }, updatedAt: now };
}

export function setCheckStatus(canvas: Canvas, step: StepId, lens: LensId, status: CheckStatus, now: number): Canvas {
  return updateCheck(canvas, step, lens, now, (check) => (check.status === status ? null : { ...check, status }));
}

export function setCheckNotes(canvas: Canvas, step: StepId, lens: LensId, notes: string, now: number): Canvas {
  const clamped = notes.slice(0, LIMITS.notesLength);
  return updateCheck(canvas, step, lens, now, (check) => (check.notes === clamped ? null : { ...check, notes: clamped }));
}

/** Every check in canvas order: step by step, lens by lens. */
export function checksInOrder(canvas: Canvas): EthicsCheck[] {
  return STEP_IDS.flatMap((step) => LENS_IDS.map((lens) => canvas.checks[checkKey(step, lens)]));
}

export function checksForStep(canvas: Canvas, step: StepId): EthicsCheck[] {
  return LENS_IDS.map((lens) => canvas.checks[checkKey(step, lens)]);
}

export function openConcerns(canvas: Canvas): EthicsCheck[] {
  return checksInOrder(canvas).filter((check) => check.status === 'concern');
}

export function undiscussedChecks(canvas: Canvas): EthicsCheck[] {
  return checksInOrder(canvas).filter((check) => check.status === 'not-discussed');
}

export interface CanvasProgress {
  stepsWithContent: number;
  stepCount: number;
  checksDiscussed: number;
  checkCount: number;
  openConcerns: number;
  cardCount: number;
}

export function canvasProgress(canvas: Canvas): CanvasProgress {
  const checks = checksInOrder(canvas);
  return {
    stepsWithContent: stepsWithContent(canvas).length,
    stepCount: STEP_IDS.length,
    checksDiscussed: checks.filter((check) => check.status !== 'not-discussed').length,
    checkCount: checks.length,
    openConcerns: checks.filter((check) => check.status === 'concern').length,
    cardCount: countLiveCards(canvas),
  };
}

/**
 * A copy with a new id and new card ids. Deleted cards are left behind:
 * a copy starts clean.
 */
export function duplicateCanvas(canvas: Canvas, newId: string, newCardId: () => string, now: number, title: string): Canvas {
  const cards: Record<string, Canvas['cards'][string]> = {};
  for (const card of Object.values(canvas.cards)) {
    if (card.deletedAt !== null) continue;
    const id = newCardId();
    cards[id] = { ...card, id, createdAt: now, updatedAt: now };
  }
  const checks = { ...canvas.checks };
  for (const key of Object.keys(checks) as (keyof typeof checks)[]) checks[key] = { ...checks[key], updatedAt: now };
  return { ...canvas, id: newId, title, cards, checks, createdAt: now, updatedAt: now, deletedAt: null };
}

export function copyTitle(title: string): string {
  const base = title.trim() || 'Untitled canvas';
  return `${base} (copy)`.slice(0, LIMITS.titleLength);
}
