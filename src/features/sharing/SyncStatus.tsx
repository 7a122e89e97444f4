/** A shared canvas's connection status and who is here: in the canvas bar and the invite dialog. */
import { PERMISSIONS, type Permission } from '../../sync/protocol';
import type { Presence } from '../../sync/transport';
import { useSharingStore } from '../../state/sharingStore';

/** Connecting / in step / offline with what is waiting / refused with the reason. */
export function SyncStatus() {
  const status = useSharingStore((state) => state.status);
  const refusal = useSharingStore((state) => state.refusal);
  const waiting = useSharingStore((state) => state.unsentChanges);
  const error = useSharingStore((state) => state.error);
  const changes = waiting === 1 ? '1 change' : `${waiting} changes`;
  const [label, kind] = error
    ? [error, 'refused']
    : status === 'synced'
      ? ['Shared: in step with everyone', 'synced']
      : status === 'syncing'
        ? ['Shared: catching up…', 'syncing']
        : status === 'offline'
          ? [waiting > 0 ? `Offline: ${changes} waiting, kept on this device` : 'Offline: edits are kept on this device', 'offline']
          : status === 'refused'
            ? [`Not shared: ${refusal?.message ?? 'the server refused this device.'}`, 'refused']
            : ['Shared: connecting…', 'connecting'];
  const ended = status === 'refused' && (refusal?.reason === 'sharing-ended' || refusal?.reason === 'link-revoked');
  return (
    <>
      <span className="sync-status" data-state={kind} role={kind === 'refused' ? 'alert' : undefined}>
        <span className="sync-status__dot" aria-hidden="true" />
        {label}
      </span>
      {ended && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void useSharingStore.getState().stopSharing()}
        >
          Keep it as my own copy
        </button>
      )}
    </>
  );
}

/** "Alex (facilitator)"; a facilitator who kept the suggested name "Facilitator" is not named twice. */
const nameOf = (person: Presence) => {
  const name = person.name.trim() || 'Someone';
  return person.role === 'facilitator' && name.toLowerCase() !== 'facilitator' ? `${name} (facilitator)` : name;
};

/** Names and count of who is here; this device first. */
export function People() {
  const people = useSharingStore((state) => state.people);
  if (people.length === 0) return null;
  return (
    <details className="people">
      <summary>{people.length === 1 ? '1 person here' : `${people.length} people here`}</summary>
      <ul aria-label="Who is here">
        {people.map((person) => (
          <li key={person.clientId}>{nameOf(person)}</li>
        ))}
      </ul>
    </details>
  );
}

/** For a participant: what the facilitator lets them do here, and what not. */
export function Allowed() {
  const permissions = useSharingStore((state) => state.permissions);
  const names = Object.keys(PERMISSIONS) as Permission[];
  const yes = names.filter((name) => permissions[name]);
  const no = names.filter((name) => !permissions[name]);
  return (
    <details className="people">
      <summary>What you can do</summary>
      <div className="people__panel">
        <p>The facilitator lets you:</p>
        <ul aria-label="Allowed">{yes.length ? yes.map((name) => <li key={name}>{PERMISSIONS[name]}</li>) : <li>look, not change</li>}</ul>
        {no.length > 0 && (
          <>
            <p>Only the facilitator can:</p>
            <ul aria-label="Not allowed">
              {no.map((name) => (
                <li key={name}>{PERMISSIONS[name]}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </details>
  );
}

/** Why a change made here was put back: said once, until dismissed. */
export function Notice() {
  const notice = useSharingStore((state) => state.notice);
  if (!notice) return null;
  return (
    <div className="banner sharing-notice" role="alert">
      <p>{notice}</p>
      <button type="button" className="button button--secondary button--small" onClick={() => useSharingStore.getState().dismissNotice()}>
        Dismiss
      </button>
    </div>
  );
}
