/**
 * Random ids for canvases and cards. `crypto.randomUUID` exists only in
 * secure contexts; a council intranet may serve the app over plain http, so
 * fall back to `getRandomValues`, which exists everywhere.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
