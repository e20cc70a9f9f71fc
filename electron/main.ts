import { BrowserWindow, app, dialog, session } from 'electron';
import { join } from 'node:path';
import { rendererUrl } from './app-url';
import { setupBackups } from './backups-ipc';
import { dialogHandlers } from './dialogs';
import { registerApi } from './ipc';
import { readJson, writeJson } from './json-store';
import { setMenu } from './menu';
import { listBackups } from './backups';
import { markerFor, moveNotice, needsMoveNotice, noticeMarkerPath } from './origin-move';
import { printHandlers } from './print';
import { saveStreamHandlers } from './save-stream-ipc';
import { registerAppScheme, serveApp } from './protocol';
import { type RecentDocument, recentSchema, withOpened } from './recent';
import { gonePrompt, unresponsivePrompt } from './recovery';
import { setupSecurity } from './security';
import { createMainWindow } from './window';

// The main process only wires the concerns together; each registers its own
// handlers. Everything the app knows lives in the renderer's IndexedDB.
let main: BrowserWindow | null = null;
const currentWindow = () => main;
const dev = !app.isPackaged;
const url = rendererUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
const appUrl = () => url;

// Before ready: app:// must be known as a standard scheme from the start.
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (main?.isMinimized()) main.restore();
    main?.focus();
  });

  void app.whenReady().then(async () => {
    const userData = app.getPath('userData');
    serveApp(join(import.meta.dirname, '..', 'renderer'));
    setupSecurity(app, session.defaultSession, appUrl);

    const recentPath = join(userData, 'recent-documents.json');
    let recent = await readJson<RecentDocument[]>(recentPath, recentSchema, []);
    const showMenu = () => setMenu(currentWindow, { isMac: process.platform === 'darwin', dev, recent });
    showMenu();

    registerApi(
      {
        ...dialogHandlers(currentWindow),
        ...setupBackups(app, currentWindow, appUrl),
        ...printHandlers(currentWindow),
        ...saveStreamHandlers(currentWindow),
        async documentOpened(document) {
          recent = withOpened(recent, document);
          showMenu();
          await writeJson(recentPath, recent);
          return null;
        },
      },
      appUrl,
    );

    const open = async () => {
      main = await createMainWindow(url, userData, dev);
      offerReload(main);
      main.on('closed', () => (main = null));
    };
    await open();
    if (main && needsMoveNotice(userData)) {
      // Pinned before anything is written: the first backup of the new,
      // empty library comes at the first quit.
      const marker = markerFor(await listBackups(join(userData, 'backups')), new Date());
      await writeJson(noticeMarkerPath(userData), marker);
      void dialog.showMessageBox(main, { type: 'info', ...moveNotice(marker), buttons: ['OK'] });
    }
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void open();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

// A crashed or hung page: say so, say nothing saved was lost, offer to
// reload (or quit, or wait).
function offerReload(window: BrowserWindow): void {
  let asking = false;
  const ask = async (prompt: ReturnType<typeof unresponsivePrompt> | null) => {
    if (!prompt || asking || window.isDestroyed()) return;
    asking = true;
    const { response } = await dialog.showMessageBox(window, {
      type: 'warning',
      message: prompt.message,
      detail: prompt.detail,
      buttons: prompt.buttons,
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    asking = false;
    if (window.isDestroyed()) return;
    if (response === prompt.reload) window.webContents.reload();
    else if (prompt.buttons[response] === 'Quit') app.quit();
  };
  window.webContents.on('render-process-gone', (_event, details) => void ask(gonePrompt(details.reason)));
  window.on('unresponsive', () => void ask(unresponsivePrompt()));
}
