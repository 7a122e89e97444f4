import type { Locator } from '@playwright/test';

export interface TextSample {
  text: string;
  /** WCAG contrast ratio of the text's computed colour against the background behind it. */
  ratio: number;
  fontSizePx: number;
}

/**
 * Every element under `root` that shows text of its own on screen, with the
 * contrast of its computed colour against the backgrounds behind it
 * (composited up the tree, over white) and its font size. Measured from
 * computed styles, not from a screenshot.
 */
export function measureText(root: Locator): Promise<TextSample[]> {
  return root.evaluate((container) => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let at: Element | null = element; at; at = at.parentElement) layers.push(parse(getComputedStyle(at).backgroundColor));
      let result: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const samples: Array<{ text: string; ratio: number; fontSizePx: number }> = [];
    for (const element of container.querySelectorAll('*')) {
      const own = Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      if (!own) continue;
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      // Text for screen readers only (1 px, clipped) and hidden text are not seen.
      if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden' || element.closest('.visually-hidden')) continue;
      if (rect.bottom < 0 || rect.top > innerHeight) continue;
      const back = background(element);
      const fore = over(parse(style.color), back);
      const [l1, l2] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
      samples.push({ text: own.slice(0, 40), ratio: (l1! + 0.05) / (l2! + 0.05), fontSizePx: parseFloat(style.fontSize) });
    }
    return samples;
  });
}
