import { BrowserWindow, app, session } from 'electron';
import { setupBackups } from './backups-ipc';
import { setupDialogs } from './dialogs';
import { setupMenu } from './menu';
import { setupSecurity } from './security';
import { createMainWindow, rendererUrl } from './window';

// The main process only wires the concerns together; each registers its own
// handlers. Everything the app knows lives in the renderer's IndexedDB.
let main: BrowserWindow | null = null;
const currentWindow = () => main;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (main?.isMinimized()) main.restore();
    main?.focus();
  });

  void app.whenReady().then(() => {
    setupSecurity(app, session.defaultSession, rendererUrl);
    setupDialogs(currentWindow, rendererUrl);
    setupMenu(currentWindow);
    setupBackups(app, currentWindow, rendererUrl);
    main = createMainWindow();
    main.on('closed', () => (main = null));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) main = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
