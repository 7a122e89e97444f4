/**
 * The wrap-up: a closing view for the last ten minutes of a workshop. Per
 * step: its cards, the agreed ones, how many checks were discussed and the
 * open concerns; then the parking lot, the action log, and what is still
 * missing before the canvas is ready to take forward.
 */
import { actionItemFlags, actionItemsForConcern, actionItemsInOrder } from './actionLog';
import { type CheckEntry, allChecks, isOpenConcern } from './canvas';
import { agreedCards, cardsInStep, parkedCards } from './cards';
import { datasetGaps, datasetsInOrder } from './dataInventory';
import { localDateString } from './dates';
import { type ActionItem, type Canvas, type Card, type Dataset, type StepId, STEP_IDS } from './model';
import { type LooseEnds, looseEnds, misfitLinks } from './thread';

export interface StepWrapUp {
  step: StepId;
  cards: Card[];
  agreed: Card[];
  /** Ethics and governance checks under the step with a status other than "not yet discussed". */
  checksDiscussed: number;
  checkCount: number;
  /** Of those, not yet discussed, by kind (the document lists the ethics ones; its governance tables, their own). */
  undiscussed: { ethics: number; governance: number };
  openConcerns: CheckEntry[];
}

export type MissingKind =
  | 'no-cards'
  | 'none-agreed'
  | 'checks-not-discussed'
  | 'concern-without-action'
  | 'loose-ends'
  | 'misfit-links'
  | 'dataset-gaps'
  | 'action-without-owner'
  | 'action-overdue';

/** One thing still missing, in a sentence; `step` when it belongs to one. */
export interface MissingItem {
  kind: MissingKind;
  step: StepId | null;
  message: string;
}

export interface WrapUp {
  steps: StepWrapUp[];
  parkingLot: Card[];
  actionLog: { open: ActionItem[]; done: ActionItem[] };
  datasets: Dataset[];
  looseEnds: LooseEnds;
  missing: MissingItem[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const STEP_NAMES: Record<StepId, string> = { outcome: 'Outcome', action: 'Action', insight: 'Insight', enablers: 'Enablers' };

export function wrapUp(canvas: Canvas, now: number): WrapUp {
  const checks = allChecks(canvas);
  const steps = STEP_IDS.map((step): StepWrapUp => {
    const stepChecks = checks.filter((entry) => entry.step === step);
    const undiscussed = stepChecks.filter((entry) => entry.check.status === 'not-discussed');
    return {
      step,
      cards: cardsInStep(canvas, step),
      agreed: agreedCards(canvas, step),
      checksDiscussed: stepChecks.length - undiscussed.length,
      checkCount: stepChecks.length,
      undiscussed: {
        ethics: undiscussed.filter((entry) => entry.kind === 'ethics').length,
        governance: undiscussed.filter((entry) => entry.kind === 'governance').length,
      },
      openConcerns: stepChecks.filter((entry) => isOpenConcern(entry.check)),
    };
  });
  const items = actionItemsInOrder(canvas);
  const loose = looseEnds(canvas);
  const datasets = datasetsInOrder(canvas);
  return {
    steps,
    parkingLot: parkedCards(canvas),
    actionLog: { open: items.filter((item) => item.status === 'open'), done: items.filter((item) => item.status === 'done') },
    datasets,
    looseEnds: loose,
    missing: missingItems(canvas, steps, items, loose, datasets, localDateString(now)),
  };
}

function missingItems(
  canvas: Canvas,
  steps: StepWrapUp[],
  items: ActionItem[],
  loose: LooseEnds,
  datasets: Dataset[],
  today: string,
): MissingItem[] {
  const missing: MissingItem[] = [];
  const add = (kind: MissingKind, step: StepId | null, message: string) => missing.push({ kind, step, message });
  for (const summary of steps) {
    const name = STEP_NAMES[summary.step];
    if (!summary.cards.length) add('no-cards', summary.step, `${name}: no cards yet.`);
    else if (!summary.agreed.length) add('none-agreed', summary.step, `${name}: no card agreed yet.`);
    const { ethics, governance } = summary.undiscussed;
    const left = [ethics && plural(ethics, 'ethics check'), governance && plural(governance, '“before this goes live” check')].filter(
      Boolean,
    );
    if (left.length) add('checks-not-discussed', summary.step, `${name}: ${left.join(' and ')} not yet discussed.`);
    const unanswered = summary.openConcerns.filter((entry) => actionItemsForConcern(canvas, entry.key).length === 0);
    if (unanswered.length)
      add('concern-without-action', summary.step, `${name}: ${plural(unanswered.length, 'open concern')} with no action yet.`);
  }
  const threadParts = [
    loose.outcomesWithoutAction.length && `${plural(loose.outcomesWithoutAction.length, 'outcome')} nobody acts on`,
    loose.actionsWithoutOutcome.length && `${plural(loose.actionsWithoutOutcome.length, 'action')} serving no outcome`,
    loose.insightsWithoutAction.length && `${plural(loose.insightsWithoutAction.length, 'insight')} serving no action`,
    loose.enablersServingNothing.length && `${plural(loose.enablersServingNothing.length, 'enabler')} serving nothing`,
  ].filter(Boolean);
  if (threadParts.length) add('loose-ends', null, `Golden thread: ${threadParts.join(', ')}.`);
  const misfits = misfitLinks(canvas).length;
  if (misfits) add('misfit-links', null, `Golden thread: ${plural(misfits, 'link')} no longer fitting the steps after a move.`);
  const gappy = datasets.filter((dataset) => datasetGaps(canvas, dataset).length > 0).length;
  if (gappy) add('dataset-gaps', 'insight', `Data inventory: ${plural(gappy, 'data set')} with gaps to close.`);
  const open = items.filter((item) => item.status === 'open');
  const noOwner = open.filter((item) => actionItemFlags(item, today).noOwner).length;
  if (noOwner) add('action-without-owner', null, `Action log: ${plural(noOwner, 'action')} with no owner yet.`);
  const overdue = open.filter((item) => actionItemFlags(item, today).overdue).length;
  if (overdue) add('action-overdue', null, `Action log: ${plural(overdue, 'action')} overdue.`);
  return missing;
}
