import { useEffect, useState } from 'react';
import { useRepositoryStore } from '../state/repositoryStore';
import { describeOpenProblem, describeWriteProblem } from '../state/saveProblems';
import { useSaveStatusStore } from '../state/saveStatusStore';

/** How long "saved again" stays on screen. */
const SAVED_AGAIN_MS = 10_000;

/** Says plainly when work is not being kept, and what to do about it, and when it is all saved again. */
export function SaveProblemBanner() {
  return (
    <>
      <SaveProblem />
      {/* Always in the page, so screen readers hear it when it fills. */}
      <SavedAgain />
    </>
  );
}

function SaveProblem() {
  const openProblem = useRepositoryStore((repository) => repository.problem);
  const problem = openProblem && describeOpenProblem(openProblem);
  const writeProblem = useSaveStatusStore((status) => (status.state === 'error' ? status.problem : null));
  const saveError = writeProblem && describeWriteProblem(writeProblem);
  const reloadNeeded = useRepositoryStore((repository) => repository.reloadNeeded);
  if (reloadNeeded) {
    return (
      <div className="banner banner--error" role="alert">
        <p>
          <strong>Outcome Canvas was updated in another tab.</strong> Reload this tab to keep working: your latest changes are kept and come
          back after the reload.{' '}
          <button type="button" className="button button--small" onClick={() => window.location.reload()}>
            Reload now
          </button>
        </p>
      </div>
    );
  }
  if (!problem && !saveError) return null;
  return (
    <div className={`banner${saveError ? ' banner--error' : ''}`} role="alert">
      {problem && (
        <p>
          <strong>Your work is not being saved.</strong> {problem} You can keep working: canvases stay in this tab until you close it. Use
          “Export” on each canvas to download a copy.
        </p>
      )}
      {saveError && <p>{saveError}</p>}
    </div>
  );
}

/** After failed saves, one that works: say so (politely), for a few seconds. */
function SavedAgain() {
  const savedAgainAt = useSaveStatusStore((status) => (status.state === 'error' ? null : status.savedAgainAt));
  const [hiddenAt, setHiddenAt] = useState<number | null>(null);
  useEffect(() => {
    if (savedAgainAt === null) return;
    const timer = setTimeout(() => setHiddenAt(savedAgainAt), SAVED_AGAIN_MS);
    return () => clearTimeout(timer);
  }, [savedAgainAt]);
  const shown = savedAgainAt !== null && hiddenAt !== savedAgainAt;
  return (
    <div role="status" className={shown ? 'banner' : 'visually-hidden'}>
      {shown && <p>Storage is working again: all your changes are saved in this browser.</p>}
    </div>
  );
}
