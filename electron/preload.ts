import { contextBridge, ipcRenderer } from 'electron';
import type { Api, HostBridge } from '../shared/ipc/api';
import { type MenuCommand, bridgeKey, channels, menuCommands } from '../shared/ipc/contract';
import { channelOf, methods } from '../shared/ipc/methods';
import { invokersOf } from '../shared/rpc/invoke';

// The page's only way to its host: exactly the API's methods and the two
// messages from main, nothing else. No Electron or Node object crosses into
// the page. Main parses every request; the preload only forwards it. It
// imports no schema library: a sandboxed preload must stay small and
// self-contained.
const invokers = invokersOf<Api>(methods, (method, request) => ipcRenderer.invoke(channelOf(method), request));

const bridge: HostBridge = {
  ...invokers,
  onMenuCommand(listener) {
    const relay = (_event: Electron.IpcRendererEvent, message: unknown) => {
      const { command, documentId } = (message ?? {}) as { command?: unknown; documentId?: unknown };
      if (typeof command !== 'string' || !(menuCommands as readonly string[]).includes(command)) return;
      listener(command as MenuCommand, typeof documentId === 'string' ? documentId : undefined);
    };
    ipcRenderer.on(channels.menuCommand, relay);
    return () => ipcRenderer.removeListener(channels.menuCommand, relay);
  },
  onBeforeQuit(flush) {
    const relay = () => {
      void flush().finally(() => ipcRenderer.send(channels.readyToQuit));
    };
    ipcRenderer.on(channels.beforeQuit, relay);
    return () => ipcRenderer.removeListener(channels.beforeQuit, relay);
  },
};

contextBridge.exposeInMainWorld(bridgeKey, bridge);
