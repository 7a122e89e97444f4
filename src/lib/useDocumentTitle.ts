import { useEffect } from 'react';

/** Each screen names itself in the tab title, so back/forward history reads well. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – Outcome Canvas` : 'Outcome Canvas';
  }, [title]);
}
