/**
 * The canvas-wide list of places where text looks personal catches up once
 * typing pauses, with what the canvas says then, and never on each keystroke.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCardText } from '../../../src/domain/cards';
import type { PrivacyPlace } from '../../../src/domain/privacyPlaces';
import { useCanvasStore } from '../../../src/state/canvasStore';
import { PLACES_SETTLE_MS, watchPrivacyPlaces } from '../../../src/state/privacySelectors';
import { T0, buildCanvas } from '../helpers/canvasBuilder';

const labels = (places: PrivacyPlace[]) => places.map((place) => place.label);

beforeEach(() => {
  vi.useFakeTimers();
  const canvas = buildCanvas({ id: 'c1', cards: { outcome: ['Fewer evictions', 'Call jo.bloggs@gmail.com'] } });
  useCanvasStore.setState({ canvas, canvasId: 'c1', status: 'ready' });
});
afterEach(() => {
  vi.useRealTimers();
  useCanvasStore.setState({ canvas: null, canvasId: null, status: 'idle' });
});

describe('the canvas-wide privacy list', () => {
  it('is worked out just after it starts watching, then once typing pauses, with the text as it is then', () => {
    const shown: string[][] = [];
    const stop = watchPrivacyPlaces((places) => shown.push(labels(places)));
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(shown).toEqual([['card 2 in Outcome']]);

    const typed = 'Ask sam.jones@gmail.com';
    for (let length = 1; length <= typed.length; length++) {
      const canvas = useCanvasStore.getState().canvas!;
      useCanvasStore.setState({ canvas: setCardText(canvas, 'outcome-1', typed.slice(0, length), T0 + length) });
      vi.advanceTimersByTime(80); // one key every 80 ms
    }
    expect(shown).toHaveLength(1);
    vi.advanceTimersByTime(PLACES_SETTLE_MS);
    expect(shown).toEqual([['card 2 in Outcome'], ['card 1 in Outcome', 'card 2 in Outcome']]);

    stop();
    useCanvasStore.setState({ canvas: setCardText(useCanvasStore.getState().canvas!, 'outcome-2', 'Fixed', T0 + 99) });
    vi.advanceTimersByTime(PLACES_SETTLE_MS);
    expect(shown).toHaveLength(2);
  });
});
