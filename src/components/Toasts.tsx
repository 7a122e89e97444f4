import { useLayoutEffect, useRef, useState } from 'react';
import { dismissToast, holdToast, releaseToast, useToasts } from './toasts';
import './Toasts.css';

/** The window's corners a message may sit in, in order of preference. */
const CORNERS = ['bottom-right', 'top-right', 'bottom-left', 'top-left'] as const;
type Corner = (typeof CORNERS)[number];
const MARGIN = 16;

function overlaps(a: DOMRect, b: { left: number; top: number; right: number; bottom: number }): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The first corner where the messages would not cover the focused element (WCAG 2.2 SC 2.4.11). */
function cornerClearOfFocus(width: number, height: number): Corner {
  const focused = document.activeElement;
  if (!focused || focused === document.body || focused.closest('.toasts')) return CORNERS[0];
  const rect = focused.getBoundingClientRect();
  const { innerWidth: w, innerHeight: h } = window;
  const box = (corner: Corner) => {
    const left = corner.endsWith('right') ? w - MARGIN - width : MARGIN;
    const top = corner.startsWith('bottom') ? h - MARGIN - height : MARGIN;
    return { left, top, right: left + width, bottom: top + height };
  };
  return CORNERS.find((corner) => !overlaps(rect, box(corner))) ?? CORNERS[0];
}

export function Toasts() {
  const toasts = useToasts((state) => state.toasts);
  const ref = useRef<HTMLDivElement>(null);
  const [corner, setCorner] = useState<Corner>(CORNERS[0]);

  useLayoutEffect(() => {
    const region = ref.current;
    if (!region || !toasts.length) return;
    const place = () => {
      // Focus coming into a message (pressing its Undo) must not move it: the press would end elsewhere and the click be lost.
      if (region.contains(document.activeElement)) return;
      setCorner(cornerClearOfFocus(region.offsetWidth, region.offsetHeight));
    };
    place();
    // Focus moves, the page scrolls or the window changes: move out of the way again.
    document.addEventListener('focusin', place);
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      document.removeEventListener('focusin', place);
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [toasts]);

  return (
    <div ref={ref} className="toasts" data-corner={corner} role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className="toast"
          onPointerEnter={() => holdToast(toast.id)}
          onPointerLeave={() => releaseToast(toast.id)}
          onFocus={() => holdToast(toast.id)}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) releaseToast(toast.id);
          }}
        >
          <span>{toast.message}</span>
          {toast.onAction && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                toast.onAction?.();
                dismissToast(toast.id);
              }}
            >
              {toast.actionLabel ?? 'Undo'}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismissToast(toast.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
