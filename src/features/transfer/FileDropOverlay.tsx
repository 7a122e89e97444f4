/**
 * A file dragged over any part of the window can be dropped to import it.
 * The overlay appears only while a file (not text or a card) is dragged.
 */
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import './FileDropOverlay.css';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function FileDropOverlay() {
  const [active, setActive] = useState(false);
  const [, navigate] = useLocation();

  useEffect(() => {
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setActive(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setActive(false);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = async (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setActive(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      // The import code loads only when a file arrives.
      const { importFile } = await import('./runImport');
      const outcome = await importFile(file);
      if (outcome.kind === 'stay') return;
      navigate(
        outcome.kind === 'canvas' ? `/canvas/${outcome.id}/step/outcome` : outcome.kind === 'template' ? `/templates/${outcome.id}` : '/',
      );
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [navigate]);

  if (!active) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>Drop a canvas Markdown file (.md) or a backup (.json) to import it</p>
    </div>
  );
}
