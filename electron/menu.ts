import { type BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { type MenuCommand, channels } from '../shared/ipc/contract';
import { readingMenuItems } from './reading-menu';

/// The application menu. Import and export are carried out by the renderer,
/// which owns the data; the menu only tells it which was chosen.
export function setupMenu(window: () => BrowserWindow | null, isMac = process.platform === 'darwin'): void {
  const send = (command: MenuCommand) => () => window()?.webContents.send(channels.menuCommand, command);
  const reading = readingMenuItems(send);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import annotations…', accelerator: 'CmdOrCtrl+O', click: send('import-annotations') },
        { label: 'Export all annotations…', accelerator: 'CmdOrCtrl+E', click: send('export-all-annotations') },
        { type: 'separator' },
        reading.print,
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    // The text cannot be edited, but copying quotes and selecting all must work.
    { label: 'Edit', submenu: [{ role: 'copy' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, ...reading.view, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
