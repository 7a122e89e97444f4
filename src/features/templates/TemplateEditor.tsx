import { useState } from 'react';
import { showToast } from '../../components/toasts';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { type Facilitation, LIMITS, STEP_IDS } from '../../domain/model';
import type { Template, TemplateMeta } from '../../domain/templates';
import { useTemplateStore } from '../../state/templateStore';
import '../../components/facilitation.css';

/** Edits a trainer's own template: its details and the facilitator notes for each step. */
export function TemplateEditor({ template, onDone }: { template: Template; onDone: () => void }) {
  const [meta, setMeta] = useState<TemplateMeta>({
    name: template.name,
    summary: template.summary,
    audience: template.audience,
    duration: template.duration,
  });
  const [facilitation, setFacilitation] = useState<Facilitation>(template.content.facilitation);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    await useTemplateStore.getState().save({
      ...template,
      ...meta,
      name: meta.name.trim() || template.name,
      content: { ...template.content, facilitation },
      updatedAt: Date.now(),
    });
    showToast({ message: 'Template saved.' });
    onDone();
  }

  const field = (key: keyof TemplateMeta, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`template-${key}`}>{label}</label>
      {hint && <span className="hint">{hint}</span>}
      <input
        id={`template-${key}`}
        className="input"
        value={meta[key]}
        maxLength={LIMITS.templateDetailLength}
        onChange={(event) => setMeta({ ...meta, [key]: event.target.value })}
      />
    </div>
  );

  return (
    <form className="panel" onSubmit={save} aria-labelledby="template-editor-heading">
      <h2 id="template-editor-heading">Edit template</h2>
      {field('name', 'Name')}
      {field('summary', 'Summary', 'One sentence for the gallery.')}
      {field('audience', 'Who it is for')}
      {field('duration', 'Suggested duration', 'For example “2 hours”.')}
      <h3>Facilitator notes</h3>
      {STEP_IDS.map((step) => (
        <fieldset key={step} className="facilitator-fieldset">
          <legend>{STEP_GUIDANCE[step].title}</legend>
          <div className="field">
            <label htmlFor={`minutes-${step}`}>Suggested minutes</label>
            <input
              id={`minutes-${step}`}
              className="input input--short"
              type="number"
              min={0}
              max={1000}
              inputMode="numeric"
              value={facilitation[step].minutes ?? ''}
              onChange={(event) => {
                const value = event.target.value === '' ? null : Math.max(0, Math.min(1000, Math.round(Number(event.target.value))));
                setFacilitation({ ...facilitation, [step]: { ...facilitation[step], minutes: Number.isFinite(value) ? value : null } });
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`notes-${step}`}>What to ask, what to watch for</label>
            <textarea
              id={`notes-${step}`}
              className="textarea"
              rows={4}
              maxLength={LIMITS.notesLength}
              value={facilitation[step].notes}
              onChange={(event) => setFacilitation({ ...facilitation, [step]: { ...facilitation[step], notes: event.target.value } })}
            />
          </div>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="submit" className="button">
          Save template
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
