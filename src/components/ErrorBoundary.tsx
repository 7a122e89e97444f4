/**
 * Catches a render error and shows what happened with a way out, instead of
 * a white screen. The open canvas is still in the store, so it can be exported.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { downloadCanvasMarkdown } from '../lib/markdownDownload';
import { getOpenCanvas } from '../state/canvasSelectors';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('Outcome Canvas: a screen failed to render', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    const canvas = getOpenCanvas();
    return (
      <div className="panel" role="alert">
        <h1>Something went wrong on this screen</h1>
        <p>Outcome Canvas hit a problem it did not expect. Everything up to your last change is saved in this browser.</p>
        {canvas && <p>To be safe, you can download the canvas you were working on as Markdown now.</p>}
        <div className="button-row">
          {canvas && (
            <button type="button" className="button" onClick={() => void downloadCanvasMarkdown(canvas)}>
              Download this canvas (.md)
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
            Reload the app
          </button>
          <a className="button button--secondary" href="#/" onClick={() => this.setState({ error: null })}>
            Go to all canvases
          </a>
        </div>
        <details>
          <summary>Technical details</summary>
          <pre>{this.state.error.message}</pre>
        </details>
      </div>
    );
  }
}
