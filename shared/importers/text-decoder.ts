/// TextDecoder, typed here because shared/ is checked against ES2022 alone,
/// whose library does not declare it. Browsers, Web Workers and Node (with
/// full ICU, as Node 20 ships) all have it, with the legacy encodings.
interface Decoder {
  readonly encoding: string;
  /// With `stream`, a character cut between this chunk and the next is kept
  /// for the next call; a last call without bytes ends the text.
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

declare const TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;

/// A decoder for `label`; `fatal` makes it throw a TypeError on bytes that
/// are not valid in the encoding. Throws RangeError for a label no decoder
/// knows.
export function textDecoder(label: string, options: { fatal?: boolean } = {}): Decoder {
  let decoder: Decoder;
  try {
    decoder = new TextDecoder(label, { fatal: options.fatal ?? false });
  } catch {
    throw new RangeError(`"${label}" is not an encoding this platform can decode; use a WHATWG encoding label such as "utf-8" or "windows-1251".`);
  }
  return decoder.encoding === 'windows-1252' ? windows1252(decoder) : decoder;
}

// Windows-1252's bytes 0x80–0x9F: curly quotes, dashes, €, Š, Ž, Œ… Node 20
// decodes "windows-1252" as ISO-8859-1, giving C1 control characters there
// instead, so they are mapped here; a browser's decoder already gives the
// right characters, which this leaves alone. The five bytes the encoding
// leaves undefined stay as their control characters, as the standard says.
const c1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(decoder: Decoder): Decoder {
  return {
    encoding: decoder.encoding,
    decode: (bytes) => decoder.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => c1[c.charCodeAt(0) - 0x80]!),
  };
}

/// The canonical name of an encoding label ("latin1" → "windows-1252"), or
/// null for a label no decoder knows.
export function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}
