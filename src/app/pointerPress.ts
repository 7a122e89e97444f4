/**
 * React's first render replaces the page's served picture (a returning visitor's library, whose
 * titles are links) with new elements. Done between a press and its release, the two land on
 * different elements and the browser sends no click: the person's click is lost. So boot.tsx
 * renders only once no press is held on the picture. The browser itself says whether one is
 * (`:active`), so nothing has to watch from before the app's code arrived.
 */

/** However long a press is held, the app comes after this (a press released outside the window may never say so). */
const LONGEST_WAIT_MS = 3000;

/** Resolves at once when nothing in `within` is pressed, else once the press is released and its click has been handled. */
export function whenNotPressed(within: Element): Promise<void> {
  if (!within.querySelector(':active')) return Promise.resolve();
  return new Promise((resolve) => {
    const options = { capture: true, passive: true };
    const released = () => {
      removeEventListener('pointerup', released, options);
      removeEventListener('pointercancel', released, options);
      clearTimeout(timer);
      // After the release's click, which the browser sends in the same task as the release.
      setTimeout(resolve, 0);
    };
    addEventListener('pointerup', released, options);
    addEventListener('pointercancel', released, options);
    const timer = setTimeout(released, LONGEST_WAIT_MS);
  });
}
