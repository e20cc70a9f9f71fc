/// Encodes text in a single-byte legacy encoding, by inverting
/// TextDecoder's table: what a 1990s word processor would have saved. For
/// tests and fixtures only (Node has no legacy encoder of its own).
import { textDecoder } from '../text-decoder';

export function encodeLegacy(text: string, encoding: string): Uint8Array {
  const decoder = textDecoder(encoding);
  const table = new Map<string, number>();
  for (let byte = 0xff; byte >= 0; byte--) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return Uint8Array.from(Array.from(text), (c) => {
    const byte = table.get(c);
    if (byte === undefined) throw new RangeError(`"${c}" cannot be written in ${encoding}.`);
    return byte;
  });
}
