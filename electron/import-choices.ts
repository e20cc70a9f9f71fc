import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type ChosenImportFile, maxOpenFilesTotalBytes, overTotalToOpen, tooLargeToOpen } from '../shared/ipc/contract';
import { messageOf } from '../shared/errors';
import { maxImportBytes } from '../shared/importers/limits';
import { FileProblem } from './files';

/// The files a window chose to import, each under a token that window alone
/// may read once. Choosing checks what can be told without reading (a
/// folder, a file over the limit, the pick's total); the bytes are read
/// file by file as the page asks. Before, the whole pick crossed IPC in
/// one reply (40 MB for 1,000 ten-page PDFs): main held it all at once,
/// and the page took it in as one task. Plain Node, no Electron: the
/// dialog's handlers check the sender and call in.
export class ImportChoices {
  private readonly chosen = new Map<string, { owner: number; path: string; name: string }>();

  constructor(private readonly limits: { each: number; total: number } = { each: maxImportBytes, total: maxOpenFilesTotalBytes }) {}

  /// Takes the paths `owner` chose, in order: each readable file gets a
  /// token and its size; one that cannot be used says why, and the others
  /// still import. Whatever `owner` chose before and did not read is let go.
  async choose(owner: number, paths: readonly string[]): Promise<ChosenImportFile[]> {
    this.abandon(owner);
    const files: ChosenImportFile[] = [];
    let total = 0;
    for (const path of paths) {
      const name = basename(path);
      try {
        const info = await stat(path);
        if (!info.isFile()) files.push({ name, problem: `${name} is not a file (a folder, perhaps); choose the files inside it.` });
        else if (info.size > this.limits.each) files.push({ name, problem: tooLargeToOpen(name, info.size, this.limits.each) });
        else if (total + info.size > this.limits.total) files.push({ name, problem: overTotalToOpen(name, this.limits.total) });
        else {
          total += info.size;
          const file = randomUUID();
          this.chosen.set(file, { owner, path, name });
          files.push({ name, bytes: info.size, file });
        }
      } catch (error) {
        files.push({ name, problem: `${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? messageOf(error)}).` });
      }
    }
    return files;
  }

  /// The bytes of a file `owner` chose, read once: its token is then let go.
  /// A file that has grown past the limit since, or gone, is a FileProblem
  /// naming it.
  async read(owner: number, file: string): Promise<Uint8Array> {
    const entry = this.chosen.get(file);
    // The same words whether the token is unknown, read already or another window's.
    if (!entry || entry.owner !== owner) throw new FileProblem('This file was not chosen in this window, or was read already; choose it again.');
    this.chosen.delete(file);
    const { path, name } = entry;
    try {
      const info = await stat(path);
      if (info.size > this.limits.each) throw new FileProblem(tooLargeToOpen(name, info.size, this.limits.each));
      const bytes = await readFile(path);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (error instanceof FileProblem) throw error;
      throw new FileProblem(`${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? messageOf(error)}).`);
    }
  }

  /// Lets go of every file `owner` chose and did not read (a new pick, the
  /// window closed or reloaded).
  abandon(owner: number): void {
    for (const [file, entry] of this.chosen) if (entry.owner === owner) this.chosen.delete(file);
  }

  /// How many chosen files wait to be read, for tests.
  get size(): number {
    return this.chosen.size;
  }
}
