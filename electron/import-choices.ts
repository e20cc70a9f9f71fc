import { randomUUID } from 'node:crypto';
import { open, opendir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type FolderEntry, type FolderLimits, folderLimits, walkFolder } from '../shared/importers/folder-walk';
import { type ChosenFolder, type ChosenImportFile, maxOpenFilesTotalBytes, overTotalToOpen, tooLargeToOpen } from '../shared/ipc/contract';
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
  private readonly chosen = new Map<string, { owner: number; path: string; name: string; pick: { left: number } }>();

  constructor(private readonly limits: { each: number; total: number } = { each: maxImportBytes, total: maxOpenFilesTotalBytes }) {}

  /// Takes the paths `owner` chose, in order: each readable file gets a
  /// token and its size; one that cannot be used says why, and the others
  /// still import. A pick before it, still being read, is left to finish.
  /// `names` are what the page calls them (a folder's files: their path
  /// inside it); their base names otherwise.
  async choose(owner: number, paths: readonly string[], names: readonly string[] = paths.map((path) => basename(path))): Promise<ChosenImportFile[]> {
    const files: ChosenImportFile[] = [];
    // What the pick's reads may still hand over, together: a file grown
    // since the pick cannot carry the whole past the limit.
    const pick = { left: this.limits.total };
    let total = 0;
    for (const [i, path] of paths.entries()) {
      const name = names[i] ?? basename(path);
      try {
        const info = await stat(path);
        if (!info.isFile()) files.push({ name, problem: `${name} is not a file (a folder, perhaps); choose the files inside it.` });
        else if (info.size > this.limits.each) files.push({ name, problem: tooLargeToOpen(name, info.size, this.limits.each) });
        else if (total + info.size > this.limits.total) files.push({ name, problem: overTotalToOpen(name, this.limits.total) });
        else {
          total += info.size;
          const file = randomUUID();
          this.chosen.set(file, { owner, path, name, pick });
          files.push({ name, bytes: info.size, file });
        }
      } catch (error) {
        files.push({ name, problem: `${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? messageOf(error)}).` });
      }
    }
    return files;
  }

  /// The documents in the folder `owner` chose and its subfolders, walked
  /// as the page walks one (`walkFolder`: by name, bounded, hidden entries
  /// passed over, links not followed), each taken as `choose` takes a
  /// file; the files of other kinds after them, skipped with the reason.
  async chooseFolder(owner: number, root: string, limits: FolderLimits = folderLimits): Promise<ChosenFolder> {
    const walk = await walkFolder(folderEntryOf(root, basename(root)), limits);
    const files = await this.choose(
      owner,
      walk.files.map((file) => file.file),
      walk.files.map((file) => file.path),
    );
    return { name: basename(root), files: [...files, ...walk.skipped.map(({ path, reason }) => ({ name: path, problem: reason }))], notes: walk.notes };
  }

  /// The bytes of a file `owner` chose, read once: its token is then let go.
  /// A file gone since, or grown past the limit or past what its pick may
  /// still hand over, is a FileProblem naming it; no more than that is
  /// ever read, however the file grows while it is.
  async read(owner: number, file: string): Promise<Uint8Array> {
    const entry = this.chosen.get(file);
    // The same words whether the token is unknown, read already or another window's.
    if (!entry || entry.owner !== owner) throw new FileProblem('This file was not chosen in this window, or was read already; choose it again.');
    this.chosen.delete(file);
    const { path, name, pick } = entry;
    let handle: Awaited<ReturnType<typeof open>> | null = null;
    try {
      handle = await open(path, 'r');
      const { size } = await handle.stat();
      if (size > this.limits.each) throw new FileProblem(tooLargeToOpen(name, size, this.limits.each));
      if (size > pick.left) throw new FileProblem(overTotalToOpen(name, this.limits.total));
      const buffer = new Uint8Array(size);
      let length = 0;
      while (length < size) {
        const { bytesRead } = await handle.read(buffer, length, size - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      // A byte past its size, or fewer than its size: the file is being
      // written while it is read.
      const { bytesRead: past } = await handle.read(new Uint8Array(1), 0, 1, size);
      if (length < size || past > 0) throw new FileProblem(`${name} changed while it was read; import it again once it is saved.`);
      pick.left -= length;
      return buffer;
    } catch (error) {
      if (error instanceof FileProblem) throw error;
      throw new FileProblem(`${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? messageOf(error)}).`);
    } finally {
      await handle?.close().catch(() => {});
    }
  }

  /// Lets go of every file `owner` chose and did not read (the window
  /// closed).
  abandon(owner: number): void {
    for (const [file, entry] of this.chosen) if (entry.owner === owner) this.chosen.delete(file);
  }

  /// How many chosen files wait to be read, for tests.
  get size(): number {
    return this.chosen.size;
  }
}

// A folder on disk as the walk sees it: its files by their full paths.
// A link (symbolic, or a Windows junction) is not followed, so a link back
// up the tree cannot walk it again; nor is anything but files and folders.
function folderEntryOf(path: string, name: string): FolderEntry<string> {
  return {
    kind: 'folder',
    name,
    async *entries() {
      // Streamed: the walk stops at its bound, so a folder of a million
      // entries is never listed whole.
      for await (const entry of await opendir(path)) {
        const full = join(path, entry.name);
        if (entry.isFile()) yield { kind: 'file', name: entry.name, file: full };
        else if (entry.isDirectory()) yield folderEntryOf(full, entry.name);
      }
    },
  };
}
