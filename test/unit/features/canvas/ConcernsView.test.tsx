import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetApp, seed } from '../../helpers/appState';
import { buildCanvas } from '../../helpers/canvasBuilder';
import { renderApp } from '../../helpers/renderApp';

beforeEach(async () => {
  await resetApp();
  await seed(
    buildCanvas({
      id: 'c1',
      title: 'Housing',
      checks: [{ step: 'outcome', lens: 'consent', status: 'concern', notes: 'Nobody asked the families' }],
    }),
  );
});

describe('the open concerns view', () => {
  it('puts focus on the open list’s heading in the same event that resolves a concern, before anything else can be pressed', async () => {
    const { user } = renderApp('#/canvas/c1/concerns');
    await screen.findByLabelText('Canvas title');
    await user.click(screen.getByRole('button', { name: /^Mark resolved…/ }));
    await user.type(screen.getByRole('textbox', { name: 'How was it resolved?' }), 'Families were asked');
    // One click event and nothing after it (no frame, no timer): where a quick person's next key press goes.
    fireEvent.click(screen.getByRole('button', { name: 'Mark resolved' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Open concerns (0)' })).toHaveFocus();
  });
});
