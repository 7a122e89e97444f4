import { useMemo } from 'react';
import { CardSheet } from '../../components/CardSheet';
import { openConcerns, checksForStep } from '../../domain/canvas';
import { contentOf } from '../../domain/content';
import { CHECK_GUIDANCE, LENS_GUIDANCE, STEP_GUIDANCE } from '../../domain/guidance';
import { CHECK_STATUS_LABELS, STEP_IDS, displayTitle } from '../../domain/model';
import { useOpenCanvas } from '../../state/canvasSelectors';
import '../../components/document.css';

/**
 * The canvas as a document for paper or PDF: all four steps with their cards,
 * the ethics tables and the open concerns, and no app controls.
 */
export function PrintView({ showToolbar }: { showToolbar: boolean }) {
  const canvas = useOpenCanvas();
  const content = useMemo(() => (canvas ? contentOf(canvas) : null), [canvas]);
  if (!canvas || !content) return null;
  const concerns = openConcerns(canvas);
  return (
    <article className="print-document" aria-labelledby="print-title">
      {showToolbar && (
        <div className="panel no-print">
          <p>
            This is how the canvas prints: A4, without the app’s buttons. Use your browser’s print dialogue to print it or save it as a PDF.
          </p>
          <button type="button" className="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </div>
      )}
      <h2 id="print-title" className="print-title">
        {displayTitle(canvas)}
      </h2>
      {content.description && (
        <p className="print-description" dir="auto">
          {content.description}
        </p>
      )}
      <p className="hint">
        Printed from Outcome Canvas on {new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.
      </p>
      {STEP_IDS.map((step, i) => (
        <section key={step} className="print-step">
          <h3>
            {i + 1}. {STEP_GUIDANCE[step].title}
          </h3>
          <p className="print-question">
            “{STEP_GUIDANCE[step].question}” ({STEP_GUIDANCE[step].questionSource})
          </p>
          <CardSheet cards={content.cards[step]} empty="No cards yet." />
          <table className="print-table">
            <caption>Ethics checks: {STEP_GUIDANCE[step].title}</caption>
            <thead>
              <tr>
                <th scope="col">Lens</th>
                <th scope="col">Status</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {checksForStep(canvas, step).map((check) => (
                <tr key={check.lens}>
                  <th scope="row">{LENS_GUIDANCE[check.lens].title}</th>
                  <td>{CHECK_STATUS_LABELS[check.status]}</td>
                  <td dir="auto">{check.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <section className="print-step">
        <h3>Open concerns</h3>
        {concerns.length ? (
          <ul>
            {concerns.map((check) => (
              <li key={`${check.step}:${check.lens}`} dir="auto">
                <strong>
                  {STEP_GUIDANCE[check.step].title}, {LENS_GUIDANCE[check.lens].title}:
                </strong>{' '}
                {check.notes.trim() || CHECK_GUIDANCE[check.step][check.lens].question}
              </li>
            ))}
          </ul>
        ) : (
          <p>No concerns raised.</p>
        )}
      </section>
    </article>
  );
}
