import { textDecoder } from './text-decoder';

/// The legacy single-byte encodings of this field's sources: Central
/// European (Czech, Slovak, Polish, Hungarian, Albanian…) and Russian texts
/// saved before UTF-8, and Western European ones.
export const legacyEncodings = ['windows-1252', 'windows-1250', 'iso-8859-2', 'windows-1251', 'koi8-r'] as const;

/// One of `legacyEncodings`, by its WHATWG name.
export type LegacyEncoding = (typeof legacyEncodings)[number];

/// One candidate decoding and how plausible its text is: about 1 for text
/// in a known language, 0 or below for mojibake.
export interface EncodingScore {
  encoding: LegacyEncoding;
  text: string;
  score: number;
}

// Lower-case letters beyond ASCII that each language of these encodings
// uses. A correct decoding has (almost) all its non-ASCII letters inside one
// language's set; a wrong one scatters them over several.
const latinLanguages = [
  'áčďéěíňóřšťúůýž', // Czech
  'áäčďéíĺľňóôŕšťúýž', // Slovak
  'ąćęłńóśźż', // Polish
  'áéíóöőúüű', // Hungarian
  'čćđšž', // Croatian, Bosnian, Serbian, Slovene
  'ăâîșțşţ', // Romanian
  'ëç', // Albanian
  'äöüß', // German
  'àâæçéèêëîïôœùûüÿ', // French
  'àèéìíîòóùú', // Italian
  'áéíñóúü', // Spanish
  'áâãàçéêíóôõú', // Portuguese
  'åäöæøé', // Scandinavian
].map((letters) => new Set(letters));

const cyrillicLanguages = [
  'абвгдеёжзийклмнопрстуфхцчшщъыьэюя', // Russian
  'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя', // Ukrainian
  'абвгдеёжзійклмнопрстуўфхцчшыьэюя', // Belarusian
  'абвгдежзийклмнопрстуфхцчшщъьюя', // Bulgarian
  'абвгдђежзијклљмнњопрстћуфхцчџш', // Serbian
  'абвгдѓежзѕијклљмнњопрстќуфхцчџш', // Macedonian
].map((letters) => new Set(letters));

// Russian letter frequencies (per cent). The classic confusion, KOI8-R
// read as Windows-1251 or the reverse, gives Cyrillic letters either way,
// but permuted: frequent letters turn into rare ones and the case flips.
const russianFrequency: Record<string, number> = {
  о: 10.97,
  е: 8.45,
  а: 8.01,
  и: 7.35,
  н: 6.7,
  т: 6.26,
  с: 5.47,
  р: 4.73,
  в: 4.54,
  л: 4.4,
  к: 3.49,
  м: 3.21,
  д: 2.98,
  п: 2.81,
  у: 2.62,
  я: 2.01,
  ы: 1.9,
  ь: 1.74,
  г: 1.7,
  з: 1.65,
  б: 1.59,
  ч: 1.44,
  й: 1.21,
  х: 0.97,
  ж: 0.94,
  ш: 0.73,
  ю: 0.64,
  ц: 0.48,
  щ: 0.36,
  э: 0.32,
  ф: 0.26,
  ъ: 0.04,
  ё: 0.04,
};

// Signs that appear in mojibake far more than in prose: the odd symbols of
// the Latin code pages' upper halves and the pseudo-graphics of KOI8-R.
const oddSymbols = new Set('¤¦¨¬¯±´µ¶¸¹²³¼½¾×÷ˇ˘˙˛˝ƒˆ˜‰‹›™¢¥ª¿¡√≈≤≥⌠⌡∙■');

const letter = /\p{L}/u;
const latin = /\p{Script=Latin}/u;
const cyrillic = /\p{Script=Cyrillic}/u;
const upper = /\p{Lu}/u;
const lower = /\p{Ll}/u;
const digit = /[0-9]/;

