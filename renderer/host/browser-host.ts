import type { FileFilter } from '../../shared/ipc/api';
import type { OpenedFile } from '../../shared/ipc/contract';
import { BackupDb } from '../store/db';
import { backupStore, blobChunks } from '../store/backup-store';
import { type Handle, entryOfHandle, folderPicker, laterFilesOf } from './folder-entries';
import { walkFolder } from '../../shared/importers/folder-walk';
import { type BackupHost, type ChosenFolder, type FolderWatch, type Host, HostError, type PickedFile, type StoragePersistence } from './host';
import { readPickedFiles } from './picked-files';
import { download, saveStreamInBrowser } from './browser-save';
import { messageOf } from '../../shared/errors';
import { maxImportBytes } from '../../shared/importers/limits';

/// The host when the app runs in a plain browser: a file input to open,
/// a download to save. There is no menu, so no menu command ever arrives.
export function createBrowserHost(doc: Document = document): Host {
  const pickFolder = doc.defaultView && folderPicker(doc.defaultView);
  return {
    kind: 'browser',
    // Only where the browser has a folder picker: Firefox and Safari offer
    // no menu item, though a folder dropped on the library still imports.
    ...(pickFolder ? { openFolder: (_title, watch) => openFolderIn(pickFolder, watch) } : {}),
    openTextFile: (_title, filters) => pickFile(doc, filters),
    async openFileChunks(_title, filters) {
      const file = await pickOne(doc, filters);
      // The picked File is read from disk as its stream is: never whole.
      return file && { name: file.name, bytes: file.size, chunks: () => blobChunks(file) };
    },
    openFiles: (_title, filters) => pickFiles(doc, filters),
    async saveFile(_title, defaultName, _filters, content) {
      download(doc, defaultName, [content]);
      return true;
    },
    saveStream: (_title, defaultName, filters, pieces) => saveStreamInBrowser(doc, defaultName, filters, pieces),
    onMenuCommand: () => () => {},
    documentOpened: () => {},
    // The browser's own dialog prints, or saves as PDF.
    async print() {
      window.print();
      return true;
    },
    backups: browserBackups(),
  };
}

// The folder the picker gave, walked (bounded, by name) with each file
// read only when the import reaches it; `null` when the picker was closed.
async function openFolderIn(pick: () => Promise<Handle>, watch: FolderWatch = {}): Promise<ChosenFolder | null> {
  let handle: Handle;
  try {
    handle = await pick();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw new HostError(`The folder could not be opened: ${messageOf(error)}`);
  }
  watch.looking?.(handle.name);
  const walk = await walkFolder(entryOfHandle(handle), undefined, watch);
  return { name: handle.name, files: laterFilesOf(walk), notes: walk.notes };
}

function pickFile(doc: Document, filters: FileFilter[]): Promise<OpenedFile | null> {
  return pickOne(doc, filters).then((file) => {
    if (!file) return null;
    if (file.size > maxImportBytes) {
      throw new HostError(`${file.name} is ${Math.round(file.size / 1048576)} MB; files over ${maxImportBytes / 1048576} MB are not opened.`);
    }
    return file.arrayBuffer().then(
      (buffer) => {
        try {
          const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
          return { name: file.name, text: text.replace(/^\uFEFF/, '') };
        } catch {
          throw new HostError(`${file.name} is not UTF-8 text.`);
        }
      },
      (error: unknown) => {
        throw new HostError(`${file.name} could not be read: ${messageOf(error)}`);
      },
    );
  });
}

// A file input asking for one file: the File picked, or `null` when cancelled.
function pickOne(doc: Document, filters: FileFilter[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.dataset.testid = 'file-input';
    const done = () => input.remove();
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done();
      resolve(file ?? null);
    });
    doc.body.append(input);
    input.click();
  });
}

function pickFiles(doc: Document, filters: FileFilter[]): Promise<PickedFile[] | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.dataset.testid = 'files-input';
    const done = () => input.remove();
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      done();
      // Every failure is a file's own, reported with it: this never rejects.
      resolve(files.length === 0 ? null : readPickedFiles(files));
    });
    doc.body.append(input);
    input.click();
  });
}

/// In a browser, backups live in a second IndexedDB database: they survive
/// a damaged or cleared library database, though not the browser's own
/// "clear site data". The desktop app keeps them as files instead.
function browserBackups(): BackupHost {
  const backups = new BackupDb();
  // Ask once that the browser keep the site's storage; it may grant it at
  // once, ask, or refuse (Chromium decides by how much the site is used).
  const persisted = askToPersist();
  return {
    persistence: () => persisted,
    where: 'a separate database of this browser',
    ...backupStore(backups),
    onBeforeQuit: (flush) => {
      // A page cannot wait on closing; write what is pending as it hides.
      const onHide = () => void flush();
      window.addEventListener('pagehide', onHide);
      return () => window.removeEventListener('pagehide', onHide);
    },
  };
}

/// Asks the browser to keep this site's storage (`navigator.storage.persist`)
/// and says whether it will.
async function askToPersist(): Promise<StoragePersistence> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist || !storage.persisted) return 'unknown';
  try {
    if (await storage.persisted()) return 'persistent';
    return (await storage.persist()) ? 'persistent' : 'evictable';
  } catch {
    return 'unknown';
  }
}
