import { EVIDENCE, type EvidenceId } from './evidence';
import type { StepId, LensId } from './model';

// The steps' guidance is in a module of its own (the board painted before the app loads shows it alone).
export { STEP_GUIDANCE, type StepGuidance, type StepPrompt } from './stepGuidance';

/**
 * Guidance content for the Outcome Canvas: the four steps, the five lenses,
 * the twenty ethics checks and LOTI's closing lessons.
 *
 * Sources (full references in sources.ts, copies in docs/sources/):
 * - LOTI (London Office of Technology & Innovation), "A Caveat on Data".
 *   Its questions and lessons are quoted word for word, and attributed.
 * - Edwards, Gillies, Gorin and Ducasse (2023), "Parents' views on
 *   administrative data linkage and analytics", University of Southampton.
 *
 * Anything this module attributes to a source comes from the evidence table
 * (evidence.ts), which the tests pin to the source's own sentences. All other
 * text, including every `whyItMatters`, is the app's own reasoning and names
 * no source.
 */

export interface LensGuidance {
  id: LensId;
  title: string;
  /** What the lens means in this app, where it is an ethics question (LOTI uses it of the data itself). */
  description: string;
}

export interface CheckGuidance {
  /** One question, specific to the step, that a room can answer with one status. */
  question: string;
  /** The app's own reasoning; never a claim about a source. */
  whyItMatters: string;
  /** What the sources say that bears on the question, from the evidence table. */
  evidence: readonly EvidenceId[];
}

export const LENS_GUIDANCE: Record<LensId, LensGuidance> = {
  trust: {
    id: 'trust',
    title: 'Trust',
    description: 'Whether the people affected believe the work is in their interest and will be done fairly.',
  },
  consent: {
    id: 'consent',
    title: 'Consent',
    description: 'Whether the people in the data agree to how it is used. An ethical question, separate from the legal basis for using it.',
  },
  power: {
    id: 'power',
    title: 'Power',
    description: 'Who decides, who benefits, who carries the risk, and whether the people affected can push back.',
  },
  transparency: {
    id: 'transparency',
    title: 'Transparency',
    description: 'How openly the work is explained, to the people it affects and to the public.',
  },
  inclusivity: {
    id: 'inclusivity',
    title: 'Inclusivity',
    description: 'Whether everyone the work concerns is counted, reached and heard.',
  },
};

/** Shown above the five checks at each step. */
export const CHECKS_INTRO = `${EVIDENCE['loti-not-neutral'].says[1]}. Before moving on, talk through each lens and record what the team decided.`;

