import { SourcesLink } from '../../components/SourcesLink';
import { CHECKS_INTRO, STEP_GUIDANCE } from '../../domain/guidance';
import { type GovernanceStep, governanceIdsForStep } from '../../domain/governanceKeys';
import { LENS_IDS, type LensId, type StepId, checkKey, governanceKey } from '../../domain/model';
import { useStepCheckCounts } from '../../state/canvasSelectors';
import { ethicsChecksSummary, governanceChecksSummary } from './boardText';
import { CheckItem, checkDomId } from './CheckItem';
import './EthicsChecks.css';

export const checkElementId = (step: StepId, lens: LensId) => checkDomId(checkKey(step, lens));
export const checksHeadingId = (step: StepId) => `checks-${step}-heading`;
export const governanceHeadingId = (step: StepId) => `governance-${step}-heading`;

/** The five bias and ethics lenses for one step, each with its own question, status and notes. */
export function EthicsChecks({ step, collapsible }: { step: StepId; collapsible: boolean }) {
  const counts = useStepCheckCounts(step);
  const title = STEP_GUIDANCE[step].title;
  const summary = ethicsChecksSummary(step, counts);
  const body = (
    <>
      <p className="checks__intro">
        {CHECKS_INTRO} The questions and “why it matters” lines are this app’s own; lines headed “From the sources” say what a source found.
      </p>
      <div className="check-list">
        {LENS_IDS.map((lens) => (
          <CheckItem key={lens} checkKey={checkKey(step, lens)} note={lens === 'consent' ? <ConsentNote /> : undefined} />
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

/**
 * The Consent lens asks whether people agree; the lawful basis is a separate,
 * legal question. Plain text, not a link: the checks keep their Tab stops.
 */
function ConsentNote() {
  return (
    <p className="check__distinct">
      <strong>Not the legal basis:</strong> whether the council may lawfully use the data is its own check, “Lawful basis”, under “Before
      this goes live” at Insight.
    </p>
  );
}

/**
 * "Before this goes live": the legal and governance checks for Insight and
 * Enablers, with the same statuses and notes as the ethics checks.
 */
export function GovernanceChecks({ step, collapsible }: { step: GovernanceStep; collapsible: boolean }) {
  const counts = useStepCheckCounts(step);
  const checks = governanceIdsForStep(step);
  const title = STEP_GUIDANCE[step].title;
  const summary = governanceChecksSummary(step, checks.length, counts);
  const body = (
    <>
      <p className="checks__intro">
        The legal and governance questions a council must answer before the work runs, each with its legal reference. They are not the
        ethics lenses: the Consent lens asks whether people agree, while the lawful basis is a legal question, and public bodies rarely rest
        it on consent. Plain-English prompts, not legal advice: your data protection officer can help.
      </p>
      <div className="check-list">
        {checks.map((id) => (
          <CheckItem key={id} checkKey={governanceKey(id)} />
        ))}
      </div>
    </>
  );
  return (
    <section className="checks checks--governance" aria-label={`Before this goes live: ${title}`}>
      {collapsible ? (
        <details>
          <summary>{summary}</summary>
          {body}
        </details>
      ) : (
        <>
          <h3 id={governanceHeadingId(step)} tabIndex={-1}>
            {summary}
          </h3>
          {body}
        </>
      )}
    </section>
  );
}
