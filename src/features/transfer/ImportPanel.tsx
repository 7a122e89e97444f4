import { useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { showToast } from '../../components/toasts';
import { downloadBackup, importFile, importText, resolveConflict } from './runImport';
import { useTransferStore } from './transferStore';
import './ImportPanel.css';

/** Ways in and out of the browser: import a file or pasted Markdown, download a full backup. */
export function ImportPanel() {
  const [, navigate] = useLocation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState('');
  const pasteId = useId();

  async function onFiles(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    const outcome = await importFile(file);
    if (fileInput.current) fileInput.current.value = '';
    if (outcome.kind === 'canvas') navigate(`/canvas/${outcome.id}/step/outcome`);
    if (outcome.kind === 'template') navigate(`/templates/${outcome.id}`);
  }

  async function onPaste(event: React.FormEvent) {
    event.preventDefault();
    const outcome = await importText('Pasted Markdown', pasted);
    if (outcome.kind !== 'other') setPasted('');
    if (outcome.kind === 'canvas') navigate(`/canvas/${outcome.id}/step/outcome`);
    if (outcome.kind === 'template') navigate(`/templates/${outcome.id}`);
  }

  async function onBackup() {
    const count = await downloadBackup();
    showToast({ message: `Backup of ${count} ${count === 1 ? 'canvas' : 'canvases'} downloaded.` });
  }

  return (
    <section className="panel" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Import and back up</h2>
      <p className="hint">
        Import a canvas or template exported as Markdown (.md), or restore a backup (.json). You can also drop a file anywhere on this
        window.
      </p>
      <div className="button-row">
        <input
          ref={fileInput}
          id="import-file"
          className="visually-hidden"
          type="file"
          accept=".md,.markdown,.txt,.json,text/markdown,application/json"
          onChange={(event) => void onFiles(event.target.files)}
        />
        <label htmlFor="import-file" className="button button--secondary file-button">
          Import a file…
        </label>
        <button type="button" className="button button--secondary" onClick={() => void onBackup()}>
          Download backup of all canvases
        </button>
      </div>
      <details className="paste-box">
        <summary>Paste Markdown from a document</summary>
        <form onSubmit={onPaste}>
          <div className="field">
            <label htmlFor={pasteId}>Canvas Markdown</label>
            <textarea id={pasteId} className="textarea" rows={6} value={pasted} onChange={(event) => setPasted(event.target.value)} />
          </div>
          <button type="submit" className="button" disabled={!pasted.trim()}>
            Import pasted Markdown
          </button>
        </form>
      </details>
      <TransferResult />
    </section>
  );
}

function TransferResult() {
  const state = useTransferStore();
  if (state.status === 'idle') return null;
  if (state.status === 'working') return <p role="status">Reading {state.fileName}…</p>;
  if (state.status === 'done') {
    return (
      <p className="banner" role="status">
        {state.message}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="banner banner--error" role="alert">
        <p>
          <strong>{state.fileName} was not imported.</strong> Nothing in this browser was changed.
        </p>
        <ul>
          {state.problems.map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="banner" role="alert">
      <p>
        <strong>
          {state.clashes} of the {state.canvases.length + state.templates.length} canvases and templates in {state.fileName}{' '}
          {state.clashes === 1 ? 'is' : 'are'} already in this browser.
        </strong>{' '}
        Keep both (the backup’s {state.clashes === 1 ? 'copy comes' : 'copies come'} in as new canvases), or replace the ones here with the
        backup’s?
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void resolveConflict('keep-both')}>
          Keep both
        </button>
        <button type="button" className="button button--danger" onClick={() => void resolveConflict('replace')}>
          Replace the ones here
        </button>
        <button type="button" className="button button--secondary" onClick={() => void resolveConflict('cancel')}>
          Cancel
        </button>
      </div>
    </div>
  );
}
