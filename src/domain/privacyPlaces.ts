/**
 * Where on a canvas the privacy check (privacy.ts) finds text that looks like
 * personal data about one person: every text field a team fills, each named
 * as a person would find it ("card 2 in Action", "notes on Trust for
 * Outcome"). Used after text arrives in bulk (an import, a restore, a
 * template) and by the canvas's "possible personal data" summary.
 *
 * Each text is checked once (`privacyWarningsIn` remembers it, shared with
 * the warnings under each field), so a keystroke re-checks one card's new
 * text, not the canvas.
 */
import { actionItemsInOrder } from './actionLog';
import { checkAt } from './canvas';
import { cardsInStep, isOnBoard } from './cards';
import { datasetsInOrder } from './dataInventory';
import { GOVERNANCE_IDS, GOVERNANCE_ITEMS } from './governanceKeys';
import { LENS_GUIDANCE, STEP_GUIDANCE } from './guidance';
import { type AnyCheckKey, type Canvas, LENS_IDS, STEP_IDS, checkKey, governanceKey, isLive } from './model';
import { type PrivacyWarning, privacyWarningsIn, prunePrivacyDismissed } from './privacy';

/** What holds the text, so the UI can take a person there. */
export type PrivacyPlaceTarget =
  | { kind: 'canvas' }
  | { kind: 'card'; id: string }
  | { kind: 'check'; key: AnyCheckKey }
  | { kind: 'dataset'; id: string }
  | { kind: 'action-item'; id: string }
  | { kind: 'facilitation' };

export interface PrivacyPlace {
  /** Stable within one canvas: the record and field. */
  key: string;
  /** Where it is, as a phrase that follows "in": "card 2 in Action". */
  label: string;
  target: PrivacyPlaceTarget;
  warnings: PrivacyWarning[];
}

/** Every warning for one field's text, dismissed or not (checked once per text: `privacyWarningsIn`). */
const warningsOf = (text: string): readonly PrivacyWarning[] => (text === '' ? [] : privacyWarningsIn(text));

/** The places on a canvas with privacy warnings not dismissed, in the order a person meets them. */
export function privacyPlaces(canvas: Canvas): PrivacyPlace[] {
  const dismissed = new Set(canvas.privacyDismissed);
  const places: PrivacyPlace[] = [];
  const add = (text: string, label: string, target: PrivacyPlaceTarget, key: string) => {
    const warnings = warningsOf(text).filter((warning) => !dismissed.has(warning.fingerprint));
    if (warnings.length > 0) places.push({ key, label, target, warnings });
  };

  /** A check's notes and, once it is resolved, how. */
  const addCheck = (key: AnyCheckKey, name: string) => {
    const check = checkAt(canvas, key);
    const target: PrivacyPlaceTarget = { kind: 'check', key };
    add(check.notes, `the notes on ${name}`, target, `check:${key}:notes`);
    add(check.resolution, `how the concern on ${name} was resolved`, target, `check:${key}:resolution`);
  };

  add(canvas.title, 'the canvas title', { kind: 'canvas' }, 'canvas:title');
  add(canvas.description, 'the canvas description', { kind: 'canvas' }, 'canvas:description');
  // Cards are found first and only a step with one is put in order, so a keystroke on a board of hundreds sorts nothing.
  const flagged = new Set(
    Object.values(canvas.cards).filter((card) => isLive(card) && warningsOf(card.text).some((w) => !dismissed.has(w.fingerprint))),
  );
  for (const step of STEP_IDS) {
    if (![...flagged].some((card) => card.step === step && isOnBoard(card))) continue;
    const title = STEP_GUIDANCE[step].title;
    cardsInStep(canvas, step).forEach((card, index) => {
      if (flagged.has(card)) add(card.text, `card ${index + 1} in ${title}`, { kind: 'card', id: card.id }, `card:${card.id}`);
    });
  }
  for (const card of flagged) {
    if (!isOnBoard(card)) add(card.text, 'a card in the parking lot', { kind: 'card', id: card.id }, `card:${card.id}`);
  }
  for (const step of STEP_IDS) {
    const stepTitle = STEP_GUIDANCE[step].title;
    add(canvas.facilitation[step].notes, `the facilitator notes for ${stepTitle}`, { kind: 'facilitation' }, `facilitation:${step}`);
    for (const lens of LENS_IDS) addCheck(checkKey(step, lens), `${LENS_GUIDANCE[lens].title} for ${stepTitle}`);
  }
  for (const id of GOVERNANCE_IDS) addCheck(governanceKey(id), `${GOVERNANCE_ITEMS[id].name} (before this goes live)`);
  datasetsInOrder(canvas).forEach((dataset, index) => {
    const name = `data set ${index + 1}${dataset.name.trim() ? ` (${dataset.name.trim()})` : ''}`;
    const target: PrivacyPlaceTarget = { kind: 'dataset', id: dataset.id };
    for (const [field, what] of DATASET_TEXT_FIELDS) add(dataset[field], `${what} of ${name}`, target, `dataset:${dataset.id}:${field}`);
  });
  actionItemsInOrder(canvas).forEach((item, index) => {
    const target: PrivacyPlaceTarget = { kind: 'action-item', id: item.id };
    add(item.text, `action ${index + 1} in the action log`, target, `action-item:${item.id}:text`);
    add(item.owner, `the owner of action ${index + 1} in the action log`, target, `action-item:${item.id}:owner`);
  });
  return places;
}

const DATASET_TEXT_FIELDS = [
  ['name', 'the name'],
  ['holder', 'who holds'],
  ['contents', 'what is in'],
  ['qualityProblems', 'the quality problems'],
  ['whoIsMissing', 'who is missing from'],
  ['retention', 'how long we keep'],
] as const;

/** "3 places: card 2 in Action, the notes on Trust for Outcome and 1 more": a sentence for a message after an import. */
export function describePrivacyPlaces(places: readonly PrivacyPlace[], shown = 3): string {
  const labels = places.slice(0, shown).map((place) => place.label);
  const more = places.length - labels.length;
  if (more > 0) labels.push(`${more} more`);
  const list = labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  return `${places.length} ${places.length === 1 ? 'place' : 'places'}: ${list}`;
}

/** Every text a canvas holds, deleted records' too (a backup carries them): what dismissals may refer to. */
export function* canvasTexts(canvas: Canvas): Generator<string> {
  yield canvas.title;
  yield canvas.description;
  for (const step of STEP_IDS) yield canvas.facilitation[step].notes;
  for (const card of Object.values(canvas.cards)) yield card.text;
  for (const check of [...Object.values(canvas.checks), ...Object.values(canvas.governance)]) {
    yield check.notes;
    yield check.resolution;
  }
  for (const dataset of Object.values(canvas.datasets)) for (const [field] of DATASET_TEXT_FIELDS) yield dataset[field];
  for (const item of Object.values(canvas.actionItems)) {
    yield item.text;
    yield item.owner;
  }
}

/**
 * The canvas's dismissals less those whose text is gone, for a file that
 * leaves the browser: a fingerprint of a short number can be reversed by
 * trying every value, so a file carries only those it needs.
 */
export function dismissalsToExport(canvas: Canvas): readonly string[] {
  return prunePrivacyDismissed(canvas.privacyDismissed, canvasTexts(canvas));
}
