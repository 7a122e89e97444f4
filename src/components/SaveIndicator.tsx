import { useSaveStatusStore } from '../state/saveStatusStore';
import { useRepositoryStore } from '../state/repositoryStore';
import './SaveIndicator.css';

/**
 * Saved / saving / not saved, always visible in the header. Not a live
 * region: it changes on every keystroke; failures are announced by the banner.
 */
export function SaveIndicator() {
  const state = useSaveStatusStore((status) => status.state);
  const inMemory = useRepositoryStore((repository) => repository.problem !== null);
  const shown = inMemory ? 'memory' : state;
  const label = {
    saved: 'All changes saved in this browser',
    saving: 'Saving…',
    error: 'Not saved: see the message above',
    memory: 'Not saved: kept in this tab only',
  }[shown];
  return (
    <span className="save-indicator" data-state={shown}>
      <span className="save-indicator__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
