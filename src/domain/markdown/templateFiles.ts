/** Template files: canvas Markdown with template details and facilitator notes. */
import { canvasFromContent } from '../content';
import type { Template } from '../templates';
import { slugify } from '../text';
import { canvasToMarkdown } from './exportCanvas';
import { type TemplateDetails, describeProblems, importCanvasMarkdown } from './importCanvas';

export type TemplateRead = { ok: true; template: Template } | { ok: false; problems: string[] };

/**
 * Reads a template file; a canvas file without template details becomes a
 * template named after its title. Details are kept exactly as written
 * (JSON-quoted values keep their spaces).
 */
export function readTemplateMarkdown(text: string, ids: { id: string; now: number; preset: boolean }): TemplateRead {
  const result = importCanvasMarkdown(text);
  if (!result.ok) return { ok: false, problems: describeProblems(result.problems) };
  const details: TemplateDetails = result.template ?? {
    id: null,
    name: result.content.title || 'Untitled template',
    summary: '',
    audience: '',
    duration: '',
  };
  return {
    ok: true,
    template: {
      id: ids.preset && details.id ? details.id : ids.id,
      name: details.name,
      summary: details.summary,
      audience: details.audience,
      duration: details.duration,
      preset: ids.preset,
      content: result.content,
      createdAt: ids.now,
      updatedAt: ids.now,
    },
  };
}

export function templateToMarkdown(template: Template, exportedAt: Date): string {
  const canvas = canvasFromContent(template.content, template.id, counter(), template.updatedAt);
  return canvasToMarkdown(canvas, {
    exportedAt,
    includeFacilitatorNotes: true,
    template: { id: template.id, name: template.name, summary: template.summary, audience: template.audience, duration: template.duration },
  });
}

export function templateFileName(template: Template): string {
  return `${slugify(template.name) || 'template'}.template.md`;
}

function counter(): () => string {
  let n = 0;
  return () => `record-${n++}`;
}
