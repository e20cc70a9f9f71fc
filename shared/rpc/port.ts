import type { Api, MethodOf, ReplyOf, RequestOf } from './api';
import type { CallContext, Server } from './server';
import { type Reply, RequestRefused, errorOf, toWire } from './wire';

/// Calls over a message port (a Web Worker, or its stand-in on the page's
/// thread): each request carries a number its replies carry back, progress
/// comes as messages of its own before the reply, and a cancel is a message
/// naming the request it stops. Every message is plain data, as
/// postMessage copies it.

/// What the caller sends.
export type PortRequest = { id: number; method: string; request: unknown } | { cancel: number };

/// What the server sends back: progress while it works, then one reply.
/// A message the server could not read a number from is answered with id -1.
export type PortReply = { id: number; progress: { done: number; total: number } } | ({ id: number } & Reply<unknown>);

/// A two-way message channel as the client sees it; see renderer/work's
/// `linkOf` for a Worker's.
export interface Link {
  /// Sends a message; the buffers in `transfer` move with it, uncopied.
  send(message: PortRequest, transfer?: readonly ArrayBuffer[]): void;
  /// Hands every message to `message`; `failed` when the channel dies
  /// (a worker that could not load, or crashed).
  listen(message: (reply: PortReply) => void, failed: (reason: string) => void): void;
  close(): void;
}

/// Options of a served port.
export interface ServeOptions {
  /// Runs one request at a time, in order, as a worker that plans then
  /// writes must (a cancel still goes past the queue). Without it,
  /// requests run as they come.
  serial?: boolean;
}

/// The receiving end of a port: hand it each message that arrives; it
/// answers through `post`.
export function servePort(server: Server, post: (reply: PortReply) => void, options: ServeOptions = {}): (message: unknown) => void {
  const cancelled = new Set<number>();
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (id: number, method: string, request: unknown) => {
    const context: CallContext = { progress: (done, total) => post({ id, progress: { done, total } }), cancelled: () => cancelled.has(id) };
    try {
      post({ id, ...(await server(method, request, context)) });
    } finally {
      cancelled.delete(id);
    }
  };
  return (message) => {
    if (isRecord(message) && Number.isInteger(message.cancel)) {
      cancelled.add(message.cancel as number);
      return;
    }
    const id = isRecord(message) && Number.isInteger(message.id) ? (message.id as number) : -1;
    if (id < 0 || !isRecord(message)) {
      post({ id: -1, ok: false, error: toWire(new RequestRefused('A request needs a whole-number id for its reply.', ['id']), 'worker') });
      return;
    }
    const call = () => run(id, message.method as string, message.request);
    if (options.serial) queue = queue.then(call);
    else void call();
  };
}

/// Options of one call.
export interface CallOptions {
  /// Told how far the call is, as the server reports it.
  onProgress?: (done: number, total: number) => void;
  /// Aborting it asks the server to stop the call (its handler sees
  /// `cancelled()`); the call still settles as the server answers.
  signal?: AbortSignalLike;
  /// Buffers in the request handed to the other side rather than copied
  /// (postMessage's transfer list): the caller's are left empty. A file's
  /// bytes of 80 MB took the page tens of milliseconds to copy.
  transfer?: readonly ArrayBuffer[];
}

/// What CallOptions needs of an AbortSignal (shared/ has no DOM).
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

/// The typed calls of `A`: one function per method, taking its request
/// (nothing when the request is `undefined`) and resolving to its reply.
export type Calls<A extends Api, Options = CallOptions> = {
  [M in MethodOf<A>]: [RequestOf<A, M>] extends [undefined]
    ? (request?: undefined, options?: Options) => Promise<ReplyOf<A, M>>
    : (request: RequestOf<A, M>, options?: Options) => Promise<ReplyOf<A, M>>;
};

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  progress?: (done: number, total: number) => void;
}

/// The calling end of a port: `calls` holds one typed function per method
/// of `A`; each rejects with the error the server threw, rebuilt (errorOf).
export class PortClient<A extends Api> {
  /// The API's calls.
  readonly calls: Calls<A>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  // Why the client no longer answers (closed, or the port failed), or null.
  private closed: Error | null = null;

  constructor(
    methods: readonly MethodOf<A>[],
    private readonly link: Link,
    /// Names the other end in the error a failed port gives.
    name: string,
  ) {
    link.listen(
      (reply) => this.settle(reply),
      (reason) => this.fail(new Error(`The ${name} failed: ${reason}.`)),
    );
    this.calls = Object.fromEntries(
      methods.map((m) => [m, (request: RequestOf<A, typeof m>, options?: CallOptions) => this.call(m, request, options)]),
    ) as Calls<A>;
  }

  /// Calls `method` with `request`.
  call<M extends MethodOf<A>>(method: M, request: RequestOf<A, M>, options: CallOptions = {}): Promise<ReplyOf<A, M>> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    return new Promise<ReplyOf<A, M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, progress: options.onProgress });
      try {
        this.link.send({ id, method, request }, options.transfer);
      } catch (error) {
        // A request that cannot be copied to the other side.
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const { signal } = options;
      if (signal) {
        const cancel = () => {
          if (this.pending.has(id)) this.link.send({ cancel: id });
        };
        if (signal.aborted) cancel();
        else signal.addEventListener('abort', cancel, { once: true });
      }
    });
  }

  /// Rejects every call still waiting, and every later one, with `reason`,
  /// and closes the port.
  close(reason: Error): void {
    if (this.closed) return;
    this.fail(reason);
    this.link.close();
  }

  private settle(reply: PortReply): void {
    const waiting = this.pending.get(reply.id);
    // An answer nobody waits for (a request the server could not read) is dropped.
    if (!waiting) return;
    if ('progress' in reply) {
      waiting.progress?.(reply.progress.done, reply.progress.total);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(errorOf(reply.error));
  }

  private fail(reason: Error): void {
    this.closed = reason;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(reason);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
