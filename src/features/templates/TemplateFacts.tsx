import type { ReactNode } from 'react';
import type { Template } from '../../domain/templates';
import './TemplateFacts.css';

/** Who a template is for and how long it takes, as shown in the gallery and the preview. */
export function TemplateFacts({ template, children }: { template: Template; children?: ReactNode }) {
  return (
    <dl className="template-facts">
      {template.audience && (
        <>
          <dt>For</dt>
          <dd>{template.audience}</dd>
        </>
      )}
      {template.duration && (
        <>
          <dt>Time</dt>
          <dd>{template.duration}</dd>
        </>
      )}
      {children}
    </dl>
  );
}
