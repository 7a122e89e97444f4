/**
 * What a participant's device could not keep, in plain words: after the
 * server refused its changes (the facilitator took a permission away while
 * it was offline), the device re-applies what is still allowed and says what
 * it left out, and why, e.g. "Your deletion of “Fewer evictions” was not
 * kept: the facilitator no longer allows participants to delete cards."
 * Pure: no Yjs, no network.
 */
import { recordOf } from '../domain/idMap';
import type { Canvas } from '../domain/model';
import type { Refused } from './binding';
import { CANVAS_RULES, fieldRule } from './permissions';
import { PERMISSIONS, isPermission } from './protocol';

/** Sentences beyond this many are summed up in one. */
const MOST_SENTENCES = 3;
const QUOTED_LENGTH = 40;

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** “The text”, shortened to one line. */
function quoted(text: string, empty: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return empty;
  return `“${line.length > QUOTED_LENGTH ? `${line.slice(0, QUOTED_LENGTH - 1).trimEnd()}…` : line}”`;
}

/** What the person tried to do, e.g. "Your deletion of “Fewer evictions”". */
function whatWasTried({ root, id, field }: Refused, wanted: Canvas): string {
  if (root === 'cards') {
    const card = id === null ? undefined : recordOf(wanted.cards, id);
    const name = quoted(card?.text ?? '', 'a card with no text');
    if (field === 'create') return `Your new card ${name}`;
    if (field === 'deletedAt') return card?.deletedAt === null ? `The return of ${name}` : `Your deletion of ${name}`;
    if (field === 'step' || field === 'order' || field === 'parkedAt') return `Your move of ${name}`;
    if (field === 'agreed') return `Your marking of ${name} as agreed`;
    if (field === 'votes') return `Your change to the votes on ${name}`;
    return `Your change to ${name}`;
  }
  if (root === 'checks') {
    const [step, lens] = (id ?? '').split(':');
    if (step === 'governance' || !step || !lens) return 'Your change to a “before this goes live” check';
    return `Your change to the ${capital(lens)} check at ${capital(step)}`;
  }
  if (root === 'actionItems') {
    const item = id === null ? undefined : recordOf(wanted.actionItems, id);
    const name = quoted(item?.text ?? '', 'an action with no text');
    return field === 'create' ? `Your new action ${name}` : `Your change to the action ${name}`;
  }
  if (root === 'datasets') return 'Your change to the data inventory';
  if (root === 'facilitation') return 'Your change to the planned minutes';
  if (root === 'meta' && ['title', 'description', 'workshop'].includes(field)) return 'Your change to the canvas details';
  return 'Your change to the canvas';
}

/** Why it was not kept, e.g. "the facilitator no longer allows participants to delete cards". */
function why({ root, field }: Refused): string {
  const rule = field === 'create' ? CANVAS_RULES[root]?.create : fieldRule(root, field);
  return rule && isPermission(rule)
    ? `the facilitator no longer allows participants to ${lowerFirst(PERMISSIONS[rule])}`
    : 'only the facilitator can change this';
}

/** "2 of your dots were not kept: each person now has 3." ('' when none were left out.) */
export function dotsNotKeptMessage(leftOut: number, perPerson: number): string {
  if (leftOut === 0) return '';
  return `${leftOut === 1 ? '1 of your dots was' : `${leftOut} of your dots were`} not kept: each person now has ${perPerson}.`;
}

/**
 * One sentence per change left out (the same sentence once), at most a few,
 * then how many more; '' when nothing was left out.
 */
export function notKeptMessage(refused: readonly Refused[], wanted: Canvas): string {
  const sentences = [...new Set(refused.map((one) => `${whatWasTried(one, wanted)} was not kept: ${why(one)}.`))];
  if (sentences.length <= MOST_SENTENCES) return sentences.join(' ');
  const more = sentences.length - MOST_SENTENCES;
  return [
    ...sentences.slice(0, MOST_SENTENCES),
    more === 1 ? '1 other change was not kept either.' : `${more} other changes were not kept either.`,
  ].join(' ');
}
