/** Canvas-level operations and derived figures. Pure: new objects out, inputs untouched. */
import { countLiveCards, parkedCards, stepsWithContent } from './cardQueries';
import { dateProblem } from './dates';
import { GOVERNANCE_IDS, GOVERNANCE_ITEMS, type GovernanceId, governanceIdsForStep, isGovernanceId } from './governanceKeys';
import { type IdMap, idMap } from './idMap';
import {
  type ActionItem,
  type AnyCheckKey,
  type Canvas,
  type Card,
  type CheckState,
  type CheckStatus,
  type Dataset,
  type EthicsCheck,
  type FacilitatorNote,
  type GovernanceCheck,
  type LensId,
  type Refusal,
  type StepId,
  type WorkshopDetails,
  LENS_IDS,
  LIMITS,
  STEP_IDS,
  checkKey,
  governanceKey,
  isStepId,
  refuse,
  stoppedTimer,
} from './model';
import { clampText, oneLine } from './text';

export function setTitle(canvas: Canvas, title: string, now: number): Canvas {
  const next = clampText(title, LIMITS.titleLength);
  return next === canvas.title ? canvas : { ...canvas, title: next, updatedAt: now };
}

export function setDescription(canvas: Canvas, description: string, now: number): Canvas {
  const next = clampText(description, LIMITS.descriptionLength);
  return next === canvas.description ? canvas : { ...canvas, description: next, updatedAt: now };
}

export function setFacilitatorNote(canvas: Canvas, step: StepId, change: Partial<FacilitatorNote>, now: number): Canvas {
  const current = canvas.facilitation[step];
  const next = { ...current, ...change, notes: clampText(change.notes ?? current.notes, LIMITS.notesLength) };
  if (next.minutes === current.minutes && next.notes === current.notes) return canvas;
  return { ...canvas, facilitation: { ...canvas.facilitation, [step]: next }, updatedAt: now };
}

/**
 * Sets a step's planned minutes (the agenda the timer counts down from),
 * or clears them with null. Refused outside 1 to LIMITS.plannedMinutesMax
 * and for fractions.
 */
export function setPlannedMinutes(canvas: Canvas, step: StepId, minutes: number | null, now: number): Canvas | Refusal {
  if (minutes !== null) {
    if (!Number.isInteger(minutes)) return refuse('Give the time in whole minutes, for example 20.');
    if (minutes < 1) return refuse('A step needs at least 1 minute. To plan no time for it, leave the minutes empty.');
    if (minutes > LIMITS.plannedMinutesMax)
      return refuse(`A step can be planned for at most ${LIMITS.plannedMinutesMax} minutes (4 hours); ${minutes} is more than that.`);
  }
  return setFacilitatorNote(canvas, step, { minutes }, now);
}

// ---- Workshop details and voting settings ---------------------------------------

/**
 * Sets any of the workshop details. The date must be '' or a real
 * YYYY-MM-DD date; organisation and facilitator are one line each.
 */
export function setWorkshopDetails(canvas: Canvas, change: Partial<WorkshopDetails>, now: number): Canvas | Refusal {
  if (change.heldOn !== undefined) {
    const problem = dateProblem(change.heldOn.trim(), 'The date the workshop was held');
    if (problem) return refuse(problem);
  }
  const current = canvas.workshop;
  const short = (value: string | undefined, was: string) => (value === undefined ? was : clampText(oneLine(value), LIMITS.shortTextLength));
  const next: WorkshopDetails = {
    heldOn: change.heldOn === undefined ? current.heldOn : change.heldOn.trim(),
    organisation: short(change.organisation, current.organisation),
    facilitator: short(change.facilitator, current.facilitator),
    participants: change.participants === undefined ? current.participants : clampText(change.participants, LIMITS.notesLength),
  };
  if (
    next.heldOn === current.heldOn &&
    next.organisation === current.organisation &&
    next.facilitator === current.facilitator &&
    next.participants === current.participants
  )
    return canvas;
  return { ...canvas, workshop: next, updatedAt: now };
}

/** The facilitator's setting for dot voting: how many dots each person places. */
export function setVotesPerPerson(canvas: Canvas, votes: number, now: number): Canvas | Refusal {
  if (!Number.isInteger(votes) || votes < LIMITS.votesPerPersonMin || votes > LIMITS.votesPerPersonMax)
    return refuse(`Each person can have from ${LIMITS.votesPerPersonMin} to ${LIMITS.votesPerPersonMax} votes.`);
  return votes === canvas.votesPerPerson ? canvas : { ...canvas, votesPerPerson: votes, updatedAt: now };
}

