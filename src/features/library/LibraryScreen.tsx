import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { showToast } from '../../components/toasts';
import { displayTitle, LIMITS } from '../../domain/model';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFocusRescue } from '../../lib/useFocusRescue';
import { useLibraryStore } from '../../state/libraryStore';
import { BackupReminder } from '../transfer/BackupReminder';
import { CanvasList } from './CanvasList';
import { DeletedCanvasList } from './DeletedCanvasList';
import './library.css';

// Import and backup sit below the list: load them after the first paint.
const ImportPanel = lazy(() => import('../transfer/ImportPanel').then((module) => ({ default: module.ImportPanel })));

export function LibraryScreen() {
  useDocumentTitle('Your canvases');
  const status = useLibraryStore((state) => state.status);
  const summaries = useLibraryStore((state) => state.summaries);
  const error = useLibraryStore((state) => state.error);
  const [filter, setFilter] = useState('');
  const [newTitle, setNewTitle] = useState('');
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [, navigate] = useLocation();
  useEffect(() => {
    void useLibraryStore.getState().loadForScreen();
  }, []);

  const active = useMemo(() => summaries.filter((summary) => summary.meta.deletedAt === null), [summaries]);
  const deleted = useMemo(() => summaries.filter((summary) => summary.meta.deletedAt !== null), [summaries]);
  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return needle ? active.filter((summary) => displayTitle(summary.meta).toLocaleLowerCase().includes(needle)) : active;
  }, [active, filter]);
  const listArea = useRef<HTMLDivElement>(null);
  // A canvas deleted from the list: focus goes to the next one, or to "No canvases yet".
  useFocusRescue(
    listArea,
    {
      items: '.canvas-item',
      focusTarget: (item) => item.querySelector<HTMLElement>('h3 a'),
      fallback: () => document.getElementById('library-empty-heading'),
    },
    [active],
  );

  async function createCanvas(event: React.FormEvent) {
    event.preventDefault();
    const id = await useLibraryStore.getState().create(newTitle.trim());
    navigate(`/canvas/${id}/step/outcome`);
  }

  async function emptyDeleted() {
    setConfirmEmpty(false);
    const count = await useLibraryStore.getState().emptyDeleted();
    showToast({ message: `${count} ${count === 1 ? 'canvas' : 'canvases'} removed for good.` });
  }

  return (
    <>
      <h1>Your canvases</h1>
      <p className="hint">
        Plan a data project outcome-first: Outcome, Action, Insight, Enablers, with trust, consent, power, transparency and inclusivity
        checked at every step. Everything is saved in this browser as you type.
      </p>
      <BackupReminder canvasCount={summaries.length} />
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <div className="library-tools panel">
        <form className="inline-form" onSubmit={createCanvas}>
          <div className="field">
            <label htmlFor="new-canvas-title">New canvas title</label>
            <input
              id="new-canvas-title"
              className="input"
              value={newTitle}
              maxLength={LIMITS.titleLength}
              placeholder="e.g. Tackling racial inequality in youth justice"
              onChange={(event) => setNewTitle(event.target.value)}
            />
          </div>
          <button type="submit" className="button">
            Create canvas
          </button>
          <Link className="button button--secondary" href="/templates">
            Start from a template
          </Link>
        </form>
        {active.length > 0 && (
          <div className="field library-filter">
            <label htmlFor="canvas-filter">Filter by title</label>
            <input id="canvas-filter" className="input" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
          </div>
        )}
      </div>

      {status === 'loading' && <p>Loading your canvases…</p>}
      <div ref={listArea}>
        {status !== 'loading' && active.length === 0 && (
          <div className="empty-state">
            <h2 id="library-empty-heading" tabIndex={-1}>
              No canvases yet
            </h2>
            <p>Give your first canvas a title above and press “Create canvas” to start a workshop.</p>
          </div>
        )}
        {active.length > 0 && (
          <section aria-labelledby="canvas-list-heading">
            <h2 id="canvas-list-heading">
              {filter.trim()
                ? `${shown.length} of ${active.length} canvases match`
                : `${active.length} ${active.length === 1 ? 'canvas' : 'canvases'}`}
            </h2>
            {shown.length === 0 ? <p>No canvas title contains “{filter.trim()}”.</p> : <CanvasList summaries={shown} />}
          </section>
        )}
      </div>

      <Suspense fallback={null}>
        <ImportPanel />
      </Suspense>

      {deleted.length > 0 && <DeletedCanvasList deleted={deleted} onEmpty={() => setConfirmEmpty(true)} />}
      <ConfirmDialog
        open={confirmEmpty}
        title="Empty recently deleted?"
        confirmLabel="Remove for good"
        onConfirm={() => void emptyDeleted()}
        onCancel={() => setConfirmEmpty(false)}
      >
        <p>
          {deleted.length} {deleted.length === 1 ? 'canvas' : 'canvases'} will be removed from this browser for good. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
