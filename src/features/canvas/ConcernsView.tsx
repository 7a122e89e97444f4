import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { ClosingLessons } from '../../components/ClosingLessons';
import { parseCheckKey, stepOfCheck } from '../../domain/canvas';
import { STEP_GUIDANCE } from '../../domain/guidance';
import type { AnyCheckKey } from '../../domain/model';
import { useAnyCheck, useOpenConcerns, useResolvedConcerns } from '../../state/canvasSelectors';
import { reopenConcernOf } from './cardActions';
import { checkDomId, checkText } from './CheckItem';
import { ConcernActions } from './ConcernActions';
import { requestCheckFocus } from './focusRequests';
import './ConcernsView.css';

/** A concern's element id in this view, to give it focus when it moves between the lists. */
const concernDomId = (key: AnyCheckKey) => `concern-${key.replace(':', '-')}`;
let focusAfterMove: string | null = null;

/**
 * The concerns roll-up: every raised concern of both kinds (ethics lenses and
 * "before this goes live"), open ones first, each linking back to its check
 * with its actions and a way to mark it resolved (ConcernActions); then the
 * resolved ones, with how.
 */
export function ConcernsView({ canvasId }: { canvasId: string }) {
  const open = useOpenConcerns();
  const resolved = useResolvedConcerns();
  return (
    <>
      <section aria-labelledby="concerns-heading" className="panel">
        <h2 id="concerns-heading" tabIndex={-1}>
          Open concerns ({open.length})
        </h2>
        {open.length === 0 ? (
          <p>
            No open concerns. When the team marks an ethics check or a “before this goes live” check “Concern raised”, it appears here until
            it is marked resolved.
          </p>
        ) : (
          <ul className="concern-list">
            {open.map((key) => (
              <Concern key={key} checkKey={key} canvasId={canvasId} />
            ))}
          </ul>
        )}
      </section>
      {resolved.length > 0 && (
        <section aria-labelledby="resolved-heading" className="panel">
          <h2 id="resolved-heading">Resolved concerns ({resolved.length})</h2>
          <ul className="concern-list concern-list--resolved">
            {resolved.map((key) => (
              <Concern key={key} checkKey={key} canvasId={canvasId} />
            ))}
          </ul>
        </section>
      )}
      {/* Where a team reviews what is left, LOTI's closing lessons. */}
      <ClosingLessons headingLevel={2} />
    </>
  );
}

/** "Outcome: Trust"; "Insight: Lawful basis (before this goes live)". */
export function concernName(key: AnyCheckKey): string {
  const parsed = parseCheckKey(key)!;
  const text = checkText(key);
  return `${STEP_GUIDANCE[stepOfCheck(key)].title}: ${parsed.kind === 'ethics' ? text.title : text.fullName}`;
}

function Concern({ checkKey, canvasId }: { checkKey: AnyCheckKey; canvasId: string }) {
  const check = useAnyCheck(checkKey);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = concernDomId(checkKey);
  useEffect(() => {
    if (focusAfterMove !== id) return;
    focusAfterMove = null;
    headingRef.current?.focus();
  });
  if (!check) return null;
  const text = checkText(checkKey);
  const step = stepOfCheck(checkKey);
  const resolved = check.resolvedAt !== null;
  const headingId = `${id}-heading`;
  return (
    <li aria-labelledby={headingId} data-resolved={resolved || undefined}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {concernName(checkKey)}
      </h3>
      <p>{text.question}</p>
      <p className="concern__notes" dir="auto">
        {check.notes.trim() ? check.notes : <em>No notes yet.</em>}
      </p>
      {resolved && (
        <p className="concern__notes" dir="auto">
          <strong>How it was resolved:</strong> {check.resolution.trim() ? check.resolution : <em>no note on how.</em>}
        </p>
      )}
      <div className="button-row concern__actions">
        <Link href={`/canvas/${canvasId}/step/${step}`} onClick={() => requestCheckFocus(checkDomId(checkKey))}>
          Go to {text.title} in {STEP_GUIDANCE[step].title}
        </Link>
        {resolved ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              focusAfterMove = id;
              reopenConcernOf(checkKey, concernName(checkKey));
            }}
          >
            Reopen
          </button>
        ) : null}
      </div>
      {!resolved && (
        <ConcernActions
          concern={checkKey}
          name={concernName(checkKey).replace(': ', ', ')}
          // The heading is always on the page: focus moves in the same event, so nothing typed or pressed next can land
          // on the form that is going away (a frame later, it could take focus from wherever a quick person went).
          afterResolve={() => document.getElementById('concerns-heading')?.focus()}
        />
      )}
    </li>
  );
}
