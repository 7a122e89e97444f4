/**
 * "Invite people": says where the canvas will go before anything is sent,
 * shares it on the facilitator's word, then shows the link, a QR code for
 * phones, a Copy link button, who is here, and the ways to end it (a new
 * link, or stop sharing), each confirmed.
 *
 * The QR code is drawn by qrcode.react as an SVG of React elements (no
 * canvas, no HTML strings), in this lazily loaded chunk only.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { QRCodeSVG } from 'qrcode.react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RefusalMessage } from '../../components/RefusalMessage';
import { readDisplayName } from '../../storage/sharing';
import { PERMISSIONS, type Permission } from '../../sync/protocol';
import { useSharingStore } from '../../state/sharingStore';
import { DisplayNameField } from './DisplayNameField';
import { SharingDialog } from './SharingDialog';
import { People, SyncStatus } from './SyncStatus';

export default function InviteDialog({ onClose }: { onClose: () => void }) {
  const record = useSharingStore((state) => state.record);
  return (
    <SharingDialog titleId="invite-dialog-title" onClose={onClose}>
      {(close) => (
        <>
          <h2 id="invite-dialog-title">Invite people to this canvas</h2>
          {record ? <Shared onClose={close} /> : <BeforeSharing onClose={close} />}
        </>
      )}
    </SharingDialog>
  );
}

function WhereItGoes() {
  const origin = globalThis.location.origin;
  return (
    <>
      <p>
        Sharing sends this canvas to the sync server at <strong>{origin}</strong> (the server this app comes from): its title, description,
        cards, checks, action log, data inventory and workshop details. Until you share it, nothing about this canvas has left this device.
        Your facilitator notes stay on this device.
      </p>
      <p>
        Anyone with the link can join from a laptop or phone and edit what you allow. To stop, choose <strong>Stop sharing</strong>: the
        server deletes its copy and everyone is disconnected; every device keeps the copy it has.
      </p>
    </>
  );
}

function BeforeSharing({ onClose }: { onClose: () => void }) {
  const nameId = useId();
  const [name, setName] = useState(() => readDisplayName() || 'Facilitator');
  const [busy, setBusy] = useState(false);
  const error = useSharingStore((state) => state.error);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        if (busy) return;
        setBusy(true);
        await useSharingStore.getState().share(name);
        setBusy(false);
      }}
    >
      <WhereItGoes />
      <DisplayNameField id={nameId} label="Your name, shown to the people who join" value={name} onChange={setName} inputRef={nameRef} />
      <RefusalMessage message={error} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? 'Sharing…' : 'Share this canvas'}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Shared({ onClose }: { onClose: () => void }) {
  const linkId = useId();
  const record = useSharingStore((state) => state.record);
  const error = useSharingStore((state) => state.error);
  const link = useSharingStore((state) => (state.record ? state.link() : null));
  const [copied, setCopied] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'new-link' | 'stop' | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const copyRef = useRef<HTMLButtonElement>(null);
  useEffect(() => copyRef.current?.focus(), [record?.inviteSecret]);

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      // No clipboard API on a plain-http address: copy the selected text the old way.
      linkRef.current?.select();
      document.execCommand('copy');
    }
    setCopied('Link copied.');
  };

  return (
    <>
      <SyncStatus />
      {link ? (
        <>
          <div className="field">
            <label htmlFor={linkId}>Invite link</label>
            <input
              ref={linkRef}
              id={linkId}
              className="input invite-dialog__link"
              readOnly
              value={link}
              onFocus={(event) => event.target.select()}
            />
          </div>
          <div className="button-row">
            <button ref={copyRef} type="button" className="button" onClick={copy}>
              Copy link
            </button>
            <span role="status">{copied}</span>
          </div>
          <div className="invite-dialog__columns">
            <figure className="invite-dialog__qr">
              <QRCodeSVG value={link} size={224} level="M" marginSize={2} title="QR code of the invite link" role="img" />
              <figcaption>Scan with a phone’s camera to join.</figcaption>
            </figure>
            <div>
              <People />
              <p>
                Shared through the sync server at <strong>{globalThis.location.origin}</strong>. Your facilitator notes stay on this device.{' '}
                <strong>Stop sharing</strong> deletes the server’s copy and disconnects everyone; every device keeps the copy it has.
              </p>
            </div>
          </div>
        </>
      ) : (
        <p>This device does not hold the invite link.</p>
      )}
      <ParticipantPermissions />
      <RefusalMessage message={error} />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => setConfirm('new-link')}>
          New link
        </button>
        <button type="button" className="button button--danger" onClick={() => setConfirm('stop')}>
          Stop sharing
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <ConfirmDialog
        open={confirm === 'new-link'}
        title="Make a new invite link?"
        confirmLabel="Make a new link"
        onCancel={() => setConfirm(null)}
        onConfirm={async () => {
          setConfirm(null);
          setCopied(null);
          await useSharingStore.getState().newLink();
        }}
      >
        <p>The current link stops working at once. People who joined with it are disconnected until they use the new link.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'stop'}
        title="Stop sharing this canvas?"
        confirmLabel="Stop sharing"
        onCancel={() => setConfirm(null)}
        onConfirm={async () => {
          setConfirm(null);
          await useSharingStore.getState().stopSharing();
          onClose();
        }}
      >
        <p>Everyone is disconnected and the server deletes its copy. This device, and every other, keeps the copy it has.</p>
      </ConfirmDialog>
    </>
  );
}

/** What participants may do: the server enforces it on every change they send. */
function ParticipantPermissions() {
  const permissions = useSharingStore((state) => state.permissions);
  return (
    <fieldset>
      <legend>What participants may do</legend>
      {(Object.keys(PERMISSIONS) as Permission[]).map((name) => (
        <label key={name} className="radio">
          <input
            type="checkbox"
            checked={permissions[name]}
            onChange={(event) => useSharingStore.getState().setPermission(name, event.target.checked)}
          />
          {PERMISSIONS[name]}
        </label>
      ))}
      <p className="hint">Participants always vote with their own dots. Deleting the canvas stays with you.</p>
    </fieldset>
  );
}
