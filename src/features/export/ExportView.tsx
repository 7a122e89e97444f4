/**
 * The Markdown export: a preview, the plain text, Download .md and Copy.
 * Loaded only when opened, with the serialiser and react-markdown.
 */
import { useMemo, useState } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { showToast } from '../../components/toasts';
import { canvasToMarkdown, markdownFileName } from '../../domain/markdown/exportCanvas';
import { downloadText } from '../../lib/download';
import { hasFacilitation } from '../../domain/model';
import { useOpenCanvas } from '../../state/canvasSelectors';
import './ExportView.css';

/**
 * The preview shows text only: no raw HTML (react-markdown drops it), no
 * images fetched from anywhere, links shown but inert.
 */
const previewComponents: Components = {
  img: ({ alt }) => <span>[image: {alt}]</span>,
  a: ({ children }) => <span className="preview-link">{children}</span>,
  input: ({ checked }) => <input type="checkbox" checked={checked} disabled aria-label={checked ? 'Done' : 'Not done'} />,
  h1: ({ children }) => <h2>{children}</h2>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
};

/** The format marker at the top is for the app, not the reader: the preview leaves it out. */
const withoutFrontMatter = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n+/, '');

export default function ExportView() {
  const canvas = useOpenCanvas();
  const [tab, setTab] = useState<'preview' | 'source'>('preview');
  const [withFacilitation, setWithFacilitation] = useState(false);
  const markdown = useMemo(
    () => (canvas ? canvasToMarkdown(canvas, { exportedAt: new Date(), includeFacilitatorNotes: withFacilitation }) : ''),
    [canvas, withFacilitation],
  );
  if (!canvas) return null;

  async function copy() {
    try {
      // For pasting into a document: without the format marker, which the importer does not need.
      await navigator.clipboard.writeText(withoutFrontMatter(markdown));
      showToast({ message: 'Markdown copied. Paste it into your project document.' });
    } catch {
      setTab('source');
      showToast({ message: 'This browser blocked copying. Select the Markdown text below and copy it yourself.' });
    }
  }

  return (
    <section className="export-layout" aria-labelledby="export-heading">
      <div className="panel">
        <h2 id="export-heading">Export as Markdown</h2>
        <p>
          Clean GitHub-flavoured Markdown for project documents: each step with its cards, the ethics checks as tables, and the open
          concerns at the end.
        </p>
        {hasFacilitation(canvas.facilitation) && (
          <label className="radio">
            <input type="checkbox" checked={withFacilitation} onChange={(event) => setWithFacilitation(event.target.checked)} />
            Include facilitator notes
          </label>
        )}
        <div className="button-row">
          <button type="button" className="button" onClick={() => downloadText(markdownFileName(canvas), markdown)}>
            Download .md
          </button>
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            Copy Markdown
          </button>
        </div>
      </div>
      <div className="segmented" role="group" aria-label="Show the export as">
        <button type="button" className="button--tab" aria-pressed={tab === 'preview'} onClick={() => setTab('preview')}>
          Preview
        </button>
        <button type="button" className="button--tab" aria-pressed={tab === 'source'} onClick={() => setTab('source')}>
          Markdown text
        </button>
      </div>
      {tab === 'preview' ? (
        <article className="markdown-preview" aria-label="Preview of the exported Markdown">
          <Markdown remarkPlugins={[remarkGfm]} components={previewComponents} skipHtml>
            {withoutFrontMatter(markdown)}
          </Markdown>
        </article>
      ) : (
        <pre className="markdown-source" tabIndex={0} aria-label="Exported Markdown text" data-testid="markdown-source">
          {markdown}
        </pre>
      )}
    </section>
  );
}
