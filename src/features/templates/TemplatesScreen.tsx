import { useEffect } from 'react';
import { useTemplateStore } from '../../state/templateStore';
import { TemplateGallery } from './TemplateGallery';
import { TemplatePreview } from './TemplatePreview';

/** The template gallery and a template's read-only preview; loaded only when opened. */
export default function TemplatesScreen({ templateId }: { templateId?: string }) {
  const status = useTemplateStore((state) => state.status);
  useEffect(() => {
    void useTemplateStore.getState().load();
  }, []);
  if (status === 'loading') return <p>Loading templates…</p>;
  if (status === 'failed') return <p role="alert">The templates could not be loaded. Reload the page to try again.</p>;
  return templateId ? <TemplatePreview templateId={templateId} /> : <TemplateGallery />;
}
