// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dismissPrivacyWarning, keepPrivacyDismissals, undismissPrivacyWarning } from '../../../src/domain/dismissals';
import { LIMITS } from '../../../src/domain/model';
import { T0, buildCanvas } from '../helpers/canvasBuilder';

describe('dismissed privacy warnings', () => {
  it('are kept as fingerprints, once each, and can be shown again', () => {
    const canvas = dismissPrivacyWarning(dismissPrivacyWarning(buildCanvas(), 'email:1a2b', T0), 'nhs-number:3c4d', T0);
    expect(canvas.privacyDismissed).toEqual(['email:1a2b', 'nhs-number:3c4d']);
    expect(dismissPrivacyWarning(canvas, 'email:1a2b', T0)).toBe(canvas);
    expect(undismissPrivacyWarning(canvas, 'email:1a2b', T0).privacyDismissed).toEqual(['nhs-number:3c4d']);
    expect(keepPrivacyDismissals(canvas, ['nhs-number:3c4d'], T0).privacyDismissed).toEqual(['nhs-number:3c4d']);
    expect(keepPrivacyDismissals(canvas, ['email:1a2b', 'nhs-number:3c4d'], T0)).toBe(canvas);
  });

  it('keep only the newest ones past the limit, and ignore an empty or over-long fingerprint', () => {
    let canvas = buildCanvas();
    for (let i = 0; i <= LIMITS.privacyDismissals; i++) canvas = dismissPrivacyWarning(canvas, `rule:${i}`, T0);
    expect(canvas.privacyDismissed).toHaveLength(LIMITS.privacyDismissals);
    expect(canvas.privacyDismissed[0]).toBe('rule:1');
    expect(dismissPrivacyWarning(canvas, '', T0)).toBe(canvas);
    expect(dismissPrivacyWarning(canvas, 'x'.repeat(101), T0)).toBe(canvas);
  });
});
