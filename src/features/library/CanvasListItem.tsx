import { memo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { showToast } from '../../components/toasts';
import { displayTitle, LIMITS } from '../../domain/model';
import { formatDateTime, formatRelativeTime } from '../../lib/relativeTime';
import type { CanvasSummary } from '../../storage/repository';
import { readSharing } from '../../storage/sharing';
import { useLibraryStore } from '../../state/libraryStore';
import './library.css';

export const CanvasListItem = memo(function CanvasListItem({ summary }: { summary: CanvasSummary }) {
  const { meta, progress } = summary;
  const title = displayTitle(meta);
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(meta.title);
  const [, navigate] = useLocation();
  const headingId = `canvas-${meta.id}-title`;
  const sharing = readSharing(meta.id);

  async function saveRename(event: React.FormEvent) {
    event.preventDefault();
    await useLibraryStore.getState().rename(meta.id, draft.trim());
    setRenaming(false);
  }

  async function duplicate() {
    const id = await useLibraryStore.getState().duplicate(meta.id);
    if (id)
      showToast({
        message: `Made a copy of “${title}”.`,
        actionLabel: 'Open copy',
        onAction: () => navigate(`/canvas/${id}/step/outcome`),
      });
  }

  async function remove() {
    await useLibraryStore.getState().remove(meta.id);
    showToast({
      message: `“${title}” moved to Recently deleted.`,
      actionLabel: 'Undo',
      onAction: () => void useLibraryStore.getState().restore(meta.id),
    });
  }

  return (
    <li className="canvas-item" aria-labelledby={headingId}>
      <div>
        {renaming ? (
          <form className="inline-form" onSubmit={saveRename}>
            <div className="field">
              <label htmlFor={`rename-${meta.id}`}>New title for “{title}”</label>
              <input
                id={`rename-${meta.id}`}
                className="input"
                value={draft}
                maxLength={LIMITS.titleLength}
                autoFocus
                onChange={(event) => setDraft(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') setRenaming(false);
                }}
              />
            </div>
            <button type="submit" className="button button--small">
              Save title
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <h3 id={headingId}>
            <Link href={`/canvas/${meta.id}/step/outcome`}>{title}</Link>
          </h3>
        )}
        <p className="canvas-item__meta">
          Last edited{' '}
          <time dateTime={new Date(meta.updatedAt).toISOString()} title={formatDateTime(meta.updatedAt)}>
            {formatRelativeTime(meta.updatedAt)}
          </time>
          {sharing && (
            <>
              {' '}
              · <strong>{sharing.role === 'facilitator' ? 'Shared by you' : 'Shared with you'}</strong>
            </>
          )}
          {meta.description.trim() && <> · {meta.description.trim().slice(0, 140)}</>}
        </p>
        <ul className="progress-list" aria-label="Progress">
          <li>
            Steps with content:{' '}
            <strong>
              {progress.stepsWithContent} of {progress.stepCount}
            </strong>
          </li>
          <li>
            Ethics checks discussed:{' '}
            <strong>
              {progress.checksDiscussed} of {progress.checkCount}
            </strong>
          </li>
          <li className={progress.openConcerns ? 'concern-count' : undefined}>
            Open concerns: <strong>{progress.openConcerns}</strong>
          </li>
          <li>
            Cards: <strong>{progress.cardCount}</strong>
          </li>
          <li>
            Open actions: <strong>{progress.openActionItems}</strong>
          </li>
        </ul>
      </div>
      {!renaming && (
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setDraft(meta.title);
              setRenaming(true);
            }}
          >
            Rename<span className="visually-hidden"> {title}</span>
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => void duplicate()}>
            Duplicate<span className="visually-hidden"> {title}</span>
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => void remove()}>
            Delete<span className="visually-hidden"> {title}</span>
          </button>
        </div>
      )}
    </li>
  );
});
