/**
 * Where to go back to from the Sources page. Links into it remember the page
 * they were on, so a facilitator can return to the same step in one click.
 * Kept in memory only: after a reload the page offers the list of canvases.
 */
let returnPath: string | null = null;

export function rememberReturnPath(path: string): void {
  returnPath = path.startsWith('/sources') ? returnPath : path;
}

export function takeReturnPath(): string | null {
  return returnPath;
}
