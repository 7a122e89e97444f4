import { Link } from 'wouter';
import { ClosingLessons } from '../../components/ClosingLessons';
import { EVIDENCE, EVIDENCE_IDS } from '../../domain/evidence';
import { LENS_GUIDANCE } from '../../domain/guidance';
import { LENS_IDS } from '../../domain/model';
import { APP_ACRONYMS, SOURCES, SOURCE_ACRONYMS, SOURCE_IDS, WHAT_IS_OURS, type Acronym } from '../../domain/sources';
import { takeReturnPath } from '../../lib/returnTo';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import './SourcesScreen.css';

/**
 * Where the app's guidance comes from: the two documents in full, their
 * abbreviations spelled out, what the five lenses meant to LOTI and what they
 * mean here, LOTI's lessons, and every claim with the sentence it rests on.
 */
export default function SourcesScreen() {
  useDocumentTitle('Sources');
  const back = takeReturnPath();
  const [lotiOnLenses, appOnLenses] = EVIDENCE['loti-lenses'].says;
  return (
    <article className="sources">
      <p>{back && back !== '/' ? <Link href={back}>← Back to where you were</Link> : <Link href="/">← All canvases</Link>}</p>
      <h1>Sources</h1>
      <p className="sources__lead">
        Outcome Canvas follows the outcome-first method in LOTI’s slides and takes its evidence about data linkage from one policy brief.
        Here are both in full, the abbreviations they use, and what in the app is theirs and what is ours.
      </p>

      <section aria-labelledby="sources-documents">
        <h2 id="sources-documents">The two documents</h2>
        {SOURCE_IDS.map((id) => {
          const source = SOURCES[id];
          return (
            <section key={id} className="sources__document" aria-labelledby={`source-${id}`}>
              <h3 id={`source-${id}`}>{source.title}</h3>
              <p className="sources__reference">
                {source.reference}
                {source.doi && (
                  <>
                    {' '}
                    DOI:{' '}
                    <a href={`https://doi.org/${source.doi}`} rel="noreferrer">
                      {source.doi}
                    </a>
                  </>
                )}
              </p>
              <p>{source.about}</p>
              <p className="sources__cite">Cited in the app as ({source.cite}).</p>
            </section>
          );
        })}
      </section>

      <section aria-labelledby="sources-lenses">
        <h2 id="sources-lenses">Where the five lenses come from</h2>
        <p>{lotiOnLenses}</p>
        <p>{appOnLenses}</p>
        <table className="sources__table">
          <caption className="visually-hidden">The five lenses as this app uses them</caption>
          <thead>
            <tr>
              <th scope="col">Lens</th>
              <th scope="col">As an ethics question in this app</th>
            </tr>
          </thead>
          <tbody>
            {LENS_IDS.map((lens) => (
              <tr key={lens}>
                <th scope="row">{LENS_GUIDANCE[lens].title}</th>
                <td>{LENS_GUIDANCE[lens].description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <ClosingLessons headingLevel={2} showSourcesLink={false} />

      <section aria-labelledby="sources-abbreviations">
        <h2 id="sources-abbreviations">Abbreviations</h2>
        <h3>In the sources</h3>
        <AcronymList acronyms={SOURCE_ACRONYMS} />
        <h3>Used by this app</h3>
        <AcronymList acronyms={APP_ACRONYMS} />
      </section>

      <section aria-labelledby="sources-ours">
        <h2 id="sources-ours">What is ours</h2>
        <p>{WHAT_IS_OURS}</p>
        <details className="sources__evidence">
          <summary>Every claim the app makes about a source, and the sentence it rests on ({EVIDENCE_IDS.length})</summary>
          <ol>
            {EVIDENCE_IDS.map((id) => {
              const evidence = EVIDENCE[id];
              return (
                <li key={id}>
                  <p className="sources__says">
                    <span className="visually-hidden">The app says: </span>
                    {evidence.says.join(' / ')}
                  </p>
                  <blockquote>
                    <p>
                      <span className="visually-hidden">The source says: </span>
                      {evidence.quote}
                    </p>
                    <footer>{SOURCES[evidence.source].cite}</footer>
                  </blockquote>
                </li>
              );
            })}
          </ol>
        </details>
      </section>
    </article>
  );
}

function AcronymList({ acronyms }: { acronyms: readonly Acronym[] }) {
  return (
    <dl className="sources__acronyms">
      {acronyms.map((acronym) => (
        <div key={acronym.short}>
          <dt>
            <abbr title={acronym.long}>{acronym.short}</abbr>
          </dt>
          <dd>
            {acronym.long}. <span className="sources__note">{acronym.note}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
