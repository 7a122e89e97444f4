import type { Locator, Page } from '@playwright/test';

/*
 * Where things are as a person sees them: measured after the next frame is drawn. Before it, an
 * element with `content-visibility: auto` that has just been put in the page has its placeholder
 * size, as the browser has not yet decided whether it is on screen; nobody ever sees it so.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each element `locator` matches is, as drawn. */
export function paintedBoxesOf(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll(async (elements) => {
    await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
    return elements.map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    });
  });
}

/** Where the first element each selector finds is, as drawn (no box where it finds none). */
export function paintedBoxesAt(page: Page, selectors: string[]): Promise<Array<{ selector: string; box?: Box }>> {
  return page.evaluate(async (selectors) => {
    await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
    return selectors.map((selector) => {
      const box = document.querySelector(selector)?.getBoundingClientRect();
      return { selector, box: box && { x: box.x, y: box.y, width: box.width, height: box.height } };
    });
  }, selectors);
}
