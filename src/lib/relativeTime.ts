/** "5 minutes ago", "yesterday", in British English, with the browser's own formatter. */
const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatRelativeTime(time: number, now = Date.now()): string {
  const seconds = Math.round((time - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 6 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  return absolute.format(time);
}

export function formatDateTime(time: number): string {
  return absolute.format(time);
}
