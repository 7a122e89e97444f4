import { useExampleCount } from '../../state/canvasSelectors';
import { examplesSentence } from './boardText';
import { removeExamples } from './cardActions';

/**
 * While a canvas still holds example cards from its template: says so, and
 * removes them all in one action (one undo brings them back). Focus then
 * goes to `focusAfter`, as the banner and its button are gone.
 */
export function ExamplesBanner({ focusAfter }: { focusAfter: string }) {
  const count = useExampleCount();
  if (count === 0) return null;
  return (
    <div className="banner examples-banner" role="region" aria-label="Example cards">
      <p>{examplesSentence(count)}</p>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          removeExamples(count);
          // The step's heading is already on the page: move focus in the same event, before the banner (and this button) goes.
          document.getElementById(focusAfter)?.focus();
        }}
      >
        Remove all {count} examples
      </button>
    </div>
  );
}
