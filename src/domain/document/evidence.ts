/**
 * What the canvas holds that can stand as evidence in a governance draft
 * (the algorithm register record, the Data Ethics Framework self-assessment):
 * cards quoted as the team wrote them, and checks with their status and
 * notes. Only what was recorded: nothing inferred, nothing scored.
 */
import { type CheckEntry, allChecks } from '../canvas';
import { type Canvas, type CheckKey, type GovernanceKey, type StepId, CHECK_STATUS_LABELS } from '../model';
import { agreedCards, cardsInStep } from '../cards';
import { RESOLVED_LABEL } from '../markdown/format';
import { normaliseText } from '../text';
import { checkLabel } from './canvasDocument';
import { type ListItem, item, marks, strong, text } from './model';

/** A check the team has said something about: a status other than "not yet discussed", or notes. */
export const isRecorded = (entry: CheckEntry) => entry.check.status !== 'not-discussed' || entry.check.notes.trim() !== '';

export function checkEntries(canvas: Canvas, keys: readonly (CheckKey | GovernanceKey)[]): CheckEntry[] {
  const all = allChecks(canvas);
  return keys.map((key) => all.find((entry) => entry.key === key)).filter((entry): entry is CheckEntry => !!entry);
}

export function statusLabel(entry: CheckEntry): string {
  return entry.check.status === 'concern' && entry.check.resolvedAt !== null ? RESOLVED_LABEL : CHECK_STATUS_LABELS[entry.check.status];
}

/** "Insight, Lawful basis (Discussed, no concern): notes", or "… : no notes". */
export function checkEvidence(entry: CheckEntry): ListItem {
  const notes = normaliseText(entry.check.notes).trim();
  const resolution = normaliseText(entry.check.resolution).trim();
  return item(
    strong(`${checkLabel(entry.key)} (${statusLabel(entry)}):`),
    text(` ${notes || 'no notes recorded.'}`),
    ...(entry.check.resolvedAt !== null && resolution ? [text(` Resolved: ${resolution}`)] : []),
  );
}

/** The cards of a step as the team wrote them, agreed ones first and marked; a template's examples are not the team's, so left out. */
export function cardEvidence(canvas: Canvas, step: StepId): ListItem[] {
  const agreed = new Set(agreedCards(canvas, step).map((card) => card.id));
  const cards = cardsInStep(canvas, step).filter((card) => !card.example && normaliseText(card.text).trim() !== '');
  const ordered = [...cards.filter((card) => agreed.has(card.id)), ...cards.filter((card) => !agreed.has(card.id))];
  return ordered.map((card) => ({
    content: [text(normaliseText(card.text).trim()), ...marks(agreed.has(card.id) ? ['Agreed'] : [])],
  }));
}