// ---- Checks: ethics (step × lens) and governance ("before this goes live") ------

export type ParsedCheckKey = { kind: 'ethics'; step: StepId; lens: LensId } | { kind: 'governance'; id: GovernanceId };

/** Reads a check key from anywhere (a file, an action item); null when it names no check. */
export function parseCheckKey(key: string): ParsedCheckKey | null {
  const [head, tail] = key.split(':', 2) as [string, string | undefined];
  if (head === 'governance') return isGovernanceId(tail) ? { kind: 'governance', id: tail } : null;
  if (isStepId(head) && (LENS_IDS as readonly string[]).includes(tail ?? '')) return { kind: 'ethics', step: head, lens: tail as LensId };
  return null;
}

export const isCheckKey = (key: string): key is AnyCheckKey => parseCheckKey(key) !== null;

/** The check (of either kind) under a key. */
export function checkAt(canvas: Canvas, key: AnyCheckKey): EthicsCheck | GovernanceCheck {
  const parsed = parseCheckKey(key)!;
  return parsed.kind === 'ethics' ? canvas.checks[checkKey(parsed.step, parsed.lens)] : canvas.governance[parsed.id];
}

/** The step a check belongs to. */
export function stepOfCheck(key: AnyCheckKey): StepId {
  const parsed = parseCheckKey(key)!;
  return parsed.kind === 'ethics' ? parsed.step : GOVERNANCE_ITEMS[parsed.id].step;
}

function updateAnyCheck(canvas: Canvas, key: AnyCheckKey, now: number, change: (check: CheckState) => Partial<CheckState> | null): Canvas {
  const parsed = parseCheckKey(key);
  if (!parsed) return canvas;
  if (parsed.kind === 'ethics') {
    const k = checkKey(parsed.step, parsed.lens);
    const check = canvas.checks[k];
    const next = change(check);
    if (!next) return canvas;
    return { ...canvas, checks: { ...canvas.checks, [k]: { ...check, ...next, updatedAt: now } }, updatedAt: now };
  }
  const check = canvas.governance[parsed.id];
  const next = change(check);
  if (!next) return canvas;
  return { ...canvas, governance: { ...canvas.governance, [parsed.id]: { ...check, ...next, updatedAt: now } }, updatedAt: now };
}

/** Sets a check's status. Leaving "Concern raised" clears the resolved mark (the resolution note stays). */
export function setStatusOf(canvas: Canvas, key: AnyCheckKey, status: CheckStatus, now: number): Canvas {
  return updateAnyCheck(canvas, key, now, (check) =>
    check.status === status ? null : { status, resolvedAt: status === 'concern' ? check.resolvedAt : null },
  );
}

export function setNotesOf(canvas: Canvas, key: AnyCheckKey, notes: string, now: number): Canvas {
  const clamped = clampText(notes, LIMITS.notesLength);
  return updateAnyCheck(canvas, key, now, (check) => (check.notes === clamped ? null : { notes: clamped }));
}

export function setCheckStatus(canvas: Canvas, step: StepId, lens: LensId, status: CheckStatus, now: number): Canvas {
  return setStatusOf(canvas, checkKey(step, lens), status, now);
}

export function setCheckNotes(canvas: Canvas, step: StepId, lens: LensId, notes: string, now: number): Canvas {
  return setNotesOf(canvas, checkKey(step, lens), notes, now);
}

export function setGovernanceStatus(canvas: Canvas, id: GovernanceId, status: CheckStatus, now: number): Canvas {
  return setStatusOf(canvas, governanceKey(id), status, now);
}

export function setGovernanceNotes(canvas: Canvas, id: GovernanceId, notes: string, now: number): Canvas {
  return setNotesOf(canvas, governanceKey(id), notes, now);
}

