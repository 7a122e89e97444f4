/**
 * The privacy check under one text field of the open canvas: the warnings
 * for its text (less those dismissed on this canvas), the id the field
 * points `aria-describedby` at while there are any, and the warnings box.
 * The box stays mounted once it has shown, so "the warning has gone" is
 * announced when the text is fixed. Dismissing is one undoable edit. The
 * check runs in a deferred render, just after the text itself is shown.
 */
import { type ReactNode, type RefObject, useDeferredValue, useState } from 'react';
import { PrivacyWarnings, usePrivacyWarnings } from '../../components/PrivacyWarnings';
import { usePrivacyDismissed } from '../../state/canvasSelectors';
import { dismissPrivacy } from './cardActions';

interface FieldPrivacyOptions {
  /** Prefix for the warnings' ids. */
  id: string;
  returnFocusRef: RefObject<HTMLElement | null>;
  /** "this card", "these notes". */
  subject: string;
  compact?: boolean;
}

export function useFieldPrivacy(
  text: string,
  { id, returnFocusRef, subject, compact = false }: FieldPrivacyOptions,
): {
  describedBy: string | undefined;
  warnings: ReactNode;
} {
  // Checked in a render of its own after the text shows: opening a board of hundreds of cards, or a keystroke, waits for no check.
  const checkedText = useDeferredValue(text, '');
  const warnings = usePrivacyWarnings(checkedText, usePrivacyDismissed());
  const [shown, setShown] = useState(false);
  if (warnings.length > 0 && !shown) setShown(true);
  return {
    describedBy: warnings.length > 0 ? `${id}-summary` : undefined,
    warnings: shown ? (
      <PrivacyWarnings
        id={id}
        warnings={warnings}
        returnFocusRef={returnFocusRef}
        subject={subject}
        compact={compact}
        onDismiss={(warning) => dismissPrivacy(warning.fingerprint)}
      />
    ) : null,
  };
}
