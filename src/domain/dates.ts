/** Calendar dates as the model stores them: '' or YYYY-MM-DD (no time, no zone). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (so 2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The local calendar date at `now`, YYYY-MM-DD: what "today" means for a due date. */
export function localDateString(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The refusal for a date that is not '' or a real YYYY-MM-DD date, or null when it is fine. */
export function dateProblem(value: string, what: string): string | null {
  if (value === '' || isIsoDate(value)) return null;
  return `${what} must be a real date written as year-month-day, for example 2026-03-31.`;
}
