import { type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { z } from 'zod';
import { type Api, type ReplyOf, parseRequest } from '../shared/ipc/api';
import type { Reply } from '../shared/ipc/contract';
import { type Method, channelOf, methods } from '../shared/ipc/methods';
import { isAppUrl } from './app-url';

/// A handler for each method of the API, given the request already parsed
/// by its schema.
export type Handlers = {
  [M in Method]: (request: z.output<Api[M]['request']>, event: IpcMainInvokeEvent) => Promise<ReplyOf<M>>;
};

/// Registers the handlers of every method of the API, by mapping over it:
/// a method without a handler does not compile. For each call the sender is
/// checked first (only the app's own page may call, so content that somehow
/// loaded in another frame cannot reach the file system), then the request
/// is parsed by its schema, then the handler runs. Whatever fails comes back
/// as `{ ok: false, error }`, never as an exception across IPC.
export function registerApi(handlers: Handlers, appUrl: () => string): void {
  for (const method of methods) {
    const run = handlers[method] as (request: unknown, event: IpcMainInvokeEvent) => Promise<unknown>;
    ipcMain.handle(channelOf(method), (event, request: unknown) =>
      guarded(event.senderFrame?.url, appUrl(), async () => run(parseRequest(method, request), event)),
    );
  }
}

/// The sender check and error wrapping of `registerApi`, apart from Electron.
export async function guarded<Res>(senderUrl: string | undefined | null, appUrl: string, run: () => Promise<Res>): Promise<Reply<Res>> {
  if (!isAppUrl(senderUrl, appUrl)) return { ok: false, error: 'This request did not come from Palimpsest’s own window and was refused.' };
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
