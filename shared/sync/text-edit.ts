import type * as Y from 'yjs';

/// The one splice that turns `before` into `after`: the common prefix and
/// suffix are kept, the middle replaced.
export interface Splice {
  start: number;
  remove: number;
  insert: string;
}

/// The smallest single splice from `before` to `after`.
export function spliceBetween(before: string, after: string): Splice {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/// Applies the researcher's edit of a note, from `before` (the text as they
/// last saw it) to `after`, onto `text`, which may meanwhile hold others'
/// edits: the splice lands where its surrounding words are now, so both
/// edits stay. Only when neither side of it can be found is the whole note
/// replaced by `after`.
export function editText(text: Y.Text, before: string, after: string): void {
  const now = text.toString();
  if (now === after) return;
  const splice = spliceBetween(before, after);
  if (splice.remove === 0 && splice.insert === '') return;
  let at: number;
  if (now === before) at = splice.start;
  else if (now.startsWith(before.slice(0, splice.start)) && splice.start + splice.remove <= now.length) at = splice.start;
  else {
    const tail = before.slice(splice.start + splice.remove);
    if (now.endsWith(tail) && now.length - tail.length - splice.remove >= 0) at = now.length - tail.length - splice.remove;
    else {
      const whole = spliceBetween(now, after);
      text.delete(whole.start, whole.remove);
      text.insert(whole.start, whole.insert);
      return;
    }
  }
  if (splice.remove > 0) text.delete(at, splice.remove);
  if (splice.insert !== '') text.insert(at, splice.insert);
}

/// A note being typed in, when another's edit of it arrives: `mine` (the
/// text in the field) rebased onto `theirs` (the note as it is now), both
/// made from `base` (the note when typing began). Their edit and the
/// typing both stay, as `editText` merges them; `caret`, an offset in
/// `mine`, is moved with the text around it, so the typist's place holds.
export function rebaseDraft(base: string, mine: string, theirs: string, caret: number): { text: string; caret: number } {
  if (mine === base) return { text: theirs, caret: Math.min(caret, theirs.length) };
  const splice = spliceBetween(base, mine);
  let at: number;
  if (theirs.startsWith(base.slice(0, splice.start)) && splice.start + splice.remove <= theirs.length) at = splice.start;
  else {
    const tail = base.slice(splice.start + splice.remove);
    if (theirs.endsWith(tail) && theirs.length - tail.length - splice.remove >= 0) at = theirs.length - tail.length - splice.remove;
    // Neither side of the typing is where it was: the field keeps the typing.
    else return { text: mine, caret };
  }
  const text = theirs.slice(0, at) + splice.insert + theirs.slice(at + splice.remove);
  // The caret, from `mine` to `text`: inside the typing it keeps its place
  // there; before or after it, it moves as their edit moved that text.
  const theirsSplice = spliceBetween(base, theirs);
  const throughTheirs = (b: number) =>
    b <= theirsSplice.start
      ? b
      : b >= theirsSplice.start + theirsSplice.remove
        ? b + theirsSplice.insert.length - theirsSplice.remove
        : theirsSplice.start + theirsSplice.insert.length;
  const grown = splice.insert.length - splice.remove;
  let moved: number;
  if (caret < splice.start) {
    const p = throughTheirs(caret);
    moved = p <= at ? p : p + grown;
  } else if (caret <= splice.start + splice.insert.length) moved = at + (caret - splice.start);
  else {
    const p = throughTheirs(caret - grown);
    moved = p >= at + splice.remove ? p + grown : p;
  }
  return { text, caret: Math.max(0, Math.min(moved, text.length)) };
}
