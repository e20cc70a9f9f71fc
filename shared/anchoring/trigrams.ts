import { maxErrorRate } from './scoring';

const gramLength = 3;

// Three UTF-16 units as one small integer, so a set of them is looked up
// without making strings: exact for units below 1,024 (Latin, Greek,
// Cyrillic), and otherwise folded together. Runs that fold together only
// make a check below answer "may occur" more often, never wrongly "no".
function gram(s: string, i: number): number {
  return ((s.charCodeAt(i) << 20) ^ (s.charCodeAt(i + 1) << 10) ^ s.charCodeAt(i + 2)) & 0x3fff_ffff;
}

/// Every run of three characters of `s`, as numbers.
export function gramsOf(s: string): Set<number> {
  const grams = new Set<number>();
  for (let i = 0; i + gramLength <= s.length; i++) grams.add(gram(s, i));
  return grams;
}

/// Whether every run of three characters of `needle` occurs in a text whose
/// runs are `grams`: when one does not, neither does `needle`.
export function mayOccur(grams: Set<number>, needle: string): boolean {
  for (let i = 0; i + gramLength <= needle.length; i++) if (!grams.has(gram(needle, i))) return false;
  return true;
}

/// Whether a folded quote can have an approximate match in a folded text
/// whose runs are `grams` at all. A match with at most k edits leaves at
/// least m + 1 - (k + 1)·q of the quote's m - q + 1 runs of q characters
/// untouched (each edit spoils at most q of them), and those runs occur in
/// the text: when fewer of them occur anywhere in it, no match exists, and
/// the costly search is skipped without changing any result.
export function mayMatchApproximately(grams: Set<number>, foldedQuote: string): boolean {
  const maxErrors = Math.floor(foldedQuote.length * maxErrorRate);
  const needed = foldedQuote.length + 1 - (maxErrors + 1) * gramLength;
  if (needed <= 0) return true;
  let present = 0;
  let absent = 0;
  const total = foldedQuote.length - gramLength + 1;
  for (let i = 0; i < total; i++) {
    if (grams.has(gram(foldedQuote, i))) {
      if (++present >= needed) return true;
    } else if (++absent > total - needed) return false;
  }
  return present >= needed;
}
