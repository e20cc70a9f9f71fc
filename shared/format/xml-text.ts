import { byteOrderMark } from '../importers/decode';
import { encodingName, textDecoder } from '../importers/text-decoder';

/// An XML file's bytes as text, in the encoding the XML specification's
/// appendix F says to find: a byte-order mark; else UTF-16 by the zero
/// bytes of "<?" (an XML file begins with it or with "<"); else the
/// encoding its declaration names (`<?xml … encoding="windows-1252"?>`);
/// else UTF-8. QDA tools on Windows save project.qde in UTF-16, and some
/// declare a legacy code page.
export function xmlText(bytes: Uint8Array): string {
  return textDecoder(xmlEncoding(bytes)).decode(bytes);
}

/// The WHATWG name of the encoding `xmlText` reads `bytes` in.
export function xmlEncoding(bytes: Uint8Array): string {
  const mark = byteOrderMark(bytes);
  if (mark) return mark;
  const [a, b, c, d] = bytes;
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) return 'utf-16le';
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) return 'utf-16be';
  // The declaration is ASCII in every encoding left; a label no decoder
  // knows, or one naming UTF-16 over bytes that are not, reads as UTF-8.
  let head = '';
  for (const byte of bytes.subarray(0, 200)) head += String.fromCharCode(byte);
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
  const name = declared ? encodingName(declared) : null;
  return name && !name.startsWith('utf-16') ? name : 'utf-8';
}
