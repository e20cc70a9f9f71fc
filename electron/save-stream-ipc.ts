import type { BrowserWindow } from 'electron';
import { askWhereToSave } from './dialogs';
import type { Handlers } from './ipc';
import { SaveStreams } from './save-streams';
import { whenWindowGone } from './window-gone';

/// The handlers of a save written piece by piece: the save dialog, then
/// the pieces, then keep or drop (save-streams.ts). A handle is the
/// window's that opened it (its webContents), and every save of a window
/// is dropped when its page goes (closed, crashed or reloaded).
export function saveStreamHandlers(
  window: () => BrowserWindow | null,
  streams = new SaveStreams(),
): Pick<Handlers, 'openSaveStream' | 'appendSaveStream' | 'closeSaveStream'> {
  // A window gone, or its page reloaded, drops the saves it had open.
  const watch = whenWindowGone((owner) => void streams.abandon(owner), { reload: true });
  return {
    async openSaveStream(request, { event }) {
      const path = await askWhereToSave(window(), request.title, request.defaultName, request.filters);
      if (!path) return null;
      watch(event.sender);
      return { handle: await streams.start(event.sender.id, path) };
    },
    async appendSaveStream(request, { event }) {
      await streams.append(event.sender.id, request.handle, request.piece);
      return null;
    },
    closeSaveStream: (request, { event }) => streams.close(event.sender.id, request.handle, request.keep),
  };
}
