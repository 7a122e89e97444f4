import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { DocumentView } from '../../components/DocumentView';
import { showToast } from '../../components/toasts';
import { copyTitle, duplicateCanvas } from '../../domain/canvas';
import { canvasDocument } from '../../domain/document/canvasDocument';
import { newId } from '../../domain/ids';
import { type Canvas, displayTitle } from '../../domain/model';
import { SNAPSHOT_REASON_LABELS, type Snapshot, type SnapshotListing, restoreSnapshot } from '../../domain/snapshots';
import { formatDateTime, formatRelativeTime } from '../../lib/relativeTime';
import { useCanvasStore } from '../../state/canvasStore';
import { useLibraryStore } from '../../state/libraryStore';
import { useSharingStore } from '../../state/sharingStore';
import { versionHistory } from '../../state/versionHistory';
import './HistoryView.css';

/** Earlier versions of this canvas, kept automatically; any can be previewed and restored (undoably). */
export function HistoryView({ canvasId }: { canvasId: string }) {
  const [versions, setVersions] = useState<SnapshotListing[] | null>(null);
  const [preview, setPreview] = useState<Snapshot | null>(null);

  useEffect(() => {
    let live = true;
    void versionHistory.list(canvasId).then((list) => live && setVersions(list));
    return () => {
      live = false;
    };
  }, [canvasId]);

  // A restore in progress, and the last one done: a second click meanwhile, or on the
  // version just restored while nothing has changed since (a double click), does nothing.
  const restoring = useRef(false);
  const lastRestored = useRef<{ versionId: string; canvas: Canvas } | null>(null);
  /** A version this participant may not restore over the shared canvas, and why; or the copy made of it instead. */
  const [blocked, setBlocked] = useState<{ snapshot: Snapshot; reason: string; copy?: { id: string; title: string } } | null>(null);

  /**
   * In a shared canvas a restore is ordinary edits everyone sees. A
   * participant may restore only what they could do by hand: otherwise the
   * canvas would be half restored, so nothing changes and a copy is offered.
   */
  async function sharedRefusal(canvas: Canvas, version: SnapshotListing): Promise<boolean> {
    if (!useSharingStore.getState().record) return false;
    const snapshot = await versionHistory.load(version.id);
    if (!snapshot) return false;
    const reason = await useSharingStore.getState().whyNot(canvas, restoreSnapshot(canvas, snapshot.canvas, Date.now()));
    if (reason) setBlocked({ snapshot, reason });
    return !!reason;
  }

  async function restoreAsCopy() {
    if (!blocked || blocked.copy || restoring.current) return;
    restoring.current = true;
    try {
      const from = blocked.snapshot.canvas;
      const copy = duplicateCanvas(from, newId(), newId, Date.now(), copyTitle(from.title));
      const id = await useLibraryStore.getState().add(copy);
      setBlocked({ ...blocked, copy: { id, title: displayTitle(copy) } });
    } finally {
      restoring.current = false;
    }
  }

  async function restore(version: SnapshotListing) {
    const { canvas, restoreVersion } = useCanvasStore.getState();
    if (!canvas || restoring.current) return;
    if (lastRestored.current?.versionId === version.id && lastRestored.current.canvas === canvas) return;
    setBlocked(null);
    if (await sharedRefusal(canvas, version)) return;
    restoring.current = true;
    const restored = await restoreVersion(version.id).finally(() => {
      restoring.current = false;
    });
    const after = useCanvasStore.getState().canvas;
    if (restored && after) lastRestored.current = { versionId: version.id, canvas: after };
    if (!restored) {
      showToast({ message: 'That version could not be read. Nothing was changed.' });
      return;
    }
    setPreview(null);
    setVersions(await versionHistory.list(canvasId));
    showToast({
      message: `Restored the version from ${formatDateTime(version.takenAt)}.`,
      actionLabel: 'Undo',
      onAction: () => useCanvasStore.getState().undo(),
    });
  }

  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Version history</h2>
      <p className="hint">
        Versions are kept automatically: when the canvas is opened after a break, every ten minutes while you edit, and before a backup or
        an earlier version replaces it. The last day’s versions are all kept, then one a day for 30 days.
      </p>
      {blocked && (
        <div className="banner" role="alert">
          {blocked.copy ? (
            <p>
              The version from {formatDateTime(blocked.snapshot.takenAt)} is now a canvas of your own, “{blocked.copy.title}”; the shared
              canvas is unchanged. <Link href={`/canvas/${blocked.copy.id}/step/outcome`}>Open the copy</Link>
            </p>
          ) : (
            <>
              <p>
                {blocked.reason} Restoring the version from {formatDateTime(blocked.snapshot.takenAt)} would do that, so nothing was
                changed. You can restore it as a separate canvas of your own instead.
              </p>
              <button type="button" className="button button--small" onClick={() => void restoreAsCopy()}>
                Restore as a separate copy
              </button>
            </>
          )}
        </div>
      )}
      {versions === null && <p>Loading versions…</p>}
      {versions?.length === 0 && <p>No earlier versions yet. One is kept the next time this canvas is opened after a break.</p>}
      {versions && versions.length > 0 && (
        <ol className="version-list">
          {versions.map((version) => (
            <li key={version.id} className="version">
              <div>
                <strong>
                  <time dateTime={new Date(version.takenAt).toISOString()}>{formatDateTime(version.takenAt)}</time>
                </strong>{' '}
                <span className="hint">({formatRelativeTime(version.takenAt)})</span>
                <div>
                  {SNAPSHOT_REASON_LABELS[version.reason]} · {version.summary}
                </div>
              </div>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-expanded={preview?.id === version.id}
                  onClick={() => void (preview?.id === version.id ? setPreview(null) : versionHistory.load(version.id).then(setPreview))}
                >
                  {preview?.id === version.id ? 'Hide preview' : 'Preview'}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  // The second click of a double click (`detail` counts them) never restores: by then the
                  // list may have gained the "before" version and moved another version's button under the pointer.
                  onClick={(event) => event.detail < 2 && void restore(version)}
                >
                  Restore this version
                </button>
              </div>
              {preview?.id === version.id && <VersionPreview snapshot={preview} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function VersionPreview({ snapshot }: { snapshot: Snapshot }) {
  // The same document every output renders, as the canvas stood then.
  const doc = useMemo(() => canvasDocument(snapshot.canvas, { now: snapshot.takenAt }), [snapshot]);
  return (
    <div className="version-preview" aria-label={`Preview of the version from ${formatDateTime(snapshot.takenAt)}`} role="group">
      <DocumentView doc={doc} titleLevel={3} />
    </div>
  );
}
