/**
 * Warnings from the privacy check (src/domain/privacy.ts) for one text: what
 * looks personal, why, how to rephrase, and "It's fine, dismiss". It never
 * blocks and never takes focus when warnings come or go: a polite live region
 * says what changed. Dismissing moves focus to the next warning, or back to
 * the field when none is left, so focus is never lost.
 *
 * Wiring (see ARCHITECTURE.md):
 *   const warnings = usePrivacyWarnings(text, canvas.privacyDismissed);
 *   <textarea ref={fieldRef} aria-describedby={warnings.length > 0 ? `${id}-summary` : undefined} … />
 *   <PrivacyWarnings id={id} warnings={warnings} returnFocusRef={fieldRef} subject="this card"
 *     onDismiss={(warning) => edit((canvas) => ({ ...canvas,
 *       privacyDismissed: withPrivacyDismissal(canvas.privacyDismissed, warning.fingerprint) }))} />
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { PRIVACY_RULE_TEXT, type PrivacyRuleId, type PrivacyWarning, privacyWarningsIn } from '../domain/privacy';
import './PrivacyWarnings.css';

const NO_DISMISSALS: readonly string[] = [];

/** The warnings for a text, less those dismissed; recomputed only when either changes (each text is checked once: `privacyWarningsIn`). */
export function usePrivacyWarnings(text: string, dismissed: readonly string[] = NO_DISMISSALS): readonly PrivacyWarning[] {
  return useMemo(() => {
    const warnings = privacyWarningsIn(text);
    if (warnings.length === 0 || dismissed.length === 0) return warnings;
    const skip = new Set(dismissed);
    return warnings.filter((warning) => !skip.has(warning.fingerprint));
  }, [text, dismissed]);
}

/** "an email address and 2 phone numbers": what was found, without repeating the text itself. */
export function describePrivacyWarnings(warnings: readonly PrivacyWarning[]): string {
  const counts = new Map<PrivacyRuleId, number>();
  for (const warning of warnings) counts.set(warning.rule, (counts.get(warning.rule) ?? 0) + 1);
  const parts = [...counts].map(([rule, count]) => {
    const { what, many } = PRIVACY_RULE_TEXT[rule];
    return count === 1 ? what[0]!.toLowerCase() + what.slice(1) : `${count} ${many}`;
  });
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

interface PrivacyWarningsProps {
  /** Prefix for the ids inside; `${id}-summary` is a one-line summary for the field's aria-describedby. */
  id: string;
  warnings: readonly PrivacyWarning[];
  /** Add `warning.fingerprint` to the canvas's dismissed list. */
  onDismiss: (warning: PrivacyWarning) => void;
  /** Where focus goes when the last warning here is dismissed: usually the text field. */
  returnFocusRef: RefObject<HTMLElement | null>;
  /** What the text is, for the summary: "this card", "these notes". */
  subject?: string;
  /**
   * For a small space (a card on the board): no general intro, and each
   * warning's why and what to write instead behind "Why, and what instead".
   */
  compact?: boolean;
}

export function PrivacyWarnings({ id, warnings, onDismiss, returnFocusRef, subject = 'this text', compact = false }: PrivacyWarningsProps) {
  const listRef = useRef<HTMLUListElement>(null);
  // Where the dismissed warning's button was, to place focus once the warning has gone.
  const focusAfterDismiss = useRef<{ fingerprint: string; index: number } | null>(null);
  const summary = warnings.length > 0 ? `Possible personal data in ${subject}: ${describePrivacyWarnings(warnings)}.` : '';

  // Announce changes, not the state on arrival (a text opened with a warning is read with its field).
  const [live, setLive] = useState({ summary, message: '', dismissed: null as string | null });
  if (live.summary !== summary) {
    const dismissed = live.dismissed !== null && !warnings.some((warning) => warning.fingerprint === live.dismissed);
    const message = dismissed ? `Warning dismissed for this text. ${summary}`.trim() : summary || 'The privacy warning has gone.';
    setLive({ summary, message, dismissed: null });
  }

  useEffect(() => {
    const pending = focusAfterDismiss.current;
    if (!pending || warnings.some((warning) => warning.fingerprint === pending.fingerprint)) return;
    focusAfterDismiss.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('.privacy-warnings__dismiss');
    const next = buttons?.[Math.min(pending.index, buttons.length - 1)];
    (next ?? returnFocusRef.current)?.focus();
  }, [warnings, returnFocusRef]);

  return (
    <div className="privacy-warnings">
      <p className="visually-hidden" aria-live="polite">
        {live.message}
      </p>
      {warnings.length > 0 && (
        <div className={`privacy-warnings__box${compact ? ' privacy-warnings__box--compact' : ''}`}>
          <p className="privacy-warnings__summary" id={`${id}-summary`}>
            <span aria-hidden="true">⚠ </span>
            {summary}
          </p>
          {!compact && (
            <p className="privacy-warnings__intro">
              A canvas is a plan about groups, not a case file, and it is shown on screen, exported and shared. You can keep the text or
              change it.
            </p>
          )}
          <ul className="privacy-warnings__list" ref={listRef}>
            {warnings.map((warning, index) => {
              const whatId = `${id}-warning-${index}`;
              return (
                <li key={`${warning.fingerprint}-${warning.start}`} className="privacy-warnings__item">
                  <p className="privacy-warnings__what" id={whatId}>
                    <strong>{warning.what}:</strong> <mark className="privacy-warnings__match">{warning.match}</mark>
                  </p>
                  {!compact && <WhyAndInstead warning={warning} />}
                  <button
                    type="button"
                    className="button button--secondary button--small privacy-warnings__dismiss"
                    aria-describedby={whatId}
                    onClick={() => {
                      focusAfterDismiss.current = { fingerprint: warning.fingerprint, index };
                      setLive((current) => ({ ...current, dismissed: warning.fingerprint }));
                      onDismiss(warning);
                    }}
                  >
                    It’s fine, dismiss
                  </button>
                  {compact && (
                    <details className="privacy-warnings__more">
                      <summary>Why, and what to write instead</summary>
                      <WhyAndInstead warning={warning} />
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

function WhyAndInstead({ warning }: { warning: PrivacyWarning }) {
  return (
    <>
      <p>{warning.why}</p>
      <p>
        <strong>Try instead:</strong> {warning.rephrase}
      </p>
    </>
  );
}
