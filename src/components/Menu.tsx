/**
 * A small accessible menu button (WAI-ARIA menu button pattern): Enter,
 * Space or ArrowDown opens it, arrows move, Escape closes and returns focus.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import './Menu.css';

export interface MenuItem {
  key: string;
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** For a choice among options, such as a colour: shown as the current one. */
  checked?: boolean;
  icon?: ReactNode;
  separatorBefore?: boolean;
}

interface MenuProps {
  /** Accessible name of the button. */
  label: string;
  /** What the button shows; defaults to the label. */
  buttonContent?: ReactNode;
  buttonClassName?: string;
  /** The items, or a function that builds them when the menu opens (so closed menus cost nothing). */
  items: MenuItem[] | (() => MenuItem[]);
  align?: 'start' | 'end';
}

export function Menu({ label, buttonContent, buttonClassName = 'icon-button', items: itemsOrBuild, align = 'start' }: MenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const itemButtons = () => Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    const first = itemButtons().find((item) => item.getAttribute('aria-disabled') !== 'true');
    first?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const root = listRef.current?.parentElement;
      if (root && !root.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
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
        setOpen(false);
        break;
    }
  }

  const items = open ? (typeof itemsOrBuild === 'function' ? itemsOrBuild() : itemsOrBuild) : [];

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
        onClick={() => setOpen((value) => !value)}
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
        <ul
          ref={listRef}
          id={menuId}
          role="menu"
          aria-label={label}
          className={`menu__list${align === 'end' ? ' menu__list--end' : ''}`}
          onKeyDown={onListKeyDown}
        >
          {items.map((item) => (
            <li key={item.key} role="none">
              {item.separatorBefore && <div className="menu__separator" role="separator" />}
              <button
                type="button"
                role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={item.checked}
                aria-disabled={item.disabled || undefined}
                className="menu__item"
                tabIndex={-1}
                onClick={() => {
                  if (item.disabled) return;
                  close(true);
                  item.onSelect();
                }}
              >
                {item.icon}
                {item.label}
                {item.checked && <span aria-hidden="true"> ✓</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
