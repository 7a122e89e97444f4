/**
 * The evidence table's entries from LOTI's slides, "A Caveat on Data" (see `evidence.ts`, which
 * holds the table, its rules and the policy brief's entries, and includes these). In a module of
 * their own because the steps' guidance (`stepGuidance.ts`) quotes them, and the board painted
 * before the app loads shows that guidance without loading the rest of the table.
 */
import type { Evidence } from './evidence';

export const LOTI_EVIDENCE = {
  'loti-outcome-question': {
    source: 'loti',
    quote: '"What specific person is better off in what specific ways because we acted?"',
    says: ['What specific person is better off in what specific ways because we acted?'],
  },
  'loti-outcome-world': {
    source: 'loti',
    quote: "What's our desired outcome? What would we like to be different in the world?",
    says: ['What would we like to be different in the world?'],
  },
  'loti-action-question': {
    source: 'loti',
    quote: 'ACTION WHO could do WHAT differently if they had better information?',
    says: ['WHO could do WHAT differently if they had better information?'],
  },
  'loti-intervention': {
    source: 'loti',
    quote: '"What\'s the intervention?"',
    says: ["What's the intervention?", 'Ask LOTI’s question: “What’s the intervention?”'],
  },
  'loti-insight-question': {
    source: 'loti',
    quote: 'What would someone need to see on a screen (the data product) to enable the action?',
    says: ['What would someone need to see on a screen (the data product) to enable the action?'],
  },
  'loti-insight-data': {
    source: 'loti',
    quote: 'What data would be needed, can we access it and use it legally and ethically?',
    says: ['What data would be needed, can we access it and use it legally and ethically?'],
  },
  'loti-data-needs': {
    source: 'loti',
    quote:
      'This enables us to begin to identify specific data sets required - New data sets - Combined data sets - Required data sharing - Required data analysis',
    says: ['Sort the data needs into LOTI’s four kinds: new data sets, combined data sets, data sharing and data analysis'],
  },
  'loti-bias-question': {
    source: 'loti',
    quote: 'How can we ensure the data is used in a way which does not reproduce existing societal biases?',
    says: [
      'How can we ensure the data is used in a way which does not reproduce existing societal biases?',
      'Read LOTI’s question on the pink card out loud',
    ],
  },
  'loti-enablers-question': {
    source: 'loti',
    quote: 'ENABLERS Beyond the data product, what else is needed to achieve our desired outcome?',
    says: ['Beyond the data product, what else is needed to achieve our desired outcome?'],
  },
  'loti-what-else': {
    source: 'loti',
    quote: 'What else needs to change? - Policy - Processes - Organisational culture - Funding',
    says: ['Go through LOTI’s four enablers: policy, processes, organisational culture and funding'],
  },
  'loti-lenses': {
    source: 'loti',
    quote:
      'Biases in data collection Consider the following factors that may impact the quality and reliability or data collected: - Trust - Consent - Power - Transparency - Inclusivity',
    says: [
      'LOTI’s slides list trust, consent, power, transparency and inclusivity under the heading “Biases in data collection”, as factors that “may impact the quality and reliability” of the data collected. In LOTI’s sense, then, the five are about the data itself: they can affect how good and how reliable it is. The slides name them and say no more about them.',
      'This app also uses them in a second way, as ethics lenses: at each step it asks one question per lens about the plan, for the team to discuss and record. Those questions, and the descriptions of each lens below, are the app’s own, not LOTI’s.',
    ],
  },
  'loti-silver-bullet': {
    source: 'loti',
    quote: 'Data is not a silver bullet',
    says: ['As LOTI’s slides put it, “Data is not a silver bullet”'],
  },
  'loti-lessons': {
    source: 'loti',
    quote:
      'To summerise - 1. Data is an enabler - 2. Start with outcomes - 3. Understand the actions that need to be taken to understand where data has a role - 4. Remember that data is not inherently neutral and data sets can have biases or be used in biased ways',
    says: ['LOTI’s four lessons, shown at the end of this step'],
  },
  'loti-not-neutral': {
    source: 'loti',
    quote: 'Remember that data is not inherently neutral and data sets can have biases or be used in biased ways',
    says: [
      'LOTI reminds teams that data is “not inherently neutral”, and that data sets can carry biases or be used in biased ways',
      'LOTI reminds us that data is “not inherently neutral”',
    ],
  },
  'loti-worked-example': {
    source: 'loti',
    quote: 'High level outcome: Tackling Racial Inequality To understand where data might support this outcome we need to be more specific',
    says: [
      'following LOTI’s worked example',
      'Based on LOTI’s worked example in "A Caveat on Data": the six projects under Action, the four kinds of data need under Insight, and the four enablers and the systems view under Enablers are LOTI’s, in our words; the other cards are examples and prompts written for this template.',
      'Slides that set out the outcome-first method this app follows (Outcome, Action, Insight, Enablers), with a worked example on tackling racial inequality and four closing lessons.',
    ],
  },
  'loti-specific-groups': {
    source: 'loti',
    quote: 'Identify outcomes for specific BAME ethnic groups',
    says: ['LOTI’s worked example on tackling racial inequality asks teams to identify outcomes for specific ethnic groups'],
  },
  'loti-celc': {
    source: 'loti',
    quote:
      'Insights from the Tackling Race Inequality – CELC Lead survey can support this activity What are the **outcomes** you wish to achieve? Examine the targeted action from CELC Tackling Inequality Survey',
    says: [
      'LOTI’s slides also point to the Tackling Race Inequality CELC lead survey and the targeted action from the CELC Tackling Inequality Survey. The slides do not spell out CELC; it is usually read as the Chief Executives’ London Committee.',
      'Which insights from the CELC lead survey on tackling race inequality could help us choose?',
      'What do the insights from the CELC lead survey tell us about where to focus?',
    ],
  },
  'loti-projects': {
    source: 'loti',
    quote:
      'Examine the targeted action from CELC Tackling Inequality Survey Informing Strategy - who needs better information, why? Specific Projects*:',
    says: [
      'The six project cards are the specific projects LOTI’s slides list after asking teams to examine the targeted action from the CELC Tackling Inequality Survey',
    ],
  },
} as const satisfies Record<string, Evidence>;
