import { useId } from 'react';
import { CLOSING_LESSONS } from '../domain/guidance';
import { SOURCES } from '../domain/sources';
import { SourcesLink } from './SourcesLink';
import './ClosingLessons.css';

/**
 * LOTI's four closing lessons, quoted word for word, for wherever a team
 * finishes: the end of the Enablers step, the open concerns, the wrap-up.
 */
export function ClosingLessons({ headingLevel = 2, showSourcesLink = true }: { headingLevel?: 2 | 3; showSourcesLink?: boolean }) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="closing-lessons" aria-labelledby={headingId}>
      <Heading id={headingId}>LOTI’s four lessons</Heading>
      <figure>
        <blockquote>
          <ol>
            {CLOSING_LESSONS.map((lesson) => (
              <li key={lesson}>{lesson}</li>
            ))}
          </ol>
        </blockquote>
        <figcaption>
          The summary at the end of LOTI’s “{SOURCES.loti.title}”, quoted word for word.
          {showSourcesLink && (
            <>
              {' '}
              <SourcesLink />
            </>
          )}
        </figcaption>
      </figure>
    </section>
  );
}
