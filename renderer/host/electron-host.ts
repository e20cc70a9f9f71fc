import { type Api, maxSavePieceBytes, maxSavePieceCharacters } from '../../shared/ipc/api';
import type { HostBridge } from '../../shared/ipc/api';
import { bridgeKey } from '../../shared/ipc/contract';
import { methods } from '../../shared/ipc/methods';
import { callsOf } from '../../shared/rpc/invoke';
import { type Host, HostError, type LaterFile, type PickedFile } from './host';
import { messageOf } from '../../shared/errors';

/// The host inside the desktop app: native dialogs in the main process,
/// reached through the preload's bridge, each call typed by the IPC API.
export function createElectronHost(bridge: HostBridge): Host {
  const calls = callsOf<Api>(methods, bridge);
  return {
    kind: 'electron',
    async openTextFile(title, filters) {
      return await hosted(calls.openFile({ title, filters }));
    },
    async openFileChunks(title, filters) {
      const chosen = await hosted(calls.openFileRead({ title, filters }));
      if (!chosen) return null;
      const { name, bytes, file } = chosen;
      return { name, bytes, chunks: () => chunksOf(calls, () => calls.readChosenFile({ file })) };
    },
    async openFiles(title, filters) {
      const chosen = await hosted(calls.openFiles({ title, filters }));
      if (!chosen) return null;
      // One file a call: a pick of 1,000 PDFs is 40 MB, which as one reply
      // the page took in as one long task. A file that cannot be read now
      // (moved since it was chosen) is reported; the others still import.
      const picked: PickedFile[] = [];
      for (const file of chosen) {
        if (!('file' in file)) picked.push(file);
        else
          picked.push(
            await calls.readImportFile({ file: file.file }).then(
              (bytes) => ({ name: file.name, bytes: ownBuffer(bytes) }),
              (error: unknown) => ({ name: file.name, problem: messageOf(error) }),
            ),
          );
      }
      return picked;
    },
    async openFolder(title) {
      const chosen = await hosted(calls.openFolder({ title }));
      if (!chosen) return null;
      // Main listed the folder; each file's bytes cross when the import
      // reaches it, one call a file, as a pick of files' do.
      const files = chosen.files.map(
        (file): LaterFile =>
          'file' in file
            ? {
                name: file.name,
                read: () => calls.readImportFile({ file: file.file }).then(ownBuffer, (error: unknown) => Promise.reject(new HostError(messageOf(error)))),
              }
            : file,
      );
      return { name: chosen.name, files, notes: chosen.notes };
    },
    async saveFile(title, defaultName, filters, content) {
      return (await hosted(calls.saveFile({ title, defaultName, filters, content }))) !== null;
    },
    async saveStream(title, defaultName, filters, pieces) {
      const opened = await hosted(calls.openSaveStream({ title, defaultName, filters }));
      if (!opened) return false;
      const { handle } = opened;
      try {
        for await (const piece of await pieces()) {
          for (const part of withinCap(piece)) await hosted(calls.appendSaveStream({ handle, piece: part }));
        }
        await hosted(calls.closeSaveStream({ handle, keep: true }));
        return true;
      } catch (error) {
        // Main drops the temporary file: nothing is left where the user chose.
        await calls.closeSaveStream({ handle, keep: false }).catch(() => {});
        throw error;
      }
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    // The page's print layout saved as a PDF where the user chooses (main
    // process, printToPDF): Electron opens no print preview of its own.
    async print(defaultName) {
      return (await hosted(calls.print({ defaultName }))) !== null;
    },
    documentOpened(id, title) {
      // The recent documents menu is a convenience: a failure is not the
      // researcher's concern.
      void calls.documentOpened({ id, title }).catch(() => {});
    },
    backups: {
      where: 'the backups folder in Palimpsest’s data folder on this computer',
      list: async () => await hosted(calls.listBackups()),
      // Piece by piece to main, which writes a temporary file and renames
      // it into place only when every piece is in: a failure leaves no half
      // backup among the kept ones.
      async write(pieces, annotations, created, base) {
        const { handle } = await hosted(calls.openBackupStream({ annotations, created: created.toISOString(), ...(base === undefined ? {} : { base }) }));
        try {
          for await (const piece of pieces) {
            for (const part of withinCap(piece)) await hosted(calls.appendBackupStream({ handle, piece: part }));
          }
          const info = await hosted(calls.closeBackupStream({ handle, keep: true }));
          if (!info) throw new HostError('The backup was not written.');
          return info;
        } catch (error) {
          await calls.closeBackupStream({ handle, keep: false }).catch(() => {});
          throw error;
        }
      },
      // Chunk by chunk over IPC (a backup may be larger than any string);
      // a read stopped early (a bad file) is closed in main.
      readChunks: (id) => chunksOf(calls, () => calls.openBackupRead(id)),
      onBeforeQuit: (flush) => bridge.onBeforeQuit(flush),
    },
  };
}

// A file read in main, chunk by chunk over IPC (it may be larger than any
// string), from the handle `open` gives; a read stopped early (a bad file)
// is closed in main.
async function* chunksOf(calls: ReturnType<typeof callsOf<Api>>, open: () => Promise<{ handle: string }>): AsyncIterable<Uint8Array> {
  const { handle } = await hosted(open());
  let ended = false;
  try {
    for (;;) {
      const chunk = await hosted(calls.readBackupChunk({ handle }));
      if (chunk === null) {
        ended = true;
        return;
      }
      yield chunk;
    }
  } finally {
    if (!ended) await calls.closeBackupRead({ handle }).catch(() => {});
  }
}

/// A piece cut to what one IPC call carries (the API's caps), text never
/// between the two halves of a surrogate pair, which would write as two
/// replacement characters.
export function* withinCap(piece: string | Uint8Array, characters = maxSavePieceCharacters, bytes = maxSavePieceBytes): Generator<string | Uint8Array> {
  if (typeof piece !== 'string') {
    for (let at = 0; at < piece.byteLength; at += bytes) yield piece.subarray(at, at + bytes);
    return;
  }
  for (let at = 0; at < piece.length; ) {
    let end = Math.min(piece.length, at + characters);
    const last = piece.charCodeAt(end - 1);
    // A cap of one character still carries a pair whole.
    if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end += end - at > 1 ? -1 : 1;
    yield piece.slice(at, end);
    at = end;
  }
}

// The bytes arrive as a view, usually over a buffer of their own: copied
// only when they share it.
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
}

// A failed call as the screens expect it: a HostError with main's sentence.
async function hosted<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw new HostError(error instanceof Error ? error.message : String(error));
  }
}

/// The bridge the preload exposed, or `null` outside the desktop app.
export function findElectronBridge(): HostBridge | null {
  const bridge = (window as unknown as Record<string, unknown>)[bridgeKey];
  return bridge && typeof bridge === 'object' ? (bridge as HostBridge) : null;
}
