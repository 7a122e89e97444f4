import { useState } from 'react';
import { useLocation } from 'wouter';
import { showToast } from '../../components/toasts';
import { hasFacilitation, LIMITS } from '../../domain/model';
import type { KeepOptions, TemplateMeta } from '../../domain/templates';
import { useOpenCanvas } from '../../state/canvasSelectors';
import { useTemplateStore } from '../../state/templateStore';
import '../../components/facilitation.css';

/** "Save as template": name it, say who it is for, and choose what to keep. */
export function SaveAsTemplateView() {
  const canvas = useOpenCanvas();
  const [, navigate] = useLocation();
  const [meta, setMeta] = useState<TemplateMeta>(() => ({
    name: canvas?.title.trim() || 'Untitled template',
    summary: '',
    audience: '',
    duration: '2 hours',
  }));
  const [keep, setKeep] = useState<KeepOptions>(() => ({
    cards: true,
    checks: false,
    facilitatorNotes: canvas ? hasFacilitation(canvas.facilitation) : true,
  }));
  const [saving, setSaving] = useState(false);
  if (!canvas) return null;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!canvas) return;
    setSaving(true);
    try {
      const template = await useTemplateStore
        .getState()
        .saveFromCanvas(canvas, { ...meta, name: meta.name.trim() || 'Untitled template' }, keep);
      showToast({ message: `Saved the template “${template.name}”.` });
      navigate(`/templates/${template.id}`);
    } catch (error) {
      console.warn('Outcome Canvas: could not save template', error);
      showToast({ message: 'The template could not be saved in this browser. The canvas is unchanged.' });
      setSaving(false);
    }
  }

  const input = (key: keyof TemplateMeta, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`new-template-${key}`}>{label}</label>
      {hint && <span className="hint">{hint}</span>}
      <input
        id={`new-template-${key}`}
        className="input"
        value={meta[key]}
        maxLength={LIMITS.templateDetailLength}
        onChange={(event) => setMeta({ ...meta, [key]: event.target.value })}
      />
    </div>
  );
  const checkbox = (key: keyof KeepOptions, label: string) => (
    <label className="radio">
      <input type="checkbox" checked={keep[key]} onChange={(event) => setKeep({ ...keep, [key]: event.target.checked })} />
      {label}
    </label>
  );

  return (
    <form className="panel" onSubmit={save} aria-labelledby="save-template-heading">
      <h2 id="save-template-heading">Save as template</h2>
      <p>A template is a starting point for future workshops. Canvases made from it start as a copy; this canvas stays as it is.</p>
      {input('name', 'Template name')}
      {input('summary', 'Summary', 'One sentence shown in the template gallery.')}
      {input('audience', 'Who it is for', 'For example “Borough data and policy teams”.')}
      {input('duration', 'Suggested duration')}
      <fieldset className="facilitator-fieldset">
        <legend>What to keep</legend>
        {checkbox('cards', 'The cards in every step')}
        {checkbox('checks', 'Ethics check statuses and notes')}
        {checkbox('facilitatorNotes', 'Facilitator notes')}
      </fieldset>
      <button type="submit" className="button" disabled={saving}>
        Save template
      </button>
    </form>
  );
}
