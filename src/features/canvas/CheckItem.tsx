/**
 * One check of either kind, an ethics lens at a step or a "before this goes
 * live" governance check: its question, why it matters, one status and
 * notes, with the privacy check under the notes. Both kinds look and work
 * the same, so a room answers them the same way.
 */
import { memo, useEffect, useRef } from 'react';
import { parseCheckKey } from '../../domain/canvas';
import { EVIDENCE } from '../../domain/evidence';
import { GOVERNANCE_CHECKS } from '../../domain/governance';
import { CHECK_GUIDANCE, LENS_GUIDANCE, STEP_GUIDANCE, type CheckGuidance } from '../../domain/guidance';
import { type AnyCheckKey, CHECK_STATUSES, CHECK_STATUS_LABELS, LIMITS } from '../../domain/model';
import { SOURCES } from '../../domain/sources';
import { useLockedReason } from '../../state/sharingStore';
import { useKeepCaret } from '../../lib/useKeepCaret';
import { useAnyCheck } from '../../state/canvasSelectors';
import { changeStatusOf, editNotesOf, reopenConcernOf } from './cardActions';
import { takeCheckFocusRequest } from './focusRequests';
import { useFieldPrivacy } from './useFieldPrivacy';

/** The element id of a check: `check-outcome-trust`, `check-governance-lawful-basis`. */
export const checkDomId = (key: AnyCheckKey) => `check-${key.replace(':', '-')}`;

export interface CheckText {
  /** The check's name: the lens ("Trust") or the governance check's title ("Lawful basis"). */
  title: string;
  /** Its name with where it is, as the concerns list and the labels say it. */
  fullName: string;
  question: string;
  whyItMatters: string;
  /** The legal reference (governance checks only). */
  reference?: string;
  evidence: CheckGuidance['evidence'];
}

const GOVERNANCE_BY_ID = new Map<string, (typeof GOVERNANCE_CHECKS)[number]>(GOVERNANCE_CHECKS.map((check) => [check.id, check]));

/** What a check says, for either kind. */
export function checkText(key: AnyCheckKey): CheckText {
  const parsed = parseCheckKey(key)!;
  if (parsed.kind === 'ethics') {
    const guide = CHECK_GUIDANCE[parsed.step][parsed.lens];
    const title = LENS_GUIDANCE[parsed.lens].title;
    return {
      title,
      fullName: `${title} for ${STEP_GUIDANCE[parsed.step].title}`,
      question: guide.question,
      whyItMatters: guide.whyItMatters,
      evidence: guide.evidence,
    };
  }
  const check = GOVERNANCE_BY_ID.get(parsed.id)!;
  return {
    title: check.title,
    fullName: `${check.title} (before this goes live)`,
    question: check.question,
    whyItMatters: check.whyItMatters,
    reference: check.reference,
    evidence: [],
  };
}

export const CheckItem = memo(function CheckItem({ checkKey, note }: { checkKey: AnyCheckKey; note?: React.ReactNode }) {
  const check = useAnyCheck(checkKey);
  const ref = useRef<HTMLDivElement>(null);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  useKeepCaret(notesRef, check?.notes ?? '');
  const id = checkDomId(checkKey);
  const locked = useLockedReason('checks', 'status');
  const privacy = useFieldPrivacy(check?.notes ?? '', { id: `${id}-privacy`, returnFocusRef: notesRef, subject: 'these notes' });
  useEffect(() => {
    if (takeCheckFocusRequest(id)) {
      ref.current?.scrollIntoView?.({ block: 'center' });
      ref.current?.focus({ preventScroll: true });
    }
  }, [id]);
  if (!check) return null;
  const text = checkText(checkKey);
  return (
    <div ref={ref} className="check" id={id} data-status={check.status} tabIndex={-1} aria-labelledby={`${id}-title`} role="group">
      <h4 id={`${id}-title`}>{text.title}</h4>
      <p className="check__question">{text.question}</p>
      <p className="check__why">
        <strong>Why it matters:</strong> {text.whyItMatters}
      </p>
      {note}
      <Evidence evidence={text.evidence} />
      {locked && (
        <p className="hint" id={`${id}-locked`}>
          {locked}
        </p>
      )}
      <fieldset disabled={!!locked} aria-describedby={locked ? `${id}-locked` : undefined}>
        <legend className="visually-hidden">{statusLegend(checkKey)}</legend>
        {CHECK_STATUSES.map((status) => (
          <label key={status} className="radio">
            <input
              type="radio"
              name={`${id}-status`}
              value={status}
              checked={check.status === status}
              onChange={() => changeStatusOf(checkKey, status)}
            />
            {CHECK_STATUS_LABELS[status]}
          </label>
        ))}
      </fieldset>
      {check.status === 'concern' && check.resolvedAt !== null && (
        <div className="check__resolved">
          <p>
            <strong>Resolved:</strong> {check.resolution.trim() || 'no note on how.'}
          </p>
          {/* Where the resolved concern is shown, it can be opened again; focus stays on the check. */}
          {!locked && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                reopenConcernOf(checkKey, `The concern on ${text.fullName}`);
                ref.current?.focus();
              }}
            >
              Reopen the concern<span className="visually-hidden"> on {text.fullName}</span>
            </button>
          )}
        </div>
      )}
      <label className="label" htmlFor={`${id}-notes`}>
        Notes
        <span className="visually-hidden"> on {text.fullName}</span>
      </label>
      <textarea
        ref={notesRef}
        id={`${id}-notes`}
        className="textarea"
        value={check.notes}
        maxLength={LIMITS.notesLength}
        dir="auto"
        readOnly={!!locked}
        aria-describedby={[locked ? `${id}-locked` : '', privacy.describedBy ?? ''].filter(Boolean).join(' ') || undefined}
        onChange={(event) => editNotesOf(checkKey, event.target.value)}
      />
      {privacy.warnings}
    </div>
  );
});

/** "Trust status for Outcome"; "Lawful basis status, before this goes live". */
function statusLegend(key: AnyCheckKey): string {
  const parsed = parseCheckKey(key)!;
  const text = checkText(key);
  return parsed.kind === 'ethics'
    ? `${text.title} status for ${STEP_GUIDANCE[parsed.step].title}`
    : `${text.title} status, before this goes live`;
}

/** What the sources say that bears on a check, each claim with its citation. */
function Evidence({ evidence }: { evidence: CheckGuidance['evidence'] }) {
  if (evidence.length === 0) return null;
  return (
    <p className="check__why">
      <strong>From the sources:</strong> {evidence.map((id) => `${EVIDENCE[id].says[0]} (${SOURCES[EVIDENCE[id].source].cite}).`).join(' ')}
    </p>
  );
}
