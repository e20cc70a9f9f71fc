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
