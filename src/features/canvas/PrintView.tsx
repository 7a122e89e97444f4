import { useMemo, useState } from 'react';
import { DocumentView } from '../../components/DocumentView';
import { canvasDocument } from '../../domain/document/canvasDocument';
import { useOpenCanvas } from '../../state/canvasSelectors';

/**
 * The canvas as a document for paper or PDF: the shared document model
 * (everything the canvas holds, as every export writes it), with no app
 * controls on paper.
 */
export function PrintView({ showToolbar }: { showToolbar: boolean }) {
  const canvas = useOpenCanvas();
  const [openedAt] = useState(() => Date.now());
  const doc = useMemo(() => (canvas ? canvasDocument(canvas, { now: openedAt, dateLine: 'printed' }) : null), [canvas, openedAt]);
  if (!doc) return null;
  return (
    <DocumentView
      doc={doc}
      titleLevel={2}
      before={
        showToolbar && (
          <div className="panel no-print">
            <p>
              This is how the canvas prints: A4, without the app’s buttons. Use your browser’s print dialogue to print it or save it as a
              PDF.
            </p>
            <button type="button" className="button" onClick={() => window.print()}>
              Print or save as PDF
            </button>
          </div>
        )
      }
    />
  );
}
