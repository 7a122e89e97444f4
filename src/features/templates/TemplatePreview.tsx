import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { CardSheet } from '../../components/CardSheet';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { showToast } from '../../components/toasts';
import { CHECK_GUIDANCE, LENS_GUIDANCE, STEP_GUIDANCE } from '../../domain/guidance';
import { CHECK_STATUS_LABELS, LENS_IDS, STEP_IDS, checkKey } from '../../domain/model';
import { templateFileName, templateToMarkdown } from '../../domain/markdown/templateFiles';
import type { Template } from '../../domain/templates';
import { downloadText } from '../../lib/download';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { findTemplate, useTemplateStore } from '../../state/templateStore';
import { TemplateEditor } from './TemplateEditor';
import { TemplateFacts } from './TemplateFacts';
import { useStartFromTemplate } from './useStartFromTemplate';
import '../../components/document.css';
import '../../components/facilitation.css';

/** A template as it is: read-only, with the ways to use, export, edit or delete it. */
export function TemplatePreview({ templateId }: { templateId: string }) {
  const template = useTemplateStore((state) => findTemplate(state, templateId));
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const start = useStartFromTemplate();
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
        <button type="button" className="button" onClick={() => void start(template)}>
          Use this template
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => downloadText(templateFileName(template), templateToMarkdown(template, new Date()))}
        >
          Export as file (.md)
        </button>
        {!template.preset && (
          <>
            <button type="button" className="button button--secondary" aria-expanded={editing} onClick={() => setEditing((value) => !value)}>
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
  const { content } = template;
  return (
    <article className="print-document template-content" aria-label="What the template contains">
      <h2 className="print-title">{content.title || 'Untitled canvas'}</h2>
      {content.description && <p className="print-description">{content.description}</p>}
      {STEP_IDS.map((step, i) => {
        const note = content.facilitation[step];
        const discussed = LENS_IDS.filter((lens) => {
          const check = content.checks[checkKey(step, lens)];
          return check.status !== 'not-discussed' || check.notes;
        });
        return (
          <section key={step} className="print-step">
            <h3>
              {i + 1}. {STEP_GUIDANCE[step].title}
            </h3>
            {(note.minutes !== null || note.notes) && (
              <aside className="facilitator-notes" aria-label={`Facilitator notes for ${STEP_GUIDANCE[step].title}`}>
                <h4>Facilitator notes{note.minutes !== null && ` · about ${note.minutes} minutes`}</h4>
                {note.notes && <p className="print-description">{note.notes}</p>}
              </aside>
            )}
            <CardSheet cards={content.cards[step]} empty="No cards: the team writes them." />
            {discussed.length > 0 && (
              <table className="print-table">
                <caption>Ethics checks already filled in</caption>
                <thead>
                  <tr>
                    <th scope="col">Lens</th>
                    <th scope="col">Status</th>
                    <th scope="col">Notes</th>
                  </tr>
                </thead>
                <tbody>
                  {discussed.map((lens) => {
                    const check = content.checks[checkKey(step, lens)];
                    return (
                      <tr key={lens}>
                        <th scope="row" title={CHECK_GUIDANCE[step][lens].question}>
                          {LENS_GUIDANCE[lens].title}
                        </th>
                        <td>{CHECK_STATUS_LABELS[check.status]}</td>
                        <td>{check.notes}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </article>
  );
}
