import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../src/components/ErrorBoundary';
import { useCanvasStore } from '../../../src/state/canvasStore';
import { resetApp, seed } from '../helpers/appState';
import { buildCanvas } from '../helpers/canvasBuilder';

function Broken(): never {
  throw new Error('Cannot read properties of undefined (reading "cards")');
}

/** The browser's file download: a blob URL and a click on a link with a file name. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const files: { name: string; href: string }[] = [];
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (blob: Blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => {} });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, href: this.href });
  });
  return { blobs, files };
}

describe('ErrorBoundary', () => {
  beforeEach(async () => {
    await resetApp();
    // React and the boundary both report the expected error; keep the output clean.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('shows its children when nothing goes wrong', () => {
    render(
      <ErrorBoundary>
        <p>All fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('All fine')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('replaces a screen that throws with a message and ways out', () => {
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on this screen');
    expect(screen.getByRole('button', { name: 'Reload the app' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to all canvases' })).toHaveAttribute('href', '#/');
    expect(screen.getByText(/reading "cards"/)).toBeInTheDocument();
    // No canvas is open, so there is nothing to download.
    expect(screen.queryByRole('button', { name: 'Download this canvas (.md)' })).not.toBeInTheDocument();
  });

  it('offers to download the open canvas as Markdown, and the download holds the canvas', async () => {
    await seed(buildCanvas({ id: 'c1', title: 'Housing plan', cards: { outcome: ['Stable homes'] } }));
    await useCanvasStore.getState().open('c1');
    const { blobs, files } = captureDownloads();
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Download this canvas (.md)' }));

    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]).toEqual({ name: 'housing-plan.md', href: 'blob:test/1' });
    const markdown = await blobs[0]!.text();
    expect(markdown).toContain('# Housing plan');
    expect(markdown).toContain('- Stable homes');
  });
});
