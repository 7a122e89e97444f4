/**
 * The golden thread (issue 10 §3): every Insight should serve an Action,
 * every Action an Outcome, and every Enabler something on the canvas.
 * A card's `serves` holds the ids of the cards it serves. Links are made
 * only in the directions below, never to the card itself, and never so
 * that the thread loops back on itself. A link survives moves; one whose
 * direction no longer fits after a move is reported (`misfitLinks`), not
 * dropped. Links to deleted or parked cards are kept but ignored while the
 * card is deleted or parked.
 */
import { byOrder, cardsInStep, isOnBoard, liveCard } from './cardQueries';
import { recordOf, withRecords } from './idMap';
import { type Canvas, type Card, type Refusal, type StepId, LIMITS, STEP_IDS, refuse } from './model';

/** Which steps a card in each step may serve. */
export const SERVES: Record<StepId, readonly StepId[]> = {
  outcome: [],
  action: ['outcome'],
  insight: ['action'],
  enablers: ['outcome', 'action', 'insight'],
};

export const mayServe = (from: StepId, to: StepId) => SERVES[from].includes(to);

/** One card's step, as the messages name it. */
const CARD_OF_STEP: Record<StepId, string> = { outcome: 'Outcome', action: 'Action', insight: 'Insight', enablers: 'Enabler' };
const stepName = (step: StepId) => CARD_OF_STEP[step];
const article = (step: StepId) => (/^[AEIOU]/.test(stepName(step)) ? 'an' : 'a');

/** Why `fromId` may not serve `toId`, or null when the link is allowed. */
export function linkRefusal(canvas: Canvas, fromId: string, toId: string): Refusal | null {
  const from = liveCard(canvas, fromId);
  const to = liveCard(canvas, toId);
  if (!from || !to) return refuse('That card is no longer on the canvas.');
  if (from.id === to.id) return refuse('A card cannot serve itself.');
  if (from.parkedAt !== null || to.parkedAt !== null) return refuse('Bring the card back from the parking lot before linking it.');
  if (!mayServe(from.step, to.step)) {
    if (from.step === 'outcome') return refuse('An Outcome is what everything else serves: it does not serve another card.');
    const allowed = SERVES[from.step].map(stepName);
    const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : allowed[0];
    return refuse(
      `${article(from.step) === 'an' ? 'An' : 'A'} ${stepName(from.step)} card serves ${article(SERVES[from.step][0]!)} ${list} card, not ${article(to.step)} ${stepName(to.step)} card.`,
    );
  }
  if (from.serves.includes(to.id)) return null;
  if (from.serves.length >= LIMITS.linksPerCard) return refuse(`A card can serve at most ${LIMITS.linksPerCard} other cards.`);
  if (reaches(canvas, to.id, from.id)) return refuse('That link would make the thread loop back on itself.');
  return null;
}

/** True when following `serves` links from `startId` arrives at `targetId`. */
function reaches(canvas: Canvas, startId: string, targetId: string): boolean {
  const seen = new Set<string>();
  const stack = [startId];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === targetId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    const card = recordOf(canvas.cards, id);
    if (card) stack.push(...card.serves);
  }
  return false;
}

/** Links `fromId` to serve `toId`. Already linked: the same canvas. */
export function linkCards(canvas: Canvas, fromId: string, toId: string, now: number): Canvas | Refusal {
  const refusal = linkRefusal(canvas, fromId, toId);
  if (refusal) return refusal;
  const from = recordOf(canvas.cards, fromId)!;
  if (from.serves.includes(toId)) return canvas;
  return { ...canvas, cards: withRecords(canvas.cards, [{ ...from, serves: [...from.serves, toId], updatedAt: now }]), updatedAt: now };
}

export function unlinkCards(canvas: Canvas, fromId: string, toId: string, now: number): Canvas {
  const from = recordOf(canvas.cards, fromId);
  if (!from || !from.serves.includes(toId)) return canvas;
  const serves = from.serves.filter((id) => id !== toId);
  return { ...canvas, cards: withRecords(canvas.cards, [{ ...from, serves, updatedAt: now }]), updatedAt: now };
}

/** The cards a card may be linked to now (for a "Serves…" menu), in canvas order, with whether each is linked. */
export function linkCandidates(canvas: Canvas, fromId: string): { card: Card; linked: boolean }[] {
  const from = liveCard(canvas, fromId);
  if (!from || from.parkedAt !== null) return [];
  return SERVES[from.step].flatMap((step) =>
    cardsInStep(canvas, step)
      .filter((card) => from.serves.includes(card.id) || linkRefusal(canvas, fromId, card.id) === null)
      .map((card) => ({ card, linked: from.serves.includes(card.id) })),
  );
}

/** The cards on the board that this card serves (links to deleted or parked cards left out). */
export function servedCards(canvas: Canvas, card: Card): Card[] {
  return card.serves.map((id) => recordOf(canvas.cards, id)).filter((other): other is Card => !!other && isOnBoard(other));
}

/** One card's place in the golden thread: the cards on the board it serves, and those that serve it (ids, in canvas order). */
export interface CardLinks {
  serves: string[];
  servedBy: string[];
}

