/**
 * Sharing in the canvas bar: "Invite people" for a canvas nobody shares; for
 * a shared one, who is here and whether this device is in step with them.
 * The invite dialog (with its QR code library) loads when first opened.
 */
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { useSharingStore } from '../../state/sharingStore';
import { Allowed, Notice, People, SyncStatus } from './SyncStatus';
import './sharing.css';

const InviteDialog = lazy(() => import('./InviteDialog'));
const loadDots = () => import('./DotsDialog');
const loadGroupFiles = () => import('./GroupFilesDialog');
const DotsDialog = lazy(loadDots);
const GroupFilesDialog = lazy(loadGroupFiles);

export function SharingControls() {
  const record = useSharingStore((state) => state.record);
  const [open, setOpen] = useState(false);
  const [voting, setVoting] = useState(false);
  const [groupFiles, setGroupFiles] = useState(false);
  const groupFilesOpener = useRef<HTMLButtonElement>(null);
  // A shared canvas's dialogs are fetched while the device is online: they are for offline use too (breakout groups).
  useEffect(() => {
    if (record) void Promise.all([loadDots(), loadGroupFiles()]).catch(() => undefined);
  }, [record]);
  const opener = useRef<HTMLButtonElement>(null);
  const dotsOpener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const closeDots = () => {
    setVoting(false);
    dotsOpener.current?.focus();
  };
  const closeGroupFiles = () => {
    setGroupFiles(false);
    groupFilesOpener.current?.focus();
  };
  return (
    <div className="sharing-controls">
      {record && <SyncStatus />}
      {record && <People />}
      {record?.role === 'participant' && <Allowed />}
      {record?.role === 'participant' && <FollowButton />}
      {record && (
        <button
          ref={dotsOpener}
          type="button"
          className="button button--secondary button--small"
          aria-haspopup="dialog"
          onClick={() => setVoting(true)}
        >
          Your dots
        </button>
      )}
      {record && (
        <button
          ref={groupFilesOpener}
          type="button"
          className="button button--secondary button--small"
          aria-haspopup="dialog"
          onClick={() => setGroupFiles(true)}
        >
          Merge by file
        </button>
      )}
      {(!record || record.role === 'facilitator') && (
        <button ref={opener} type="button" className="button button--small" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          {record ? 'Invite link' : 'Invite people'}
        </button>
      )}
      <Notice />
      {voting && (
        <Suspense fallback={null}>
          <DotsDialog onClose={closeDots} />
        </Suspense>
      )}
      {groupFiles && (
        <Suspense fallback={null}>
          <GroupFilesDialog onClose={closeGroupFiles} />
        </Suspense>
      )}
      {open && (
        <Suspense fallback={null}>
          <InviteDialog onClose={close} />
        </Suspense>
      )}
    </div>
  );
}

/** Follow the facilitator's view and step (presenting mode included). */
function FollowButton() {
  const following = useSharingStore((state) => state.following);
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      aria-pressed={following}
      onClick={() => useSharingStore.getState().setFollowing(!following)}
    >
      Follow the facilitator
    </button>
  );
}
