import { type App, type BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { channels } from '../shared/ipc/contract';
import { isAppUrl } from './app-url';
import { listBackups, readBackup, writeBackup } from './backups';
import { handle } from './ipc';

/// Rotating backups in the user's data folder, and a last backup when the
/// app closes: the window's close waits (a few seconds at most) for the
/// renderer to write it.
export function setupBackups(app: App, window: () => BrowserWindow | null, appUrl: () => string): void {
  const dir = join(app.getPath('userData'), 'backups');
  handle<void, Awaited<ReturnType<typeof listBackups>>>(channels.backupList, appUrl, () => listBackups(dir));
  handle<{ content: string; annotations: number; created: string }, Awaited<ReturnType<typeof writeBackup>>>(channels.backupWrite, appUrl, (r) =>
    writeBackup(dir, r.content, r.annotations, r.created),
  );
  handle<string, string>(channels.backupRead, appUrl, (id) => readBackup(dir, id));

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
