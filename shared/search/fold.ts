import { type FoldedText, foldedText } from '../text/folded';
import { normalizeForMatching } from '../text/typography';

// Letters that Unicode does not decompose into a base letter and a mark, but
// that a historian typing on an English keyboard expects to find all the
// same: "lodz" finds "Łódź", "odegaard" finds "Ødegaard", "strasse" finds
// "Straße", "Dordevic" finds "Đorđević". The lower-case forms are listed;
// the upper-case ones reach them through toLowerCase.
const letters: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ŀ: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ĳ: 'ij',
  // Greek final sigma is the same letter as σ.
  ς: 'σ',
};

// Letters whose diacritic makes another letter that a reader of the language
// never writes without it, so folding it away would only add false hits:
// Russian й is a letter of its own (ё, which Russian print usually writes as
// е, is folded to е).
const kept = new Set(['й', 'Й']);
// The same letter written decomposed, и followed by a combining breve (as a
// text typed on a Mac or converted from NFD arrives): the breve would be
// dropped as a mark, so it rejoins its и here instead.
const breve = 0x0306;
const cyrillicI = 0x0438;
const cyrillicShortI = 0x0439;

// Superscript and subscript digits are footnote markers in transcriptions
// ("events²"): compatibility decomposition would glue them to the word as
// plain digits, so they separate words instead.
const separators = /[\u00B2\u00B3\u00B9\u2070-\u209F]/;

const marks = /\p{M}/gu;

/// How one UTF-16 code unit folds: compatibility decomposition (ligatures,
/// long s, full-width forms: "ﬁ" → "fi", "ſ" → "s"), combining marks
/// dropped, lower case, then the letters above. Surrogate halves stay as
/// they are: letters outside the Basic Multilingual Plane are rare in
/// archival sources and searched as written.
export function foldCharacter(c: string): string {
  if (c.length !== 1) throw new RangeError(`foldCharacter takes one UTF-16 code unit, not "${c}".`);
  const code = c.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return c;
  if (kept.has(c)) return c.toLowerCase();
  if (separators.test(c)) return ' ';
  const lower = c.normalize('NFKD').replace(marks, '').toLowerCase().normalize('NFKD').replace(marks, '');
  let out = '';
  for (const ch of lower) out += letters[ch] ?? ch;
  return out;
}

// Per code unit, computed on first sight and kept: a single folded code
// unit (≥ 0), "dropped" (a combining mark), or "several" (ß → ss). Lazily,
// because computing all 65,536 up front costs more than most texts need.
const unknown = -3;
const dropped = -1;
const several = -2;
const table = new Int32Array(0x10000).fill(unknown);
const expansions = new Map<number, string>();

function foldCode(code: number): number {
  const known = table[code]!;
  if (known !== unknown) return known;
  const folded = foldCharacter(String.fromCharCode(code));
  let value: number;
  if (folded.length === 0) value = dropped;
  else if (folded.length === 1) value = folded.charCodeAt(0);
  else {
    value = several;
    expansions.set(code, folded);
  }
  table[code] = value;
  return value;
}

/// Folds `text` for search (lower case, without diacritics): first the typography anchoring folds
/// (`normalizeForMatching`: quotes, dashes, soft hyphens, OCR boxes, runs of
/// white space), then case and diacritics. Keeps the way back to the
/// original offsets.
export function foldForSearch(text: string): FoldedText {
  const normalized = normalizeForMatching(text);
  const source = normalized.text;
  const map = normalized.toOriginal;
  // Expansions are rare; the arrays grow when one needs the room.
  let out = new Uint16Array(source.length + 16);
  let toOriginal = new Int32Array(source.length + 17);
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    const folded = code < 0x80 ? (code >= 65 && code <= 90 ? code + 32 : code) : foldCode(code);
    // Only right after the и: a breve that a dropped soft hyphen separates
    // from it would leave the word's slice (which ends at the и) folding to
    // another word than the index holds.
    if (code === breve && n > 0 && out[n - 1] === cyrillicI && toOriginal[n - 1] === map[i]! - 1) {
      out[n - 1] = cyrillicShortI;
      continue;
    }
    if (folded === dropped) continue;
    const pieces = folded === several ? expansions.get(code)! : null;
    const count = pieces ? pieces.length : 1;
    if (n + count >= out.length) {
      const grown = new Uint16Array(out.length * 2 + count);
      grown.set(out);
      out = grown;
      const grownMap = new Int32Array(grown.length + 1);
      grownMap.set(toOriginal);
      toOriginal = grownMap;
    }
    for (let k = 0; k < count; k++) {
      out[n] = pieces ? pieces.charCodeAt(k) : folded;
      toOriginal[n++] = map[i]!;
    }
  }
  toOriginal[n] = text.length;
  return foldedText(out, n, toOriginal);
}

/// Folds a short string (a query word) the same way, without the map.
export function foldTerm(text: string): string {
  return foldForSearch(text).text;
}
