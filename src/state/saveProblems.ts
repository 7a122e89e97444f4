/**
 * What the app tells people when storage lets them down: one sentence per
 * kind of problem the storage module reports (`storage/problems.ts`).
 */
import type { OpenProblem, WriteProblem } from '../storage/problems';

const OPEN_PROBLEMS: Record<OpenProblem, string> = {
  'upgrade-failed':
    'Outcome Canvas could not update the way it stores your canvases, so it left them exactly as they were. They are safe, but this version cannot open them: reload, and if this message comes back, use the version you had before.',
  refused: 'This browser is not letting Outcome Canvas save anything (this happens in some private windows and locked-down profiles).',
  'newer-version': 'Your saved canvases were written by a newer version of Outcome Canvas. Reload to get the newest version.',
  unknown: 'Outcome Canvas could not open its storage in this browser.',
};

const WRITE_PROBLEMS: Record<WriteProblem, string> = {
  quota:
    'The browser has run out of storage space for this site, so your latest changes are not saved yet. They are still here in this tab, and Outcome Canvas keeps trying to save them. To be safe, export the canvas now.',
  other:
    'Your latest changes could not be saved to this browser yet. They are still here in this tab, and Outcome Canvas keeps trying to save them. To be safe, export the canvas to keep a copy.',
};

/** Why canvases are kept in this tab only. */
export const describeOpenProblem = (problem: OpenProblem): string => OPEN_PROBLEMS[problem];

/** Why the latest changes are not saved. */
export const describeWriteProblem = (problem: WriteProblem): string => WRITE_PROBLEMS[problem];

export const UNREADABLE_CANVAS = 'This canvas is stored in a form this version of the app cannot read.';
