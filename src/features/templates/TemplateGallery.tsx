import { Link } from 'wouter';
import { type Template, templateCardCount } from '../../domain/templates';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useTemplateStore } from '../../state/templateStore';
import { TemplateFacts } from './TemplateFacts';
import { useStartFromTemplate } from './useStartFromTemplate';
import './TemplateGallery.css';

export function TemplateGallery() {
  useDocumentTitle('Templates');
  const presets = useTemplateStore((state) => state.presets);
  const own = useTemplateStore((state) => state.own);
  return (
    <>
      <p>
        <Link href="/">← All canvases</Link>
      </p>
      <h1>Templates</h1>
      <p className="hint">
        Start a workshop from a prepared canvas. Using a template makes a new canvas; the template itself never changes.
      </p>
      <section aria-labelledby="presets-heading">
        <h2 id="presets-heading">Ready-made templates</h2>
        <ul className="template-grid">
          {presets.map((template) => (
            <TemplateCard key={template.id} template={template} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="own-heading">
        <h2 id="own-heading">Your templates</h2>
        {own.length === 0 ? (
          <p>None yet. Open any canvas and choose “Save as template”, or import a template file from the home screen.</p>
        ) : (
          <ul className="template-grid">
            {own.map((template) => (
              <TemplateCard key={template.id} template={template} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function TemplateCard({ template }: { template: Template }) {
  const { start, dialog } = useStartFromTemplate();
  const cards = templateCardCount(template);
  const headingId = `template-${template.id}-name`;
  return (
    <li className="template-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{template.name}</h3>
      {template.summary && <p>{template.summary}</p>}
      <TemplateFacts template={template}>
        <dt>Cards</dt>
        <dd>{cards === 0 ? 'None: a blank canvas' : cards}</dd>
      </TemplateFacts>
      <div className="button-row">
        <button type="button" className="button" aria-label={`Use this template: ${template.name}`} onClick={() => start(template)}>
          Use this template
        </button>
        {dialog}
        <Link className="button button--secondary" href={`/templates/${template.id}`} aria-label={`Preview ${template.name}`}>
          Preview
        </Link>
      </div>
    </li>
  );
}
