import { z } from 'zod';
import { type Same, method } from '../rpc/api';
import type { Invokers } from '../rpc/invoke';
import { backupNamePattern, backupTimePattern } from './backup-names';
import type { BackupInfo, MenuCommand, ChosenFolder, ChosenImportFile, OpenedFile } from './contract';
import type { Method } from './methods';

/// The calls the renderer makes to the Electron main process, as one map
/// `{ method: { request: zod schema, reply: type } }`. Main registers a
/// handler for each by mapping over it (shared/rpc's server) and parses
/// every request with its schema before the handler runs; the preload's
/// bridge and the page's calls are typed by it. A
/// page that was somehow taken over can send anything: nothing it sends is
/// trusted before it has been parsed here.

// Generous bounds: no dialog title, filter or file name the app makes comes
// near them, and nothing larger reaches a native dialog.
const title = z.string().max(300);
const fileFilter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'must be an extension such as “json”'))
    .min(1)
    .max(32),
});
const filters = z.array(fileFilter).max(16);

/// A file-type filter offered by a native dialog.
export type FileFilter = z.input<typeof fileFilter>;

/// A file name proposed in a save dialog: a name, never a path, so the
/// dialog opens where the user saved last, not in a folder the page chose.
export const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\u0000-\u001f]/.test(name) && name !== '.' && name !== '..', 'must be a file name, without folders or control characters');

/// Asks for a file to open.
export const openFileRequest = z.strictObject({ title, filters });

