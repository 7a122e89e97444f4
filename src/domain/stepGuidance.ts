/**
 * The four steps' guidance: title, summary, LOTI's question, prompts and a card's placeholder, as
 * the board and the step view show them. Part of the guidance content (`guidance.ts`, which
 * re-exports it, says where its words come from), in a module of its own so the board painted
 * before the app loads (`features/canvas/boardPicture.ts`) shows it without loading the lenses',
 * checks' and lessons' texts.
 */
import { LOTI_EVIDENCE } from './lotiEvidence';
import type { StepId } from './model';
import { SOURCES, type SourceId } from './sources';

export interface StepPrompt {
  text: string;
  /** Set when the prompt quotes a source word for word: shown in quotation marks, with the source named. */
  quotedFrom?: SourceId;
}

export interface StepGuidance {
  id: StepId;
  title: string;
  summary: string;
  /** LOTI's guiding question for the step, quoted word for word. */
  question: string;
  questionSource: string;
  prompts: readonly StepPrompt[];
  cardPlaceholder: string;
}

type LotiEvidenceId = keyof typeof LOTI_EVIDENCE;
const said = (id: LotiEvidenceId): string => LOTI_EVIDENCE[id].says[0];
const quoted = (id: LotiEvidenceId): StepPrompt => ({ text: said(id), quotedFrom: LOTI_EVIDENCE[id].source });

export const STEP_GUIDANCE: Record<StepId, StepGuidance> = {
  outcome: {
    id: 'outcome',
    title: 'Outcome',
    summary: 'Name who should be better off, and how, before thinking about data.',
    question: said('loti-outcome-question'),
    questionSource: SOURCES.loti.cite,
    prompts: [
      { text: 'Be specific: which person or group of people do we mean?' },
      quoted('loti-outcome-world'),
      { text: 'How would we know that the change has happened?' },
    ],
    cardPlaceholder: 'e.g. Care leavers aged 18 to 21 keep a stable home for their first year',
  },
  action: {
    id: 'action',
    title: 'Action',
    summary: 'Work out who could act differently, and what they would do.',
    question: said('loti-action-question'),
    questionSource: SOURCES.loti.cite,
    prompts: [
      { text: 'Who, by role, could act differently? Name a role, not an organisation.' },
      quoted('loti-intervention'),
      { text: 'Which decision would they make differently with better information?' },
    ],
    cardPlaceholder: 'e.g. Housing officers contact tenants at risk of eviction earlier',
  },
  insight: {
    id: 'insight',
    title: 'Insight',
    summary: 'Describe the data product someone needs to see in order to act, and the data behind it.',
    question: said('loti-insight-question'),
    questionSource: SOURCES.loti.cite,
    prompts: [
      { text: 'What exactly must be on the screen for the action to happen?' },
      quoted('loti-insight-data'),
      { text: said('loti-data-needs') },
      quoted('loti-bias-question'),
    ],
    cardPlaceholder: 'e.g. A weekly map of rough sleeping reports by ward',
  },
  enablers: {
    id: 'enablers',
    title: 'Enablers',
    summary: 'Identify what else must change, beyond the data, for the outcome to happen.',
    question: said('loti-enablers-question'),
    questionSource: SOURCES.loti.cite,
    prompts: [
      { text: said('loti-what-else') },
      { text: 'Is there money for the action itself, not only for the data product?' },
      { text: 'Take a systems view: which wider inequalities also need tackling?' },
    ],
    cardPlaceholder: 'e.g. Funded caseworker time to follow up every referral',
  },
};
