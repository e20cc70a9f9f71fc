/// Marks on the page's root element whether the researcher last used the
/// keyboard or a pointer (`data-input="keyboard"` / `"pointer"`), so focus
/// rings show for keyboard users and stay out of the way of mouse readers:
/// the reader's text is editable-like, and the browser's :focus-visible
/// always matches it, however it was focused. Returns the uninstaller.
export function trackInputModality(target: Window): () => void {
  const root = target.document.documentElement;
  const onKey = (event: KeyboardEvent) => {
    // A modifier alone, or Ctrl with a key, is a command, not moving about.
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) root.dataset.input = 'keyboard';
  };
  const onPointer = () => {
    root.dataset.input = 'pointer';
  };
  target.addEventListener('keydown', onKey, true);
  target.addEventListener('pointerdown', onPointer, true);
  return () => {
    target.removeEventListener('keydown', onKey, true);
    target.removeEventListener('pointerdown', onPointer, true);
  };
}
