import { randomUUID } from 'node:crypto';
import { type App, type BrowserWindow, ipcMain } from 'electron';
import { basename, join } from 'node:path';
import { channels } from '../shared/ipc/contract';
import { isAppUrl } from './app-url';
import { backupFile, backupPath, listBackups, rotate } from './backups';
import { FileProblem } from './files';
import { ReadStreams } from './read-streams';
import { SaveStreams } from './save-streams';
import { readJson } from './json-store';
import { askWhichFile } from './dialogs';
import { keptBackups, markerSchema, noticeMarkerPath } from './origin-move';
import type { Handlers } from './ipc';
import { whenWindowGone } from './window-gone';

/// Rotating backups in the user's data folder, and a last backup when the
/// app closes: the window's close waits (a few seconds at most) for the
/// renderer to write it. Returns the API's backup handlers.
export function setupBackups(app: App, window: () => BrowserWindow | null, appUrl: () => string): Pick<Handlers, 'listBackups' | BackupHandler> {
  const dir = join(app.getPath('userData'), 'backups');
  const kept = async () => keptBackups(await readJson(noticeMarkerPath(app.getPath('userData')), markerSchema, null));
  closingWaits(app, window, appUrl);
  return {
    ...backupHandlers(dir, kept, undefined, undefined, (request) => askWhichFile(window(), request.title, request.filters)),
    listBackups: () => listBackups(dir),
  };
}

/// Backups written piece by piece into `dir` (see SaveStreams: a temporary
/// file beside it, renamed into place at close, so a failure or a window
/// gone halfway leaves no half backup), then rotated, never deleting those
/// `kept` names; and backups read piece by piece (see ReadStreams: a backup
/// may be larger than any string), and a file the user `choose`s (the open
/// dialog: the page names no path) read the same way. A handle, and a
/// chosen file's token, is the window's that opened it.
export function backupHandlers(
  dir: string,
  kept: () => Promise<ReadonlySet<string>>,
  streams = new SaveStreams(1),
  reads = new ReadStreams(),
  choose: (request: { title: string; filters: Electron.FileFilter[] }) => Promise<string | null> = async () => null,
): Pick<Handlers, BackupHandler> {
  // The file each window chose last, by its token: only that one may be
  // read again (a file not in the app's layout is read twice).
  const chosen = new Map<number, { file: string; path: string }>();
  // A window gone (closed, crashed) drops what it had open.
  const watch = whenWindowGone((owner) => {
    void streams.abandon(owner);
    void reads.abandon(owner);
    chosen.delete(owner);
  });
  return {
    async openBackupRead(id, { event }) {
      watch(event.sender);
      return reads.start(event.sender.id, backupFile(dir, id));
    },
    async openFileRead(request, { event }) {
      const owner = event.sender.id;
      watch(event.sender);
      const path = await choose(request);
      if (path === null) {
        chosen.delete(owner);
        return null;
      }
      const file = randomUUID();
      chosen.set(owner, { file, path });
      // Opened once now, so a file that cannot be read is said at once.
      const { handle, bytes } = await reads.start(owner, path);
      await reads.close(owner, handle);
      return { name: basename(path), bytes, file };
    },
    async readChosenFile(request, { event }) {
      const owner = event.sender.id;
      const file = chosen.get(owner);
      // The same words whether the token is unknown or another window's.
      if (!file || file.file !== request.file) throw new FileProblem('This file was not chosen in this window; choose it again.');
      watch(event.sender);
      return reads.start(owner, file.path);
    },
    readBackupChunk: (request, { event }) => reads.next(event.sender.id, request.handle),
    async closeBackupRead(request, { event }) {
      await reads.close(event.sender.id, request.handle);
      return null;
    },
    async openBackupStream(request, { event }) {
      const owner = event.sender.id;
      watch(event.sender);
      // A backup left open (a page reloaded halfway) is dropped: one at a time.
      await streams.abandon(owner);
      return { handle: await streams.start(owner, await backupPath(dir, request.annotations, request.created, request.base)) };
    },
    async appendBackupStream(request, { event }) {
      await streams.append(event.sender.id, request.handle, request.piece);
      return null;
    },
    async closeBackupStream(request, { event }) {
      const path = await streams.close(event.sender.id, request.handle, request.keep);
      return path === null ? null : rotate(dir, basename(path), await kept());
    },
  };
}

// The window's close waits for the renderer's last backup.
function closingWaits(app: App, window: () => BrowserWindow | null, appUrl: () => string): void {
  let closing = false;
  app.on('browser-window-created', (_event, created) => {
    created.on('close', (event) => {
      if (closing || created !== window()) return;
      event.preventDefault();
      closing = true;
      const close = () => {
        ipcMain.removeListener(channels.readyToQuit, onReady);
        if (!created.isDestroyed()) created.close();
      };
      const onReady = (readyEvent: Electron.IpcMainEvent) => {
        if (isAppUrl(readyEvent.senderFrame?.url, appUrl())) close();
      };
      ipcMain.on(channels.readyToQuit, onReady);
      // Never let a stuck renderer keep the app open.
      setTimeout(close, 5000);
      created.webContents.send(channels.beforeQuit);
    });
  });
}

type BackupHandler =
  | 'openBackupStream'
  | 'appendBackupStream'
  | 'closeBackupStream'
  | 'openBackupRead'
  | 'readBackupChunk'
  | 'closeBackupRead'
  | 'openFileRead'
  | 'readChosenFile';
