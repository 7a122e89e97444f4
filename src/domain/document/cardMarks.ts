import type { CardContent } from '../content';
import { STEP_GUIDANCE } from '../guidance';
import type { StepId } from '../model';

/**
 * The labels after a card's text: "Parked from Outcome", "Agreed", "3
 * votes", "Example from LOTI, …". The canvas Markdown file writes the same
 * labels after a card, so both read alike.
 */
export function cardMarks(card: Pick<CardContent, 'agreed' | 'votes' | 'example' | 'source'>, parkedFrom: StepId | null): string[] {
  const labels: string[] = [];
  if (parkedFrom) labels.push(`Parked from ${STEP_GUIDANCE[parkedFrom].title}`);
  if (card.agreed) labels.push('Agreed');
  if (card.votes) labels.push(`${card.votes} ${card.votes === 1 ? 'vote' : 'votes'}`);
  if (card.example) labels.push(card.source ? `Example from ${card.source}` : 'Example');
  else if (card.source) labels.push(`From ${card.source}`);
  return labels;
}
