import { foldForSearch } from './fold';

/// Called for each word of a text: its folded form, and where it is in the
/// original text, [start, end) in UTF-16 code units.
export type TokenVisitor = (term: string, start: number, end: number) => void;

// A word is a run of letters and digits (Unicode's L and N categories) in
// the folded text. Everything else separates words: white space, punctuation,
// apostrophes ("Khrushchev's" is "khrushchev" and "s", so "khrushchev" finds
// it and the query "Khrushchev's" is the phrase of both), hyphens
// ("Sino-Soviet" is two words, found by "sino soviet" and by "Sino-Soviet").
// Soft hyphens and OCR boxes inside a word were dropped by the folding, so
// they do not break it.
const unknown = 0;
const word = 1;
const other = 2;
const classes = new Uint8Array(0x10000);
const wordCharacter = /^[\p{L}\p{N}]$/u;

function classOf(code: number): number {
  let value = classes[code]!;
  if (value === unknown) {
    value = wordCharacter.test(String.fromCharCode(code)) ? word : other;
    classes[code] = value;
  }
  return value;
}

/// How many code units of a word character start at `i` in `text`: 1, 2 for
/// a letter outside the Basic Multilingual Plane, 0 if none does.
function wordWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(i)!;
    return point > 0xffff && wordCharacter.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  return classOf(code) === word ? 1 : 0;
}

const marks = new Uint8Array(0x10000);
const markCharacter = /^\p{M}$/u;

function isMark(code: number): boolean {
  // Latin-1 and ASCII hold no combining marks: the common case costs one test.
  if (code < 0x300) return false;
  let value = marks[code]!;
  if (value === unknown) {
    value = markCharacter.test(String.fromCharCode(code)) ? word : other;
    marks[code] = value;
  }
  return value === word;
}

/// Where a word ends in the original text, given the original offset of its
/// last folded character: after that character, after the other half of a
/// surrogate pair, and after the combining marks the folding dropped
/// ("Me\u0308hilli" ends after its last "i", and a word ending in "e\u0308"
/// takes the mark with it), so the slice is the word as written.
function originalEnd(text: string, last: number): number {
  let end = last + 1;
  const code = text.charCodeAt(last);
  if (code >= 0xd800 && code <= 0xdbff && end < text.length) end++;
  while (end < text.length && isMark(text.charCodeAt(end))) end++;
  return end;
}

/// Calls `visit` for each word of `text`, in text order.
export function forEachToken(text: string, visit: TokenVisitor): void {
  const { text: folded, toOriginal } = foldForSearch(text);
  const length = folded.length;
  let i = 0;
  while (i < length) {
    let width = wordWidth(folded, i);
    if (width === 0) {
      i++;
      continue;
    }
    const from = i;
    do {
      i += width;
      width = i < length ? wordWidth(folded, i) : 0;
    } while (width > 0);
    visit(folded.slice(from, i), toOriginal[from]!, originalEnd(text, toOriginal[i - 1]!));
  }
}

const plainWord = /^[A-Za-z0-9]+$/;

/// The folded words of a short text (a query), in order.
export function termsOf(text: string): string[] {
  // A plain ASCII word, most of what is typed, folds to its lower case:
  // no typed arrays or offset maps built for it (see forEachToken).
  if (plainWord.test(text)) return [text.toLowerCase()];
  // Nothing (what splitting `"of the"` by its quotes leaves around it)
  // holds no word: not folded, which costs a quarter of a ranking.
  if (text.length === 0) return [];
  const terms: string[] = [];
  forEachToken(text, (term) => terms.push(term));
  return terms;
}
