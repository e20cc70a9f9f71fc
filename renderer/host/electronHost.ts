import { type HostBridge, type Reply, bridgeKey } from '../../shared/ipc/contract';
import { type Host, HostError } from './host';

/// The host inside the desktop app: native dialogs in the main process,
/// reached through the preload's bridge.
export function createElectronHost(bridge: HostBridge): Host {
  return {
    kind: 'electron',
    async openTextFile(title, filters) {
      return unwrap(await bridge.openFile({ title, filters }));
    },
    async openFiles(title, filters) {
      const files = unwrap(await bridge.openFiles({ title, filters }));
      return files && files.map((file) => ('bytes' in file ? { name: file.name, bytes: ownBuffer(file.bytes) } : file));
    },
    async saveFile(title, defaultName, filters, content) {
      return unwrap(await bridge.saveFile({ title, defaultName, filters, content })) !== null;
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    // The page's print layout saved as a PDF where the user chooses (main
    // process, printToPDF): Electron opens no print preview of its own.
    async print(defaultName) {
      return unwrap(await bridge.print({ defaultName })) !== null;
    },
    documentOpened(id, title) {
      // The recent documents menu is a convenience: a failure is not the
      // researcher's concern.
      void bridge.documentOpened({ id, title }).catch(() => {});
    },
    backups: {
      where: 'the backups folder in Palimpsest’s data folder on this computer',
      list: async () => unwrap(await bridge.listBackups()),
      write: async (content, annotations, created, base) =>
        unwrap(await bridge.writeBackup({ content, annotations, created: created.toISOString(), ...(base === undefined ? {} : { base }) })),
      read: async (id) => unwrap(await bridge.readBackup(id)),
      onBeforeQuit: (flush) => bridge.onBeforeQuit(flush),
    },
  };
}

// The bytes arrive as a view, usually over a buffer of their own: copied
// only when they share it.
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
}

function unwrap<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new HostError(reply.error);
  return reply.value;
}

/// The bridge the preload exposed, or `null` outside the desktop app.
export function findElectronBridge(): HostBridge | null {
  const bridge = (window as unknown as Record<string, unknown>)[bridgeKey];
  return bridge && typeof bridge === 'object' ? (bridge as HostBridge) : null;
}
