/**
 * Skip links for the canvas, placed first on the page beside "Skip to main
 * content" (the shell's #skip-links): straight to the step's cards, its
 * "Add card" button and its ethics checks.
 */
import { useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { STEP_IDS, type StepId } from '../../domain/model';
import { checksHeadingId } from './EthicsChecks';

/** The step's card that Tab would land on, or "Add card" when it has none. */
function focusCards(step: StepId): void {
  const list = document.querySelector(`[data-card-list][data-step="${step}"]`);
  const card = list?.querySelector<HTMLElement>(':scope > [data-card-id][tabindex="0"]');
  (card ?? document.getElementById(`add-card-${step}`))?.focus();
}

const focusById = (id: string) => () => document.getElementById(id)?.focus();

export function SkipLinks({ step }: { step: StepId | null }) {
  // The shell's container, found once this screen is in the page: when the canvas screen comes in
  // React's first render (under a board painted from storage), the document still holds the
  // prerendered picture's #skip-links while it renders, which that commit removes.
  const [container, setContainer] = useState<HTMLElement | null>(null);
  // Once, after the commit that put the shell's container in the page: reading the DOM (outside React) is what this effect is for.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useLayoutEffect(() => setContainer(document.getElementById('skip-links')), []);
  if (!container) return null;
  const links: Array<[string, () => void]> = step
    ? [
        ['Skip to cards', () => focusCards(step)],
        ['Skip to “Add card”', focusById(`add-card-${step}`)],
        ['Skip to ethics checks', focusById(checksHeadingId(step))],
      ]
    : [['Skip to cards', () => focusCards(STEP_IDS[0])]];
  return createPortal(
    links.map(([label, go]) => (
      <a
        key={label}
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // With hash routing a plain #fragment would change the route: move focus instead.
          event.preventDefault();
          go();
        }}
      >
        {label}
      </a>
    )),
    container,
  );
}
