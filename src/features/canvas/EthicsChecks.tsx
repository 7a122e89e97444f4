import { memo, useEffect, useRef } from 'react';
import { SourcesLink } from '../../components/SourcesLink';
import { EVIDENCE } from '../../domain/evidence';
import { CHECKS_INTRO, CHECK_GUIDANCE, LENS_GUIDANCE, STEP_GUIDANCE, type CheckGuidance } from '../../domain/guidance';
import { useKeepCaret } from '../../lib/useKeepCaret';
import { CHECK_STATUSES, CHECK_STATUS_LABELS, LENS_IDS, type LensId, LIMITS, type StepId } from '../../domain/model';
import { SOURCES } from '../../domain/sources';
import { useCheck, useStepCounts } from '../../state/canvasSelectors';
import { changeCheckStatus, editCheckNotes } from './cardActions';
import { takeCheckFocusRequest } from './focusRequests';
import './EthicsChecks.css';

export const checkElementId = (step: StepId, lens: LensId) => `check-${step}-${lens}`;
export const checksHeadingId = (step: StepId) => `checks-${step}-heading`;

/** The five bias and ethics lenses for one step, each with its own question, status and notes. */
export function EthicsChecks({ step, collapsible }: { step: StepId; collapsible: boolean }) {
  const { discussed, concerns } = useStepCounts(step);
  const title = STEP_GUIDANCE[step].title;
  const summary = `Ethics checks for ${title}: ${discussed} of ${LENS_IDS.length} discussed${concerns ? `, ${concerns} ${concerns === 1 ? 'concern' : 'concerns'}` : ''}`;
  const body = (
    <>
      <p className="checks__intro">
        {CHECKS_INTRO} The questions and “why it matters” lines are this app’s own; lines headed “From the sources” say what a source found.
      </p>
      <div className="check-list">
        {LENS_IDS.map((lens) => (
          <CheckItem key={lens} step={step} lens={lens} />
        ))}
      </div>
      {/* After the checks, not in the intro: the checks are what a keyboard user comes here for, so they come first in Tab order. */}
      <p className="checks__sources">
        <SourcesLink />
      </p>
    </>
  );
  return (
    <section className="checks" aria-label={`Ethics checks for ${title}`}>
      {collapsible ? (
        <details>
          <summary>{summary}</summary>
          {body}
        </details>
      ) : (
        <>
          <h3 id={checksHeadingId(step)} tabIndex={-1}>
            {summary}
          </h3>
          {body}
        </>
      )}
    </section>
  );
}

const CheckItem = memo(function CheckItem({ step, lens }: { step: StepId; lens: LensId }) {
  const check = useCheck(step, lens);
  const ref = useRef<HTMLDivElement>(null);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  useKeepCaret(notesRef, check?.notes ?? '');
  const id = checkElementId(step, lens);
  useEffect(() => {
    if (takeCheckFocusRequest(id)) {
      ref.current?.scrollIntoView?.({ block: 'center' });
      ref.current?.focus({ preventScroll: true });
    }
  }, [id]);
  if (!check) return null;
  const guide = CHECK_GUIDANCE[step][lens];
  const lensTitle = LENS_GUIDANCE[lens].title;
  return (
    <div ref={ref} className="check" id={id} data-status={check.status} tabIndex={-1} aria-labelledby={`${id}-title`} role="group">
      <h4 id={`${id}-title`}>{lensTitle}</h4>
      <p className="check__question">{guide.question}</p>
      <p className="check__why">
        <strong>Why it matters:</strong> {guide.whyItMatters}
      </p>
      <Evidence guide={guide} />
      <fieldset>
        <legend className="visually-hidden">
          {lensTitle} status for {STEP_GUIDANCE[step].title}
        </legend>
        {CHECK_STATUSES.map((status) => (
          <label key={status} className="radio">
            <input
              type="radio"
              name={`${id}-status`}
              value={status}
              checked={check.status === status}
              onChange={() => changeCheckStatus(step, lens, status)}
            />
            {CHECK_STATUS_LABELS[status]}
          </label>
        ))}
      </fieldset>
      <label className="label" htmlFor={`${id}-notes`}>
        Notes
        <span className="visually-hidden">
          {' '}
          on {lensTitle} for {STEP_GUIDANCE[step].title}
        </span>
      </label>
      <textarea
        ref={notesRef}
        id={`${id}-notes`}
        className="textarea"
        value={check.notes}
        maxLength={LIMITS.notesLength}
        dir="auto"
        onChange={(event) => editCheckNotes(step, lens, event.target.value)}
      />
    </div>
  );
});

/** What the sources say that bears on a check, each claim with its citation. */
function Evidence({ guide }: { guide: CheckGuidance }) {
  if (guide.evidence.length === 0) return null;
  return (
    <p className="check__why">
      <strong>From the sources:</strong>{' '}
      {guide.evidence.map((id) => `${EVIDENCE[id].says[0]} (${SOURCES[EVIDENCE[id].source].cite}).`).join(' ')}
    </p>
  );
}
