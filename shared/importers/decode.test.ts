import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { guessLegacyEncoding } from './encoding-guess';
import { ImportFileError } from './errors';
import { encodeLegacy } from './test-support/encode';
import { textDecoder } from './text-decoder';

const utf8 = (text: string) => new TextEncoder().encode(text);

/// The error `run` throws, for its code and message.
function failure(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('Expected an ImportFileError, but nothing was thrown.');
}

// Real sentences of the field, each in the legacy encodings its language
// was saved in. Windows-1251 and KOI8-R are the classic confusion.
const samples: { language: string; text: string; encodings: string[] }[] = [
  { language: 'Russian', text: 'Хрущёв резко осудил албанское руководство на XXII съезде партии.', encodings: ['windows-1251', 'koi8-r'] },
  {
    language: 'Russian, long',
    text: 'В 1961 году Советский Союз отозвал своих специалистов из Албании, и Энвер Ходжа обратился за помощью к Китаю.',
    encodings: ['windows-1251', 'koi8-r'],
  },
  { language: 'Russian, capitals', text: 'СЕКРЕТНО. ТИРАНА, 1962 ГОД.', encodings: ['windows-1251', 'koi8-r'] },
  { language: 'Russian, two words', text: 'Хрущёв и Албания', encodings: ['windows-1251', 'koi8-r'] },
  { language: 'Russian, typographic', text: '«Албанский вопрос» — так назвал его Микоян (№ 45).', encodings: ['windows-1251'] },
  { language: 'Ukrainian', text: 'Українська делегація прибула до Тирани у квітні.', encodings: ['windows-1251'] },
  { language: 'Bulgarian', text: 'Българската делегация пристигна в Тирана през април.', encodings: ['windows-1251'] },
  { language: 'Czech', text: 'Velvyslanec Dvořák pozval korejského velvyslance na oběd; Široký o tom věděl.', encodings: ['windows-1250', 'iso-8859-2'] },
  { language: 'Czech, names only', text: 'Richard Dvořák, Široký', encodings: ['windows-1250', 'iso-8859-2'] },
  { language: 'Czech, quoted', text: 'Podle zprávy „Rudého práva“ se schůze konala v Praze.', encodings: ['windows-1250'] },
  {
    language: 'Polish',
    text: 'Gomułka przyjął delegację z Tirany w Warszawie; rozmowy dotyczyły współpracy gospodarczej.',
    encodings: ['windows-1250', 'iso-8859-2'],
  },
  { language: 'Polish, ś and ź', text: 'Spotkanie w Łodzi: świadkowie mówią o źródłach.', encodings: ['windows-1250', 'iso-8859-2'] },
  { language: 'Slovak', text: 'Ľudový výbor v Bratislave schválil dohodu o spolupráci s Albánskom.', encodings: ['windows-1250', 'iso-8859-2'] },
  { language: 'Hungarian', text: 'A magyar küldöttség Tiranában tárgyalt a gazdasági együttműködésről.', encodings: ['windows-1250', 'iso-8859-2'] },
  { language: 'Albanian', text: 'Enver Hoxha deklaroi se Shqipëria nuk do të përkulet para presionit sovjetik.', encodings: ['windows-1252', 'windows-1250'] },
  { language: 'French', text: "L'ambassadeur a reçu la délégation albanaise à l'hôtel ; la réunion a été brève.", encodings: ['windows-1252'] },
  { language: 'French, typographic', text: "« Nous ne céderons pas », déclara Hoxha — c'était en décembre 1961.", encodings: ['windows-1252'] },
  { language: 'German', text: 'Der Botschafter äußerte sich über die Lage in Tirana und die Größe der Delegation.', encodings: ['windows-1252', 'iso-8859-2'] },
  { language: 'English with a pound sign', text: 'The total in both directions barely exceeded £30,000.', encodings: ['windows-1252'] },
];

describe('legacy encodings: real sentences come back as written', () => {
  for (const { language, text, encodings } of samples) {
    for (const encoding of encodings) {
      it(`${language} in ${encoding}`, () => {
        const decoded = decodeText(encodeLegacy(text, encoding), 'note.txt');
        expect(decoded.text).toBe(text);
        expect(decoded.encoding.detected).toBe(true);
      });
    }
  }

  it('names the encoding it found: KOI8-R and Windows-1251 are told apart, not just decoded alike', () => {
    const text = 'Хрущёв резко осудил албанское руководство.';
    expect(decodeText(encodeLegacy(text, 'koi8-r'), 'a.txt').encoding.name).toBe('koi8-r');
    expect(decodeText(encodeLegacy(text, 'windows-1251'), 'a.txt').encoding.name).toBe('windows-1251');
    expect(decodeText(encodeLegacy('Gomułka przyjął delegację.', 'iso-8859-2'), 'a.txt').encoding.name).toBe('iso-8859-2');
    expect(decodeText(encodeLegacy('Gomułka przyjął delegację, świadkowie.', 'windows-1250'), 'a.txt').encoding.name).toBe('windows-1250');
  });

  it('refuses to guess when the readings are equally plausible, naming the candidates', () => {
    // "Naïve" in Windows-1252 reads as "Naďve" in Windows-1250: both are letters.
    const error = failure(() => decodeText(encodeLegacy('Naïve readings of the “thaw” are common – and wrong.', 'windows-1252'), 'thaw.txt'));
    expect(error.code).toBe('encoding');
    expect(error.message).toMatch(/^thaw\.txt is not in UTF-8, and its encoding cannot be told for sure/);
    expect(error.message).toMatch(/Choose the encoding/);
    expect(error.candidates).toContain('windows-1252');
    expect(error.candidates).toContain('windows-1250');
  });

  it('refuses text in an encoding outside the candidates rather than return mojibake', () => {
    // Greek in ISO-8859-7 reads as accented Latin in every candidate.
    const greek = encodeLegacy('Η αλβανική αντιπροσωπεία έφτασε στην Αθήνα τον Απρίλιο.', 'iso-8859-7');
    expect(guessLegacyEncoding(greek)).toBeNull();
    expect(failure(() => decodeText(greek, 'greek.txt')).code).toBe('encoding');
  });
});

