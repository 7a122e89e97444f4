import { useRef } from 'react';
import { useLocation } from 'wouter';
import { showToast } from '../../components/toasts';
import type { Template } from '../../domain/templates';
import { useTemplateStore } from '../../state/templateStore';

/** "Use this template": a new canvas from it, opened at the first step. */
export function useStartFromTemplate(): (template: Template) => Promise<void> {
  const [, navigate] = useLocation();
  // A canvas being made: a second click meanwhile (a double click) makes no second canvas.
  const making = useRef(false);
  return async (template) => {
    if (making.current) return;
    making.current = true;
    const id = await useTemplateStore
      .getState()
      .use(template)
      .finally(() => {
        making.current = false;
      });
    showToast({ message: `New canvas made from “${template.name}”. The template is unchanged.` });
    navigate(`/canvas/${id}/step/outcome`);
  };
}
