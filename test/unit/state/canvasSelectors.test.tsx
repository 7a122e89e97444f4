/**
 * The card hooks' narrow subscriptions: with hundreds of cards on a board, a
 * keystroke must re-render the card typed in and nothing else, and every card
 * must still show each change made to it (by this tab, another tab or device).
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCheckStatus, setGovernanceStatus } from '../../../src/domain/canvas';
import { addVote, bringBackCard, moveCard, parkCard, setCardText } from '../../../src/domain/cards';
import { linkCards } from '../../../src/domain/thread';
import { isRefusal, type Canvas } from '../../../src/domain/model';
import {
  useAnyCheck,
  useCard,
  useCardPlace,
  useCardIds,
  useExampleCount,
  useOpenConcerns,
  usePrivacyDismissed,
  useStepCheckCounts,
  useStepCounts,
  useStepVotes,
} from '../../../src/state/canvasSelectors';
import { useCanvasStore } from '../../../src/state/canvasStore';
import { useCardThread } from '../../../src/state/threadSelectors';
import { buildCanvas } from '../helpers/canvasBuilder';

const renders = new Map<string, number>();
const counted = (name: string) => renders.set(name, (renders.get(name) ?? 0) + 1);

function CardText({ id }: { id: string }) {
  const card = useCard(id);
  const thread = useCardThread(id);
  usePrivacyDismissed();
  counted(id);
  return (
    <li data-testid={id}>
      {card?.text ?? '(gone)'} · serves {thread.serves.length}
    </li>
  );
}

function Votes() {
  const { votes } = useStepVotes('outcome');
  const examples = useExampleCount();
  counted('votes');
  return (
    <p data-testid="votes">
      {votes} votes, {examples} examples
    </p>
  );
}

/** Hooks that read the canvas less its texts. */
function Overview() {
  const trust = useAnyCheck('outcome:trust');
  const retention = useAnyCheck('governance:retention');
  const counts = useStepCounts('insight');
  const concerns = useOpenConcerns();
  const insightCards = useCardIds('insight');
  counted('overview');
  return (
    <p data-testid="overview">
      trust {trust?.status}, retention {retention?.status}, insight has {counts.cards} cards and {counts.concerns} concerns, open{' '}
      {concerns.join(' ')}, insight ids {insightCards.length}
    </p>
  );
}

const canvasNow = () => useCanvasStore.getState().canvas!;
const idOf = (text: string) => Object.values(canvasNow().cards).find((card) => card.text === text)!.id;
const setCanvas = (canvas: Canvas) => act(() => useCanvasStore.setState({ canvas }));

let ids: string[];
beforeEach(() => {
  renders.clear();
  const canvas = buildCanvas({ id: 'c1', cards: { outcome: ['One', 'Two', 'Three'], action: ['Four'] } });
  useCanvasStore.setState({ canvas, canvasId: 'c1', status: 'ready' });
  ids = Object.values(canvas.cards)
    .sort((a, b) => a.text.localeCompare(b.text))
    .map((card) => card.id);
  render(
    <ul>
      {ids.map((id) => (
        <CardText key={id} id={id} />
      ))}
      <Votes />
      <Overview />
    </ul>,
  );
  renders.clear();
});
afterEach(() => useCanvasStore.setState({ canvas: null, canvasId: null, status: 'idle' }));

