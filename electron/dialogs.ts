import { type BrowserWindow, dialog } from 'electron';
import { readTextFile, writeContent } from './files';
import { ImportChoices } from './import-choices';
import type { Handlers } from './ipc';
import { whenWindowGone } from './window-gone';

/// Native open and save dialogs, and the file access behind them: the page
/// names no path, the user picks every one. Files chosen to import are read
/// one at a time as the page asks, by the window that chose them.
export function dialogHandlers(
  window: () => BrowserWindow | null,
  choices = new ImportChoices(),
): Pick<Handlers, 'openFile' | 'openFiles' | 'openFolder' | 'readImportFile' | 'saveFile'> {
  // A window gone (closed, crashed) or its page reloaded lets go of the
  // files it chose: that page can no longer ask for them.
  const watch = whenWindowGone((owner) => choices.abandon(owner), { reload: true });
  return {
    async openFile(request) {
      const path = await askWhichFile(window(), request.title, request.filters);
      return path === null ? null : readTextFile(path);
    },

    async openFiles(request, { event }) {
      watch(event.sender);
      const parent = window();
      const options = { title: request.title, filters: request.filters, properties: ['openFile' as const, 'multiSelections' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : choices.choose(event.sender.id, result.filePaths);
    },

    async openFolder(request, { event }) {
      watch(event.sender);
      const parent = window();
      const options = { title: request.title, properties: ['openDirectory' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const root = result.filePaths[0];
      return result.canceled || !root ? null : choices.chooseFolder(event.sender.id, root);
    },

    readImportFile: (request, { event }) => choices.read(event.sender.id, request.file),

    async saveFile(request) {
      const path = await askWhereToSave(window(), request.title, request.defaultName, request.filters);
      if (!path) return null;
      await writeContent(path, request.content);
      return path;
    },
  };
}

/// The open dialog for one file: the path the user chose, or `null` when
/// they cancelled.
export async function askWhichFile(parent: BrowserWindow | null, title: string, filters: Electron.FileFilter[]): Promise<string | null> {
  const options = { title, filters, properties: ['openFile' as const] };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const path = result.filePaths[0];
  return result.canceled || !path ? null : path;
}

/// The save dialog: the path the user chose, or `null` when they cancelled.
export async function askWhereToSave(parent: BrowserWindow | null, title: string, defaultName: string, filters: Electron.FileFilter[]): Promise<string | null> {
  const options = { title, defaultPath: defaultName, filters };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
