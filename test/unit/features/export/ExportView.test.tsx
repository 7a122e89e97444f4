import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetApp, seed } from '../../helpers/appState';
import { buildCanvas } from '../../helpers/canvasBuilder';
import { renderApp } from '../../helpers/renderApp';

beforeEach(async () => {
  await resetApp();
});

describe('export view', () => {
  it('previews the canvas with card text shown as typed: no script, image or live link', async () => {
    await seed(
      buildCanvas({
        id: 'c1',
        title: 'Housing',
        cards: { outcome: ['<script>alert(1)</script>', '[click](javascript:alert(1))', '![x](http://evil/x.png)', '**plain**'] },
        checks: [{ step: 'action', lens: 'power', status: 'concern', notes: 'Who decides?' }],
      }),
    );
    renderApp('#/canvas/c1/export');
    const preview = await screen.findByRole('article', { name: 'Preview of the document' });

    for (const text of ['<script>alert(1)</script>', '[click](javascript:alert(1))', '![x](http://evil/x.png)', '**plain**']) {
      expect(within(preview).getByText(text)).toBeInTheDocument();
    }
    expect(preview.querySelector('script, img, a')).toBeNull();
    // Four ethics tables, and the governance checks under Insight and Enablers.
    expect(within(preview).getAllByRole('table')).toHaveLength(6);
    expect(within(preview).getAllByText('Who decides?')).toHaveLength(2);
  });

  it('shows the canvas file’s text on its tab', async () => {
    await seed(buildCanvas({ id: 'c1', title: 'Housing', cards: { action: ['Call # earlier'] } }));
    const { user } = renderApp('#/canvas/c1/export');
    await user.click(await screen.findByRole('button', { name: 'The canvas file’s text' }));
    const source = screen.getByLabelText('The canvas file’s text');
    expect(source.textContent).toContain('# Housing');
    expect(source.textContent).toContain('- Call # earlier');
    expect(screen.getByRole('button', { name: 'The canvas file’s text' })).toHaveAttribute('aria-pressed', 'true');
  });
});
