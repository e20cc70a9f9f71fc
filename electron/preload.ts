import { contextBridge, ipcRenderer } from 'electron';
import { type HostBridge, type MenuCommand, bridgeKey, channels, menuCommands } from '../shared/ipc/contract';

// The page's only way to its host: the calls of HostBridge, nothing else.
// No Electron or Node object crosses into the page.
const bridge: HostBridge = {
  openFile: (request) => ipcRenderer.invoke(channels.openFile, request),
  openFiles: (request) => ipcRenderer.invoke(channels.openFiles, request),
  saveFile: (request) => ipcRenderer.invoke(channels.saveFile, request),
  onMenuCommand(listener) {
    const relay = (_event: Electron.IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && (menuCommands as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(channels.menuCommand, relay);
    return () => ipcRenderer.removeListener(channels.menuCommand, relay);
  },
  listBackups: () => ipcRenderer.invoke(channels.backupList),
  writeBackup: (request) => ipcRenderer.invoke(channels.backupWrite, request),
  readBackup: (id) => ipcRenderer.invoke(channels.backupRead, id),
  onBeforeQuit(flush) {
    const relay = () => {
      void flush().finally(() => ipcRenderer.send(channels.readyToQuit));
    };
    ipcRenderer.on(channels.beforeQuit, relay);
    return () => ipcRenderer.removeListener(channels.beforeQuit, relay);
  },
};

contextBridge.exposeInMainWorld(bridgeKey, bridge);
