import { guessLegacyEncoding, scoreLegacyEncodings } from './encoding-guess';
import { ImportFileError, shownName } from './errors';
import { encodingName, textDecoder } from './text-decoder';

/// A text file's bytes read as text, and how.
export interface DecodedText {
  text: string;
  /// The encoding's WHATWG name ("utf-8", "windows-1251"…), and whether it
  /// was found (BOM, declaration, detection) rather than chosen by the person.
  encoding: { name: string; detected: boolean };
  warnings: string[];
}

/// How to read a text file: what the person chose, what the file says.
export interface DecodeOptions {
  /// The encoding the person chose: overrides everything else.
  encoding?: string;
  /// The encoding the file itself declares (an HTML `<meta charset>`):
  /// trusted unless the bytes contradict it.
  declared?: string | null;
}

// What other files look like, so a PDF renamed .txt is called a PDF.
const signatures: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (a Word .docx is one)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Word (.doc) or other Office file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
];

/// Reads a text file's bytes as text. The order: the person's choice; a
/// byte-order mark; the file's declaration; UTF-8 if the bytes are valid
/// UTF-8; else the legacy encoding whose reading is clearly most plausible.
/// Throws ImportFileError 'binary' for what is not text at all, and
/// 'encoding' when no reading is convincing, rather than return mojibake.
export function decodeText(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): DecodedText {
  return withoutNuls(decodeAny(bytes, fileName, options));
}

function decodeAny(bytes: Uint8Array, fileName: string, options: DecodeOptions): DecodedText {
  const name = shownName(fileName);
  const signature = signatures.find((s) => s.bytes.every((byte, i) => bytes[i] === byte));
  if (signature) {
    throw new ImportFileError(
      'binary',
      fileName,
      `${name} is not a text file: it looks like ${signature.what}. Give it the right extension, or export its text first.`,
    );
  }
  if (options.encoding !== undefined) return chosen(bytes, fileName, options.encoding);

  const bom = byteOrderMark(bytes);
  if (bom) return checked(decodeWith(bytes, bom, true), fileName);

  if (bytes.includes(0)) {
    const utf16 = utf16WithoutMark(bytes);
    if (utf16) return checked(decodeWith(bytes, utf16, true), fileName);
    // Otherwise a few NULs in a text (an OCR engine's or a bad copy's
    // debris) are not binary data, as other control bytes are not: the
    // check below counts them, and `withoutNuls` drops them.
  }
  if (controlShare(bytes) > 0.02) throw binary(fileName);

  const declared = options.declared ? encodingName(options.declared) : null;
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) {
    const text = textDecoder(declared).decode(bytes);
    // A declaration the bytes contradict (unassigned bytes, C1 controls) is
    // ignored, as browsers ignore it when the page reads wrong.
    if (!/[\u0080-\u009f\ufffd]/.test(text)) return { text, encoding: { name: declared, detected: true }, warnings: [] };
  }
  try {
    return { text: textDecoder('utf-8', { fatal: true }).decode(bytes), encoding: { name: 'utf-8', detected: true }, warnings: [] };
  } catch {
    // Not UTF-8: one of the legacy encodings, below.
  }
  const guess = guessLegacyEncoding(bytes);
  if (!guess) {
    const candidates = [...new Set(scoreLegacyEncodings(bytes).map((score) => score.encoding))].slice(0, 3);
    throw new ImportFileError(
      'encoding',
      fileName,
      `${name} is not in UTF-8, and its encoding cannot be told for sure (perhaps ${candidates.slice(0, 2).join(' or ')}). Choose the encoding and import it again.`,
      candidates,
    );
  }
  return { text: guess.text, encoding: { name: guess.encoding, detected: true }, warnings: [] };
}

function chosen(bytes: Uint8Array, fileName: string, label: string): DecodedText {
  const name = encodingName(label);
  if (!name) throw new RangeError(`"${label}" is not an encoding this platform can decode; use a WHATWG encoding label such as "utf-8" or "windows-1251".`);
  if (controlShare(bytes) > 0.02 && !name.startsWith('utf-16')) throw binary(fileName);
  return checked(decodeWith(bytes, name, false), fileName);
}

function decodeWith(bytes: Uint8Array, name: string, detected: boolean): DecodedText {
  const text = textDecoder(name).decode(bytes);
  const unreadable = text.match(/\ufffd/g)?.length ?? 0;
  const warnings = unreadable ? [`${unreadable} character${unreadable === 1 ? '' : 's'} could not be read as ${name} and show as �.`] : [];
  return { text, encoding: { name, detected }, warnings };
}

// NUL characters are dropped, with a warning that counts them: no text
// means one, ProseMirror and XML exports cannot carry them, and the
// document is new, so no annotation's offsets move.
function withoutNuls(decoded: DecodedText): DecodedText {
  if (!decoded.text.includes('\u0000')) return decoded;
  const text = decoded.text.replaceAll('\u0000', '');
  const count = decoded.text.length - text.length;
  const warning = `${count} NUL character${count === 1 ? ' was' : 's were'} removed: they hold no text.`;
  return { ...decoded, text, warnings: [...decoded.warnings, warning] };
}

/// Throws 'binary' for a decoding that is mostly control characters.
function checked(decoded: DecodedText, fileName: string): DecodedText {
  const controls = decoded.text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0.02 * decoded.text.length) throw binary(fileName);
  return decoded;
}

function binary(fileName: string): ImportFileError {
  return new ImportFileError(
    'binary',
    fileName,
    `${shownName(fileName)} is not a text file: it holds binary data, not text. Check that you chose the right file.`,
  );
}

/// The encoding a byte-order mark at the start of `bytes` names, if any
/// (the one definition of the marks, for texts, JSON and XML alike).
export function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/// UTF-16 saved without a byte-order mark: text in Latin script has a zero
/// byte beside nearly every character, always on the same side.
function utf16WithoutMark(bytes: Uint8Array): string | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenZeros += 1;
    else oddZeros += 1;
  }
  const pairs = bytes.length / 2;
  if (oddZeros > 0.3 * pairs && evenZeros < 0.02 * pairs) return 'utf-16le';
  if (evenZeros > 0.3 * pairs && oddZeros < 0.02 * pairs) return 'utf-16be';
  return null;
}

/// The share of bytes that are control characters no text file holds
/// (tab, line feed, form feed and carriage return are text).
function controlShare(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let count = 0;
  for (const byte of bytes) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) count += 1;
  }
  return count / bytes.length;
}
