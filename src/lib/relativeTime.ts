/** "5 minutes ago", "yesterday", in British English, with the browser's own formatter. */

// Made when first used, not when this module loads: a formatter loads the browser's locale data,
// a cost the first screen need not pay when it shows no date (an empty library).
let relative: Intl.RelativeTimeFormat | undefined;
let absolute: Intl.DateTimeFormat | undefined;
const relativeFormat = () => (relative ??= new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' }));
const absoluteFormat = () =>
  (absolute ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }));

export function formatRelativeTime(time: number, now = Date.now()): string {
  const seconds = Math.round((time - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 45 * 60) return relativeFormat().format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relativeFormat().format(Math.round(seconds / 3600), 'hour');
  if (abs < 6 * 86400) return relativeFormat().format(Math.round(seconds / 86400), 'day');
  return absoluteFormat().format(time);
}

export function formatDateTime(time: number): string {
  return absoluteFormat().format(time);
}
