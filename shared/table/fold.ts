import { foldCharacter } from '../search/fold';
import { normalizeSnippet } from '../text/typography';

// The table folds a million quotes and notes for its first typed filter:
// `foldTerm` gives the same text but builds the way back to the original
// offsets twice over (typography, then case and marks), which a filter
// never reads. This folds in one pass with no map. Every code unit's two
// steps are worked out once, from the two steps themselves, so the result
// cannot drift from `foldTerm` (fold.test.ts holds them equal).

const unknown = -3;
const dropCode = -1;
const spaceCode = -2;
// What typography makes of a code unit: dropped, white space, or a code unit.
const normalized = new Int32Array(0x10000).fill(unknown);
// What case and marks make of a code unit that typography kept: "" when
// dropped (a combining mark), else its folded text.
const folded: (string | undefined)[] = new Array(0x10000);

// The breve that makes и into й, as `foldForSearch` rejoins it.
const breve = 0x0306;
const cyrillicI = 0x0438;
const cyrillicShortI = 0x0439;

function normalize(code: number): number {
  let value = normalized[code]!;
  if (value !== unknown) return value;
  // Between two letters, so white space shows as one space and a dropped
  // character as nothing.
  const between = normalizeSnippet(`a${String.fromCharCode(code)}a`);
  value = between === 'aa' ? dropCode : between === 'a a' ? spaceCode : between.charCodeAt(1);
  normalized[code] = value;
  return value;
}

function foldOf(code: number): string {
  let value = folded[code];
  if (value === undefined) folded[code] = value = foldCharacter(String.fromCharCode(code));
  return value;
}

let buffer = new Uint16Array(256);

/// `text` folded as `foldTerm` folds it (typography, then case and
/// diacritics), without the map back to its offsets.
export function foldText(text: string): string {
  if (buffer.length < text.length + 16) buffer = new Uint16Array(text.length * 2 + 16);
  let out = buffer;
  let n = 0;
  let lastSpace = true; // leading white space is dropped
  // The original offset of the last code unit written, for the breve.
  let lastFrom = -2;
  for (let i = 0; i < text.length; i++) {
    const raw = text.charCodeAt(i);
    const code = raw < 0x80 && raw > 0x20 ? raw : normalize(raw);
    if (code === dropCode) continue;
    if (code === spaceCode) {
      if (lastSpace) continue;
      lastSpace = true;
      out[n++] = 32;
      lastFrom = i;
      continue;
    }
    lastSpace = false;
    if (code < 0x80) {
      out[n++] = code >= 65 && code <= 90 ? code + 32 : code;
      lastFrom = i;
      continue;
    }
    // Only right after the и: one that a dropped soft hyphen separates
    // from its breve stays и, as in `foldForSearch`.
    if (code === breve && n > 0 && out[n - 1] === cyrillicI && lastFrom === i - 1) {
      out[n - 1] = cyrillicShortI;
      continue;
    }
    const pieces = code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : foldOf(code);
    // Expansions ("ß" → "ss", "ﷺ" → eighteen letters) are rare; grow when one needs the room.
    if (n + pieces.length + (text.length - i) > out.length) {
      const grown = new Uint16Array(out.length * 2 + pieces.length);
      grown.set(out.subarray(0, n));
      buffer = out = grown;
    }
    for (let k = 0; k < pieces.length; k++) out[n++] = pieces.charCodeAt(k);
    if (pieces.length) lastFrom = i;
  }
  let result = '';
  // In slices: spreading a long text into one call overflows the stack.
  for (let at = 0; at < n; at += 8192) result += String.fromCharCode.apply(null, out.subarray(at, Math.min(n, at + 8192)) as unknown as number[]);
  return result;
}
