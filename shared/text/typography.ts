import { type FoldedText, foldedText } from './folded';

// Typography folded for matching: the differences real revisions make
// (anchoring), and the first step of folding for search.

// What a corrected transcription or a re-typed edition changes without
// changing what the text says: OCR boxes and soft hyphens go; curly quotes,
// primes and dash variants become their plain forms; every run of white
// space (re-wrapped lines, double spaces) becomes one space.
/// The UTF-16 code units dropped before matching.
export const droppedCodes: readonly number[] = [0x00ad, 0x200b, 0x200c, 0x200d, 0xfeff, 0x2610, 0x25a1, 0x25a0, 0x25af, 0xfffd];

// Exactly JavaScript's `\s` (ECMAScript's WhiteSpace and LineTerminator),
// listed so the table below is built without testing a regular expression
// on each of 65,536 code units (that took ~100 ms of every worker's start).
/// The UTF-16 code units that read as white space.
export const spaceCodes: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029,
  0x202f, 0x205f, 0x3000, 0xfeff,
];

/// Curly quotes, primes and dash variants, each to its plain form.
export const plainReplacements: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};

// Per UTF-16 code unit: what it becomes. Built once from the lists above,
// so the loop below looks up a number instead of testing characters one
// kind at a time on every character of a megabyte text.
const dropCode = -1;
const spaceCode = -2;
/// What each UTF-16 code unit becomes before matching: itself, another
/// code unit, or -1 (dropped) or -2 (white space).
export const typographyTable: Int32Array = (() => {
  const table = new Int32Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = code;
  for (const [from, to] of Object.entries(plainReplacements)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  for (const code of spaceCodes) table[code] = spaceCode;
  // Dropping wins over white space: U+FEFF is both, and goes.
  for (const code of droppedCodes) table[code] = dropCode;
  return table;
})();

/// Normalizes `text` for matching and keeps the way back to its offsets.
export function normalizeForMatching(text: string): FoldedText {
  const out = new Uint16Array(text.length);
  const map = new Int32Array(text.length + 1);
  let n = 0;
  let lastSpace = true; // leading white space is dropped
  for (let i = 0; i < text.length; i++) {
    const code = typographyTable[text.charCodeAt(i)]!;
    if (code === dropCode) continue;
    if (code === spaceCode) {
      if (lastSpace) continue;
      lastSpace = true;
      out[n] = 32;
    } else {
      lastSpace = false;
      out[n] = code;
    }
    map[n++] = i;
  }
  map[n] = text.length;
  return foldedText(out, n, map);
}

/// Normalizes a short string (a quote or its context) for comparison.
export function normalizeSnippet(text: string): string {
  return normalizeForMatching(text).text;
}
