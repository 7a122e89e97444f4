/**
 * Sharing in the canvas bar: "Invite people" for a canvas nobody shares; for
 * a shared one, who is here and whether this device is in step with them.
 * The invite dialog (with its QR code library) loads when first opened.
 */
import { Suspense, lazy, useRef, useState } from 'react';
import { useSharingStore } from '../../state/sharingStore';
import { Allowed, Notice, People, SyncStatus } from './SyncStatus';
import './sharing.css';

const InviteDialog = lazy(() => import('./InviteDialog'));
const DotsDialog = lazy(() => import('./DotsDialog'));

export function SharingControls() {
  const record = useSharingStore((state) => state.record);
  const [open, setOpen] = useState(false);
  const [voting, setVoting] = useState(false);
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
