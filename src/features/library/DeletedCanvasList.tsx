import { displayTitle } from '../../domain/model';
import { formatRelativeTime } from '../../lib/relativeTime';
import type { CanvasSummary } from '../../storage/repository';
import { useLibraryStore } from '../../state/libraryStore';
import './library.css';

interface Props {
  deleted: CanvasSummary[];
  onEmpty: () => void;
}

/** Deleted canvases wait here until the user empties the list. */
export function DeletedCanvasList({ deleted, onEmpty }: Props) {
  return (
    <section aria-labelledby="deleted-heading" className="panel" style={{ marginTop: '1.5rem' }}>
      <h2 id="deleted-heading">Recently deleted ({deleted.length})</h2>
      <p className="hint">Deleted canvases stay here, and can be restored, until you empty this list.</p>
      <ul className="canvas-list">
        {deleted.map(({ meta }) => (
          <li key={meta.id} className="canvas-item">
            <div>
              <h3>{displayTitle(meta)}</h3>
              <p className="canvas-item__meta">Deleted {meta.deletedAt ? formatRelativeTime(meta.deletedAt) : ''}</p>
            </div>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void useLibraryStore.getState().restore(meta.id)}
            >
              Restore<span className="visually-hidden"> {displayTitle(meta)}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--danger" onClick={onEmpty}>
        Empty recently deleted
      </button>
    </section>
  );
}
