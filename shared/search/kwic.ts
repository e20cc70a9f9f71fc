import { blockSeparator } from '../document/model';

/// A hit shown as a keyword-in-context line.
export interface ContextLine {
  /// The text before the hit, white space collapsed; ends with a space when
  /// a space separates it from the hit.
  before: string;
  /// The hit as written, white space collapsed.
  match: string;
  /// The text after the hit, in the same way.
  after: string;
}

/// How many characters of context a line shows on either side, before it
/// is cut back to a word boundary.
export const contextWidth = 60;

/// The line around [start, end) of `text`: up to `width` characters either
/// side, cut at a word boundary and at the edge of the hit's paragraph (text
/// from the next paragraph, with its line break collapsed, would read as if
/// it continued the sentence).
export function contextLine(text: string, start: number, end: number, width = contextWidth): ContextLine {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new RangeError(`The range ${start}–${end} is not a passage of a text of ${text.length} characters.`);
  }
  if (!Number.isInteger(width) || width < 0) throw new RangeError(`The context width must be a whole number of characters, not ${width}.`);
  let before = text.slice(Math.max(0, start - width), start);
  const breakBefore = before.lastIndexOf(blockSeparator);
  if (breakBefore >= 0) before = before.slice(breakBefore + blockSeparator.length);
  else if (start - width > 0 && !/\s/.test(text[start - width - 1]!)) before = dropFirstWord(before);
  let after = text.slice(end, end + width);
  const breakAfter = after.indexOf(blockSeparator);
  if (breakAfter >= 0) after = after.slice(0, breakAfter);
  else if (end + width < text.length && !/\s/.test(text[end + width]!)) after = dropLastWord(after);
  return {
    before: collapse(before).trimStart(),
    match: collapse(text.slice(start, end)),
    after: collapse(after).trimEnd(),
  };
}

// A window cut inside a word loses that part-word. Without any white space
// in it (a script written without spaces, a very long word) the hard cut
// stays, less half a surrogate pair.
function dropFirstWord(s: string): string {
  const space = s.search(/\s/);
  if (space >= 0) return s.slice(space);
  return /^[\uDC00-\uDFFF]/.test(s) ? s.slice(1) : s;
}

function dropLastWord(s: string): string {
  const match = /\s\S*$/.exec(s);
  if (match) return s.slice(0, match.index + 1);
  return /[\uD800-\uDBFF]$/.test(s) ? s.slice(0, -1) : s;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}
