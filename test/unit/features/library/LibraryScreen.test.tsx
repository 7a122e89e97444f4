import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useToasts } from '../../../../src/components/toasts';
import { resetApp, seed, stored } from '../../helpers/appState';
import { T0, buildCanvas } from '../../helpers/canvasBuilder';
import { hidden, renderApp, route } from '../../helpers/renderApp';

beforeEach(async () => {
  await resetApp();
});

const progressOf = (title: string) => {
  const item = screen.getByRole('listitem', { name: title });
  return within(within(item).getByRole('list', { name: 'Progress' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
};

describe('library screen', () => {
  it('invites you to create a first canvas when there are none', async () => {
    renderApp('#/');
    expect(await screen.findByRole('heading', { name: 'No canvases yet' })).toBeInTheDocument();
  });

  it('creates a canvas from the title you give and opens it on the Outcome step', async () => {
    const { user } = renderApp('#/');
    await user.type(await screen.findByLabelText('New canvas title'), 'Youth justice');
    await user.click(screen.getByRole('button', { name: 'Create canvas' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Outcome' })).toBeInTheDocument();
    expect(screen.getByText(/What specific person is better off/)).toBeInTheDocument();
    expect(screen.getByLabelText('Canvas title')).toHaveValue('Youth justice');
    expect(screen.getByRole('link', { name: /1\. Outcome/ })).toHaveAttribute('aria-current', 'step');
    const id = route().match(/^\/canvas\/([^/]+)\/step\/outcome$/)?.[1];
    expect(id).toBeDefined();
    expect(await stored(id!)).toMatchObject({ title: 'Youth justice' });
  });

  it('shows each canvas’s progress', async () => {
    await seed(
      buildCanvas({
        id: 'housing',
        title: 'Housing',
        cards: { outcome: ['A', 'B'], insight: ['C'] },
        checks: [
          { step: 'outcome', lens: 'trust', status: 'no-concern' },
          { step: 'action', lens: 'power', status: 'concern' },
        ],
      }),
    );
    renderApp('#/');
    await screen.findByRole('link', { name: 'Housing' });
    expect(progressOf('Housing')).toEqual([
      'Steps with content: 2 of 4',
      'Ethics checks discussed: 2 of 20',
      'Open concerns: 1',
      'Cards: 3',
      'Open actions: 0',
    ]);
  });

  it('filters the list by title', async () => {
    await seed(
      buildCanvas({ id: 'a', title: 'Youth justice', cardIdPrefix: 'a:', now: T0 }),
      buildCanvas({ id: 'b', title: 'Adult social care', cardIdPrefix: 'b:', now: T0 + 1 }),
      buildCanvas({ id: 'c', title: 'Youth services', cardIdPrefix: 'c:', now: T0 + 2 }),
    );
    const { user } = renderApp('#/');
    await screen.findByRole('heading', { name: '3 canvases' });

    await user.type(screen.getByLabelText('Filter by title'), 'YOUTH');
    expect(screen.getByRole('heading', { name: '2 of 3 canvases match' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Youth justice' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Youth services' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Adult social care' })).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText('Filter by title'));
    await user.type(screen.getByLabelText('Filter by title'), 'parks');
    expect(screen.getByText('No canvas title contains “parks”.')).toBeInTheDocument();
  });

  it('lists the canvases most recently edited first', async () => {
    await seed(
      buildCanvas({ id: 'a', title: 'Older', cardIdPrefix: 'a:', now: T0 }),
      buildCanvas({ id: 'b', title: 'Newer', cardIdPrefix: 'b:', now: T0 + 5000 }),
    );
    renderApp('#/');
    await screen.findByRole('link', { name: 'Newer' });
    const titles = within(screen.getByRole('region', { name: '2 canvases' }))
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(titles).toEqual(['Newer', 'Older']);
  });

  it('deletes a canvas to Recently deleted, and Undo in the message brings it back', async () => {
    await seed(buildCanvas({ id: 'a', title: 'Parks' }));
    const { user } = renderApp('#/');
    await user.click(await screen.findByRole('button', { name: hidden('Delete', 'Parks') }));

    expect(await screen.findByRole('heading', { name: 'Recently deleted (1)' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Parks' })).not.toBeInTheDocument();
    expect(screen.getByText('“Parks” moved to Recently deleted.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: 'Parks' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Recently deleted/ })).not.toBeInTheDocument());
  });

  it('renames a canvas in place', async () => {
    await seed(buildCanvas({ id: 'a', title: 'Draft' }));
    const { user } = renderApp('#/');
    await user.click(await screen.findByRole('button', { name: hidden('Rename', 'Draft') }));
    const input = screen.getByLabelText('New title for “Draft”');
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, 'Final{Enter}');
    expect(await screen.findByRole('link', { name: 'Final' })).toBeInTheDocument();
    expect((await stored('a'))?.title).toBe('Final');
  });

  it('duplicates a canvas', async () => {
    await seed(buildCanvas({ id: 'a', title: 'Housing', cards: { outcome: ['x'] } }));
    const { user } = renderApp('#/');
    await user.click(await screen.findByRole('button', { name: hidden('Duplicate', 'Housing') }));
    expect(await screen.findByRole('link', { name: 'Housing (copy)' })).toBeInTheDocument();
    expect(progressOf('Housing (copy)')).toContain('Cards: 1');
    expect(useToasts.getState().toasts[0]?.message).toBe('Made a copy of “Housing”.');
  });

  it('empties Recently deleted after you confirm', async () => {
    await seed(buildCanvas({ id: 'a', title: 'Gone', cardIdPrefix: 'a:' }), buildCanvas({ id: 'b', title: 'Stays', cardIdPrefix: 'b:' }));
    const { user } = renderApp('#/');
    await user.click(await screen.findByRole('button', { name: hidden('Delete', 'Gone') }));
    await user.click(await screen.findByRole('button', { name: 'Empty recently deleted' }));
    const dialog = screen.getByRole('dialog', { name: 'Empty recently deleted?' });
    expect(dialog).toHaveTextContent('1 canvas will be removed from this browser for good.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove for good' }));

    expect(await screen.findByText('1 canvas removed for good.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Recently deleted/ })).not.toBeInTheDocument();
    expect(await stored('a')).toBeNull();
    expect(screen.getByRole('link', { name: 'Stays' })).toBeInTheDocument();
  });
});
