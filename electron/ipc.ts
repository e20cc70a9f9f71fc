import { type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { Channel, Reply } from '../shared/ipc/contract';
import { isAppUrl } from './app-url';

/// Registers a handler for an IPC channel. The sender is checked first:
/// only the app's own page may call, so content that somehow loaded in
/// another frame cannot reach the file system. Whatever the handler throws
/// comes back as `{ ok: false, error }`, never as an exception across IPC.
export function handle<Req, Res>(channel: Channel, appUrl: () => string, handler: (request: Req, event: IpcMainInvokeEvent) => Promise<Res>): void {
  ipcMain.handle(channel, (event, request: Req) => guarded(event.senderFrame?.url, appUrl(), () => handler(request, event)));
}

/// The sender check and error wrapping of `handle`, apart from Electron.
export async function guarded<Res>(senderUrl: string | undefined | null, appUrl: string, run: () => Promise<Res>): Promise<Reply<Res>> {
  if (!isAppUrl(senderUrl, appUrl)) return { ok: false, error: 'This request did not come from Palimpsest’s own window and was refused.' };
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
