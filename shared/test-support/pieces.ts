/// A text written in pieces, joined, for a test to compare whole.
export async function textOf(pieces: AsyncIterable<string | Uint8Array> | Iterable<string>): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const piece of pieces) text += typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
  return text + decoder.decode();
}

/// A file of `text` as a host hands over a chosen file: its name, its size
/// in bytes and its bytes in chunks of `size` (cutting characters in two).
export function chunkedFile(name: string, text: string, size = 7): { name: string; bytes: number; chunks: () => AsyncIterable<Uint8Array> } {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    bytes: bytes.byteLength,
    async *chunks() {
      for (let at = 0; at < bytes.byteLength; at += size) yield bytes.slice(at, at + size);
    },
  };
}
