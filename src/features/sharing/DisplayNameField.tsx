import type { Ref } from 'react';
import { SYNC_LIMITS } from '../../sync/protocol';

/** The name a person is shown by to the others in a shared canvas (sharing it, or joining it). */
export function DisplayNameField({
  id,
  label,
  value,
  onChange,
  error = null,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        className="input"
        value={value}
        maxLength={SYNC_LIMITS.displayNameLength}
        autoComplete="name"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="hint">
          {error}
        </p>
      )}
    </div>
  );
}
