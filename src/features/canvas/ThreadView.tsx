/**
 * The golden thread (issue 10 §3) as a tree from each outcome down: the
 * actions that serve it, the insights that serve those, the enablers that
 * serve any of them. A card that serves two cards is shown in full the
 * first time and "as above" after. Then what is loose: outcomes nobody acts
 * on, actions with no outcome, insights that serve no action, enablers that
 * serve nothing, and links that no longer fit after a card was moved.
 */
import { useMemo } from 'react';
import { useLocation } from 'wouter';
import { showToast } from '../../components/toasts';
import { cardPosition } from '../../domain/cards';
import { STEP_GUIDANCE } from '../../domain/guidance';
import type { Card } from '../../domain/model';
import { type ThreadNode, countLooseEnds, looseEnds, misfitLinks, threadTree, unlinkCards } from '../../domain/thread';
import { getOpenCanvas, useOpenCanvas } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { shortText } from '../../domain/thread';
import { focusCardAfterRender } from './focusRequests';
import './ThreadView.css';

const CARD_OF_STEP = { outcome: 'Outcome', action: 'Action', insight: 'Insight', enablers: 'Enabler' } as const;

export function ThreadView({ canvasId }: { canvasId: string }) {
  const canvas = useOpenCanvas();
  const [, navigate] = useLocation();
  const tree = useMemo(() => (canvas ? threadTree(canvas) : []), [canvas]);
  const loose = useMemo(() => (canvas ? looseEnds(canvas) : null), [canvas]);
  const misfits = useMemo(() => (canvas ? misfitLinks(canvas) : []), [canvas]);
  if (!canvas || !loose) return null;

  /** Takes a person to the card on its step, with focus on it, to link it ("L") or change it. */
  function goTo(card: Card) {
    const position = cardPosition(getOpenCanvas()!, card.id);
    if (!position) return;
    navigate(`/canvas/${canvasId}/step/${position.step}`);
    focusCardAfterRender(card.id);
  }

  const cardLink = (card: Card) => (
    <button type="button" className="link-button" onClick={() => goTo(card)} dir="auto">
      {shortText(card.text, 140)}
    </button>
  );

  const looseCount = countLooseEnds(loose);
  const groups: { title: string; hint: string; cards: Card[] }[] = [
    { title: 'Outcomes nobody acts on yet', hint: 'No action serves them.', cards: loose.outcomesWithoutAction },
    { title: 'Actions with no outcome', hint: 'They serve no outcome.', cards: loose.actionsWithoutOutcome },
    { title: 'Insights that serve no action', hint: 'No action uses them.', cards: loose.insightsWithoutAction },
    { title: 'Enablers that serve nothing', hint: 'They are linked to no card on the canvas.', cards: loose.enablersServingNothing },
  ];

  return (
    <>
      <section className="panel thread" aria-labelledby="thread-heading">
        <h2 id="thread-heading">Golden thread</h2>
        <p className="hint">
          Every Insight should serve an Action, every Action an Outcome, and every Enabler something on the canvas. Link a card from its
          menu, “Link to…”, or by pressing L on it. Choose a card below to go to it.
        </p>
        {tree.length === 0 ? (
          <p>No outcomes yet. Add an outcome, then link actions to it.</p>
        ) : (
          <ul className="thread__tree" aria-label="The thread from each outcome down">
            {tree.map((node) => (
              <ThreadItem key={node.card.id} node={node} cardLink={cardLink} />
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="loose-heading">
        <h2 id="loose-heading">Loose ends ({looseCount + misfits.length})</h2>
        {looseCount + misfits.length === 0 ? (
          <p>Nothing is loose: every card serves the step it should, and is served where it should be.</p>
        ) : (
          <>
            {groups
              .filter((group) => group.cards.length > 0)
              .map((group) => (
                <div key={group.title} className="thread__loose">
                  <h3>
                    {group.title} ({group.cards.length})
                  </h3>
                  <p className="hint">{group.hint}</p>
                  <ul>
                    {group.cards.map((card) => (
                      <li key={card.id}>{cardLink(card)}</li>
                    ))}
                  </ul>
                </div>
              ))}
            {misfits.length > 0 && (
              <div className="thread__loose">
                <h3>Links that no longer fit ({misfits.length})</h3>
                <p className="hint">
                  A card was moved to another step, so the link now points the wrong way. Remove it, or move a card back.
                </p>
                <ul>
                  {misfits.map(({ from, to }) => (
                    <li key={`${from.id}-${to.id}`}>
                      {CARD_OF_STEP[from.step]} {cardLink(from)} serves {CARD_OF_STEP[to.step]} {cardLink(to)}{' '}
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => {
                          useCanvasStore.getState().edit((current, now) => unlinkCards(current, from.id, to.id, now));
                          showToast({ message: 'Link removed. Ctrl+Z brings it back.' });
                        }}
                      >
                        Remove this link
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}

function ThreadItem({ node, cardLink }: { node: ThreadNode; cardLink: (card: Card) => React.ReactNode }) {
  const step = node.card.step;
  return (
    <li data-step={step}>
      <span className="thread__step">{STEP_GUIDANCE[step].title}:</span> {cardLink(node.card)}
      {node.repeat && <span className="thread__repeat"> (its thread is shown above)</span>}
      {node.servedBy.length > 0 && (
        <ul>
          {node.servedBy.map((child) => (
            <ThreadItem key={child.card.id} node={child} cardLink={cardLink} />
          ))}
        </ul>
      )}
    </li>
  );
}
