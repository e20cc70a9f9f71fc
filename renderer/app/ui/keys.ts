/// Whether a key event's target is a field the researcher types into, where
/// the app's own shortcuts must not fire.
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.ProseMirror')) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/// Whether a dialog or another modal overlay (the print preview, the
/// shortcut list) is open over the screen: the screen's own keys must then
/// not act on the text behind it, which keeps its selection.
export function overlayOpen(doc: Document = document): boolean {
  return doc.querySelector('dialog[open], [aria-modal="true"]') !== null;
}
