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

/** A window this short, in CSS pixels, is a 1280 by 720 projector zoomed to 125 % or more (150 %: 853 by 480). */
const SHORT_WINDOW = 600;

/**
 * Views switched with links that keep focus, on a short window, open with at most their heading in sight,
 * under the canvas's title, description and the links themselves: then the links go to the top of the
 * window, still in sight with focus on one, and the view comes into sight under them. (On a taller window
 * the page stays put: the title and description stay in sight.)
 */
function bringViewIntoSight(main: HTMLElement, active: Element): void {
  const links = active.closest<HTMLElement>('[data-keeps-focus]');
  if (!links) return;
  const heading = Array.from(main.querySelectorAll<HTMLElement>('h2')).find(
    (candidate) => links.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING && candidate.getClientRects().length > 0,
  );
  if (heading && window.innerHeight < SHORT_WINDOW && heading.getBoundingClientRect().top > window.innerHeight / 2)
    links.scrollIntoView({ block: 'start' });
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
        if (document.activeElement) bringViewIntoSight(main, document.activeElement);
        setAnnouncement(document.title);
      }
    };
    setAnnouncement('');
    handle = requestAnimationFrame(settle);
    return () => cancelAnimationFrame(handle);
  }, [location]);
  return announcement;
}
