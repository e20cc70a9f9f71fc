import type { Link, PortReply, PortRequest, ServeOptions } from '../../shared/rpc/port';
import { servePort } from '../../shared/rpc/port';
import type { Server } from '../../shared/rpc/server';
import { workerOrMainThread } from './worker-or-main-thread';

/// What a client needs of its worker: a `Worker` is one; tests pass an
/// object that runs the worker's server in-process.
export interface WorkerPort {
  postMessage(message: PortRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<PortReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/// A worker's port as shared/rpc's Link.
export function linkOf(port: WorkerPort): Link {
  return {
    send: (message, transfer) => port.postMessage(message, transfer ? [...transfer] : []),
    listen(message, failed) {
      port.onmessage = (event) => message(event.data);
      // A worker that fails to load or dies answers nothing more: fail what
      // waits now rather than leave it waiting for ever.
      port.onerror = (event) => {
        event.preventDefault?.();
        failed(event.message || 'it could not be started');
      };
    },
    close() {
      port.onmessage = null;
      port.onerror = null;
      port.terminate();
    },
  };
}

/// A worker's server on the page's thread, behind a worker's interface:
/// messages are copied both ways as postMessage copies them, and replies
/// come in a later task, as a worker's do.
export function mainThreadPort(server: Server, options: ServeOptions = {}): WorkerPort {
  const receive = servePort(server, (reply) => setTimeout(() => port.onmessage?.({ data: structuredClone(reply) } as MessageEvent<PortReply>), 0), options);
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (message, transfer) => receive(structuredClone(message, { transfer })),
    terminate() {
      port.onmessage = null;
    },
  };
  return port;
}

/// The worker from `create`, or, where the page may not start one, its
/// server from `fallback` on the page's thread. With `lazy`, started at
/// the first message, so a worker the researcher never needs (documents
/// imported, say) is never started.
export function startPort(what: string, create: () => WorkerPort, fallback: () => Server, options: ServeOptions & { lazy?: boolean } = {}): WorkerPort {
  if (!options.lazy) return workerOrMainThread(what, create, () => mainThreadPort(fallback(), options));
  let started: WorkerPort | null = null;
  const start = () => {
    if (started) return started;
    started = workerOrMainThread(what, create, () => mainThreadPort(fallback(), options));
    started.onmessage = (event) => port.onmessage?.(event);
    started.onerror = (event) => port.onerror?.(event);
    return started;
  };
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (message, transfer) => start().postMessage(message, transfer),
    terminate: () => started?.terminate(),
  };
  return port;
}

// A worker's global scope, typed by what serveSelf uses of it: the renderer
// is checked against the DOM library, whose `self` is a window, and the
// webworker library cannot be loaded beside it without clashes.
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: PortReply): void;
}

/// Serves `server` on the worker this runs in, one request at a time, in
/// order (a cancel still goes past the queue).
export function serveSelf(server: Server): void {
  const scope = self as unknown as WorkerScope;
  const receive = servePort(server, (reply) => scope.postMessage(reply), { serial: true });
  scope.onmessage = (event) => receive(event.data);
}
