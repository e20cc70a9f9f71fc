import { type IpcMainInvokeEvent, ipcMain } from 'electron';
import { type Api, api } from '../shared/ipc/api';
import { channelOf, methods } from '../shared/ipc/methods';
import { type Handlers as ApiHandlers, createServer, quietCall } from '../shared/rpc/server';
import type { Reply } from '../shared/rpc/wire';
import { isAppUrl } from './app-url';

/// A handler for each method of the API, given the request already parsed
/// by its schema, and the IPC event that carried it.
export type Handlers = ApiHandlers<Api, { event: IpcMainInvokeEvent }>;

/// Registers the handlers of every method of the API, by mapping over it:
/// a method without a handler does not compile. For each call the sender is
/// checked first (only the app's own page may call, so content that somehow
/// loaded in another frame cannot reach the file system), then the request
/// is parsed by its schema, then the handler runs (shared/rpc's server).
/// Whatever fails comes back as `{ ok: false, error }`, never as an
/// exception across IPC.
export function registerApi(handlers: Handlers, appUrl: () => string): void {
  const serve = createServer<Api, { event: IpcMainInvokeEvent }>(api, handlers, 'Palimpsest');
  for (const method of methods) {
    ipcMain.handle(channelOf(method), (event, request: unknown) =>
      guarded(event.senderFrame?.url, appUrl(), () => serve(method, request, { ...quietCall, event })),
    );
  }
}

/// The sender check of `registerApi`, apart from Electron: runs `serve`
/// only for the app's own page.
export async function guarded<Res>(senderUrl: string | undefined | null, appUrl: string, serve: () => Promise<Reply<Res>>): Promise<Reply<Res>> {
  if (!isAppUrl(senderUrl, appUrl))
    return { ok: false, error: { kind: 'bug', name: 'RequestRefused', message: 'This request did not come from Palimpsest’s own window and was refused.' } };
  return serve();
}
