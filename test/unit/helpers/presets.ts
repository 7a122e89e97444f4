import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readTemplateMarkdown } from '../../../src/domain/markdown/templateFiles';
import type { Template } from '../../../src/domain/templates';

export const TEMPLATE_DIR = join(__dirname, '../../../templates');

/** The preset template files in templates/, by file name. */
export const presetFiles = (): string[] => readdirSync(TEMPLATE_DIR).filter((name) => name.endsWith('.md'));

/** A preset template file, read as the app bundles it; a file that does not read fails the test. */
export function readPreset(file: string): Template {
  const result = readTemplateMarkdown(readFileSync(join(TEMPLATE_DIR, file), 'utf8'), { id: file, now: 0, preset: true });
  if (!result.ok) throw new Error(`${file}: ${result.problems.join('\n')}`);
  return result.template;
}
