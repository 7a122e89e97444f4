/**
 * "Possible personal data on this canvas": the privacy check over every text
 * a canvas holds, for text that arrived in bulk (an import, a restore, a
 * template) as well as what was typed. It warns and never blocks; each place
 * links to the field, where the warning says why and how to rephrase and can
 * be dismissed.
 */
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { describePrivacyWarnings } from '../../components/PrivacyWarnings';
import { cardPosition } from '../../domain/cards';
import { stepOfCheck } from '../../domain/canvas';
import type { PrivacyPlace } from '../../domain/privacyPlaces';
import { getOpenCanvas } from '../../state/canvasSelectors';
import { watchPrivacyPlaces } from '../../state/privacySelectors';
import { checkDomId } from './CheckItem';
import { focusCardAfterRender, requestCheckFocus } from './focusRequests';
import './PrivacyReview.css';

export function PrivacyReview({ canvasId }: { canvasId: string }) {
  const [places, setPlaces] = useState<PrivacyPlace[]>([]);
  useEffect(() => watchPrivacyPlaces(setPlaces), []);
  const [, navigate] = useLocation();
  if (places.length === 0) return null;

  function goTo(place: PrivacyPlace) {
    const { target } = place;
    if (target.kind === 'card') {
      const position = getOpenCanvas() && cardPosition(getOpenCanvas()!, target.id);
      if (!position) return;
      navigate(`/canvas/${canvasId}/step/${position.step}`);
      focusCardAfterRender(target.id);
    } else if (target.kind === 'check') {
      requestCheckFocus(checkDomId(target.key));
      navigate(`/canvas/${canvasId}/step/${stepOfCheck(target.key)}`);
    } else if (target.kind === 'dataset') {
      navigate(`/canvas/${canvasId}/step/insight`);
      const field = place.key.split(':').at(-1);
      requestAnimationFrame(() => document.getElementById(`dataset-${target.id}-${field}`)?.focus());
    } else if (target.kind === 'canvas') {
      document.getElementById(place.key === 'canvas:title' ? 'canvas-title' : 'canvas-description')?.focus();
    }
  }

  const count = places.length;
  return (
    <details className="privacy-review no-print">
      <summary>
        <span aria-hidden="true">⚠ </span>Possible personal data in {count} {count === 1 ? 'place' : 'places'} on this canvas
      </summary>
      <p>
        A canvas is a plan about groups, not a case file. Each place below shows why the text looks like personal data about one person and
        how to rephrase it; you can keep it and dismiss the warning.
      </p>
      <ul>
        {places.map((place) => {
          const reachable = place.target.kind !== 'action-item' && place.target.kind !== 'facilitation';
          const what = describePrivacyWarnings(place.warnings);
          return (
            <li key={place.key}>
              {reachable ? (
                <button type="button" className="link-button" onClick={() => goTo(place)}>
                  {capitalise(place.label)}
                </button>
              ) : (
                capitalise(place.label)
              )}
              : {what}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
