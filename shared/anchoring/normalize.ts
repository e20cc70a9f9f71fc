/// A text with the differences real revisions make folded away, and a map
/// back to the original offsets.
export interface NormalizedText {
  text: string;
  /// `toOriginal[i]` is the offset in the original text of normalized
  /// character i; one extra entry maps the end.
  toOriginal: Int32Array;
}

// What a corrected transcription or a re-typed edition changes without
// changing what the text says: OCR boxes and soft hyphens go; curly quotes,
// primes and dash variants become their plain forms; every run of white
// space (re-wrapped lines, double spaces) becomes one space.
const dropped = /[\u00AD\u200B\u200C\u200D\uFEFF\u2610\u25A1\u25A0\u25AF\uFFFD]/;
const replacements: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ',
};

/// Normalizes `text` for matching and keeps the way back to its offsets.
export function normalizeForMatching(text: string): NormalizedText {
  const out: string[] = [];
  const map = new Int32Array(text.length + 1);
  let n = 0;
  let lastSpace = true; // leading white space is dropped
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (dropped.test(c)) continue;
    const r = replacements[c] ?? c;
    if (/\s/.test(r)) {
      if (lastSpace) continue;
      lastSpace = true;
      out.push(' ');
    } else {
      lastSpace = false;
      out.push(r);
    }
    map[n++] = i;
  }
  map[n] = text.length;
  return { text: out.join(''), toOriginal: map.subarray(0, n + 1) };
}

/// Normalizes a short string (a quote or its context) for comparison.
export function normalizeSnippet(text: string): string {
  return normalizeForMatching(text).text;
}
