import type { BrowserWindow } from 'electron';
import { askWhereToSave } from './dialogs';
import type { Handlers } from './ipc';
import { SaveStreams } from './save-streams';

/// The handlers of a save written piece by piece: the save dialog, then
/// the pieces, then keep or drop (save-streams.ts). A handle is the
/// window's that opened it (its webContents), and every save of a window
/// is dropped when its page goes (closed, crashed or reloaded).
export function saveStreamHandlers(
  window: () => BrowserWindow | null,
  streams = new SaveStreams(),
): Pick<Handlers, 'openSaveStream' | 'appendSaveStream' | 'closeSaveStream'> {
  const watched = new Set<number>();
  return {
    async openSaveStream(request, { event }) {
      const path = await askWhereToSave(window(), request.title, request.defaultName, request.filters);
      if (!path) return null;
      const owner = event.sender.id;
      if (!watched.has(owner)) {
        watched.add(owner);
        const drop = () => void streams.abandon(owner);
        event.sender.on('destroyed', () => {
          watched.delete(owner);
          drop();
        });
        // A reload starts a new page that knows none of the old handles.
        event.sender.on('did-start-navigation', (details) => {
          if (details.isMainFrame && !details.isSameDocument) drop();
        });
      }
      return { handle: await streams.start(owner, path) };
    },
    async appendSaveStream(request, { event }) {
      await streams.append(event.sender.id, request.handle, request.piece);
      return null;
    },
    closeSaveStream: (request, { event }) => streams.close(event.sender.id, request.handle, request.keep),
  };
}
