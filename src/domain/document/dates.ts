/** Dates as documents write them: "12 March 2026". */

// Made when first used, not when this module loads (with the canvas screen): a formatter loads the
// browser's locale data, ~20 ms of opening a board in a profile at 1x when it was made at load.
let long: Intl.DateTimeFormat | undefined;
let longLocal: Intl.DateTimeFormat | undefined;

/** A moment, in the reader's own time zone. */
export const formatLongDate = (date: Date | number): string =>
  (longLocal ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })).format(date);

/** A calendar day stored as YYYY-MM-DD (no time zone); anything else is returned as it is. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return day;
  return (long ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(date);
}
