/**
 * Whether `hash` is the library's address (none, `#` or `#/`): the screen prerendered into
 * index.html and into the page the service worker serves. (The worker's guard script,
 * worker/libraryPage.ts, repeats the test: it is serialized into a script of its own.)
 */
export const atLibrary = (hash: string = window.location.hash): boolean => /^(#\/?)?$/.test(hash);
