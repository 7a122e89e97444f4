/**
 * The text box of a form that adds something to the workshop's lists (an
 * action, a parked item): it says when the form refused it (`errorId` names
 * the refusal's message) and warns as it is typed if the text looks like
 * personal data, as a card does.
 */
import type { RefObject } from 'react';
import { useFieldPrivacy } from './useFieldPrivacy';

interface NewItemTextProps {
  id: string;
  label: string;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
  /** The id of the refusal's message while one is shown. */
  errorId: string | null;
  textRef: RefObject<HTMLTextAreaElement | null>;
  /** "this action", "this item". */
  subject: string;
}

export function NewItemText({ id, label, maxLength, value, onChange, errorId, textRef, subject }: NewItemTextProps) {
  const privacy = useFieldPrivacy(value, { id: `${id}-privacy`, returnFocusRef: textRef, subject, compact: true });
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={textRef}
        id={id}
        className="textarea"
        rows={2}
        dir="auto"
        maxLength={maxLength}
        aria-invalid={errorId ? true : undefined}
        aria-errormessage={errorId ?? undefined}
        aria-describedby={privacy.describedBy}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {privacy.warnings}
    </div>
  );
}
