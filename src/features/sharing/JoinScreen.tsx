/**
 * `#/join/<room>.<secret>`: asks for a display name (remembered), joins the
 * room, keeps the shared canvas in this device's library and opens it. A
 * wrong, revoked or ended link gets the server's words, never a blank page.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { findSharingByRoom, readDisplayName, writeDisplayName, writeSharing } from '../../storage/sharing';
import { parseInviteLink } from '../../sync/protocol';
import type { TransportStatus } from '../../sync/transport';
import { useLibraryStore } from '../../state/libraryStore';
import { DisplayNameField } from './DisplayNameField';
import './sharing.css';

const NOT_VALID = 'This invite link is not valid: part of it may be missing. Ask the facilitator to send it again.';

export default function JoinScreen({ token }: { token: string }) {
  useDocumentTitle('Join a shared canvas');
  const invite = useMemo(() => parseInviteLink(`#/join/${token}`), [token]);
  const [, navigate] = useLocation();
  const existing = useMemo(() => (invite ? findSharingByRoom(invite.roomId) : null), [invite]);

  useEffect(() => {
    if (!invite || !existing) return;
    // Already here: open it (with the newer link, if the facilitator made one).
    if (existing.role === 'participant' && existing.secret !== invite.inviteSecret)
      writeSharing({ ...existing, secret: invite.inviteSecret });
    navigate(`/canvas/${existing.canvasId}/step/outcome`, { replace: true });
  }, [invite, existing, navigate]);

  if (!invite) {
    return (
      <div className="panel join-screen">
        <h1>Join a shared canvas</h1>
        <p role="alert">{NOT_VALID}</p>
        <a className="button" href="#/">
          Go to your canvases
        </a>
      </div>
    );
  }
  if (existing) return <p>Opening the shared canvas…</p>;
  return <JoinForm roomId={invite.roomId} inviteSecret={invite.inviteSecret} />;
}

function JoinForm({ roomId, inviteSecret }: { roomId: string; inviteSecret: string }) {
  const nameId = useId();
  const [, navigate] = useLocation();
  const [name, setName] = useState(readDisplayName);
  const [status, setStatus] = useState<TransportStatus | 'idle'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const busy = status !== 'idle';

  useEffect(() => nameRef.current?.focus(), []);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const join = async () => {
    const chosen = name.trim();
    if (!chosen) {
      setNameError('Enter a name, so the others know who you are.');
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    setError(null);
    setStatus('connecting');
    writeDisplayName(chosen);
    try {
      const { joinRoom } = await import('../../state/sharedSession');
      const canvasId = await joinRoom({
        roomId,
        inviteSecret,
        name: chosen,
        addCanvas: (canvas) => useLibraryStore.getState().add(canvas),
        onState: (state) => setStatus(state.status),
      });
      navigate(`/canvas/${canvasId}/step/outcome`, { replace: true });
    } catch (caught) {
      setStatus('idle');
      setError(caught instanceof Error ? caught.message : 'Joining did not work. Try the link again.');
    }
  };

  return (
    <div className="panel join-screen">
      <h1>Join a shared canvas</h1>
      <p>
        Someone has shared an Outcome Canvas with you. Joining keeps a copy on this device, in your list of canvases, so you can keep
        working if the network drops; your edits are sent to the server at <strong>{globalThis.location.origin}</strong>.
      </p>
      {error && (
        <div ref={errorRef} className="banner banner--error" role="alert" tabIndex={-1}>
          <p>{error}</p>
        </div>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void join();
        }}
      >
        <DisplayNameField
          id={nameId}
          label="Your name, shown to the others"
          value={name}
          onChange={setName}
          error={nameError}
          inputRef={nameRef}
        />
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={busy}>
            {busy ? 'Joining…' : 'Join'}
          </button>
          <a className="button button--secondary" href="#/">
            Cancel
          </a>
        </div>
        <p role="status">
          {status === 'offline'
            ? 'The sharing server cannot be reached from this device yet. Check it is on the same network as the facilitator’s; still trying…'
            : status === 'connecting' || status === 'syncing'
              ? 'Joining…'
              : ''}
        </p>
      </form>
    </div>
  );
}
