/// A text written in pieces, joined, for a test to compare whole.
export async function textOf(pieces: AsyncIterable<string | Uint8Array> | Iterable<string>): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const piece of pieces) text += typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
  return text + decoder.decode();
}
