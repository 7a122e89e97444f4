/**
 * Whether `hash` is the library's address (none, `#` or `#/`): the screen prerendered into
 * index.html and into the page the service worker serves, which writes the library's list only
 * there (worker/sw.ts, from the navigation's URL). (The worker's guard script,
 * worker/libraryPage.ts, repeats the test: it is serialized into a script of its own.)
 */
export const atLibrary = (hash: string = window.location.hash): boolean => /^(#\/?)?$/.test(hash);
