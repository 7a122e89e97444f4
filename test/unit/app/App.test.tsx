import { act, screen, waitFor } from '@testing-library/react';
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useCanvasStore } from '../../../src/state/canvasStore';
import { repository } from '../../../src/state/repositoryStore';
import { dexieQuotaExceeded, resetApp, seed } from '../helpers/appState';
import { buildCanvas } from '../helpers/canvasBuilder';
import { renderApp } from '../helpers/renderApp';

beforeEach(async () => {
  await resetApp();
});

describe('app shell', () => {
  it('shows "Page not found" with a way back for an unknown address', async () => {
    renderApp('#/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to all canvases' })).toHaveAttribute('href', '#/');
  });

  it('says plainly that work is not being saved when the browser refuses storage, and still works', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    Reflect.deleteProperty(globalThis, 'indexedDB');
    Dexie.dependencies.indexedDB = undefined as never;
    // (test/setup.ts gives the next test a working IndexedDB again.)

    const { user } = renderApp('#/');
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Your work is not being saved.');
    expect(banner).toHaveTextContent('“Export” on each canvas');
    expect(screen.getByText('Not saved: kept in this tab only')).toBeInTheDocument();

    await user.type(screen.getByLabelText('New canvas title'), 'In memory');
    await user.click(screen.getByRole('button', { name: 'Create canvas' }));
    expect(await screen.findByLabelText('Canvas title')).toHaveValue('In memory');
  });

  it('warns when a change could not be saved, keeps it on screen, and clears the warning once it is saved', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await seed(buildCanvas({ id: 'c1', title: 'Housing' }));
    const save = vi.spyOn(await repository(), 'saveChanges').mockRejectedValueOnce(dexieQuotaExceeded());
    const { user } = renderApp('#/canvas/c1/step/outcome');
    const title = await screen.findByLabelText('Canvas title');

    await user.type(title, '!');
    await act(() => useCanvasStore.getState().flush());
    expect(await screen.findByRole('alert')).toHaveTextContent(/run out of storage space.*export the canvas now/);
    expect(screen.getByText('Not saved: see the message above')).toBeInTheDocument();
    expect(title).toHaveValue('Housing!');

    await act(() => useCanvasStore.getState().flush());
    expect(save).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByText('All changes saved in this browser')).toBeInTheDocument();
  });
});
