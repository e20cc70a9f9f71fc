import { type BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { type MenuCommand, type MenuMessage, channels } from '../shared/ipc/contract';
import { type RecentDocument, recentLabel } from './recent';

/// What the menu is built from.
export interface MenuOptions {
  isMac: boolean;
  /// Development build: Reload and DevTools in the View menu.
  dev: boolean;
  recent: readonly RecentDocument[];
  /// Sends a command to the page.
  send: (message: MenuMessage) => void;
}

/// The application menu, with the app's own shortcuts. Everything but the
/// window's roles is carried out by the renderer, which owns the data; the
/// menu only tells it which item was chosen. Undo and redo are the app's
/// annotation undo, not the text field's; font size is the reader's, not
/// Chromium's zoom.
export function menuTemplate({ isMac, dev, recent, send }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send({ command: name }),
  });
  const openRecent: MenuItemConstructorOptions = {
    label: 'Open recent',
    submenu: recent.length
      ? recent.map((document) => ({ label: recentLabel(document), click: () => send({ command: 'open-document', documentId: document.id }) }))
      : [{ label: 'No documents opened yet', enabled: false }],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        command('Import documents…', 'import-documents', 'CmdOrCtrl+Shift+O'),
        command('Import a folder…', 'import-folder'),
        command('Import annotations…', 'import-annotations', 'CmdOrCtrl+O'),
        openRecent,
        { type: 'separator' },
        command('Export…', 'export-all-annotations', 'CmdOrCtrl+E'),
        command('Print…', 'print', 'CmdOrCtrl+P'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        // The text cannot be edited, but copying quotes and selecting all must work.
        { role: 'copy' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('Find in document…', 'find', 'CmdOrCtrl+F'),
        command('Search all documents…', 'search', 'CmdOrCtrl+Shift+F'),
      ],
    },
    {
      label: 'View',
      submenu: [
        command('Larger text', 'font-larger', 'CmdOrCtrl+='),
        // The same with the shifted key, as keyboards label it "+".
        { ...command('Larger text', 'font-larger', 'CmdOrCtrl+Plus'), visible: false },
        command('Smaller text', 'font-smaller', 'CmdOrCtrl+-'),
        command('Normal text size', 'font-reset', 'CmdOrCtrl+0'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(dev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [command('Keyboard shortcuts', 'shortcuts', 'CmdOrCtrl+/')] },
  ];
}

/// Sets the application menu; call again with the new list when the recent
/// documents change.
export function setMenu(window: () => BrowserWindow | null, options: Omit<MenuOptions, 'send'>): void {
  const send = (message: MenuMessage) => window()?.webContents.send(channels.menuCommand, message);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ ...options, send })));
}
