/// Keys typed between a key that opens a field (a tag key that asks for an
/// actor, N for the note) and the field's arrival. The field comes after
/// the annotation is stored and its entry drawn, a few tasks later; typed
/// at full speed, the first letters went to the text (and were lost) and a
/// note typed after Enter and N could land in the actor field. Held here,
/// from the very key that asks for the field, they are played into it, in
/// order, once it has the focus.

/// One key as pressed, to be played again.
interface HeldKey {
  key: string;
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

interface Hold {
  /// The field waited for; `null` once it has the focus (or was given up).
  awaited: string | null;
  keys: HeldKey[];
  /// Gives up waiting when the field does not come.
  timer: number;
  /// Whether the next key's playing is already asked for.
  scheduled: boolean;
}

let hold: Hold | null = null;

/// How long keys wait for a field that does not come (the annotation could
/// not be stored): they are then played wherever the focus is.
const patience = 5000;

/// Holds every key typed from now until a field matching `selector` takes
/// the focus, then plays them into it. Called while the key that asks for
/// the field is handled, so that not one key slips past.
export function holdKeysFor(selector: string): void {
  if (hold) {
    // A key played from the hold asked for another field (N after the
    // actor's name): the rest wait for that one.
    hold.awaited = selector;
    window.clearTimeout(hold.timer);
    hold.timer = window.setTimeout(releaseKeys, patience);
    return;
  }
  hold = { awaited: selector, keys: [], timer: window.setTimeout(releaseKeys, patience), scheduled: false };
  window.addEventListener('keydown', onKey, true);
  window.document.addEventListener('focusin', onFocus, true);
}

// A selector no element matches: the field of an annotation not yet stored.
const unnamed = ':not(*)';

/// Holds every key typed from now until `awaitField` names the field they
/// are for (the actor field of the annotation a tag key is storing, whose id
/// is not known yet) and it takes the focus. Until then no field, not even
/// another annotation's, releases them.
export function holdKeys(): void {
  holdKeysFor(unnamed);
}

/// Names the field the held keys wait for, once it is known; nothing when
/// no keys are held (a tag chosen with the mouse) or they were let go.
export function awaitField(selector: string): void {
  if (hold?.awaited) holdKeysFor(selector);
}

/// Stops waiting for the field and plays the held keys where the focus is.
export function releaseKeys(): void {
  if (!hold) return;
  window.clearTimeout(hold.timer);
  hold.awaited = null;
  schedule();
}

function onKey(event: KeyboardEvent): void {
  // The keys played back are the page's own events: let them through.
  if (!hold || !event.isTrusted) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  const { key, code, ctrlKey, shiftKey, altKey, metaKey } = event;
  hold.keys.push({ key, code, ctrlKey, shiftKey, altKey, metaKey });
  if (hold.awaited === null) schedule();
}

function onFocus(event: FocusEvent): void {
  // Released in a task of its own: the focus comes from a React effect,
  // and the screen's other effects (the N key's entry) run after it.
  if (hold?.awaited && event.target instanceof HTMLElement && event.target.matches(hold.awaited)) releaseKeys();
}

// One key a task: what a key changed (a field's value, the focus) is
// drawn before the next is played, as between real keys.
function schedule(): void {
  if (!hold || hold.scheduled) return;
  hold.scheduled = true;
  window.setTimeout(playNext, 0);
}

function playNext(): void {
  if (!hold) return;
  hold.scheduled = false;
  if (hold.awaited !== null) return;
  const next = hold.keys.shift();
  if (!next) {
    window.removeEventListener('keydown', onKey, true);
    window.document.removeEventListener('focusin', onFocus, true);
    window.clearTimeout(hold.timer);
    hold = null;
    return;
  }
  play(next);
  schedule();
}
/// Plays one key where the focus is: the page's handlers see it first (Enter
/// leaves the actor field, N opens the note, Escape goes back to the text);
/// what they leave alone is typed into the focused field.
function play(held: HeldKey): void {
  const target = window.document.activeElement instanceof HTMLElement ? window.document.activeElement : window.document.body;
  const event = new KeyboardEvent('keydown', { ...held, bubbles: true, cancelable: true });
  if (!target.dispatchEvent(event)) return;
  const field = window.document.activeElement;
  // Ctrl or Cmd alone make a shortcut; Alt (Option on a Mac) and Ctrl+Alt
  // (AltGr on Windows) type letters: ł, ż, ř on Polish and Czech keyboards.
  const shortcut = held.metaKey || (held.ctrlKey && !held.altKey);
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || shortcut) return;
  // execCommand types as the keyboard does: an input event React hears,
  // the caret moved, one step for the field's own undo.
  if ([...held.key].length === 1) window.document.execCommand('insertText', false, held.key);
  else if (held.key === 'Backspace') window.document.execCommand('delete');
  else if (held.key === 'Enter' && field instanceof HTMLTextAreaElement) window.document.execCommand('insertText', false, '\n');
}