describe('card subscriptions', () => {
  it('a change to one card’s text re-renders that card alone, and it shows the new text', async () => {
    const typedIn = idOf('Two');
    await setCanvas(setCardText(canvasNow(), typedIn, 'Two homes', 1));
    expect(screen.getByTestId(typedIn)).toHaveTextContent('Two homes');
    expect([...renders.keys()]).toEqual([typedIn]);
  });

  it('a change to the store that touches no card re-renders no card', async () => {
    await act(() => useCanvasStore.setState({ loadError: 'unrelated' }));
    await setCanvas({ ...canvasNow(), title: 'Renamed' });
    expect(renders.size).toBe(0);
  });

  it('a vote updates the step’s count, and typing afterwards does not work it out again', async () => {
    const voted = addVote(canvasNow(), idOf('One'), 2);
    if (isRefusal(voted)) throw new Error(voted.refused);
    await setCanvas(voted);
    expect(screen.getByTestId('votes')).toHaveTextContent('1 votes, 0 examples');
    renders.clear();
    await setCanvas(setCardText(canvasNow(), idOf('Three'), 'Typed', 3));
    expect(renders.has('votes')).toBe(false);
    expect(screen.getByTestId('votes')).toHaveTextContent('1 votes, 0 examples');
  });

  it('a card that goes away shows as gone, and a new canvas is read afresh', async () => {
    const next = buildCanvas({ id: 'c2', cardIdPrefix: 'other-', cards: { outcome: ['Other'] } });
    await setCanvas(next);
    for (const id of ids) expect(screen.getByTestId(id)).toHaveTextContent('(gone)');
  });
});

describe('the golden thread on each card', () => {
  const linked = (canvas: Canvas, from: string, to: string) => {
    const next = linkCards(canvas, from, to, 5);
    if (isRefusal(next)) throw new Error(next.refused);
    return next;
  };

  it('a move or a new link re-renders only the cards whose links changed, and each shows its links', async () => {
    const [one, two, three, four] = ['One', 'Two', 'Three', 'Four'].map(idOf) as [string, string, string, string];
    await setCanvas(linked(canvasNow(), four, one));
    expect(screen.getByTestId(four)).toHaveTextContent('serves 1');
    renders.clear();
    // Three moves to another step: the thread is worked out again, but One's and Four's links are what they were.
    await setCanvas(moveCard(canvasNow(), three, { step: 'insight', index: 0 }, 6));
    expect(renders.has(one)).toBe(false);
    expect(renders.has(four)).toBe(false);
    renders.clear();
    // Four serves Two as well: Four's and Two's links changed, One's did not.
    await setCanvas(linked(canvasNow(), four, two));
    expect(new Set(renders.keys())).toEqual(new Set([four, two]));
    expect(screen.getByTestId(four)).toHaveTextContent('serves 2');
  });

  it('what serves a card is listed in board order, also after a move within a step', async () => {
    function ServedBy({ id }: { id: string }) {
      const { servedBy } = useCardThread(id);
      return <p data-testid="served-by">{servedBy.map((by) => canvasNow().cards[by]?.text).join(', ')}</p>;
    }
    const withFive = buildCanvas({ id: 'c1', cards: { outcome: ['One'], action: ['Four', 'Five'] } });
    await setCanvas(withFive);
    const [one, four, five] = ['One', 'Four', 'Five'].map(idOf) as [string, string, string];
    render(<ServedBy id={one} />);
    await setCanvas(linked(linked(canvasNow(), four, one), five, one));
    expect(screen.getByTestId('served-by')).toHaveTextContent('Four, Five');
    await setCanvas(moveCard(canvasNow(), five, { step: 'action', index: 0 }, 7));
    expect(screen.getByTestId('served-by')).toHaveTextContent('Five, Four');
  });
});

describe('hooks that read the canvas less its texts', () => {
  it('a step’s check counts are not woken by cards added to it or moved into it', async () => {
    function Checks() {
      const counts = useStepCheckCounts('insight');
      counted('checks');
      return <p data-testid="checks">{counts.concerns} concerns</p>;
    }
    render(<Checks />);
    renders.clear();
    await setCanvas(moveCard(canvasNow(), idOf('One'), { step: 'insight', index: 0 }, 4));
    expect(renders.has('checks')).toBe(false);
    await setCanvas(setGovernanceStatus(canvasNow(), 'retention', 'concern', 5));
    expect(screen.getByTestId('checks')).toHaveTextContent('1 concerns');
  });

  it('are not woken by typing, and show every change to checks and to where cards are', async () => {
    await setCanvas(setCardText(canvasNow(), idOf('Four'), 'Four typed', 1));
    expect(renders.has('overview')).toBe(false);
    const overview = screen.getByTestId('overview');
    expect(overview).toHaveTextContent(
      'trust not-discussed, retention not-discussed, insight has 0 cards and 0 concerns, open , insight ids 0',
    );

    await setCanvas(setCheckStatus(canvasNow(), 'outcome', 'trust', 'concern', 2));
    expect(overview).toHaveTextContent('trust concern,');
    expect(overview).toHaveTextContent('open outcome:trust,');
    await setCanvas(setGovernanceStatus(canvasNow(), 'retention', 'concern', 3));
    expect(overview).toHaveTextContent('retention concern, insight has 0 cards and 1 concerns');
    await setCanvas(moveCard(canvasNow(), idOf('One'), { step: 'insight', index: 0 }, 4));
    expect(overview).toHaveTextContent('insight has 1 cards and 1 concerns');
    expect(overview).toHaveTextContent('insight ids 1');
  });
});

