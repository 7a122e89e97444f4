// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeOpenProblem, describeWriteProblem } from '../../../src/state/saveProblems';
import type { OpenProblem, WriteProblem } from '../../../src/storage/problems';

const OPEN: OpenProblem[] = ['upgrade-failed', 'refused', 'newer-version', 'unknown'];
const WRITE: WriteProblem[] = ['quota', 'other'];

describe('what people are told when storage fails', () => {
  it('explains a full disk, and says the changes are still in the tab and to export', () => {
    const message = describeWriteProblem('quota');
    expect(message).toMatch(/run out of storage space/);
    expect(message).toMatch(/still here in this tab/);
    expect(message).toMatch(/export/);
  });

  it('gives a general message for any other failed write', () => {
    expect(describeWriteProblem('other')).toMatch(/could not be saved to this browser/);
  });

  it('says a failed upgrade left the canvases as they were', () => {
    expect(describeOpenProblem('upgrade-failed')).toMatch(
      /could not update the way it stores your canvases, so it left them exactly as they were/,
    );
  });

  it('says when the browser refuses storage, in words without technical names', () => {
    expect(describeOpenProblem('refused')).toMatch(/not letting Outcome Canvas save anything/);
    for (const text of [...OPEN.map(describeOpenProblem), ...WRITE.map(describeWriteProblem)]) {
      expect(text).not.toMatch(/Error|undefined|IndexedDB|Dexie|quota/);
    }
  });
});
