import { useAnnouncer } from './announcer';

/** The live region `announce` speaks through; one per canvas screen. */
export function Announcer() {
  const message = useAnnouncer((state) => state.message);
  const serial = useAnnouncer((state) => state.serial);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="canvas-announcer">
      {/* Alternating a no-break space makes a repeated sentence a change the screen reader hears. */}
      {message}
      {serial % 2 ? '\u00a0' : ''}
    </p>
  );
}