/** Marks a raised concern resolved, with a note saying how (the note may be empty). */
export function resolveConcern(canvas: Canvas, key: AnyCheckKey, resolution: string, now: number): Canvas | Refusal {
  if (!isCheckKey(key)) return refuse('That check does not exist.');
  const check = checkAt(canvas, key);
  if (check.status !== 'concern') return refuse('Only a raised concern can be marked resolved.');
  const text = clampText(resolution, LIMITS.notesLength);
  return updateAnyCheck(canvas, key, now, (current) =>
    current.resolvedAt !== null && current.resolution === text ? null : { resolvedAt: current.resolvedAt ?? now, resolution: text },
  );
}

/** Opens a resolved concern again. Its resolution note is kept as a record. */
export function reopenConcern(canvas: Canvas, key: AnyCheckKey, now: number): Canvas {
  return updateAnyCheck(canvas, key, now, (check) => (check.resolvedAt === null ? null : { resolvedAt: null }));
}

export const isOpenConcern = (check: CheckState) => check.status === 'concern' && check.resolvedAt === null;

/** Every ethics check in canvas order: step by step, lens by lens. */
export function checksInOrder(canvas: Canvas): EthicsCheck[] {
  return STEP_IDS.flatMap((step) => LENS_IDS.map((lens) => canvas.checks[checkKey(step, lens)]));
}

export function checksForStep(canvas: Canvas, step: StepId): EthicsCheck[] {
  return LENS_IDS.map((lens) => canvas.checks[checkKey(step, lens)]);
}

/** The governance checks under a step (only Insight and Enablers have any), in their set order. */
export function governanceForStep(canvas: Canvas, step: StepId): GovernanceCheck[] {
  return governanceIdsForStep(step).map((id) => canvas.governance[id]);
}

/** How far a step's checks have got: what its check summaries say, on the board and in the step view. */
export interface StepCheckCounts {
  /** Ethics checks discussed, of the five lenses. */
  discussed: number;
  /** Open concerns at this step, ethics and governance checks alike. */
  concerns: number;
  governanceDiscussed: number;
  governanceConcerns: number;
}

export function stepCheckCounts(canvas: Canvas, step: StepId): StepCheckCounts {
  const checks = checksForStep(canvas, step);
  const governance = governanceForStep(canvas, step);
  const discussed = (list: CheckState[]) => list.filter((check) => check.status !== 'not-discussed').length;
  return {
    discussed: discussed(checks),
    concerns: [...checks, ...governance].filter(isOpenConcern).length,
    governanceDiscussed: discussed(governance),
    governanceConcerns: governance.filter(isOpenConcern).length,
  };
}

/** Ethics checks with an open (unresolved) concern, in canvas order. */
export function openConcerns(canvas: Canvas): EthicsCheck[] {
  return checksInOrder(canvas).filter(isOpenConcern);
}

export function undiscussedChecks(canvas: Canvas): EthicsCheck[] {
  return checksInOrder(canvas).filter((check) => check.status === 'not-discussed');
}

/** One check of either kind, with its key and step, for the concerns roll-up and the action log. */
export type CheckEntry =
  | { kind: 'ethics'; key: AnyCheckKey; step: StepId; lens: LensId; check: EthicsCheck }
  | { kind: 'governance'; key: AnyCheckKey; step: StepId; id: GovernanceId; check: GovernanceCheck };

/** Every check of both kinds in canvas order: step by step, the five lenses then that step's governance checks. */
export function allChecks(canvas: Canvas): CheckEntry[] {
  return STEP_IDS.flatMap((step): CheckEntry[] => [
    ...checksForStep(canvas, step).map((check) => ({
      kind: 'ethics' as const,
      key: checkKey(step, check.lens),
      step,
      lens: check.lens,
      check,
    })),
    ...governanceForStep(canvas, step).map((check) => ({
      kind: 'governance' as const,
      key: governanceKey(check.id),
      step,
      id: check.id,
      check,
    })),
  ]);
}

/** Open concerns of both kinds, in canvas order: the concerns roll-up. */
export function openConcernEntries(canvas: Canvas): CheckEntry[] {
  return allChecks(canvas).filter((entry) => isOpenConcern(entry.check));
}

/** Concerns marked resolved, in canvas order. */
export function resolvedConcernEntries(canvas: Canvas): CheckEntry[] {
  return allChecks(canvas).filter((entry) => entry.check.status === 'concern' && entry.check.resolvedAt !== null);
}

