/**
 * The wrap-up, for the last ten minutes: what is still missing first, then
 * per step the cards, the agreed ones, the checks discussed and the open
 * concerns; the parking lot; the action log; LOTI's closing lessons.
 */
import { Link } from 'wouter';
import { ClosingLessons } from '../../components/ClosingLessons';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { wrapUp } from '../../domain/wrapUp';
import { useOpenCanvas } from '../../state/canvasSelectors';
import { concernName, readableDate } from './ActionLog';
import { useNow } from './StepTimer';
import './WrapUpView.css';

export function WrapUpView({ canvasId }: { canvasId: string }) {
  const canvas = useOpenCanvas();
  const now = useNow(false);
  if (!canvas) return null;
  const summary = wrapUp(canvas, now);
  const { heldOn, organisation, facilitator } = canvas.workshop;
  const details = [heldOn && `Held on ${readableDate(heldOn)}`, organisation, facilitator && `facilitated by ${facilitator}`].filter(
    Boolean,
  );

  return (
    <div className="wrap-up">
      <h2 id="wrap-up-heading" tabIndex={-1}>
        Wrap-up
      </h2>
      {details.length > 0 && <p dir="auto">{details.join(' · ')}</p>}

      <section className="panel" aria-labelledby="wrap-up-missing">
        <h3 id="wrap-up-missing">Still to settle before taking this forward ({summary.missing.length})</h3>
        {summary.missing.length === 0 ? (
          <p>Nothing missing: every step has agreed cards, every check is discussed and every concern has an action.</p>
        ) : (
          <ul className="wrap-up__missing">
            {summary.missing.map((item) => (
              <li key={`${item.kind}:${item.step ?? ''}`}>{item.message}</li>
            ))}
          </ul>
        )}
      </section>

      <ol className="wrap-up__steps" aria-label="Steps">
        {summary.steps.map((step) => (
          <li key={step.step} className="panel">
            <h3>{STEP_GUIDANCE[step.step].title}</h3>
            <p>
              {step.cards.length} {step.cards.length === 1 ? 'card' : 'cards'}, {step.agreed.length} agreed · {step.checksDiscussed} of{' '}
              {step.checkCount} checks discussed · {step.openConcerns.length} open {step.openConcerns.length === 1 ? 'concern' : 'concerns'}
            </p>
            {step.agreed.length > 0 && (
              <>
                <h4>Agreed</h4>
                <ul>
                  {step.agreed.map((card) => (
                    <li key={card.id} dir="auto">
                      {card.text.trim() || 'Empty card'}
                      {card.votes > 0 && ` (${card.votes} ${card.votes === 1 ? 'vote' : 'votes'})`}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {step.openConcerns.length > 0 && (
              <>
                <h4>Open concerns</h4>
                <ul>
                  {step.openConcerns.map((entry) => (
                    <li key={entry.key}>{concernName(entry.key)}</li>
                  ))}
                </ul>
              </>
            )}
            <Link href={`/canvas/${canvasId}/step/${step.step}`}>Go to {STEP_GUIDANCE[step.step].title}</Link>
          </li>
        ))}
      </ol>

      <section className="panel" aria-labelledby="wrap-up-parking">
        <h3 id="wrap-up-parking">Parking lot ({summary.parkingLot.length})</h3>
        {summary.parkingLot.length === 0 ? (
          <p>Nothing parked.</p>
        ) : (
          <ul>
            {summary.parkingLot.map((card) => (
              <li key={card.id} dir="auto">
                {card.text.trim() || 'Empty card'} <span className="hint">(from {STEP_GUIDANCE[card.step].title})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="wrap-up-actions">
        <h3 id="wrap-up-actions">
          Action log ({summary.actionLog.open.length} open, {summary.actionLog.done.length} done)
        </h3>
        {summary.actionLog.open.length === 0 ? (
          <p>No open actions.</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="wrap-up-actions" tabIndex={0}>
            <table className="wrap-up__table">
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {summary.actionLog.open.map((item) => (
                  <tr key={item.id}>
                    <td dir="auto">
                      {item.text.trim() || 'No description yet'}
                      {item.concern && <span className="hint"> (for {concernName(item.concern)})</span>}
                    </td>
                    <td dir="auto">{item.owner.trim() || <strong>No owner yet</strong>}</td>
                    <td>{item.due ? readableDate(item.due) : 'No date'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <Link href={`/canvas/${canvasId}/workshop`}>Edit the parking lot and the action log</Link> ·{' '}
          <Link href={`/canvas/${canvasId}/export`}>Export the canvas</Link>
        </p>
      </section>

      <ClosingLessons headingLevel={2} />
    </div>
  );
}
