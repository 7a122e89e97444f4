/**
 * Keeps the caret where the person was typing when the text of the field
 * they are in changes from elsewhere (another tab's words merged in). A
 * controlled field set from outside would otherwise put the caret at the
 * end, and the next keys would land in the wrong place.
 */
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/** Where a caret at `caret` in `before` belongs in `after`: beside the same text. */
export function caretAfter(before: string, after: string, caret: number): number {
  if (after.startsWith(before.slice(0, caret))) return caret;
  const tail = before.slice(caret);
  if (after.endsWith(tail)) return after.length - tail.length;
  return after.length;
}

type Field = HTMLTextAreaElement | HTMLInputElement;

export function useKeepCaret(ref: RefObject<Field | null>, value: string): void {
  // What the field held, and where its caret was, the last time the person typed, moved or it was rendered.
  const known = useRef<{ value: string; start: number; end: number } | null>(null);

  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    const note = () => (known.current = { value: field.value, start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0 });
    const events = ['input', 'keyup', 'mouseup', 'select', 'focus'] as const;
    events.forEach((name) => field.addEventListener(name, note));
    return () => events.forEach((name) => field.removeEventListener(name, note));
  }, [ref]);

  useLayoutEffect(() => {
    const field = ref.current;
    const last = known.current;
    if (field && last && last.value !== value && field === field.ownerDocument.activeElement) {
      // The text changed without the person typing it: put the caret back beside the same words.
      field.setSelectionRange(caretAfter(last.value, value, last.start), caretAfter(last.value, value, last.end));
    }
    if (field) known.current = { value, start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0 };
  }, [ref, value]);
}
