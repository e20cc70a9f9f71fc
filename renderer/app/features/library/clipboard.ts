/// Puts text on the clipboard. The Clipboard API first; where the page may
/// not use it (permission refused, as the desktop app refuses every
/// permission), the older copy command, which a click allows.
export async function copyText(text: string, doc: Document = document): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through to the copy command.
  }
  const field = doc.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  doc.body.append(field);
  field.select();
  const copied = doc.execCommand('copy');
  field.remove();
  if (!copied) throw new Error('the clipboard cannot be reached from here');
}
