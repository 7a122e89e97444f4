/** Dates as documents write them: "12 March 2026". */

const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const LONG_LOCAL = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** A moment, in the reader's own time zone. */
export const formatLongDate = (date: Date | number): string => LONG_LOCAL.format(date);

/** A calendar day stored as YYYY-MM-DD (no time zone); anything else is returned as it is. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? day : LONG.format(date);
}
