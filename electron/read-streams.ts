import { randomUUID } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import { FileProblem } from './files';

/// The most bytes one chunk of a file read piece by piece carries across
/// IPC: a backup of 1.4 GB comes in a few hundred of them, and none is
/// ever one string.
export const readChunkBytes = 4 * 1024 * 1024;

/// Files read piece by piece (a backup larger than any string), each under
/// a handle that only the window that opened it may use. Plain Node, no
/// Electron: the IPC handlers (backups-ipc.ts) check the sender and call in.
export class ReadStreams {
  private readonly open = new Map<string, { owner: number; file: FileHandle; position: number }>();

  /// `limit` bounds the files one window may have open at once.
  constructor(
    private readonly limit = 4,
    private readonly chunk = readChunkBytes,
  ) {}

  /// Opens `path` for the window `owner`: its handle and size in bytes.
  async start(owner: number, path: string): Promise<{ handle: string; bytes: number }> {
    if ([...this.open.values()].filter((s) => s.owner === owner).length >= this.limit)
      throw new FileProblem(`Only ${this.limit} backups can be read at once; wait for one to finish.`);
    const file = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      throw new FileProblem(error.code === 'ENOENT' ? 'That backup is no longer there.' : `The backup could not be read (${error.code ?? error.message}).`);
    });
    const { size } = await file.stat();
    const handle = randomUUID();
    this.open.set(handle, { owner, file, position: 0 });
    return { handle, bytes: size };
  }

  /// The next chunk of the file, or `null` at its end (the file is then
  /// closed and the handle let go).
  async next(owner: number, handle: string): Promise<Uint8Array | null> {
    const stream = this.owned(owner, handle);
    const buffer = new Uint8Array(this.chunk);
    const { bytesRead } = await stream.file.read(buffer, 0, this.chunk, stream.position);
    if (bytesRead === 0) {
      await this.close(owner, handle);
      return null;
    }
    stream.position += bytesRead;
    return bytesRead === this.chunk ? buffer : buffer.slice(0, bytesRead);
  }

  /// Ends a read before its end (the page stopped: a bad file, a reload).
  async close(owner: number, handle: string): Promise<void> {
    const stream = this.owned(owner, handle);
    this.open.delete(handle);
    await stream.file.close().catch(() => {});
  }

  /// Drops every read of a window (it closed, or its page reloaded).
  async abandon(owner: number): Promise<void> {
    const handles = [...this.open].filter(([, s]) => s.owner === owner).map(([handle]) => handle);
    await Promise.all(handles.map((handle) => this.close(owner, handle).catch(() => null)));
  }

  /// How many reads are open, for tests.
  get size(): number {
    return this.open.size;
  }

  private owned(owner: number, handle: string) {
    const stream = this.open.get(handle);
    // The same words whether the handle is unknown or another window's.
    if (!stream || stream.owner !== owner)
      throw new FileProblem('This backup is not open for reading (it was read to its end, closed, or belongs to another window).');
    return stream;
  }
}
