import { type BrowserWindow, dialog } from 'electron';
import { type OpenFileRequest, type OpenedBinaryFile, type OpenedFile, type SaveFileRequest, channels } from '../shared/ipc/contract';
import { readFilesForImport, readTextFile, writeContent } from './files';
import { handle } from './ipc';

/// Native open and save dialogs, and the file access behind them.
export function setupDialogs(window: () => BrowserWindow | null, appUrl: () => string): void {
  handle<OpenFileRequest, OpenedFile | null>(channels.openFile, appUrl, async (request) => {
    const parent = window();
    const options = { title: request.title, filters: request.filters, properties: ['openFile' as const] };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    return result.canceled || !path ? null : readTextFile(path);
  });

  handle<OpenFileRequest, OpenedBinaryFile[] | null>(channels.openFiles, appUrl, async (request) => {
    const parent = window();
    const options = { title: request.title, filters: request.filters, properties: ['openFile' as const, 'multiSelections' as const] };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : readFilesForImport(result.filePaths);
  });

  handle<SaveFileRequest, string | null>(channels.saveFile, appUrl, async (request) => {
    const parent = window();
    const options = { title: request.title, defaultPath: request.defaultName, filters: request.filters };
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    await writeContent(result.filePath, request.content);
    return result.filePath;
  });
}
