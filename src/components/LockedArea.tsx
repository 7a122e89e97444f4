/**
 * Controls a participant may not use in a shared canvas (the facilitator has
 * not allowed it): shown, so the room sees the same canvas, but disabled as
 * a whole, with the reason above them. With no reason, just the controls.
 */
import { useId } from 'react';

export function LockedArea({ reason, children }: { reason: string | null; children: React.ReactNode }) {
  const id = useId();
  if (!reason) return <>{children}</>;
  return (
    <>
      <p className="hint" id={id}>
        {reason}
      </p>
      <fieldset className="locked-area" disabled aria-describedby={id}>
        {children}
      </fieldset>
    </>
  );
}
