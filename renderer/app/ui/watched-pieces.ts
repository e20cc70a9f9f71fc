/// Thrown into a host's writing when the researcher cancels a file being
/// saved: the host then keeps no file (see Host.saveStream).
export class SaveCancelled extends Error {
  constructor() {
    super('The file was cancelled before it was written.');
  }
}

/// The pieces of a file being saved, stopped before the next once `signal`
/// is aborted, and after each piece `onRead` told how many of the file's
/// annotations it has read (its `read`, see ExportPieces).
export async function* watchedPieces<P>(
  file: { pieces: AsyncIterable<P>; read?: () => number },
  signal: AbortSignal | undefined,
  onRead: ((read: number) => void) | undefined,
): AsyncGenerator<P> {
  for await (const piece of file.pieces) {
    if (signal?.aborted) throw new SaveCancelled();
    yield piece;
    onRead?.(file.read?.() ?? 0);
  }
}
