/**
 * The board's words that both of its renderers say: the live board (React) and its first paint
 * (`boardPicture.ts`, plain DOM, drawn before React has loaded). One place for each sentence, so
 * the picture cannot drift from what replaces it; plain TypeScript, so the first paint loads no React.
 */
import type { StepCheckCounts } from '../../domain/canvas';
import { STEP_GUIDANCE } from '../../domain/stepGuidance';
import { CARD_COLOUR_LABELS, type Card, LENS_IDS, type StepId } from '../../domain/model';

/** The summary of a step's five ethics checks (the heading, or the folded checks' summary on the board). */
export function ethicsChecksSummary(step: StepId, { discussed, concerns, governanceConcerns }: StepCheckCounts): string {
  const ethicsConcerns = concerns - governanceConcerns;
  return `Ethics checks for ${STEP_GUIDANCE[step].title}: ${discussed} of ${LENS_IDS.length} discussed${ethicsConcerns ? `, ${ethicsConcerns} ${ethicsConcerns === 1 ? 'concern' : 'concerns'}` : ''}`;
}

/** The summary of a step's "Before this goes live" checks (Insight and Enablers). */
export function governanceChecksSummary(step: StepId, total: number, { governanceDiscussed, governanceConcerns }: StepCheckCounts): string {
  return `Before this goes live, ${STEP_GUIDANCE[step].title}: ${governanceDiscussed} of ${total} discussed${governanceConcerns ? `, ${governanceConcerns} ${governanceConcerns === 1 ? 'concern' : 'concerns'}` : ''}`;
}

/** A card's name by its place, as its actions and text box are labelled: "card 2 in Action". */
export const cardName = (index: number, step: StepId) => `card ${index + 1} in ${STEP_GUIDANCE[step].title}`;

/** A card's description for screen readers: its place, colour and marks. One string: one text node per card. */
export function cardDescription(card: Card, index: number, step: StepId): string {
  return `Card ${index + 1} in ${STEP_GUIDANCE[step].title}, ${CARD_COLOUR_LABELS[card.colour]}${card.votes > 0 ? `, ${card.votes} ${card.votes === 1 ? 'vote' : 'votes'}` : ''}${card.agreed ? ', agreed' : ''}${card.example ? ', an example from the template' : ''}.`;
}

export const votesMark = (votes: number) => `${votes} ${votes === 1 ? 'vote' : 'votes'}`;

/** How many of a linked card's links are named on it; the rest are counted. */
export const THREAD_NAMES_SHOWN = 3;

/** The examples banner's sentence, while a canvas still holds example cards from its template. */
export function examplesSentence(count: number): string {
  return `${count} ${count === 1 ? 'card is an example' : 'cards are examples'} from the template, marked “Example”. Keep any you want (the card’s menu: “Keep as our own card”), then remove the rest.`;
}

/** The canvas's views, in the toolbar's order; the path after `/canvas/<id>/` (for the step view, the step follows). */
export const CANVAS_VIEW_LINKS: readonly {
  view: string;
  path: string;
  label: (options: { concerns: number; participant: boolean }) => string;
}[] = [
  { view: 'step', path: 'step', label: () => 'Step by step' },
  { view: 'board', path: 'board', label: () => 'Whole board' },
  // A participant gets the parking lot and the action log there, not the facilitator's agenda, timer and details.
  { view: 'workshop', path: 'workshop', label: ({ participant }) => (participant ? 'Parking lot and actions' : 'Workshop') },
  { view: 'wrap-up', path: 'wrap-up', label: () => 'Wrap-up' },
  { view: 'concerns', path: 'concerns', label: ({ concerns }) => `Open concerns (${concerns})` },
  { view: 'thread', path: 'thread', label: () => 'Golden thread' },
  { view: 'export', path: 'export', label: () => 'Export' },
  { view: 'print', path: 'print', label: () => 'Print' },
  { view: 'save-template', path: 'save-template', label: () => 'Save as template' },
  { view: 'history', path: 'history', label: () => 'History' },
];
