import { Plugin } from 'prosemirror-state';

/// Keeps the reader's text unchangeable while leaving it focusable, so the
/// keyboard can move a caret and select (Shift+arrows) as in an editor.
/// Every path by which text could change is closed: typed keys, input
/// events, paste, drop, cut, and any transaction that would alter the doc.
export function readOnlyPlugin(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
        cut: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
      handleKeyDown: (_view, event) => {
        // Enter, Backspace and Delete would edit; swallow them. Tab is left
        // to the browser so keyboard users can move on from the reader.
        return ['Enter', 'Backspace', 'Delete'].includes(event.key) && !event.ctrlKey && !event.metaKey;
      },
    },
  });
}
