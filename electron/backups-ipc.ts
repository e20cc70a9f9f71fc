import { type App, type BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { channels } from '../shared/ipc/contract';
import { isAppUrl } from './app-url';
import { listBackups, readBackup, writeBackup } from './backups';
import { readJson } from './json-store';
import { keptBackups, markerSchema, noticeMarkerPath } from './origin-move';
import type { Handlers } from './ipc';

/// Rotating backups in the user's data folder, and a last backup when the
/// app closes: the window's close waits (a few seconds at most) for the
/// renderer to write it. Returns the API's backup handlers.
export function setupBackups(app: App, window: () => BrowserWindow | null, appUrl: () => string): Pick<Handlers, 'listBackups' | 'writeBackup' | 'readBackup'> {
  const dir = join(app.getPath('userData'), 'backups');

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

  return {
    listBackups: () => listBackups(dir),
    writeBackup: async (r) =>
      writeBackup(dir, r.content, r.annotations, r.created, keptBackups(await readJson(noticeMarkerPath(app.getPath('userData')), markerSchema, null)), r.base),
    readBackup: (id) => readBackup(dir, id),
  };
}
