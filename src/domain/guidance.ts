import type { StepId, LensId } from './model';

/**
 * Guidance content for the Outcome Canvas.
 *
 * Sources:
 * - LOTI (London Office of Technology & Innovation), "A Caveat on Data" slides
 *   (Jay Saggar). Guiding questions are short verbatim quotes, attributed.
 * - Edwards R., Gillies V., Gorin S., Ducasse H V. (2023) "Parents' views on
 *   administrative data linkage and analytics", Policy Brief, University of
 *   Southampton. DOI: 10.5258/SOTON/PP0055. Figures are from its UK-wide
 *   survey of parents.
 *
 * All other text is written for this app.
 */

export interface StepGuidance {
  id: StepId;
  title: string;
  summary: string;
  question: string;
  questionSource: string;
  prompts: readonly string[];
  cardPlaceholder: string;
}

export interface LensGuidance {
  id: LensId;
  title: string;
  description: string;
}

export interface CheckGuidance {
  question: string;
  whyItMatters: string;
}

const LOTI_SOURCE = 'LOTI, "A Caveat on Data"';

export const STEP_GUIDANCE: Record<StepId, StepGuidance> = {
  outcome: {
    id: 'outcome',
    title: 'Outcome',
    summary: 'Name who should be better off, and how, before thinking about data.',
    question: 'What specific person is better off in what specific ways because we acted?',
    questionSource: LOTI_SOURCE,
    prompts: [
      'Be specific: which person or group of people do we mean?',
      'What would actually be different in their lives?',
      'How would we know that the change has happened?',
    ],
    cardPlaceholder: 'e.g. Care leavers aged 18 to 21 keep a stable home for their first year',
  },
  action: {
    id: 'action',
    title: 'Action',
    summary: 'Work out who could act differently, and what information would help them.',
    question: 'WHO could do WHAT differently if they had better information?',
    questionSource: LOTI_SOURCE,
    prompts: [
      'Do we need new data that nobody collects yet?',
      'Could combining data we already hold help?',
      'What data sharing between teams or partners would this need?',
      'What analysis would turn the data into something useful?',
    ],
    cardPlaceholder: 'e.g. Housing officers contact tenants at risk of eviction earlier',
  },
  insight: {
    id: 'insight',
    title: 'Insight',
    summary: 'Describe the data product someone needs to see in order to act.',
    question: 'What would someone need to see on a screen (the data product) to enable the action?',
    questionSource: LOTI_SOURCE,
    prompts: [
      'What exactly must be on the screen for the action to happen?',
      'Which data would feed it, and can we get access to it?',
      'Can we use that data legally and ethically?',
      'How do we stop the data repeating biases already in society?',
    ],
    cardPlaceholder: 'e.g. A weekly map of rough sleeping reports by ward',
  },
  enablers: {
    id: 'enablers',
    title: 'Enablers',
    summary: 'Identify what else must change, beyond the data, for the outcome to happen.',
    question: 'Beyond the data product, what else is needed to achieve our desired outcome?',
    questionSource: LOTI_SOURCE,
    prompts: [
      'Which policies or processes need to change?',
      'What shifts in organisational culture are needed?',
      'Is there funding to act on what the data shows?',
      'Take a systems view: what wider inequalities also need tackling?',
    ],
    cardPlaceholder: 'e.g. Funded caseworker time to follow up every referral',
  },
};

export const LENS_GUIDANCE: Record<LensId, LensGuidance> = {
  trust: {
    id: 'trust',
    title: 'Trust',
    description: 'Whether people believe we will use their data fairly and in their interest.',
  },
  consent: {
    id: 'consent',
    title: 'Consent',
    description: 'Whether people know about, agree to and can refuse how their data is used.',
  },
  power: {
    id: 'power',
    title: 'Power',
    description: 'Who decides, who benefits and who carries the risk when data is used.',
  },
  transparency: {
    id: 'transparency',
    title: 'Transparency',
    description: 'How openly we explain our data, methods and decisions to the people affected.',
  },
  inclusivity: {
    id: 'inclusivity',
    title: 'Inclusivity',
    description: 'Whether everyone is fairly counted, and who is missing or misrepresented.',
  },
};

