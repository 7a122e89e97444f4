import type { Locator, Page } from '@playwright/test';

/**
 * Presses Tab (or Shift+Tab) until the element has focus, as a keyboard
 * user would, and returns how many presses it took. Fails if it is not
 * reached within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { max = 120, backwards = false } = {}): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return presses;
  }
  throw new Error(`${String(target)} was not reached in ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** A short description of what has focus, for failure messages. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'the page body';
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60) ?? '';
    return `${element.tagName.toLowerCase()} “${name}”`;
  });
}

/** Presses ArrowDown in an open menu until the item has focus, then Enter. */
export async function chooseFromMenu(page: Page, name: string): Promise<void> {
  const item = page.getByRole('menu').getByRole('menuitem', { name, exact: true });
  for (let i = 0; i < 30 && !(await item.evaluate((element) => element === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}
