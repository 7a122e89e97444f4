/**
 * An accessible menu button (WAI-ARIA menu button pattern): Enter, Space or
 * ArrowDown opens it, arrows, Home and End move, Escape closes and returns
 * focus. The open list is drawn over the page (a portal at the end of the
 * body, fixed beside its button), so a container that clips its content,
 * such as a card skipped while off screen, never cuts it off.
 */
import { Fragment, type ReactNode, type RefObject, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import './Menu.css';

export interface MenuItem {
  key: string;
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** For a choice among options, such as a colour: shown as the current one. */
  checked?: boolean;
  icon?: ReactNode;
  /** Items with the same group name sit together, named for screen readers, with a line between groups. */
  group?: string;
  /** The key that does the same on the focused item the menu belongs to, e.g. "Delete". */
  keyHint?: string;
}

interface MenuProps {
  /** Accessible name of the button. */
  label: string;
  /** What the button shows; defaults to the label. */
  buttonContent?: ReactNode;
  buttonClassName?: string;
  /** Extra attributes for the button, e.g. tabIndex -1 when the menu is reached by a key on its owner. */
  buttonProps?: { tabIndex?: number; title?: string };
  /** The items, or a function that builds them when the menu opens (so closed menus cost nothing). */
  items: MenuItem[] | (() => MenuItem[]);
  align?: 'start' | 'end';
  /** Controlled open state, for menus also opened by a key elsewhere. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Where focus goes when the menu closes; the button by default. */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

const GAP = 4;
const MARGIN = 8;

export function Menu({
  label,
  buttonContent,
  buttonClassName = 'icon-button',
  buttonProps,
  items: itemsOrBuild,
  align = 'start',
  open: controlledOpen,
  onOpenChange,
  returnFocusTo,
}: MenuProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const setOpen = (value: boolean) => {
    if (controlledOpen === undefined) setOwnOpen(value);
    onOpenChange?.(value);
  };
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const itemButtons = () => Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]') ?? []);

  useLayoutEffect(() => {
    if (!open) return;
    place(buttonRef.current, listRef.current, align);
    const first = itemButtons().find((item) => item.getAttribute('aria-disabled') !== 'true');
    first?.focus({ preventScroll: true });
  }, [open, align]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!listRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    const reposition = () => place(buttonRef.current, listRef.current, align);
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('scroll', reposition, true);
    window.addEventListener('resize', reposition);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('scroll', reposition, true);
      window.removeEventListener('resize', reposition);
    };
    // setOpen is recreated each render; the listeners only need the latest open state, which this effect follows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, align]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) (returnFocusTo?.current ?? buttonRef.current)?.focus();
  }

  function onListKeyDown(event: React.KeyboardEvent) {
    const buttons = itemButtons();
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (i: number) => buttons[(i + buttons.length) % buttons.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(buttons.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case 'Tab':
        // Back to the owner first, so Tab then goes on from there (the list itself sits at the end of the page).
        close(true);
        break;
    }
  }

  const items = open ? (typeof itemsOrBuild === 'function' ? itemsOrBuild() : itemsOrBuild) : [];
  const groups: Array<{ name: string | undefined; items: MenuItem[] }> = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.name === item.group) last.items.push(item);
    else groups.push({ name: item.group, items: [item] });
  }

  const renderItem = (item: MenuItem) => (
    <button
      key={item.key}
      type="button"
      role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
      aria-checked={item.checked}
      aria-disabled={item.disabled || undefined}
      aria-keyshortcuts={item.keyHint}
      className="menu__item"
      tabIndex={-1}
      onClick={() => {
        if (item.disabled) return;
        close(true);
        item.onSelect();
      }}
    >
      {item.icon}
      <span className="menu__label">{item.label}</span>
      {item.checked && <span aria-hidden="true"> ✓</span>}
      {item.keyHint && (
        <kbd className="menu__key" aria-hidden="true">
          {item.keyHint}
        </kbd>
      )}
    </button>
  );

  return (
    <div className="menu">
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={buttonContent ? label : undefined}
        title={buttonProps?.title ?? label}
        tabIndex={buttonProps?.tabIndex}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {buttonContent ?? label}
      </button>
      {open &&
        createPortal(
          <div ref={listRef} id={menuId} role="menu" aria-label={label} className="menu__list" onKeyDown={onListKeyDown}>
            {groups.map((group, i) => (
              <Fragment key={group.name ?? i}>
                {i > 0 && <div className="menu__separator" role="separator" />}
                {group.name ? (
                  <div role="group" aria-label={group.name}>
                    {group.items.map(renderItem)}
                  </div>
                ) : (
                  group.items.map(renderItem)
                )}
              </Fragment>
            ))}
          </div>,
          document.body,
        )}
    </div>
  );
}

/** Puts the list under its button (or above it when there is no room below), inside the window. */
function place(button: HTMLElement | null, list: HTMLElement | null, align: 'start' | 'end'): void {
  if (!button || !list) return;
  const anchor = button.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = list;
  const maxLeft = window.innerWidth - width - MARGIN;
  const left = Math.max(MARGIN, Math.min(align === 'end' ? anchor.right - width : anchor.left, maxLeft));
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - height;
  const top = below + height <= window.innerHeight - MARGIN || above < MARGIN ? below : above;
  list.style.left = `${left}px`;
  list.style.top = `${Math.max(MARGIN, Math.min(top, window.innerHeight - height - MARGIN))}px`;
}
