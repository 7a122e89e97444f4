/**
 * The "?" sheet: every keyboard shortcut the current screen offers, read from
 * the shortcut registry, in a modal dialog that Escape closes. Focus goes
 * back where it was.
 */
import { Fragment, useEffect, useRef } from 'react';
import { create } from 'zustand';
import { SHORTCUT_GROUP_ORDER, type Shortcut, describeKeys, useShortcutRegistry } from '../lib/shortcuts';
import './ShortcutSheet.css';

export const useShortcutSheet = create<{ open: boolean }>(() => ({ open: false }));
export const openShortcutSheet = () => useShortcutSheet.setState({ open: true });
const closeShortcutSheet = () => useShortcutSheet.setState({ open: false });

function grouped(shortcuts: Shortcut[]): Array<[string, Shortcut[]]> {
  const groups = new Map<string, Shortcut[]>();
  for (const group of SHORTCUT_GROUP_ORDER) groups.set(group, []);
  for (const shortcut of shortcuts) groups.set(shortcut.group, [...(groups.get(shortcut.group) ?? []), shortcut]);
  return [...groups].filter(([, list]) => list.length > 0);
}

export function ShortcutSheet() {
  const open = useShortcutSheet((state) => state.open);
  const shortcuts = useShortcutRegistry((state) => state.shortcuts);
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      // Start reading at the top (the dialog would focus its one button, at the bottom).
      dialog.querySelector<HTMLElement>('h2')?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      if (returnTo.current instanceof HTMLElement && returnTo.current.isConnected) returnTo.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="shortcut-sheet"
      aria-labelledby="shortcut-sheet-title"
      onCancel={(event) => {
        event.preventDefault();
        closeShortcutSheet();
      }}
    >
      <h2 id="shortcut-sheet-title" tabIndex={-1}>
        Keyboard shortcuts
      </h2>
      <p className="hint">Single-key shortcuts do nothing while you type in a box.</p>
      {open &&
        grouped(shortcuts).map(([group, list]) => (
          <table key={group} className="shortcut-table">
            <caption>{group}</caption>
            <tbody>
              {list.map((shortcut) => (
                <tr key={shortcut.id}>
                  <th scope="row">
                    {shortcut.keys.map((keys, i) => (
                      <Fragment key={keys}>
                        {i > 0 && ' or '}
                        <kbd>{describeKeys(keys)}</kbd>
                      </Fragment>
                    ))}
                  </th>
                  <td>{shortcut.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <div className="button-row">
        <button type="button" className="button" onClick={closeShortcutSheet}>
          Close
        </button>
      </div>
    </dialog>
  );
}