export const CHECK_GUIDANCE: Record<StepId, Record<LensId, CheckGuidance>> = {
  outcome: {
    trust: {
      question: 'Would the people this outcome is meant to help agree that it would make them better off?',
      whyItMatters:
        'An outcome chosen for people rather than with them can feel like surveillance. Only around half of parents surveyed trust government and services to share their records (Edwards et al., 2023).',
    },
    consent: {
      question: 'Have the people affected had a say in what better off means for them?',
      whyItMatters:
        'Consent is about more than a form at the point of collection. People who helped set the goal are more likely to support the data work behind it.',
    },
    power: {
      question: 'Who chose this outcome, and whose priorities does it really serve?',
      whyItMatters:
        'Goals set inside the council can reflect its own targets more than residents’ needs. Checking this early stops the whole canvas being built on the wrong problem.',
    },
    transparency: {
      question: 'Could we explain this outcome, and why we chose it, to a resident in one plain sentence?',
      whyItMatters:
        'If the goal is not stated openly, people may assume a different one. A clear, public purpose makes every later step easier to explain.',
    },
    inclusivity: {
      question: 'Which groups might be left out, or end up worse off, if we pursue this outcome?',
      whyItMatters:
        'A borough-wide average can hide very different results for different groups. LOTI’s racial inequality example shows why outcomes should name specific groups.',
    },
  },
  action: {
    trust: {
      question: 'Would residents still come forward for help if they knew this action used their data?',
      whyItMatters:
        'Only 35% of parents surveyed were sure they would not avoid a service that linked data, and just 15% were sure other families would not (Edwards et al., 2023). Lost trust can push people away from help.',
    },
    consent: {
      question: 'Do people know their data may be shared or combined for this action, and can they say no?',
      whyItMatters:
        '60% of parents surveyed say they should be asked before records about their family are shared and linked, rising to 66% in marginalised groups (Edwards et al., 2023).',
    },
    power: {
      question: 'Who gains new power over residents through this action, and how could residents challenge it?',
      whyItMatters:
        'Better information tends to strengthen the service, not the family. Some parents in the 2023 Parents’ views study doubted that sharing data would help when thresholds already shut them out.',
    },
    transparency: {
      question: 'Would we be comfortable telling residents which data sets we share, and with whom?',
      whyItMatters:
        'Only 53% of parents surveyed know that records from different sources can be linked (Edwards et al., 2023). Sharing that people did not know about damages trust when it comes to light.',
    },
    inclusivity: {
      question: 'Does this action reach people who rarely appear in our data, or only those who already do?',
      whyItMatters:
        'People who avoid services or are poorly recorded can be missed entirely. Acting only on who is visible can widen existing gaps.',
    },
  },
  insight: {
    trust: {
      question: 'How accurate is this data, and what happens if the screen gets a person wrong?',
      whyItMatters:
        'Many parents in the 2023 Parents’ views study had found errors in their own records and struggled to get them corrected. Decisions based on wrong data damage trust quickly.',
    },
    consent: {
      question: 'Would the people in this data expect it to be used this way, and were they asked?',
      whyItMatters:
        '72% of parents surveyed know records are kept about them, but 82% do not feel they know or understand how those records are used (Edwards et al., 2023).',
    },
    power: {
      question: 'Could a flag or score on this screen decide what happens to a family, and who has the final say?',
      whyItMatters:
        'Few parents in the 2023 Parents’ views study believed past events can fairly predict future behaviour. A person with the full context should make the decision, not the screen.',
    },
    transparency: {
      question: 'Could we explain in plain words how each figure or flag on the screen was produced?',
      whyItMatters:
        'Scores that nobody can explain are hard to trust or challenge. The 2023 Parents’ views policy brief calls for regular independent checks on how accurate predictive models are.',
    },
    inclusivity: {
      question: 'Who is missing, miscounted or over-represented in this data, and could that repeat existing bias?',
      whyItMatters:
        'LOTI warns that data is not neutral and can carry society’s biases. Only 28% of Black parents surveyed trust the linking of police and criminal justice data (Edwards et al., 2023).',
    },
  },
  enablers: {
    trust: {
      question: 'Is the service ready and funded to help the people this data identifies?',
      whyItMatters:
        'Parents’ support for using linked data to find families depended on services being properly resourced (Edwards et al., 2023). Finding need without meeting it can do more harm than good.',
    },
    consent: {
      question: 'Do our processes make it easy for people to see their data, fix mistakes and opt out?',
      whyItMatters:
        'The 2023 Parents’ views policy brief recommends an enforceable right to view data, quick correction of errors, and an opt-out except where child protection applies.',
    },
    power: {
      question: 'If a supplier is involved, what contracts and safeguards keep residents’ data under public control?',
      whyItMatters:
        '55% of parents surveyed oppose sharing data with the commercial sector, rising to over 60% in marginalised groups (Edwards et al., 2023). Their trust depended on firm, binding regulation.',
    },
    transparency: {
      question: 'How will we tell the public what data we link, why we link it, and what we learned?',
      whyItMatters:
        '81% of parents surveyed want government to publicise how it links and uses families’ data (Edwards et al., 2023). A public algorithm register, as used in Amsterdam and Helsinki, is one option.',
    },
    inclusivity: {
      question: 'What wider changes in culture and practice are needed so this work reduces inequality rather than repeating it?',
      whyItMatters:
        'LOTI calls for a systems view, because data alone cannot fix wider inequality. Teams also need a culture that confronts racism and discrimination head on.',
    },
  },
};

export const CLOSING_LESSONS: readonly string[] = [
  'Data helps us act. It is not a fix on its own.',
  'Begin with the outcome you want, not the data you have.',
  'Work out which actions are needed first, then see where data can help.',
  'Data is never neutral. Data sets can hold bias, and so can the way we use them.',
];
