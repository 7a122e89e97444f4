import { useLocation } from 'wouter';
import { showToast } from '../../components/toasts';
import type { Template } from '../../domain/templates';
import { useTemplateStore } from '../../state/templateStore';

/** "Use this template": a new canvas from it, opened at the first step. */
export function useStartFromTemplate(): (template: Template) => Promise<void> {
  const [, navigate] = useLocation();
  return async (template) => {
    const id = await useTemplateStore.getState().use(template);
    showToast({ message: `New canvas made from “${template.name}”. The template is unchanged.` });
    navigate(`/canvas/${id}/step/outcome`);
  };
}
