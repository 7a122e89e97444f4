import { startTransition, useEffect, useState } from 'react';
import { LIBRARY_FIRST_SCREENFUL } from '../../domain/summary';
import type { CanvasSummary } from '../../storage/repository';
import { CanvasListItem } from './CanvasListItem';

/** After the first screenful, the rest follow in batches while the page stays responsive. */
const BATCH = 100;

/**
 * The library's canvases. A trainer's library can hold a thousand: the first
 * ones show at once and the rest are added in the background, all of them
 * on the page in the end, so find-in-page and screen readers see every one
 * (the browser skips drawing those off screen: content-visibility in CSS).
 */
export function CanvasList({ summaries }: { summaries: CanvasSummary[] }) {
  const [shown, setShown] = useState(LIBRARY_FIRST_SCREENFUL);

  useEffect(() => {
    if (shown >= summaries.length) return;
    const timer = setTimeout(() => startTransition(() => setShown((count) => count + BATCH)), 0);
    return () => clearTimeout(timer);
  }, [shown, summaries.length]);

  const complete = shown >= summaries.length;
  return (
    <ul className="canvas-list" aria-busy={!complete || undefined}>
      {(complete ? summaries : summaries.slice(0, shown)).map((summary) => (
        <CanvasListItem key={summary.meta.id} summary={summary} />
      ))}
    </ul>
  );
}
