import { useUpdateState } from './serviceWorker';

/** "A new version is ready": the user chooses when to reload; nothing is lost either way. */
export function UpdateBanner() {
  const reload = useUpdateState((state) => (state.waiting ? state.reload : null));
  if (!reload) return null;
  return (
    <div className="banner no-print" role="status">
      <p>
        A new version of Outcome Canvas is ready.{' '}
        <button type="button" className="button button--small" onClick={() => void reload()}>
          Reload to update
        </button>{' '}
        Your work is saved first.
      </p>
    </div>
  );
}