describe('a card parked or brought back', () => {
  // Parking keeps a card's step, and the first card parked takes the first key of the parking lot, which is
  // the key the first card of a step has: only its being parked tells that it left the step.
  it('leaves its step’s cards and count, and comes back to them, also when its order key stays the same', async () => {
    const one = idOf('One');
    await setCanvas(moveCard(canvasNow(), one, { step: 'insight', index: 0 }, 4));
    const overview = screen.getByTestId('overview');
    expect(overview).toHaveTextContent('insight has 1 cards and 0 concerns, open , insight ids 1');

    const parked = parkCard(canvasNow(), one, 5);
    if (isRefusal(parked)) throw new Error(parked.refused);
    expect(parked.cards[one]!.order).toBe(canvasNow().cards[one]!.order);
    await setCanvas(parked);
    expect(overview).toHaveTextContent('insight has 0 cards and 0 concerns, open , insight ids 0');

    const back = bringBackCard(canvasNow(), one, 6);
    if (isRefusal(back)) throw new Error(back.refused);
    await setCanvas(back);
    expect(overview).toHaveTextContent('insight has 1 cards and 0 concerns, open , insight ids 1');
  });
});

describe('a card’s place in its step', () => {
  function Place({ id }: { id: string }) {
    const place = useCardPlace(id);
    counted(`place ${id}`);
    return <li data-testid={`place ${id}`}>{place + 1}</li>;
  }

  it('a move re-renders the places that changed and no card, just after it is painted, and each place shows where its card is now', async () => {
    render(
      <ul>
        {ids.map((id) => (
          <Place key={id} id={id} />
        ))}
      </ul>,
    );
    renders.clear();
    const [one, two, three, four] = ['One', 'Two', 'Three', 'Four'].map(idOf) as [string, string, string, string];
    const cardsAndPlaces = () => [...renders.keys()].filter((key) => key !== 'overview' && key !== 'votes');
    // One leaves the top of Outcome for the top of Action: Two and Three move up, Four moves down.
    await setCanvas(moveCard(canvasNow(), one, { step: 'action', index: 0 }, 1));
    // The move itself renders first (here the moved card); the words that say where the others are follow it.
    expect(cardsAndPlaces()).toEqual([one]);
    await waitFor(() => expect(screen.getByTestId(`place ${four}`)).toHaveTextContent('2'));
    expect(new Set(cardsAndPlaces())).toEqual(new Set([`place ${two}`, `place ${three}`, `place ${four}`, one]));
    expect(screen.getByTestId(`place ${one}`)).toHaveTextContent('1');
    expect(screen.getByTestId(`place ${two}`)).toHaveTextContent('1');
    expect(screen.getByTestId(`place ${three}`)).toHaveTextContent('2');

    // Typing, a vote or a change that leaves every card in its place re-renders no place.
    renders.clear();
    await setCanvas(setCardText(canvasNow(), three, 'Three typed', 2));
    const voted = addVote(canvasNow(), two, 3);
    if (isRefusal(voted)) throw new Error(voted.refused);
    await setCanvas(voted);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10)));
    expect(cardsAndPlaces().filter((key) => key.startsWith('place'))).toEqual([]);
  });
});
