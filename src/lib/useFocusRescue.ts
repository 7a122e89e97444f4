/**
 * Keeps keyboard focus on the page when the focused item of a list goes away
 * (deleted, undone, moved elsewhere): the item that took its place gets
 * focus, or the one before it, or a fallback when the list is empty. Focus
 * is never left on the page body.
 */
import { type DependencyList, type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

interface Options {
  /** Selects the list's items inside the container. */
  items: string;
  /** The element to focus in an item (the item itself by default). */
  focusTarget?: (item: HTMLElement) => HTMLElement | null;
  /** Where focus goes when the list has no items left. */
  fallback: () => HTMLElement | null | undefined;
  /** Moves focus where the change that took the item away asked it to go, if it can: true when it did. */
  requested?: () => boolean;
}

export function useFocusRescue(container: RefObject<HTMLElement | null>, options: Options, deps: DependencyList): void {
  const focused = useRef<{ item: Element; index: number } | null>(null);
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const root = container.current;
      const item = event.target instanceof Element ? event.target.closest(latest.current.items) : null;
      if (!root || !item || !root.contains(item)) {
        focused.current = null;
        return;
      }
      focused.current = { item, index: Array.from(root.querySelectorAll(latest.current.items)).indexOf(item) };
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [container]);

  useLayoutEffect(() => {
    const lost = focused.current;
    // Removing the focused element moves focus nowhere (no focus event): it is lost when its item is gone and the body has focus.
    if (!lost || lost.item.isConnected) return;
    focused.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const { items, focusTarget, fallback, requested } = latest.current;
    if (requested?.()) return;
    const remaining = Array.from(container.current?.querySelectorAll<HTMLElement>(items) ?? []);
    const next = remaining[Math.min(lost.index, remaining.length - 1)];
    (next ? (focusTarget ? focusTarget(next) : next) : fallback())?.focus();
    // The caller names what the list shows; the container and options are read through refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
