import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DocumentView } from '../../components/DocumentView';
import { showToast } from '../../components/toasts';
import { canvasFromContent } from '../../domain/content';
import { canvasDocument } from '../../domain/document/canvasDocument';
import { templateFileName, templateToMarkdown } from '../../domain/markdown/templateFiles';
import type { Template } from '../../domain/templates';
import { downloadText } from '../../lib/download';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { findTemplate, useTemplateStore } from '../../state/templateStore';
import { TemplateEditor } from './TemplateEditor';
import { TemplateFacts } from './TemplateFacts';
import { useStartFromTemplate } from './useStartFromTemplate';
import '../../components/facilitation.css';

/** A template as it is: read-only, with the ways to use, export, edit or delete it. */
export function TemplatePreview({ templateId }: { templateId: string }) {
  const template = useTemplateStore((state) => findTemplate(state, templateId));
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { start, dialog } = useStartFromTemplate();
  const [, navigate] = useLocation();
  useDocumentTitle(template ? `Template: ${template.name}` : 'Template not found');

  if (!template) {
    return (
      <div className="panel">
        <h1>Template not found</h1>
        <p>This template is not in this browser. It may have been deleted.</p>
        <Link className="button" href="/templates">
          All templates
        </Link>
      </div>
    );
  }

  async function remove(target: Template) {
    setConfirmDelete(false);
    await useTemplateStore.getState().remove(target.id);
    showToast({ message: `Template “${target.name}” deleted.` });
    navigate('/templates');
  }

  return (
    <>
      <p>
        <Link href="/templates">← All templates</Link>
      </p>
      <h1>{template.name}</h1>
      <p className="hint">{template.preset ? 'Ready-made template (read only)' : 'Your template'}</p>
      {template.summary && <p>{template.summary}</p>}
      <TemplateFacts template={template} />
      <div className="button-row panel">
        <button type="button" className="button" onClick={() => start(template)}>
          Use this template
        </button>
        {dialog}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => downloadText(templateFileName(template), templateToMarkdown(template, new Date()))}
        >
          Export as file (.md)
        </button>
        {!template.preset && (
          <>
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={editing}
              onClick={() => setEditing((value) => !value)}
            >
              Edit details and facilitator notes
            </button>
            <button type="button" className="button button--danger" onClick={() => setConfirmDelete(true)}>
              Delete template
            </button>
          </>
        )}
      </div>
      {editing && !template.preset && <TemplateEditor template={template} onDone={() => setEditing(false)} />}
      <TemplateContent template={template} />
      <ConfirmDialog
        open={confirmDelete}
        title="Delete this template?"
        confirmLabel="Delete template"
        onConfirm={() => void remove(template)}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>“{template.name}” will be removed from this browser. Canvases already made from it are not affected.</p>
      </ConfirmDialog>
    </>
  );
}

function TemplateContent({ template }: { template: Template }) {
  // The same document every output renders: what the template holds, with its facilitator notes and example cards marked.
  const doc = useMemo(() => {
    let n = 0;
    const canvas = canvasFromContent(template.content, template.id, () => `t${++n}`, template.updatedAt);
    return canvasDocument(canvas, { now: template.updatedAt, kind: 'template', includeFacilitatorNotes: true });
  }, [template]);
  return <DocumentView doc={doc} titleLevel={2} label="What the template contains" className="template-content" />;
}
