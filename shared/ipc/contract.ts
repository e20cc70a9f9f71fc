/// The typed contract between the renderer and the Electron main process.
///
/// Channel names live here and only here, so the preload, the main-process
/// handlers and the renderer's host cannot drift apart. Every reply is a
/// `Reply`: handlers never throw across the IPC boundary.

export const channels = {
  openFile: 'palimpsest:open-file',
  saveFile: 'palimpsest:save-file',
  /// Main → renderer: the user chose a menu item the renderer carries out.
  menuCommand: 'palimpsest:menu-command',
  backupList: 'palimpsest:backup-list',
  backupWrite: 'palimpsest:backup-write',
  backupRead: 'palimpsest:backup-read',
  /// Main → renderer: the app is closing; write a last backup now.
  beforeQuit: 'palimpsest:before-quit',
  /// Renderer → main: the last backup is written (or failed); close.
  readyToQuit: 'palimpsest:ready-to-quit',
} as const;

/// One backup of the whole library.
export interface BackupInfo {
  /// Opaque to the renderer: a file name or a key.
  id: string;
  /// ISO 8601 time the backup was made.
  created: string;
  annotations: number;
  bytes: number;
}

/// How many backups are kept; the oldest beyond this are deleted.
export const backupsKept = 10;

/// Menu items of the desktop app that act on the renderer's data.
export const menuCommands = ['import-annotations', 'export-all-annotations'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export type Channel = (typeof channels)[keyof typeof channels];

/// A file-type filter offered by a native dialog.
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFileRequest {
  title: string;
  filters: FileFilter[];
}

/// A text file the user picked; `null` in a reply means they cancelled.
export interface OpenedFile {
  name: string;
  text: string;
}

export interface SaveFileRequest {
  title: string;
  defaultName: string;
  filters: FileFilter[];
  /// Text is written as UTF-8; bytes (a .qdpx zip) as they are.
  content: string | Uint8Array;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/// Files larger than this are refused before they are read: no annotation
/// file or document a historian works with comes near it, and reading more
/// would only freeze the app.
export const maxOpenFileBytes = 100 * 1024 * 1024;

/// What the preload exposes on `window.palimpsest`.
export interface HostBridge {
  openFile(request: OpenFileRequest): Promise<Reply<OpenedFile | null>>;
  /// Resolves to the path written, or `null` when the user cancelled.
  saveFile(request: SaveFileRequest): Promise<Reply<string | null>>;
  /// Subscribes to menu commands; returns the unsubscribe function.
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  listBackups(): Promise<Reply<BackupInfo[]>>;
  writeBackup(request: { content: string; annotations: number; created: string }): Promise<Reply<BackupInfo>>;
  readBackup(id: string): Promise<Reply<string>>;
  /// Calls `flush` when the app is about to close, and closes once it settles.
  onBeforeQuit(flush: () => Promise<void>): () => void;
}

/// The key under which the preload exposes the bridge.
export const bridgeKey = 'palimpsest';
