/**
 * An accessible menu button (WAI-ARIA menu button pattern): Enter, Space or
 * ArrowDown opens it, arrows, Home and End move, Escape closes and returns
 * focus. The open list is drawn over the page (a portal at the end of the
 * body, fixed beside its button), so a container that clips its content,
 * such as a card skipped while off screen, never cuts it off.
 *
 * `MenuPopup` is the open list alone, for a button that must cost nothing
 * until it is used (one on each of hundreds of cards).
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
  /** With `checked`: an on/off item (menuitemcheckbox) rather than one choice among several. */
  toggle?: boolean;
  icon?: ReactNode;
  /** Items with the same group name sit together, named for screen readers, with a line between groups. */
  group?: string;
  /** The key that does the same on the focused item the menu belongs to, e.g. "Delete". */
  keyHint?: string;
}

interface PopupProps {
  id: string;
  /** The menu's accessible name. */
  label: string;
  /** The button the list sits beside. */
  anchorRef: RefObject<HTMLElement | null>;
  /** The items, or a function that builds them when the menu opens. */
  items: MenuItem[] | (() => MenuItem[]);
  align?: 'start' | 'end';
  /** Closes the menu; `returnFocus` is false when the user went elsewhere (a click outside). */
  onClose: (returnFocus: boolean) => void;
}

const GAP = 4;
const MARGIN = 8;

export function MenuPopup({ id, label, anchorRef, items: itemsOrBuild, align = 'start', onClose }: PopupProps) {
  const listRef = useRef<HTMLDivElement>(null);
  // Built once when the menu opens.
  const [items] = useState(() => (typeof itemsOrBuild === 'function' ? itemsOrBuild() : itemsOrBuild));
  const latestClose = useRef(onClose);
  useLayoutEffect(() => {
    latestClose.current = onClose;
  });

  const itemButtons = () => Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]') ?? []);

  useLayoutEffect(() => {
    place(anchorRef.current, listRef.current, align);
    itemButtons()
      .find((item) => item.getAttribute('aria-disabled') !== 'true')
      ?.focus({ preventScroll: true });
  }, [anchorRef, align]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!listRef.current?.contains(target) && !anchorRef.current?.contains(target)) latestClose.current(false);
    };
    const reposition = () => place(anchorRef.current, listRef.current, align);
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('scroll', reposition, true);
    window.addEventListener('resize', reposition);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('scroll', reposition, true);
      window.removeEventListener('resize', reposition);
    };
  }, [anchorRef, align]);

  function onKeyDown(event: React.KeyboardEvent) {
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
        onClose(true);
        break;
      case 'Tab':
        // Back to the owner first, so Tab then goes on from there (the list itself sits at the end of the page).
        onClose(true);
        break;
    }
  }

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
      role={item.checked === undefined ? 'menuitem' : item.toggle ? 'menuitemcheckbox' : 'menuitemradio'}
      aria-checked={item.checked}
      aria-disabled={item.disabled || undefined}
      aria-keyshortcuts={item.keyHint}
      className="menu__item"
      tabIndex={-1}
      onClick={() => {
        if (item.disabled) return;
        onClose(true);
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

  return createPortal(
    <div
      ref={listRef}
      id={id}
      role="menu"
      aria-label={label}
      className="menu__list"
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        // A roving tabindex: the item with focus is the one in the tab order, so a list long enough
        // to scroll (a card's menu on a 720 px projector page) still holds something focusable.
        for (const item of itemButtons()) item.tabIndex = item === (event.target as Element) ? 0 : -1;
      }}
    >
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
  );
}

interface MenuProps {
  /** Accessible name of the button and the menu. */
  label: string;
  /** What the button shows; defaults to the label. */
  buttonContent?: ReactNode;
  buttonClassName?: string;
  items: MenuItem[] | (() => MenuItem[]);
  align?: 'start' | 'end';
}

/** A button and its menu. */
export function Menu({ label, buttonContent, buttonClassName = 'icon-button', items, align = 'start' }: MenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
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
        title={label}
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
      {open && (
        <MenuPopup
          id={menuId}
          label={label}
          anchorRef={buttonRef}
          items={items}
          align={align}
          onClose={(returnFocus) => {
            setOpen(false);
            if (returnFocus) buttonRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}

/** Puts the list under its button (or above it when there is no room below), inside the window. */
function place(anchor: HTMLElement | null, list: HTMLElement | null, align: 'start' | 'end'): void {
  if (!anchor || !list) return;
  const box = anchor.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = list;
  const maxLeft = window.innerWidth - width - MARGIN;
  const left = Math.max(MARGIN, Math.min(align === 'end' ? box.right - width : box.left, maxLeft));
  const below = box.bottom + GAP;
  const above = box.top - GAP - height;
  const top = below + height <= window.innerHeight - MARGIN || above < MARGIN ? below : above;
  list.style.left = `${left}px`;
  list.style.top = `${Math.max(MARGIN, Math.min(top, window.innerHeight - height - MARGIN))}px`;
}
