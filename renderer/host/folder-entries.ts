import { maxOpenFilesTotalBytes, overTotalToOpen, tooLargeToOpen } from '../../shared/ipc/contract';
import { messageOf } from '../../shared/errors';
import type { FolderEntry, FolderWalk } from '../../shared/importers/folder-walk';
import { maxImportBytes } from '../../shared/importers/limits';
import type { LaterFile } from './host';

// The parts of the File System Access API used here, which TypeScript's
// DOM library leaves out (`values()` is in its async-iterable library, the
// picker and the drop's handle in none).
interface FileHandle {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
}
interface DirectoryHandle {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<FileHandle | DirectoryHandle>;
}
/// A file or folder handle, as the picker or a drop gives it.
export type Handle = FileHandle | DirectoryHandle;

/// Where a file of a folder is read from when its turn comes.
export type FileSource = () => Promise<File>;

/// A handle (the folder picker's, a dropped item's) as the walk sees it.
export function entryOfHandle(handle: Handle): FolderEntry<FileSource> {
  if (handle.kind === 'file') return { kind: 'file', name: handle.name, file: () => handle.getFile() };
  return {
    kind: 'folder',
    name: handle.name,
    async *entries() {
      for await (const child of handle.values()) yield entryOfHandle(child);
    },
  };
}

/// An entry of the older Entries API (`webkitGetAsEntry`, the only way
/// into a dropped folder in Firefox and Safari) as the walk sees it.
export function entryOfWebkit(entry: FileSystemEntry): FolderEntry<FileSource> {
  if (entry.isFile) {
    const file = entry as FileSystemFileEntry;
    return { kind: 'file', name: entry.name, file: () => new Promise((resolve, reject) => file.file(resolve, reject)) };
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  return {
    kind: 'folder',
    name: entry.name,
    async *entries() {
      // Chromium answers 100 entries a call: read until an empty answer.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) return;
        for (const child of batch) yield entryOfWebkit(child);
      }
    },
  };
}

/// The walk's files as an import takes them: each `File` got from its
/// source only when the import reaches it, with the same limits as a pick
/// of files (a file over `each` bytes, or past `total` with those read
/// before it, is reported, not read); the skipped files after them.
export function laterFilesOf(
  walk: FolderWalk<FileSource>,
  limits: { each: number; total: number } = { each: maxImportBytes, total: maxOpenFilesTotalBytes },
): LaterFile[] {
  let read = 0;
  const files: LaterFile[] = walk.files.map(({ path, file: source }) => ({
    name: path,
    async read() {
      let file: File;
      try {
        file = await source();
      } catch (error) {
        throw new Error(`${path} cannot be read (${messageOf(error) || 'it may have been moved'}).`);
      }
      if (file.size > limits.each) throw new Error(tooLargeToOpen(path, file.size, limits.each));
      if (read + file.size > limits.total) throw new Error(overTotalToOpen(path, limits.total));
      const bytes = await file.arrayBuffer().catch((error: unknown) => {
        throw new Error(`${path} cannot be read (${messageOf(error)}).`);
      });
      read += bytes.byteLength;
      return bytes;
    },
  }));
  return [...files, ...walk.skipped.map(({ path, reason }) => ({ name: path, problem: reason }))];
}

/// The browser's folder picker, where it has one (Chromium-based browsers).
export function folderPicker(win: Window = window): (() => Promise<Handle>) | null {
  const pick = (win as unknown as { showDirectoryPicker?: (options?: { mode?: string; id?: string }) => Promise<Handle> }).showDirectoryPicker;
  return typeof pick === 'function' ? () => pick.call(win, { mode: 'read', id: 'palimpsest-import' }) : null;
}
