import { useEffect, useRef, useState } from 'react';
import { menuEvent } from '../../shared/ipc/contract';
import { isTyping } from './ui/keys';
import { trackInputModality } from './keyboard';
import './features/reader/reader-tools.css';

/// The app's keys, as the shortcut list shows them: what a researcher can
/// do without the mouse.
export const shortcuts: readonly { keys: string[]; what: string; where: string }[] = [
  { keys: ['Tab', 'Shift+Tab'], what: 'Move between the controls, the text and the panel', where: 'Everywhere' },
  { keys: ['Enter'], what: 'Open the document, result or passage focused', where: 'Library, search, panel' },
  { keys: ['Enter', '↓'], what: 'Open the Import menu; ↑↓ move in it, Enter chooses, Escape closes it', where: 'Library' },
  { keys: ['Shift+←→↑↓'], what: 'Select words in the text, across paragraphs too', where: 'Reader' },
  { keys: ['1', '2', '3…'], what: 'Tag the selected passage with the first, second, third… tag type', where: 'Reader' },
  { keys: ['Enter'], what: 'With the caret in a highlight: show its annotation in the panel', where: 'Reader' },
  { keys: ['N'], what: 'Write the note of the annotation just made or shown', where: 'Reader' },
  { keys: ['Escape'], what: 'Back from the note or actor field to the text', where: 'Panel' },
  { keys: ['Ctrl+Enter'], what: 'Save the note', where: 'Panel' },
  { keys: ['Ctrl+F'], what: 'Find in this document; Enter / Shift+Enter next / previous; Escape closes', where: 'Reader' },
  { keys: ['Ctrl+Shift+F'], what: 'Search every document', where: 'Everywhere' },
  { keys: ['Ctrl+Z', 'Ctrl+Shift+Z'], what: 'Undo / redo an annotation, actor or type change', where: 'Everywhere' },
  { keys: ['Ctrl+P'], what: 'Print the document with its numbered annotations, or save it as PDF', where: 'Reader' },
  { keys: ['Ctrl+=', 'Ctrl+-', 'Ctrl+0'], what: 'Larger, smaller, normal text', where: 'Everywhere' },
  { keys: ['Alt+←'], what: 'Back where you came from', where: 'Reader' },
  { keys: ['?'], what: 'This list', where: 'Everywhere' },
];

/// The shortcut list: opened by `?` (when not typing) or the Help menu's
/// "Keyboard shortcuts" (the `shortcuts` window event); Escape closes it.
/// Mounted once by the app; it also marks whether the keyboard or a pointer
/// was used last, for the focus rings (keyboard.ts).
export function Shortcuts() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => trackInputModality(window), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      setOpen(true);
    };
    const onMenu = (event: Event) => {
      if ((event as CustomEvent).detail === 'shortcuts') setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(menuEvent, onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(menuEvent, onMenu);
    };
  }, []);
  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
  }, [open]);

  if (!open) return null;
  return (
    <dialog ref={dialog} className="dialog shortcuts" aria-labelledby="shortcuts-title" data-testid="shortcuts" onClose={() => setOpen(false)}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.what}>
              <td className="shortcut-keys">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.what}</td>
              <td className="shortcut-where">{s.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog" className="dialog-actions">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
