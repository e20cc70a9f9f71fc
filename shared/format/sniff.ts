import { byteOrderMark } from '../importers/decode';
import { textDecoder } from '../importers/text-decoder';

/// Tells what kind of annotation file a researcher picked, from its bytes
/// first and its name second: a REFI-QDA project is a zip, whatever it is
/// called; anything else is read as UTF-8 JSON (Palimpsest's own, W3C Web
/// Annotation or Hypothesis's, which `readAnnotationFile` tells apart), or
/// UTF-16 where the bytes say so.

/// A picked annotation file, by kind: a project's bytes, or a JSON file's text.
export type SniffedFile = { kind: 'qdpx'; bytes: Uint8Array } | { kind: 'json'; text: string };

// Every zip (and so every .qdpx) begins with a local file header, "PK\x03\x04".
const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/// Whether `bytes` begin as a zip does.
export function isZip(bytes: Uint8Array): boolean {
  return zipMagic.every((byte, i) => bytes[i] === byte);
}

/// The kind of the annotation file `fileName` holding `bytes`. A file named
/// .qdpx that is not a zip is still a project: its reader says what is wrong.
export function sniffAnnotationFile(fileName: string, bytes: Uint8Array): SniffedFile {
  if (isZip(bytes) || /\.qdpx$/i.test(fileName)) return { kind: 'qdpx', bytes };
  // A byte-order mark is dropped; bytes that are not valid in the encoding
  // become U+FFFD, which the JSON reader then names where it meets them.
  return { kind: 'json', text: textDecoder(jsonEncoding(bytes)).decode(bytes) };
}

/// The encoding of a JSON file's bytes: UTF-16 by its byte-order mark, or
/// without one by the zero bytes beside its first two characters, which
/// JSON makes ASCII ("{", "[", white space: RFC 4627, section 3); UTF-8
/// otherwise. Windows tools (PowerShell's Out-File, Notepad's "Unicode")
/// save JSON in UTF-16.
export function jsonEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  const mark = byteOrderMark(bytes);
  if (mark) return mark;
  const [a, b, c, d] = bytes;
  if (bytes.length >= 4 && a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf-16le';
  if (bytes.length >= 4 && a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf-16be';
  return 'utf-8';
}
