import type { FileFilter } from '../../shared/ipc/api';
import type { BackupInfo, MenuCommand, OpenedFile } from '../../shared/ipc/contract';
import type { WalkWatch } from '../../shared/importers/folder-walk';

/// What the UI needs from whatever hosts it: the Electron shell (native
/// dialogs over IPC) or a plain browser (file input and downloads). The UI
/// talks only to this interface, so the same code runs in both.
export interface Host {
  readonly kind: 'electron' | 'browser';
  /// Asks the user for a text file; `null` when they cancel.
  openTextFile(title: string, filters: FileFilter[]): Promise<OpenedFile | null>;
  /// Asks the user for a file and reads it as chunks of bytes, never one
  /// string (a backup file of a large library is over a gigabyte); `null`
  /// when they cancel. `chunks()` reads it again from its start each call.
  openFileChunks(title: string, filters: FileFilter[]): Promise<ChosenFile | null>;
  /// Asks the user for any number of files and reads each as bytes, in the
  /// order picked; `null` when they cancel. A file whose bytes were not read
  /// (too large, unreadable) comes back with the reason instead, so the
  /// others still import.
  openFiles(title: string, filters: FileFilter[]): Promise<PickedFile[] | null>;
  /// Asks for a folder and lists the documents in it and its subfolders
  /// (`walkFolder`: bounded, by name), each read only when the import
  /// reaches it; `null` when they cancel. Absent where the host cannot
  /// offer a folder (a browser without `showDirectoryPicker`: Firefox, Safari).
  openFolder?(title: string, watch?: FolderWatch): Promise<ChosenFolder | null>;
  /// Offers `content` (text, written as UTF-8, or bytes) to be saved under
  /// `defaultName`; resolves to false when the user cancels.
  saveFile(title: string, defaultName: string, filters: FileFilter[], content: string | Uint8Array): Promise<boolean>;
  /// Offers a file to be saved under `defaultName` and writes it piece by
  /// piece (text as UTF-8, or bytes) as `pieces()` yields them, so a large
  /// export is never one string. Where to save is asked first (a browser
  /// allows its picker only just after the user's click); `pieces` is
  /// called only once a place is chosen. Resolves to false when the user
  /// cancels; when a piece fails, nothing is left at the chosen place and
  /// the error is thrown on.
  saveStream(
    title: string,
    defaultName: string,
    filters: FileFilter[],
    pieces: () => AsyncIterable<SavePiece> | Promise<AsyncIterable<SavePiece>>,
  ): Promise<boolean>;
  /// Subscribes to the host's own menu (the desktop app has one; a browser
  /// does not, and never calls the listener). Returns the unsubscribe function.
  /// An 'open-document' command (a recent document in the File menu)
  /// carries the document's id.
  onMenuCommand(listener: (command: MenuCommand, documentId?: string) => void): () => void;
  /// Tells the host the reader opened a document, for its recent documents
  /// (the desktop app's File menu); a browser ignores it.
  documentOpened(id: string, title: string): void;
  /// Prints the page as it is laid out for print (`@media print`), or saves
  /// it as a PDF named `defaultName`; resolves to false when cancelled.
  print(defaultName: string): Promise<boolean>;
  /// Where backups of the library are kept, outside the library itself.
  readonly backups: BackupHost;
}

/// A piece of a file saved by `saveStream`: text, written as UTF-8, or bytes.
export type SavePiece = string | Uint8Array;

/// A file the user chose, read as it is needed: its name (no folders), its
/// size in bytes, and its bytes in chunks from its start.
export interface ChosenFile {
  name: string;
  bytes: number;
  chunks(): AsyncIterable<Uint8Array>;
}

/// A file picked or dropped to be imported: its bytes, or why they were not
/// read, in a sentence naming the file.
export type PickedFile = { name: string; bytes: ArrayBuffer } | { name: string; problem: string };

/// A file to import whose bytes are read only when the import reaches it
/// (a folder's), or why it will not be (skipped, too large), in a sentence
/// naming it. `read` rejects with such a sentence.
export type LaterFile = { name: string; read(): Promise<ArrayBuffer> } | { name: string; problem: string };

/// How the walk of a chosen folder is watched where the page walks it (a
/// browser): as `walkFolder` is (`found`, `signal`), and `looking` is told
/// the folder's name as the walk starts.
export interface FolderWatch extends WalkWatch {
  looking?: (name: string) => void;
}

/// A folder chosen to import: its name, its files in order (those skipped
/// last, with the reason), and what was not looked at, in sentences.
export interface ChosenFolder {
  name: string;
  files: LaterFile[];
  notes: string[];
}

/// Backups of the whole library, newest first, the last few kept.
export interface BackupHost {
  /// Where they are, in words for the researcher.
  readonly where: string;
  list(): Promise<BackupInfo[]>;
  /// Writes a backup from its text's pieces, one after another (it is never
  /// one string), whole or not at all; with `base`, an increment on the
  /// full backup of that id, which is then kept as long as the increment is.
  write(pieces: AsyncIterable<string>, annotations: number, created: Date, base?: string): Promise<BackupInfo>;
  /// The bytes of backup `id` in chunks, as they are read: never one
  /// string (a full backup of a large library is over a gigabyte, beyond
  /// the longest string a page can make). Throws HostError when it is gone.
  readChunks(id: string): AsyncIterable<Uint8Array>;
  /// Runs `flush` before the app closes, where the host can wait for it.
  onBeforeQuit(flush: () => Promise<void>): () => void;
  /// Whether the browser keeps the library (and these backups) when space
  /// runs low; absent where backups are files of their own (the desktop app).
  persistence?(): Promise<StoragePersistence>;
}

/// 'persistent': the browser will not evict the site's storage; 'evictable':
/// it may, library and backups together; 'unknown': it cannot say.
export type StoragePersistence = 'persistent' | 'evictable' | 'unknown';

/// A host operation that failed for a reason the user must be told.
export class HostError extends Error {
  override name = 'HostError';
}