describe('Unicode text', () => {
  it('reads UTF-8 without a BOM, and UTF-8 with one (the mark is not text)', () => {
    expect(decodeText(utf8('Mëhilli, Dvořák, Хрущёв'), 'a.txt')).toEqual({
      text: 'Mëhilli, Dvořák, Хрущёв',
      encoding: { name: 'utf-8', detected: true },
      warnings: [],
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Tirana')]);
    expect(decodeText(withBom, 'a.txt').text).toBe('Tirana');
  });

  it('reads UTF-16 little- and big-endian with their byte-order marks', () => {
    const text = 'Хрущёв and Hoxha';
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    expect(decodeText(le, 'a.txt')).toMatchObject({ text, encoding: { name: 'utf-16le', detected: true } });
    expect(decodeText(be, 'a.txt')).toMatchObject({ text, encoding: { name: 'utf-16be', detected: true } });
  });

  it('reads UTF-16 saved without a byte-order mark instead of calling it binary', () => {
    const text = 'Memorandum of Luncheon, 2 April 1962';
    const le = new Uint8Array(Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeText(le, 'a.txt')).toMatchObject({ text, encoding: { name: 'utf-16le', detected: true } });
  });

  it('decodes Windows-1252 curly quotes and dashes right (Node 20 reads them as control characters)', () => {
    expect(textDecoder('windows-1252').decode(new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80]))).toBe('“A” – €');
  });
});

describe('the person’s choice and the file’s declaration', () => {
  it('an explicit encoding overrides detection, and says it was chosen', () => {
    const bytes = encodeLegacy('Хрущёв и Албания', 'koi8-r');
    const chosen = decodeText(bytes, 'a.txt', { encoding: 'windows-1251' });
    expect(chosen.encoding).toEqual({ name: 'windows-1251', detected: false });
    expect(chosen.text).not.toBe('Хрущёв и Албания');
    expect(decodeText(bytes, 'a.txt', { encoding: 'KOI8-R' }).text).toBe('Хрущёв и Албания');
  });

  it('an unknown encoding label is a programming error (RangeError), not a file problem', () => {
    expect(() => decodeText(utf8('x'), 'a.txt', { encoding: 'klingon' })).toThrow(RangeError);
  });

  it('honours a declared legacy charset, and ignores one the bytes contradict', () => {
    const bytes = encodeLegacy('Dvořák a Široký', 'windows-1250');
    expect(decodeText(bytes, 'a.html', { declared: 'windows-1250' })).toMatchObject({ text: 'Dvořák a Široký', encoding: { name: 'windows-1250' } });
    // Declared ISO-8859-2, but Š (0x8A in 1250) is a control character there.
    expect(decodeText(bytes, 'a.html', { declared: 'iso-8859-2' }).text).toBe('Dvořák a Široký');
    // Declared UTF-8 but not UTF-8: detection decides.
    expect(decodeText(bytes, 'a.html', { declared: 'utf-8' }).encoding.name).toBe('windows-1250');
  });
});

describe('what is not text', () => {
  it('refuses bytes with NULs and control characters as binary, naming the file', () => {
    const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i * 37) % 256);
    const error = failure(() => decodeText(bytes, 'folder/notes.txt'));
    expect(error.code).toBe('binary');
    expect(error.message).toBe('notes.txt is not a text file: it holds binary data, not text. Check that you chose the right file.');
  });

  it('reads a text with a few stray NULs, drops them and says so', () => {
    const text = 'Memorandum of Luncheon, 2 April 1962. The Albanian delegation was received by the Chinese ambassador; Hoxha was absent. ';
    const bytes = utf8(`${text}\u0000${text}\u0000`);
    const decoded = decodeText(bytes, 'memo.txt');
    expect(decoded.text).toBe(text + text);
    expect(decoded.warnings).toEqual(['2 NUL characters were removed: they hold no text.']);
    const chosen = decodeText(encodeLegacy(`Dvořák a Široký, ${text}\u0000`, 'windows-1250'), 'memo.txt', { encoding: 'windows-1250' });
    expect(chosen.text).toBe(`Dvořák a Široký, ${text}`);
  });

  it('says what a renamed file looks like', () => {
    const pdf = utf8('%PDF-1.7\n1 0 obj\n<< >>\nendobj\n');
    expect(failure(() => decodeText(pdf, 'brief.txt')).message).toBe(
      'brief.txt is not a text file: it looks like a PDF. Give it the right extension, or export its text first.',
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(failure(() => decodeText(png, 'scan.txt')).message).toMatch(/looks like a PNG image/);
  });

  it('keeps form feeds and tabs, which old text files use as page breaks and layout', () => {
    expect(decodeText(utf8('Page one.\f\tPage two.'), 'a.txt').text).toBe('Page one.\f\tPage two.');
  });
});
