import { useLayoutEffect, useRef, useState } from 'react';
import { rebaseDraft } from '../../../../shared/sync/text-edit';

/// The text of an annotation's note field. It follows the stored note
/// (an undo, an import, a colleague's edit arriving) — and while the
/// researcher is typing in the field, a change arriving is merged into
/// what they typed, their caret kept in its place, instead of replacing
/// it; their typing is saved when they leave the field, as ever.
export function useNoteDraft(stored: string) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState(stored);
  // The stored note the field's text was last made from.
  const base = useRef(stored);
  const caret = useRef<number | null>(null);

  // Before paint, so the field never shows the typing lost for a frame.
  useLayoutEffect(() => {
    if (stored === base.current) return;
    const element = field.current;
    const typing = element !== null && element === document.activeElement;
    if (!typing) {
      setNote(stored);
    } else {
      const merged = rebaseDraft(base.current, note, stored, element.selectionStart);
      setNote(merged.text);
      caret.current = merged.caret;
    }
    base.current = stored;
  }, [stored, note]);

  // The merged text is in the field: put the caret back where it stood.
  useLayoutEffect(() => {
    const element = field.current;
    if (caret.current === null || !element || element.value !== note) return;
    element.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [note]);

  return { field, note, setNote };
}
