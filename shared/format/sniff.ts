import { textDecoder } from '../importers/text-decoder';

/// Tells what kind of annotation file a researcher picked, from its bytes
/// first and its name second: a REFI-QDA project is a zip, whatever it is
/// called; anything else is read as UTF-8 JSON (Palimpsest's own or W3C
/// Web Annotation, which `readAnnotationFile` tells apart).

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
  // A byte-order mark is dropped; bytes that are not UTF-8 become U+FFFD,
  // which the JSON reader then names where it meets them.
  return { kind: 'json', text: textDecoder('utf-8').decode(bytes) };
}
