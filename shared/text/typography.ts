import { type FoldedText, foldedText } from './folded';

// Typography folded for matching: the differences real revisions make
// (anchoring), and the first step of folding for search.

// What a corrected transcription or a re-typed edition changes without
// changing what the text says: OCR boxes and soft hyphens go; curly quotes,
// primes and dash variants become their plain forms; every run of white
// space (re-wrapped lines, double spaces) becomes one space.
// The zero-width joiner stands apart: inside a class it reads as joining
// the characters around it.
const dropped = /[\u00AD\u200B\u200C\uFEFF\u2610\u25A1\u25A0\u25AF\uFFFD]|\u200D/;
const replacements: Record<string, string> = {
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
  '\u00A0': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
};

// Per UTF-16 code unit: what it becomes. Built once from the tables above
// and from JavaScript's \s, so the loop below looks up a number instead of
// testing regular expressions on every character of a megabyte text.
const dropCode = -1;
const spaceCode = -2;
const codeTable = (() => {
  const table = new Int32Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const c = String.fromCharCode(code);
    if (dropped.test(c)) table[code] = dropCode;
    else if (/\s/.test(replacements[c] ?? c)) table[code] = spaceCode;
    else table[code] = (replacements[c] ?? c).charCodeAt(0);
  }
  return table;
})();

/// Normalizes `text` for matching and keeps the way back to its offsets.
export function normalizeForMatching(text: string): FoldedText {
  const out = new Uint16Array(text.length);
  const map = new Int32Array(text.length + 1);
  let n = 0;
  let lastSpace = true; // leading white space is dropped
  for (let i = 0; i < text.length; i++) {
    const code = codeTable[text.charCodeAt(i)]!;
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