/// How plausible `text` is as a decoding: per character beyond ASCII,
/// letters of one language score up to 1, mojibake signs score below 0.
export function plausibility(text: string): number {
  const chars = Array.from(text);
  let nonAscii = 0;
  let total = 0;
  const latinLetters: string[] = [];
  const cyrillicLetters: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const code = c.codePointAt(0)!;
    if (code < 0x80) continue;
    nonAscii += 1;
    const before = chars[i - 1] ?? ' ';
    const after = chars[i + 1] ?? ' ';
    if ((code >= 0x80 && code <= 0x9f) || code === 0xfffd) total -= 5;
    else if (code >= 0x2500 && code <= 0x259f) total -= 2;
    else if (oddSymbols.has(c)) total -= 1;
    else if (letter.test(c)) {
      // A letter glued to a number ("Ł30,000" for "£30,000") is a symbol misread.
      if (digit.test(before) || digit.test(after)) total -= 0.5;
      else if (latin.test(c)) latinLetters.push(c.toLowerCase());
      else if (cyrillic.test(c)) cyrillicLetters.push(c.toLowerCase());
      else total -= 1;
    } else if ((letter.test(before) && letter.test(after) && !inWord.has(c)) || (gluedSymbols.has(c) && (letter.test(before) || letter.test(after)))) {
      // A sign inside a word ("©iroký" for "Široký", "vûle"): a letter misread.
      total -= 1;
    }
  }
  if (nonAscii === 0) return 1;
  total += letterFit(latinLetters, latinLanguages, () => 1);
  total += letterFit(cyrillicLetters, cyrillicLanguages, (c) => 0.5 + 0.5 * frequencyWeight(c));
  total -= 2 * wordAnomalies(text);
  return total / nonAscii;
}

// Signs that stand inside words in real text (apostrophes, a hyphen).
const inWord = new Set('’‘ʼ‐‑·');
// Signs that never touch a letter.
const gluedSymbols = new Set('©®§°¤');

/// Scores letters against the language whose set holds most of them:
/// inside it `weight`, outside it -0.3 (a name from another language), in
/// no language -1.
function letterFit(letters: string[], languages: Set<string>[], weight: (c: string) => number): number {
  if (letters.length === 0) return 0;
  let best: Set<string> | undefined;
  let bestCount = -1;
  for (const language of languages) {
    const count = letters.filter((c) => language.has(c)).length;
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  let total = 0;
  for (const c of letters) {
    if (best!.has(c)) total += weight(c);
    else if (languages.some((language) => language.has(c))) total -= 0.3;
    else total -= 1;
  }
  return total;
}

/// 1 for the commonest Russian letters, 0 for those at 1 %, -1 for the rarest.
function frequencyWeight(c: string): number {
  const p = russianFrequency[c];
  if (p === undefined) return 0;
  return Math.max(-1, Math.min(1, Math.log(p) / Math.log(11)));
}

// Accented letters that are words on their own (French "à", Italian "è").
const loneWords = new Set('àèéó');

/// Words that no language writes: an accented letter alone ("ŕ" for "à"); a lower-case letter followed by a capital
/// ("иТХЭ"); Latin and Cyrillic letters in one word; a Latin word mostly of
/// accented letters ("Ŕëáŕíńęčé", Russian read as Windows-1250); accented
/// letters no one language has together ("przyjšł"). Only words with a
/// letter beyond ASCII count, so "McDonald" is not one.
function wordAnomalies(text: string): number {
  let count = 0;
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    if (!/[^\x00-\x7f]/.test(word)) continue;
    const chars = Array.from(word);
    const accented = chars.filter((c) => c.charCodeAt(0) >= 0x80 && latin.test(c)).map((c) => c.toLowerCase());
    if (chars.length === 1 && latin.test(word) && !loneWords.has(word.toLowerCase())) count += 1;
    else if (chars.some((c, i) => i > 0 && upper.test(c) && lower.test(chars[i - 1]!))) count += 1;
    else if (latin.test(word) && cyrillic.test(word)) count += 1;
    else if (chars.length >= 4 && accented.length / chars.length > 0.6) count += 1;
    else if (new Set(accented).size >= 2 && !latinLanguages.some((language) => accented.every((c) => language.has(c)))) count += 1;
  }
  return count;
}

/// Every legacy candidate's decoding of `bytes`, most plausible first. Ties
/// keep the order of `legacyEncodings`, so text that reads the same in
/// several (German in 1250, 1252 and ISO-8859-2) is called windows-1252.
export function scoreLegacyEncodings(bytes: Uint8Array): EncodingScore[] {
  const scores = legacyEncodings.map((encoding) => {
    const text = textDecoder(encoding).decode(bytes);
    return { encoding, text, score: plausibility(text) };
  });
  return scores.sort((a, b) => b.score - a.score);
}

/// The legacy encoding `bytes` are in, or null when no candidate is clearly
/// right: its text must read as a language and beat every candidate that
/// reads differently by a margin.
export function guessLegacyEncoding(bytes: Uint8Array): EncodingScore | null {
  const [best, ...rest] = scoreLegacyEncodings(bytes);
  if (!best || best.score < 0) return null;
  const rival = rest.find((other) => other.text !== best.text);
  if (!rival) return best;
  if (best.score >= 0.5 && best.score - rival.score >= 0.15) return best;
  if (best.score - rival.score >= 0.4) return best;
  return null;
}
