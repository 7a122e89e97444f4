import { Link } from 'wouter';
import { ClosingLessons } from '../../components/ClosingLessons';
import { CHECK_GUIDANCE, LENS_GUIDANCE, STEP_GUIDANCE } from '../../domain/guidance';
import { checkKey } from '../../domain/model';
import { useOpenConcerns } from '../../state/canvasSelectors';
import { ConcernActions } from './ConcernActions';
import { checkElementId } from './EthicsChecks';
import { requestCheckFocus } from './focusRequests';
import './ConcernsView.css';

/** Every raised concern in one list, each linking back to its step. */
export function ConcernsView({ canvasId }: { canvasId: string }) {
  const concerns = useOpenConcerns();
  return (
    <>
      <section aria-labelledby="concerns-heading" className="panel">
        <h2 id="concerns-heading" tabIndex={-1}>
          Open concerns ({concerns.length})
        </h2>
        {concerns.length === 0 ? (
          <p>No concerns raised yet. When the team marks an ethics check “Concern raised”, it appears here.</p>
        ) : (
          <ul className="concern-list">
            {concerns.map((check) => (
              <li key={`${check.step}:${check.lens}`}>
                <h3>
                  {STEP_GUIDANCE[check.step].title}: {LENS_GUIDANCE[check.lens].title}
                </h3>
                <p>{CHECK_GUIDANCE[check.step][check.lens].question}</p>
                <p style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                  {check.notes.trim() ? check.notes : <em>No notes yet.</em>}
                </p>
                <Link
                  href={`/canvas/${canvasId}/step/${check.step}`}
                  onClick={() => requestCheckFocus(checkElementId(check.step, check.lens))}
                >
                  Go to {LENS_GUIDANCE[check.lens].title} in {STEP_GUIDANCE[check.step].title}
                </Link>
                <ConcernActions
                  concern={checkKey(check.step, check.lens)}
                  name={`${STEP_GUIDANCE[check.step].title}, ${LENS_GUIDANCE[check.lens].title}`}
                  afterResolve={() => requestAnimationFrame(() => document.getElementById('concerns-heading')?.focus())}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* Where a team reviews what is left, LOTI's closing lessons. */}
      <ClosingLessons headingLevel={2} />
    </>
  );
}
