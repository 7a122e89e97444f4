/**
 * The preset templates in templates/*.md, bundled at build time as text and
 * parsed when the gallery first needs them (they are not in the first load).
 */
import type { Template } from '../domain/templates';

const files = import.meta.glob<string>('/templates/*.md', { query: '?raw', import: 'default' });

let loading: Promise<Template[]> | null = null;

export function loadPresets(): Promise<Template[]> {
  loading ??= (async () => {
    const { readTemplateMarkdown } = await import('../domain/markdown/templateFiles');
    const texts = await Promise.all(Object.entries(files).map(async ([path, load]) => [path, await load()] as const));
    const presets: Template[] = [];
    for (const [path, text] of texts.sort(([a], [b]) => a.localeCompare(b))) {
      const result = readTemplateMarkdown(text, { id: path, now: 0, preset: true });
      // A broken preset fails CI (test/unit/templates); in the app it is left out rather than breaking the gallery.
      if (result.ok) presets.push(result.template);
      else console.warn(`Outcome Canvas: preset ${path} could not be read`, result.problems);
    }
    return presets;
  })();
  return loading;
}
