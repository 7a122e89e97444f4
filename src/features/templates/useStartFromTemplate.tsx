/**
 * "Use this template": asks for the new canvas's title (the template's, to
 * start with), then makes the canvas and opens it at the first step.
 */
import { useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { showToast } from '../../components/toasts';
import { LIMITS } from '../../domain/model';
import type { Template } from '../../domain/templates';
import { useTemplateStore } from '../../state/templateStore';
import '../../components/ConfirmDialog.css';

/** Returns `start(template)`, which opens the dialog, and the dialog to render. */
export function useStartFromTemplate(): { start: (template: Template) => void; dialog: React.ReactNode } {
  const [template, setTemplate] = useState<Template | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const start = (chosen: Template) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setTemplate(chosen);
  };
  const dialog = template ? (
    <NewCanvasDialog
      key={template.id}
      template={template}
      onCancel={() => {
        setTemplate(null);
        opener.current?.focus();
      }}
    />
  ) : null;
  return { start, dialog };
}

function NewCanvasDialog({ template, onCancel }: { template: Template; onCancel: () => void }) {
  const [, navigate] = useLocation();
  const [title, setTitle] = useState(() => template.content.title || template.name);
  // A canvas being made: a second press meanwhile (a double click) makes no second canvas.
  const making = useRef(false);
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const open = (element: HTMLDialogElement | null) => {
    ref.current = element;
    if (element && !element.open) {
      element.showModal();
      inputRef.current?.select();
    }
  };

  // Closed first: while a modal dialog is open, nothing outside it can take focus back.
  const cancel = () => {
    ref.current?.close();
    onCancel();
  };

  async function create() {
    if (making.current) return;
    making.current = true;
    const id = await useTemplateStore
      .getState()
      .use(template, title.trim() || undefined)
      .finally(() => {
        making.current = false;
      });
    ref.current?.close();
    showToast({ message: `New canvas made from “${template.name}”. The template is unchanged.` });
    navigate(`/canvas/${id}/step/outcome`);
  }

  return (
    <dialog
      ref={open}
      aria-labelledby="new-canvas-title"
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      <h2 id="new-canvas-title">New canvas from “{template.name}”</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <div className="field">
          <label htmlFor="new-canvas-title-input">Title of the new canvas</label>
          <span className="hint" id="new-canvas-title-hint">
            For example the service or the borough’s theme. You can change it later.
          </span>
          <input
            ref={inputRef}
            id="new-canvas-title-input"
            className="input"
            dir="auto"
            maxLength={LIMITS.titleLength}
            aria-describedby="new-canvas-title-hint"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            Create canvas
          </button>
          <button type="button" className="button button--secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
