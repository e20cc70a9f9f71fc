/// The typed contract between the renderer and the Electron main process.
///
/// Channel names live here and only here, so the preload, the main-process
/// handlers and the renderer's host cannot drift apart. Every reply is a
/// `Reply` (shared/rpc/wire.ts): handlers never throw across the IPC
/// boundary. The calls themselves and their schemas are in api.ts.

import { maxImportBytes } from '../importers/limits';

export const channels = {
  /// Main → renderer: the user chose a menu item the renderer carries out.
  menuCommand: 'palimpsest:menu-command',
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
  /// For an incremental backup, the id of the full backup it holds the
  /// changes since (restoring it reads both).
  base?: string;
}

/// How many backups are kept; the oldest beyond this are deleted.
export const backupsKept = 10;

/// Menu items of the desktop app that the renderer carries out. Those the
/// app itself does not answer are passed on to the page as a `menuEvent`
/// window event, for the screen that owns them (the reader's find bar).
export const menuCommands = [
  'import-annotations',
  'export-all-annotations',
  'import-documents',
  'import-folder',
  'search',
  'find',
  'undo',
  'redo',
  'shortcuts',
  'print',
  'font-larger',
  'font-smaller',
  'font-reset',
  /// A recent document from the File menu; the message carries its id.
  'open-document',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

/// What main sends on `channels.menuCommand`.
export interface MenuMessage {
  command: MenuCommand;
  /// For 'open-document': which document.
  documentId?: string;
}

/// The window event a menu command the app does not answer itself arrives
/// as; its `detail` is the `MenuCommand`.
export const menuEvent = 'palimpsest:menu';
export type Channel = (typeof channels)[keyof typeof channels];

/// A text file the user picked; `null` in a reply means they cancelled.
export interface OpenedFile {
  name: string;
  text: string;
}

/// A file picked to be imported: its name, size in bytes and a token to
/// read it by (`readImportFile`); or, when it cannot be read (too large, a
/// folder, gone), why, in a sentence naming it.
export type ChosenImportFile = { name: string; bytes: number; file: string } | { name: string; problem: string };

/// A folder chosen to import (`openFolder`): its name, its documents as
/// `openFiles` names files (each path inside the folder), the files of other
/// kinds after them with the reason, and what the walk did not look at, in
/// sentences.
export interface ChosenFolder {
  name: string;
  files: ChosenImportFile[];
  notes: string[];
}

/// The most bytes read for one pick of several files: files beyond it are
/// reported, not read, so a folder of scans chosen at once cannot exhaust
/// the memory of the app.
export const maxOpenFilesTotalBytes = 400 * 1024 * 1024;

/// What is said of a picked file over `limit` bytes, not read.
export function tooLargeToOpen(name: string, bytes: number, limit = maxImportBytes): string {
  return `${name} is too large to import (${Math.round(bytes / 1048576)} MB; the limit is ${Math.round(limit / 1048576)} MB). Split it into smaller files and import those.`;
}

/// What is said of a picked file left unread because those before it in
/// the same pick already reached `limit` bytes together.
export function overTotalToOpen(name: string, limit = maxOpenFilesTotalBytes): string {
  return `${name} was not read: the files chosen with it already come to ${Math.round(limit / 1048576)} MB, as much as one import takes. Import it in another batch.`;
}

/// The key under which the preload exposes the bridge.
export const bridgeKey = 'palimpsest';