/// Asks to save content under a name the user confirms.
export const saveFileRequest = z.strictObject({
  title,
  defaultName: fileName,
  filters,
  content: z.union([z.string(), z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be text or bytes')]),
});

/// A backup to write piece by piece: its time and count name the file, so
/// both are checked to be exactly that, a time and a count; no path, no
/// content (the pieces follow, appendBackupStream).
export const openBackupStreamRequest = z.strictObject({
  annotations: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  created: z.string().regex(backupTimePattern, 'must be an ISO time such as 2026-11-22T14:31:00.000Z'),
  /// For an increment, the full backup it builds on.
  base: z.string().max(140).regex(backupNamePattern, 'must be the name of a backup').optional(),
});

/// A backup to read, by its file name.
export const backupId = z.string().max(140).regex(backupNamePattern, 'must be the name of a backup');

/// The page to print to a PDF, and the name the save dialog proposes.
export const printRequest = z.strictObject({ defaultName: fileName });

/// The document the reader opened, for the File menu's recent documents.
export const documentOpenedRequest = z.strictObject({ id: z.string().min(1).max(200), title: z.string().min(1).max(500) });

/// The most characters of text, or bytes, one piece of a streamed save
/// carries across IPC: a piece of the export (about a million characters)
/// fits, and the host cuts anything larger before sending it.
export const maxSavePieceCharacters = 4 * 1024 * 1024;
export const maxSavePieceBytes = 16 * 1024 * 1024;

/// A save written piece by piece: the dialog's title, the proposed name and
/// the filters, as for `saveFile`, without the content.
export const openSaveStreamRequest = z.strictObject({ title, defaultName: fileName, filters });

/// An open streamed save, as `openSaveStream` named it.
export const saveStreamHandle = z.string().uuid('must be the handle openSaveStream gave');

/// The next piece of a streamed save: text (written as UTF-8) or bytes.
export const appendSaveStreamRequest = z.strictObject({
  handle: saveStreamHandle,
  piece: z.custom<string | Uint8Array>(
    (value) => (typeof value === 'string' ? value.length <= maxSavePieceCharacters : value instanceof Uint8Array && value.byteLength <= maxSavePieceBytes),
    `must be text of at most ${maxSavePieceCharacters} characters or at most ${maxSavePieceBytes} bytes`,
  ),
});

/// The end of a streamed save: `keep` puts the file where the user chose;
/// otherwise nothing of it is left.
export const closeSaveStreamRequest = z.strictObject({ handle: saveStreamHandle, keep: z.boolean() });

/// The next piece of a backup written piece by piece, as for a save.
export const appendBackupStreamRequest = appendSaveStreamRequest;

/// The end of a backup written piece by piece: `keep` puts it among the
/// backups (and rotates them); otherwise nothing of it is left.
export const closeBackupStreamRequest = closeSaveStreamRequest;

/// A backup read piece by piece, as `openBackupRead` named it.
export const backupReadHandle = z.strictObject({ handle: z.string().uuid('must be the handle openBackupRead gave') });

/// A file the user chose to read piece by piece, as `openFileRead` named it.
export const chosenFileRequest = z.strictObject({ file: z.string().uuid('must be the file openFileRead gave') });

/// Asks for a folder of documents to import.
export const openFolderRequest = z.strictObject({ title });

/// A file chosen to import, as `openFiles` named it.
export const importFileRequest = z.strictObject({ file: z.string().uuid('must be a file openFiles gave') });

/// The map itself: each method's request schema and reply type.
export const api = {
  openFile: method<OpenedFile | null>()(openFileRequest),
  /// Asks for several files of any kind to import: each with its size and
  /// a token to read it by, or why it cannot be; `null` when cancelled.
  openFiles: method<ChosenImportFile[] | null>()(openFileRequest),
  /// Asks for a folder to import: its documents and their subfolders',
  /// each as `openFiles` answers a file; `null` when cancelled.
  openFolder: method<ChosenFolder | null>()(openFolderRequest),
  /// The bytes of a file `openFiles` or `openFolder` gave, read once, by this window only.
  readImportFile: method<Uint8Array>()(importFileRequest),
  /// The path written, or `null` when the user cancelled.
  saveFile: method<string | null>()(saveFileRequest),
  listBackups: method<BackupInfo[]>()(z.undefined()),
  /// A backup opened to be read piece by piece (it may be larger than any
  /// string): its handle, usable by this window only, and its size.
  openBackupRead: method<{ handle: string; bytes: number }>()(backupId),
  /// Its next chunk of bytes, or `null` at its end (the handle is then let go).
  readBackupChunk: method<Uint8Array | null>()(backupReadHandle),
  /// Ends a read before its end.
  closeBackupRead: method<null>()(backupReadHandle),
  /// Asks for a file to read piece by piece (a backup file larger than any
  /// string): its name (no folders), size and a token for it, usable by this
  /// window only, or `null` when the user cancelled. The page names no path.
  openFileRead: method<{ name: string; bytes: number; file: string } | null>()(openFileRequest),
  /// A read of the chosen file from its start (it may be read twice): a
  /// handle for readBackupChunk and closeBackupRead, this window's only.
  readChosenFile: method<{ handle: string; bytes: number }>()(chosenFileRequest),
  /// The path of the PDF written, or `null` when the user cancelled.
  print: method<string | null>()(printRequest),
  documentOpened: method<null>()(documentOpenedRequest),
  /// Asks where to save a file written piece by piece: its handle, or
  /// `null` when the user cancelled. Only the window that opened it may use it.
  openSaveStream: method<{ handle: string } | null>()(openSaveStreamRequest),
  appendSaveStream: method<null>()(appendSaveStreamRequest),
  /// The path written when kept, else `null`.
  closeSaveStream: method<string | null>()(closeSaveStreamRequest),
  /// A backup written piece by piece, main writing each to a temporary
  /// file renamed into place at close: its handle, usable by this window only.
  openBackupStream: method<{ handle: string }>()(openBackupStreamRequest),
  appendBackupStream: method<null>()(appendBackupStreamRequest),
  /// The backup written when kept, else `null`.
  closeBackupStream: method<BackupInfo | null>()(closeBackupStreamRequest),
};
export type Api = typeof api;

// The preload's list of methods and this map have the same keys.
export const methodsMatchApi: Same<keyof Api, Method> = true;

/// What the preload exposes on `window.palimpsest`: the API's calls, each
/// resolving to a Reply, and the two messages main sends.
export interface HostBridge extends Invokers<Api> {
  /// Subscribes to menu commands; returns the unsubscribe function. An
  /// 'open-document' command carries the document's id.
  onMenuCommand(listener: (command: MenuCommand, documentId?: string) => void): () => void;
  /// Calls `flush` when the app is about to close, and closes once it settles.
  onBeforeQuit(flush: () => Promise<void>): () => void;
}
