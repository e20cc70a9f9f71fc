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
    async saveFile(title, defaultName, filters, content) {
      return unwrap(await bridge.saveFile({ title, defaultName, filters, content })) !== null;
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    backups: {
      where: 'the backups folder in Palimpsest’s data folder on this computer',
      list: async () => unwrap(await bridge.listBackups()),
      write: async (content, annotations, created) => unwrap(await bridge.writeBackup({ content, annotations, created: created.toISOString() })),
      read: async (id) => unwrap(await bridge.readBackup(id)),
      onBeforeQuit: (flush) => bridge.onBeforeQuit(flush),
    },
  };
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
