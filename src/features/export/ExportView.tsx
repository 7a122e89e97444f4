/**
 * Export and share: the canvas as a project document (copied with its
 * formatting, as a Word file, as Markdown, or as a page to send), the
 * governance drafts, and the canvas file that imports back. Every document
 * here and the preview render the one document model (domain/document).
 * Loaded only when opened; the Word writer loads only when asked for.
 */
import { useId, useMemo, useState } from 'react';
import { DocumentView } from '../../components/DocumentView';
import { showToast } from '../../components/toasts';
import { canvasDocument } from '../../domain/document/canvasDocument';
import { formatLongDate } from '../../domain/document/dates';
import { ethicsFrameworkDraft } from '../../domain/document/ethicsFramework';
import { documentToClipboardHtml, documentToHtmlPage } from '../../domain/document/html';
import { documentToMarkdown } from '../../domain/document/markdown';
import type { Doc } from '../../domain/document/model';
import { documentToPlainText } from '../../domain/document/plainText';
import { registerDraft } from '../../domain/document/register';
import { canvasToMarkdown, markdownFileName } from '../../domain/markdown/exportCanvas';
import { type Canvas, displayTitle, hasFacilitation } from '../../domain/model';
import { slugify } from '../../domain/text';
import { copyFormatted, downloadDocx } from '../../lib/documentFiles';
import { downloadText } from '../../lib/download';
import { useOpenCanvas } from '../../state/canvasSelectors';
import './ExportView.css';

/** The format marker at the top is for the app, not the reader: "Copy canvas Markdown" leaves it out. */
const withoutFrontMatter = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n+/, '');

const baseName = (canvas: Canvas) => slugify(displayTitle(canvas)) || 'canvas';

export const FILE_NAMES = {
  docx: (canvas: Canvas) => `${baseName(canvas)}.docx`,
  documentMarkdown: (canvas: Canvas) => `${baseName(canvas)}-document.md`,
  page: (canvas: Canvas) => `${baseName(canvas)}.html`,
  register: (canvas: Canvas, ext: 'md' | 'docx') => `${baseName(canvas)}-algorithm-register-draft.${ext}`,
  ethics: (canvas: Canvas, ext: 'md' | 'docx') => `${baseName(canvas)}-data-ethics-self-assessment-draft.${ext}`,
};

