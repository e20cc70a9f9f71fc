import { type FoldedText, originalRange } from '../text/folded';
import { foldForSearch, foldTerm } from './fold';

/// One place a find matched, as canonical offsets [start, end).
export interface FindMatch {
  start: number;
  end: number;
}

/// The most places a find reports: past this the count says "10,000+" and
/// the rest are not drawn, so a one-letter query in a long text stays fast.
export const maxFindMatches = 10_000;

const combining = /\p{M}/u;

/// Every place `query` occurs in a text, case and accents folded as Search
/// folds them ("dvorak" finds "Dvořàk", "events" finds "events.²"), as a
/// substring, the way a browser's find does; in text order, without
/// overlaps, at most `maxFindMatches`. `folded` is the text folded by
/// `foldForSearch`, computed once per text by the caller.
export function findInText(text: string, folded: FoldedText, query: string): FindMatch[] {
  const needle = foldTerm(query.trim());
  if (!needle) return [];
  const matches: FindMatch[] = [];
  for (let at = folded.text.indexOf(needle); at >= 0 && matches.length < maxFindMatches; at = folded.text.indexOf(needle, at + needle.length)) {
    let { start, end } = originalRange(folded, at, at + needle.length);
    // Take the rest of the last character: the other half of a surrogate
    // pair, the combining marks the folding dropped ("Me\u0308" ends after
    // the mark).
    if (end < text.length && text.charCodeAt(end) >= 0xdc00 && text.charCodeAt(end) <= 0xdfff) end += 1;
    while (end < text.length && combining.test(text[end]!)) end += 1;
    // A match that begins inside the previous one's last character (ß
    // folds to "ss") would draw it twice.
    if (matches.length > 0 && start < matches[matches.length - 1]!.end) continue;
    matches.push({ start, end });
  }
  return matches;
}

/// The text folded once, for `findInText`.
export function foldForFind(text: string): FoldedText {
  return foldForSearch(text);
}
