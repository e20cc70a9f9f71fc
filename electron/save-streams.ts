import { randomUUID } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileProblem } from './files';

/// Files written piece by piece (a large export), each under a handle that
/// only the window that opened it may use. The pieces go to a temporary
/// file beside the one the user chose, renamed over it only when the save
/// is kept: a cancelled or failed export, or a window closed halfway,
/// leaves nothing behind, not even half a file. Plain Node, no Electron:
/// the IPC handlers (save-stream-ipc.ts) check the sender and call in.
export class SaveStreams {
  private readonly open = new Map<string, Stream>();

  /// `limit` bounds the saves one window may have open at once.
  constructor(private readonly limit = 4) {}

  /// Opens a save to `path` for the window `owner`; returns its handle.
  async start(owner: number, path: string): Promise<string> {
    if ([...this.open.values()].filter((s) => s.owner === owner).length >= this.limit)
      throw new FileProblem(`Only ${this.limit} files can be saved at once; wait for one to finish.`);
    const temp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.part`);
    const file = await open(temp, 'wx').catch((error: NodeJS.ErrnoException) => {
      throw problemOf(error, path);
    });
    const handle = randomUUID();
    this.open.set(handle, { owner, path, temp, file, queue: Promise.resolve(), failed: null });
    return handle;
  }

  /// Appends a piece (text as UTF-8, or bytes). Pieces are written in the
  /// order they arrive, one after another.
  async append(owner: number, handle: string, piece: string | Uint8Array): Promise<void> {
    const stream = this.owned(owner, handle);
    const write = stream.queue.then(async () => {
      if (stream.failed) throw stream.failed;
      await (typeof piece === 'string' ? stream.file.write(piece, null, 'utf8') : stream.file.write(piece)).catch((error: NodeJS.ErrnoException) => {
        stream.failed = problemOf(error, stream.path);
        throw stream.failed;
      });
    });
    stream.queue = write.catch(() => {});
    await write;
  }

  /// Ends a save: kept, the file takes its place (the path is returned);
  /// otherwise the temporary file goes and `null` is returned.
  async close(owner: number, handle: string, keep: boolean): Promise<string | null> {
    const stream = this.owned(owner, handle);
    this.open.delete(handle);
    await stream.queue;
    await stream.file.close().catch(() => {});
    if (keep && !stream.failed) {
      try {
        await rename(stream.temp, stream.path);
        return stream.path;
      } catch (error) {
        await rm(stream.temp, { force: true });
        throw problemOf(error as NodeJS.ErrnoException, stream.path);
      }
    }
    await rm(stream.temp, { force: true });
    if (keep && stream.failed) throw stream.failed;
    return null;
  }

  /// Drops every save of a window (it closed, or its page reloaded).
  async abandon(owner: number): Promise<void> {
    const handles = [...this.open].filter(([, s]) => s.owner === owner).map(([handle]) => handle);
    await Promise.all(handles.map((handle) => this.close(owner, handle, false).catch(() => null)));
  }

  /// How many saves are open, for tests.
  get size(): number {
    return this.open.size;
  }

  private owned(owner: number, handle: string): Stream {
    const stream = this.open.get(handle);
    // The same words whether the handle is unknown or another window's: a
    // page learns nothing of other windows' saves.
    if (!stream || stream.owner !== owner) throw new FileProblem('This save is not open (it was finished, cancelled, or belongs to another window).');
    return stream;
  }
}

interface Stream {
  owner: number;
  path: string;
  temp: string;
  file: FileHandle;
  /// The writes so far, one after another.
  queue: Promise<void>;
  failed: FileProblem | null;
}

function problemOf(error: NodeJS.ErrnoException, path: string): FileProblem {
  return new FileProblem(
    error.code === 'ENOSPC'
      ? `The disk is full: ${basename(path)} was not written.`
      : `${basename(path)} could not be written (${error.code ?? error.message}).`,
  );
}
