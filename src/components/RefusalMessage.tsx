/**
 * Why an edit was refused ("Write what needs doing first."), as the domain's
 * `Refusal` says it: an alert under the field or form it concerns. Nothing
 * when there is no refusal. Give it the id a field's `aria-errormessage`
 * names.
 */
export function RefusalMessage({ message, id }: { message: string | null; id?: string }) {
  return message ? (
    <p id={id} className="banner banner--error" role="alert">
      {message}
    </p>
  ) : null;
}
