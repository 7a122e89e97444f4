/**
 * Keyboard shortcuts: one registry and one listener. A screen registers what
 * it offers while it is shown (`useShortcuts`); the "?" sheet lists whatever
 * is registered, so a feature added later (presenting mode, the timer) only
 * registers its keys and appears there.
 *
 * A shortcut without Ctrl, Alt or Meta never fires while the user is typing
 * in a field, is in a menu or a dialog, or is moving a card (WCAG 2.2 SC
 * 2.1.4); keys a focused element handles itself (a card's Delete, a menu's
 * arrows) call preventDefault, and the listener leaves those alone.
 */
import { useEffect } from 'react';
import { create } from 'zustand';

export interface Shortcut {
  /** Unique among registered shortcuts; a later registration with the same id replaces the earlier. */
  id: string;
  /**
   * Key combinations, any of which runs it: KeyboardEvent.key values, with
   * modifiers before a '+', e.g. 'n', '?', ']', 'Mod+z', 'Mod+Shift+z'.
   * `Mod` is Ctrl, or ⌘ on a Mac. A printable symbol (?, [, ]) matches
   * whatever Shift it takes on the keyboard in use.
   */
  keys: string[];
  /** What it does, as the help sheet says it: "New card in this step". */
  label: string;
  /** The heading it is listed under in the help sheet. */
  group: string;
  /** Absent for keys that something else handles (a focused card's keys): they are only listed. */
  run?: (event: KeyboardEvent) => void;
  /** Also fires in text fields (only for shortcuts with Ctrl/⌘, such as undo). */
  inFields?: boolean;
}

interface ShortcutState {
  shortcuts: Shortcut[];
}

export const useShortcutRegistry = create<ShortcutState>(() => ({ shortcuts: [] }));

/** The order groups are listed in the help sheet; groups not named here follow, in registration order. */
export const SHORTCUT_GROUP_ORDER = ['Anywhere on a canvas', 'On a card', 'Moving a card', 'Editing a card'];

let paused = 0;

/** While something has the keyboard to itself (a drag in progress), single keys do nothing else. */
export function pauseShortcuts(): () => void {
  paused++;
  let released = false;
  return () => {
    if (!released) paused--;
    released = true;
  };
}

export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface ParsedKeys {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

function parse(keys: string): ParsedKeys {
  const parts = keys.split('+');
  // "Mod++" would be a plus key; no shortcut here uses one.
  const key = parts.pop() ?? '';
  return { key, mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt') };
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);

export function matches(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, keys: string): boolean {
  const wanted = parse(keys);
  const mod = event.ctrlKey || event.metaKey;
  if (wanted.mod !== mod || wanted.alt !== event.altKey) return false;
  if (wanted.key.length === 1 && !isLetter(wanted.key)) return event.key === wanted.key;
  if (wanted.shift !== event.shiftKey) return false;
  return event.key.toLowerCase() === wanted.key.toLowerCase();
}

/** True when typing here makes text, so a single-key shortcut must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  return false;
}

function inMenuOrDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="menu"], [role="listbox"], dialog[open]') !== null;
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  const plain = !(event.ctrlKey || event.metaKey || event.altKey);
  if (plain && (paused > 0 || isTypingTarget(event.target) || inMenuOrDialog(event.target))) return;
  for (const shortcut of useShortcutRegistry.getState().shortcuts) {
    if (!shortcut.run) continue;
    if (!plain && !shortcut.inFields && isTypingTarget(event.target)) continue;
    if (shortcut.keys.some((keys) => matches(event, keys))) {
      event.preventDefault();
      shortcut.run(event);
      return;
    }
  }
}

let listening = false;

function register(shortcuts: Shortcut[]): () => void {
  const ids = new Set(shortcuts.map((shortcut) => shortcut.id));
  useShortcutRegistry.setState((state) => ({ shortcuts: [...state.shortcuts.filter((s) => !ids.has(s.id)), ...shortcuts] }));
  if (!listening && typeof document !== 'undefined') {
    document.addEventListener('keydown', onKeyDown);
    listening = true;
  }
  return () => {
    useShortcutRegistry.setState((state) => ({ shortcuts: state.shortcuts.filter((s) => !shortcuts.includes(s)) }));
    if (listening && useShortcutRegistry.getState().shortcuts.length === 0) {
      document.removeEventListener('keydown', onKeyDown);
      listening = false;
    }
  };
}

/**
 * Registers shortcuts while the calling component is mounted. Pass a stable
 * array (module constant or useMemo): each new array re-registers.
 */
export function useShortcuts(shortcuts: Shortcut[]): void {
  useEffect(() => register(shortcuts), [shortcuts]);
}

const KEY_NAMES: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  ' ': 'Space',
  Escape: 'Esc',
  Delete: 'Delete',
  Backspace: 'Backspace',
  ContextMenu: 'Menu key',
};

/** How a key combination is shown to people: "Ctrl+Shift+Z", "⌘⇧Z", "N", "?". */
export function describeKeys(keys: string, mac = isMac()): string {
  const { key, mod, shift, alt } = parse(keys);
  const name = KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  if (mac) return `${mod ? '⌘' : ''}${alt ? '⌥' : ''}${shift ? '⇧' : ''}${name}`;
  return [mod && 'Ctrl', alt && 'Alt', shift && 'Shift', name].filter(Boolean).join('+');
}