/** A button that runs its action once at a time: a second click while it works does nothing. */
function ActionButton({
  label,
  busyLabel,
  onRun,
  secondary,
}: {
  label: string;
  busyLabel?: string;
  onRun: () => Promise<void> | void;
  secondary?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  async function run() {
    if (busy) return;
    setBusy(true);
    try {
      await onRun();
    } finally {
      setBusy(false);
    }
  }
  return (
    <button
      type="button"
      className={`button${secondary ? ' button--secondary' : ''}`}
      aria-disabled={busy || undefined}
      onClick={() => void run()}
    >
      {busy ? (busyLabel ?? label) : label}
    </button>
  );
}

export default function ExportView() {
  const canvas = useOpenCanvas();
  const [tab, setTab] = useState<'document' | 'file'>('document');
  const [withFacilitation, setWithFacilitation] = useState(false);
  const [examples, setExamples] = useState<'mark' | 'omit'>('mark');
  const examplesName = useId();
  // One moment for this visit to the view: the date line and what counts as overdue.
  const [openedAt] = useState(() => Date.now());
  const hasExamples = useMemo(
    () => !!canvas && Object.values(canvas.cards).some((card) => card.example && card.deletedAt === null),
    [canvas],
  );
  const includeFacilitatorNotes = withFacilitation && !!canvas && hasFacilitation(canvas.facilitation);
  const doc = useMemo(
    () => (canvas ? canvasDocument(canvas, { now: openedAt, dateLine: 'exported', includeFacilitatorNotes, examples }) : null),
    [canvas, openedAt, includeFacilitatorNotes, examples],
  );
  const canvasFile = useMemo(
    () => (canvas ? canvasToMarkdown(canvas, { exportedAt: new Date(openedAt), includeFacilitatorNotes }) : ''),
    [canvas, openedAt, includeFacilitatorNotes],
  );
  if (!canvas || !doc) return null;
  const made = `Made with Outcome Canvas on ${formatLongDate(openedAt)}.`;

  async function copyDocument(value: Doc) {
    const result = await copyFormatted(documentToClipboardHtml(value), documentToPlainText(value));
    if (result === 'formatted')
      showToast({ message: 'Copied with its headings, lists and tables. Paste it into Word, Google Docs, Outlook or Confluence.' });
    else if (result === 'text-only')
      showToast({ message: 'This browser copied the text without its formatting. Download the Word document instead.' });
    else showToast({ message: 'This browser blocked copying. Download the Word document or the Markdown instead.' });
  }

  async function copyCanvasFile() {
    try {
      await navigator.clipboard.writeText(withoutFrontMatter(canvasFile));
      showToast({ message: 'Canvas Markdown copied.' });
    } catch {
      setTab('file');
      showToast({ message: 'This browser blocked copying. Select the canvas file’s text below and copy it yourself.' });
    }
  }

  const word = (fileName: string, value: Doc) => downloadDocx(fileName, value, { description: made });

  return (
    <section className="export-layout" aria-labelledby="export-heading">
      <div className="panel">
        <h2 id="export-heading">Export and share</h2>
        {(hasFacilitation(canvas.facilitation) || hasExamples) && (
          <fieldset className="export-options">
            <legend>What to include</legend>
            {hasFacilitation(canvas.facilitation) && (
              <label className="radio">
                <input type="checkbox" checked={withFacilitation} onChange={(event) => setWithFacilitation(event.target.checked)} />
                Include facilitator notes
              </label>
            )}
            {hasExamples && (
              <div role="radiogroup" aria-label="The template’s example cards">
                <label className="radio">
                  <input type="radio" name={examplesName} checked={examples === 'mark'} onChange={() => setExamples('mark')} />
                  Example cards marked as examples
                </label>
                <label className="radio">
                  <input type="radio" name={examplesName} checked={examples === 'omit'} onChange={() => setExamples('omit')} />
                  Example cards left out
                </label>
              </div>
            )}
          </fieldset>
        )}

        <h3>For a project document</h3>
        <p>
          Each step with its question and cards, the ethics and governance checks as tables, the concerns, the action log and the data
          inventory.
        </p>
        <div className="button-row">
          <ActionButton label="Copy for a document" onRun={() => copyDocument(doc)} />
          <ActionButton
            label="Download Word document (.docx)"
            busyLabel="Preparing the Word document…"
            onRun={() => word(FILE_NAMES.docx(canvas), doc)}
            secondary
          />
          <ActionButton
            label="Download Markdown for a document (.md)"
            onRun={() => downloadText(FILE_NAMES.documentMarkdown(canvas), documentToMarkdown(doc))}
            secondary
          />
          <ActionButton
            label="Download a page to send (.html)"
            onRun={() =>
              downloadText(
                FILE_NAMES.page(canvas),
                documentToHtmlPage(doc, { footer: `${made} A read-only copy: it runs no scripts and loads nothing.` }),
                'text/html;charset=utf-8',
              )
            }
            secondary
          />
        </div>
        <p className="hint">The page to send is one file anyone can open from an email, read-only, with nothing to install.</p>

        <h3>Drafts for governance</h3>
        <p>
          Started from what the canvas holds, clearly marked as drafts, with every part the canvas cannot fill listed for the team to
          complete.
        </p>
        <dl className="export-drafts">
          <dt>Algorithm register record: the Algorithmic Transparency Recording Standard, tier 1 and tier 2</dt>
          <dd className="button-row">
            <ActionButton
              label="Register record as Word (.docx)"
              busyLabel="Preparing the Word document…"
              onRun={() => word(FILE_NAMES.register(canvas, 'docx'), registerDraft(canvas, { now: Date.now() }))}
              secondary
            />
            <ActionButton
              label="Register record as Markdown (.md)"
              onRun={() => downloadText(FILE_NAMES.register(canvas, 'md'), documentToMarkdown(registerDraft(canvas, { now: Date.now() })))}
              secondary
            />
          </dd>
          <dt>Self-assessment against the UK Data Ethics Framework</dt>
          <dd className="button-row">
            <ActionButton
              label="Self-assessment as Word (.docx)"
              busyLabel="Preparing the Word document…"
              onRun={() => word(FILE_NAMES.ethics(canvas, 'docx'), ethicsFrameworkDraft(canvas, { now: Date.now() }))}
              secondary
            />
            <ActionButton
              label="Self-assessment as Markdown (.md)"
              onRun={() =>
                downloadText(FILE_NAMES.ethics(canvas, 'md'), documentToMarkdown(ethicsFrameworkDraft(canvas, { now: Date.now() })))
              }
              secondary
            />
          </dd>
        </dl>

        <h3>The canvas file</h3>
        <p>
          Everything the canvas holds, in Markdown that imports back into Outcome Canvas exactly: to keep a copy, or to move the canvas to
          another computer.
        </p>
        <div className="button-row">
          <ActionButton label="Download canvas file (.md)" onRun={() => downloadText(markdownFileName(canvas), canvasFile)} secondary />
          <ActionButton label="Copy canvas Markdown" onRun={copyCanvasFile} secondary />
        </div>
      </div>
      <div className="segmented" role="group" aria-label="Show">
        <button type="button" className="button--tab" aria-pressed={tab === 'document'} onClick={() => setTab('document')}>
          The document
        </button>
        <button type="button" className="button--tab" aria-pressed={tab === 'file'} onClick={() => setTab('file')}>
          The canvas file’s text
        </button>
      </div>
      {tab === 'document' ? (
        <DocumentView doc={doc} titleLevel={3} label="Preview of the document" className="export-preview" />
      ) : (
        <pre className="markdown-source" tabIndex={0} aria-label="The canvas file’s text" data-testid="markdown-source">
          {canvasFile}
        </pre>
      )}
    </section>
  );
}
