/**
 * After a route change, a keyboard or screen-reader user starts on the new
 * screen: if focus was lost with the old screen (or sat in the header), the
 * new screen's first visible heading takes it, which also announces it.
 * Where the new screen put focus itself (a check opened from the concerns
 * list, the step heading after "Next"), or the user switches views with
 * links that keep focus (marked data-keeps-focus), focus stays and the new
 * screen's title is announced in a live region instead.
 */
import { useEffect, useRef, useState } from 'react';

/** How long to wait for a lazily loaded screen or a canvas to appear, in frames (~2 s). */
const MAX_FRAMES = 120;

function screenHeading(main: HTMLElement): HTMLElement | null {
  for (const heading of main.querySelectorAll<HTMLElement>('h1, h2')) {
    // Skip headings that are there only for screen readers: focus on them would be invisible.
    if (heading.closest('.visually-hidden, dialog') || heading.classList.contains('visually-hidden')) continue;
    if (heading.getClientRects().length) return heading;
  }
  return null;
}

function focusIsLost(main: HTMLElement): boolean {
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected) return true;
  return !main.contains(active) && !active.closest('[data-keeps-focus], [role="dialog"], dialog');
}

/** Moves focus or announces the screen after each route change; returns the announcement to show. */
export function useRouteFocus(location: string): string {
  const [announcement, setAnnouncement] = useState('');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let frame = 0;
    let handle = 0;
    const settle = () => {
      const main = document.getElementById('main');
      const heading = main && screenHeading(main);
      if (!main || (!heading && frame++ < MAX_FRAMES)) {
        handle = requestAnimationFrame(settle);
        return;
      }
      if (heading && focusIsLost(main)) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
        setAnnouncement('');
      } else if (document.activeElement !== heading) {
        setAnnouncement(document.title);
      }
    };
    setAnnouncement('');
    handle = requestAnimationFrame(settle);
    return () => cancelAnimationFrame(handle);
  }, [location]);
  return announcement;
}
