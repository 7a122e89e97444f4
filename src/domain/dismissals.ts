/**
 * Privacy warnings a user dismissed for an exact text (issue 10 §5). The
 * canvas keeps only fingerprints (privacy.ts makes them from the rule and
 * the matched text), newest last, never the text itself.
 */
import { type Canvas, LIMITS } from './model';

const MAX_FINGERPRINT = 100;

/** Dismisses a warning for this exact text. The oldest dismissals go once LIMITS.privacyDismissals is reached. */
export function dismissPrivacyWarning(canvas: Canvas, fingerprint: string, now: number): Canvas {
  if (fingerprint === '' || fingerprint.length > MAX_FINGERPRINT || canvas.privacyDismissed.includes(fingerprint)) return canvas;
  const privacyDismissed = [...canvas.privacyDismissed, fingerprint].slice(-LIMITS.privacyDismissals);
  return { ...canvas, privacyDismissed, updatedAt: now };
}

/** Shows a dismissed warning again. */
export function undismissPrivacyWarning(canvas: Canvas, fingerprint: string, now: number): Canvas {
  if (!canvas.privacyDismissed.includes(fingerprint)) return canvas;
  return { ...canvas, privacyDismissed: canvas.privacyDismissed.filter((other) => other !== fingerprint), updatedAt: now };
}

/** Keeps only the given dismissals (for example after pruning those whose text is gone), in their order. */
export function keepPrivacyDismissals(canvas: Canvas, keep: readonly string[], now: number): Canvas {
  const kept = new Set(keep);
  const privacyDismissed = canvas.privacyDismissed.filter((fingerprint) => kept.has(fingerprint));
  return privacyDismissed.length === canvas.privacyDismissed.length ? canvas : { ...canvas, privacyDismissed, updatedAt: now };
}
