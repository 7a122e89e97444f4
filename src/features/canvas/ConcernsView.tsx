import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ClosingLessons } from '../../components/ClosingLessons';
import { showToast } from '../../components/toasts';
import { parseCheckKey, reopenConcern, resolveConcern, stepOfCheck } from '../../domain/canvas';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { type AnyCheckKey, LIMITS } from '../../domain/model';
import { useAnyCheck, useOpenConcerns, useResolvedConcerns } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { checkDomId, checkText } from './CheckItem';
import { requestCheckFocus } from './focusRequests';
import { useFieldPrivacy } from './useFieldPrivacy';
import './ConcernsView.css';

/** A concern's element id in this view, to give it focus when it moves between the lists. */
const concernDomId = (key: AnyCheckKey) => `concern-${key.replace(':', '-')}`;
let focusAfterMove: string | null = null;

/**
 * The concerns roll-up: every raised concern of both kinds (ethics lenses and
 * "before this goes live"), open ones first, each linking back to its check
 * and with a way to mark it resolved; then the resolved ones, with how.
 */
export function ConcernsView({ canvasId }: { canvasId: string }) {
  const open = useOpenConcerns();
  const resolved = useResolvedConcerns();
  return (
    <>
      <section aria-labelledby="concerns-heading" className="panel">
        <h2 id="concerns-heading">Open concerns ({open.length})</h2>
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
  const [resolving, setResolving] = useState(false);
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
              useCanvasStore.getState().edit((canvas, now) => reopenConcern(canvas, checkKey, now));
              showToast({ message: `${concernName(checkKey)} is open again.` });
            }}
          >
            Reopen
          </button>
        ) : (
          !resolving && (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={false}
              onClick={() => setResolving(true)}
            >
              Mark resolved…
            </button>
          )
        )}
      </div>
      {resolving && !resolved && (
        <ResolveForm
          checkKey={checkKey}
          onDone={(applied) => {
            setResolving(false);
            if (applied) focusAfterMove = id;
          }}
          returnFocus={() => headingRef.current?.focus()}
        />
      )}
    </li>
  );
}

/** How a concern was resolved, then "Mark resolved". The note may stay empty. */
function ResolveForm({
  checkKey,
  onDone,
  returnFocus,
}: {
  checkKey: AnyCheckKey;
  onDone: (applied: boolean) => void;
  returnFocus: () => void;
}) {
  const [resolution, setResolution] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const fieldId = `${concernDomId(checkKey)}-resolution`;
  const privacy = useFieldPrivacy(resolution, { id: `${fieldId}-privacy`, returnFocusRef: ref, subject: 'this note' });
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      className="concern__resolve"
      onSubmit={(event) => {
        event.preventDefault();
        const refusal = useCanvasStore.getState().attempt((canvas, now) => resolveConcern(canvas, checkKey, resolution, now));
        if (refusal) {
          showToast({ message: refusal });
          return;
        }
        onDone(true);
        showToast({ message: `${concernName(checkKey)} marked resolved.` });
      }}
    >
      <label className="label" htmlFor={fieldId}>
        How was it resolved?
      </label>
      <textarea
        ref={ref}
        id={fieldId}
        className="textarea"
        value={resolution}
        maxLength={LIMITS.notesLength}
        dir="auto"
        aria-describedby={privacy.describedBy}
        onChange={(event) => setResolution(event.target.value)}
      />
      {privacy.warnings}
      <div className="button-row">
        <button type="submit" className="button button--small">
          Mark resolved
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            onDone(false);
            returnFocus();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