/** Every linked card's place in the thread, worked out in one pass over the board (cards without links are absent). */
export function threadLinks(canvas: Canvas): Map<string, CardLinks> {
  const index = new Map<string, CardLinks>();
  const entry = (id: string) => index.get(id) ?? index.set(id, { serves: [], servedBy: [] }).get(id)!;
  for (const step of STEP_IDS) {
    for (const card of cardsInStep(canvas, step)) {
      for (const target of servedCards(canvas, card)) {
        entry(card.id).serves.push(target.id);
        entry(target.id).servedBy.push(card.id);
      }
    }
  }
  return index;
}

/** A card as a link names it: the start of its text on one line, "an empty card" when it has none. */
export function shortText(text: string, length: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return 'an empty card';
  return line.length > length ? `${line.slice(0, length - 1).replace(/[\s,;:.]+$/, '')}…` : line;
}

/** The cards on the board that serve this card, in canvas order. */
export function servingCards(canvas: Canvas, id: string): Card[] {
  return boardCards(canvas).filter((card) => card.serves.includes(id));
}

function boardCards(canvas: Canvas): Card[] {
  return STEP_IDS.flatMap((step) => cardsInStep(canvas, step));
}

export interface ThreadNode {
  card: Card;
  /** The cards that serve this one, each with its own thread. */
  servedBy: ThreadNode[];
  /** The card's thread was already shown higher up: not expanded again here ("as above"). */
  repeat: boolean;
}

/**
 * The thread as a tree from each outcome down: the actions serving it, the
 * insights serving those, and the enablers serving any of them. A card that
 * serves two cards appears under both, but its own thread is expanded only
 * the first time (later ones have `repeat`), so the tree never grows beyond
 * the number of links. Links that no longer fit the step rule are left out
 * of the tree (see `misfitLinks`).
 */
export function threadTree(canvas: Canvas): ThreadNode[] {
  const servers = new Map<string, Card[]>();
  for (const card of boardCards(canvas)) {
    for (const target of servedCards(canvas, card)) {
      if (!mayServe(card.step, target.step)) continue;
      const list = servers.get(target.id) ?? [];
      list.push(card);
      servers.set(target.id, list);
    }
  }
  const expanded = new Set<string>();
  const grow = (card: Card): ThreadNode => {
    if (expanded.has(card.id)) return { card, servedBy: [], repeat: (servers.get(card.id) ?? []).length > 0 };
    expanded.add(card.id);
    const children = (servers.get(card.id) ?? []).sort((a, b) => STEP_IDS.indexOf(a.step) - STEP_IDS.indexOf(b.step) || byOrder(a, b));
    return { card, servedBy: children.map(grow), repeat: false };
  };
  return cardsInStep(canvas, 'outcome').map(grow);
}

export interface LooseEnds {
  /** Outcomes no action serves: nobody acts on them yet. */
  outcomesWithoutAction: Card[];
  /** Actions that serve no outcome. */
  actionsWithoutOutcome: Card[];
  /** Insights that serve no action. */
  insightsWithoutAction: Card[];
  /** Enablers that serve nothing on the canvas. */
  enablersServingNothing: Card[];
}

/** What is loose in the thread (cards on the board only; links that no longer fit do not count). */
export function looseEnds(canvas: Canvas): LooseEnds {
  const fits = (card: Card, targetStep: StepId) =>
    servedCards(canvas, card).some((target) => target.step === targetStep && mayServe(card.step, target.step));
  const served = new Set<string>();
  for (const card of cardsInStep(canvas, 'action'))
    for (const target of servedCards(canvas, card)) if (target.step === 'outcome') served.add(target.id);
  return {
    outcomesWithoutAction: cardsInStep(canvas, 'outcome').filter((card) => !served.has(card.id)),
    actionsWithoutOutcome: cardsInStep(canvas, 'action').filter((card) => !fits(card, 'outcome')),
    insightsWithoutAction: cardsInStep(canvas, 'insight').filter((card) => !fits(card, 'action')),
    enablersServingNothing: cardsInStep(canvas, 'enablers').filter(
      (card) => !servedCards(canvas, card).some((target) => mayServe('enablers', target.step)),
    ),
  };
}

export function countLooseEnds(loose: LooseEnds): number {
  return (
    loose.outcomesWithoutAction.length +
    loose.actionsWithoutOutcome.length +
    loose.insightsWithoutAction.length +
    loose.enablersServingNothing.length
  );
}

/** A link whose direction no longer fits the step rule, usually after one of its cards was moved. */
export interface MisfitLink {
  from: Card;
  to: Card;
}

export function misfitLinks(canvas: Canvas): MisfitLink[] {
  return boardCards(canvas).flatMap((from) =>
    servedCards(canvas, from)
      .filter((to) => !mayServe(from.step, to.step))
      .map((to) => ({ from, to })),
  );
}

/** True when any card on the board serves another. */
export function hasThread(canvas: Canvas): boolean {
  return boardCards(canvas).some((card) => servedCards(canvas, card).length > 0);
}
