import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Shortcut, describeKeys, matches, pauseShortcuts, useShortcutRegistry, useShortcuts } from '../../../src/lib/shortcuts';

const key = (init: KeyboardEventInit, target: EventTarget = document.body) => {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('matching keys', () => {
  it('takes Mod as Ctrl or ⌘, and letters with or without Shift as written', () => {
    expect(matches({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false }, 'Mod+z')).toBe(true);
    expect(matches({ key: 'z', ctrlKey: false, metaKey: true, shiftKey: false, altKey: false }, 'Mod+z')).toBe(true);
    expect(matches({ key: 'Z', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false }, 'Mod+z')).toBe(false);
    expect(matches({ key: 'Z', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false }, 'Mod+Shift+z')).toBe(true);
    expect(matches({ key: 'n', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false }, 'n')).toBe(false);
  });

  it('takes a symbol whatever Shift it needs on the keyboard in use', () => {
    expect(matches({ key: '?', ctrlKey: false, metaKey: false, shiftKey: true, altKey: false }, '?')).toBe(true);
    expect(matches({ key: ']', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false }, ']')).toBe(true);
  });

  it('shows keys as people read them', () => {
    expect(describeKeys('Mod+Shift+z', false)).toBe('Ctrl+Shift+Z');
    expect(describeKeys('Mod+Shift+z', true)).toBe('⌘⇧Z');
    expect(describeKeys('?', false)).toBe('?');
    expect(describeKeys(' ', false)).toBe('Space');
    expect(describeKeys('ArrowLeft', false)).toBe('←');
  });
});

describe('the shortcut listener', () => {
  function mount(shortcuts: Shortcut[]) {
    return renderHook(() => useShortcuts(shortcuts));
  }

  it('runs a registered shortcut and lists it while mounted', () => {
    const run = vi.fn();
    const shortcuts = [{ id: 'new', keys: ['n'], label: 'New card', group: 'Canvas', run }];
    const { unmount } = mount(shortcuts);
    expect(useShortcutRegistry.getState().shortcuts.map((s) => s.label)).toEqual(['New card']);
    expect(key({ key: 'n' }).defaultPrevented).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
    unmount();
    key({ key: 'n' });
    expect(run).toHaveBeenCalledTimes(1);
    expect(useShortcutRegistry.getState().shortcuts).toEqual([]);
  });

  it('never fires a single-key shortcut while typing in a field, in a menu or a dialog, or during a drag (WCAG 2.1.4)', () => {
    const run = vi.fn();
    mount([{ id: 'new', keys: ['n'], label: 'New card', group: 'Canvas', run }]);
    const input = document.body.appendChild(document.createElement('input'));
    const textarea = document.body.appendChild(document.createElement('textarea'));
    const menu = document.body.appendChild(document.createElement('div'));
    menu.setAttribute('role', 'menu');
    const item = menu.appendChild(document.createElement('button'));
    const radio = document.body.appendChild(Object.assign(document.createElement('input'), { type: 'radio' }));
    expect(key({ key: 'n' }, input).defaultPrevented).toBe(false);
    key({ key: 'n' }, textarea);
    key({ key: 'n' }, item);
    const release = pauseShortcuts();
    key({ key: 'n' });
    release();
    expect(run).not.toHaveBeenCalled();
    // A radio button is not a place to type: the shortcut works there.
    key({ key: 'n' }, radio);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('lets a Ctrl shortcut marked for fields work in them, and leaves keys something else handled', () => {
    const undo = vi.fn();
    const other = vi.fn();
    mount([
      { id: 'undo', keys: ['Mod+z'], label: 'Undo', group: 'Canvas', inFields: true, run: undo },
      { id: 'other', keys: ['Mod+k'], label: 'Other', group: 'Canvas', run: other },
    ]);
    const textarea = document.body.appendChild(document.createElement('textarea'));
    key({ key: 'z', ctrlKey: true }, textarea);
    key({ key: 'k', ctrlKey: true }, textarea);
    expect(undo).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
    const handled = new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true });
    handled.preventDefault();
    act(() => void document.body.dispatchEvent(handled));
    expect(undo).toHaveBeenCalledTimes(1);
  });
});