export interface CanvasProgress {
  stepsWithContent: number;
  stepCount: number;
  /** Ethics checks (step by lens) discussed, of `checkCount`. */
  checksDiscussed: number;
  checkCount: number;
  governanceDiscussed: number;
  governanceCount: number;
  /** Open (unresolved) concerns of both kinds. */
  openConcerns: number;
  /** Cards on the board and in the parking lot. */
  cardCount: number;
  parkedCount: number;
  openActionItems: number;
}

export function canvasProgress(canvas: Canvas): CanvasProgress {
  const checks = checksInOrder(canvas);
  const governance = GOVERNANCE_IDS.map((id) => canvas.governance[id]);
  let openActionItems = 0;
  for (const item of Object.values(canvas.actionItems)) if (item.deletedAt === null && item.status === 'open') openActionItems++;
  return {
    stepsWithContent: stepsWithContent(canvas).length,
    stepCount: STEP_IDS.length,
    checksDiscussed: checks.filter((check) => check.status !== 'not-discussed').length,
    checkCount: checks.length,
    governanceDiscussed: governance.filter((check) => check.status !== 'not-discussed').length,
    governanceCount: governance.length,
    openConcerns: [...checks, ...governance].filter(isOpenConcern).length,
    cardCount: countLiveCards(canvas),
    parkedCount: parkedCards(canvas).length,
    openActionItems,
  };
}

// ---- Copies -------------------------------------------------------------------------

/**
 * Gives a canvas's records new ids, rewriting every reference to them
 * (golden-thread links, data sets' insights). `cardIds` maps old card ids to
 * new ones; a card not in it keeps its id. Action items and data sets get
 * new ids from `newId` when given.
 */
export function remapIds(canvas: Canvas, cardIds: ReadonlyMap<string, string>, newId?: () => string): Canvas {
  const mapId = (id: string) => cardIds.get(id) ?? id;
  const cards = idMap(Object.values(canvas.cards).map((card): Card => ({ ...card, id: mapId(card.id), serves: card.serves.map(mapId) })));
  const actionItems = newId
    ? idMap(Object.values(canvas.actionItems).map((item): ActionItem => ({ ...item, id: newId() })))
    : canvas.actionItems;
  const datasets = idMap(
    Object.values(canvas.datasets).map((dataset): Dataset => ({
      ...dataset,
      id: newId ? newId() : dataset.id,
      usedBy: dataset.usedBy.map(mapId),
    })),
  );
  return { ...canvas, cards, actionItems, datasets };
}

/**
 * A copy with a new id and new ids for every record, links rewired.
 * Deleted cards, action items and data sets are left behind, and the timer
 * starts again: a copy starts clean.
 */
export function duplicateCanvas(canvas: Canvas, newId: string, newRecordId: () => string, now: number, title: string): Canvas {
  const live = <T extends { deletedAt: number | null }>(map: IdMap<T>) =>
    idMap(Object.values(map).filter((record) => record.deletedAt === null) as (T & { id: string })[]);
  const kept: Canvas = { ...canvas, cards: live(canvas.cards), actionItems: live(canvas.actionItems), datasets: live(canvas.datasets) };
  const cardIds = new Map(Object.keys(kept.cards).map((id) => [id, newRecordId()]));
  const copy = remapIds(kept, cardIds, newRecordId);
  const stamp = <T extends { createdAt: number; updatedAt: number }>(map: IdMap<T>) =>
    idMap(Object.values(map).map((record) => ({ ...record, createdAt: now, updatedAt: now })) as (T & { id: string })[]);
  const checks = { ...canvas.checks };
  for (const key of Object.keys(checks) as (keyof typeof checks)[]) checks[key] = { ...checks[key], updatedAt: now };
  const governance = { ...canvas.governance };
  for (const id of GOVERNANCE_IDS) governance[id] = { ...governance[id], updatedAt: now };
  return {
    ...copy,
    id: newId,
    title,
    cards: stamp(copy.cards),
    actionItems: stamp(copy.actionItems),
    datasets: stamp(copy.datasets),
    checks,
    governance,
    timer: stoppedTimer(),
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}

const COPY_SUFFIX = ' (copy)';

/** "Title (copy)", shortening the title if needed so the suffix always fits and the copy never has the original's name. */
export function copyName(name: string, max: number, whenEmpty = 'Untitled canvas'): string {
  const base = name.trim() || whenEmpty;
  return `${clampText(base, max - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`;
}

export function copyTitle(title: string): string {
  return copyName(title, LIMITS.titleLength);
}