export const CHECK_GUIDANCE: Record<StepId, Record<LensId, CheckGuidance>> = {
  outcome: {
    trust: {
      question: 'Would the people this outcome is for believe that helping them is the real purpose?',
      whyItMatters:
        'If people suspect another motive, such as cutting costs or watching families more closely, they will doubt every step that follows.',
      evidence: ['real-motive'],
    },
    consent: {
      question: 'If we asked the people this outcome is for, would they agree to their records being used to pursue it?',
      whyItMatters:
        'This asks whether people agree with the purpose. It is an ethical question, separate from the legal basis for using their data.',
      evidence: ['permission-60-66'],
    },
    power: {
      question: 'Did the people this outcome is for have a say in choosing it?',
      whyItMatters: 'An outcome chosen only inside the council can end up serving its own targets more than people’s lives.',
      evidence: [],
    },
    transparency: {
      question: 'Would we be comfortable publishing this outcome as the purpose of the data work?',
      whyItMatters: 'A purpose stated openly from the start is easier to explain later, and harder to drift from.',
      evidence: ['not-enough-information'],
    },
    inclusivity: {
      question: 'Could pursuing this outcome leave any group worse off?',
      whyItMatters: 'An average improvement across the borough can hide a group whose results get worse.',
      evidence: ['loti-specific-groups'],
    },
  },
  action: {
    trust: {
      question: 'Would people still come forward for help if they knew this action used linked data?',
      whyItMatters: 'An action that keeps people away from help works against the outcome it is meant to serve.',
      evidence: ['avoid-35-15'],
    },
    consent: {
      question: 'Can the people on the receiving end of this action say no to it without losing out?',
      whyItMatters: 'Agreement means little if saying no brings a worse service or closer attention.',
      evidence: [],
    },
    power: {
      question: 'Could a person this action affects get a wrong decision about them put right?',
      whyItMatters:
        'Better information gives the service more to act on. The people it acts on need an equally real way to challenge what it does.',
      evidence: ['errors'],
    },
    transparency: {
      question: 'Will the people on the receiving end be told which information led to this action?',
      whyItMatters: 'Being contacted without knowing why can feel like being watched, and people cannot correct what they cannot see.',
      evidence: ['dont-understand-82'],
    },
    inclusivity: {
      question: 'Will this action reach people who are not already known to services?',
      whyItMatters: 'Acting only on the people already in the records can widen the gap for those who are not.',
      evidence: ['avoided-help'],
    },
  },
  insight: {
    trust: {
      question: 'Would the people in this data trust the council to link these particular data sets?',
      whyItMatters:
        'Trust can differ from one data set to another and from one group to another, so ask about each data set, and ask the groups most affected.',
      evidence: ['black-28', 'trust-half'],
    },
    consent: {
      question: 'Would the people in this data expect it to be used this way?',
      whyItMatters: 'Data given to one service and used by another can take people by surprise, even where the law allows it.',
      evidence: ['know-72-53'],
    },
    power: {
      question: 'Does the screen avoid labelling individual people with a prediction or risk score?',
      whyItMatters: 'A score about a person holds power over them that they cannot see or argue with.',
      evidence: ['past-predicts-future'],
    },
    transparency: {
      question: 'Could we explain how each figure on the screen was produced to the people it describes?',
      whyItMatters: 'A figure nobody can explain is hard to trust and impossible to challenge.',
      evidence: ['rec-assessments'],
    },
    inclusivity: {
      question: 'Is every group this work concerns represented accurately in the data behind the screen?',
      whyItMatters:
        'Records show who came into contact with a service and how they were recorded, not everyone who needs help, so they can carry the biases of the system that collected them.',
      evidence: ['prevented-services', 'loti-not-neutral'],
    },
  },
  enablers: {
    trust: {
      question: 'Will binding safeguards, not only good intentions, govern how this data is used?',
      whyItMatters: 'Good intentions can change with a new manager or a new budget. Rules, contracts and audits are harder to set aside.',
      evidence: ['binding-regulation'],
    },
    consent: {
      question: 'Will people be able to opt out of this data sharing?',
      whyItMatters:
        'An opt-out only counts if people know it exists and it is honoured. Agree who decides when the child protection exception applies.',
      evidence: ['rec-opt-out'],
    },
    power: {
      question: 'If a supplier handles or analyses the data, does the council keep control of how it is used?',
      whyItMatters: 'People can hold a council to account in ways they cannot hold a private company.',
      evidence: ['commercial-55', 'rec-commercial'],
    },
    transparency: {
      question: 'Will there be a public record of how this work uses data?',
      whyItMatters: 'A public record lets residents, councillors and journalists see the work and question it.',
      evidence: ['publicise-81', 'rec-registers'],
    },
    inclusivity: {
      question: 'Will people from the groups most affected help judge whether this work is working?',
      whyItMatters: 'The people most affected are often the first to see harm that the figures miss.',
      evidence: ['fragile'],
    },
  },
};

/** LOTI's four closing lessons, word for word, in LOTI's order. */
export const CLOSING_LESSONS: readonly string[] = [
  'Data is an enabler',
  'Start with outcomes',
  'Understand the actions that need to be taken to understand where data has a role',
  'Remember that data is not inherently neutral and data sets can have biases or be used in biased ways',
];
