import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src/app/App';

/** Renders the whole app at a hash route, as a page load at that address would. */
export function renderApp(hash = '#/') {
  window.location.hash = hash;
  const user = userEvent.setup({ delay: null });
  return { user, ...render(<App />) };
}

/** The current route, without the leading '#'. */
export const route = () => window.location.hash.replace(/^#/, '');

/**
 * Matches a name made of visible text plus visually hidden context, such as
 * "Delete" + " Parks". The accessible-name library Testing Library uses drops
 * the space at the start of the hidden span (browsers keep it), so allow both.
 */
export function hidden(visible: string, context: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(visible)}\\s*${escape(context)}$`);
}
