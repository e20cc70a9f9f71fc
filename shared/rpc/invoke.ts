import type { Api, MethodOf, ReplyOf, RequestOf } from './api';
import type { Calls } from './port';
import { type Reply, errorOf } from './wire';

/// Calls over an invoke-style transport (Electron's `ipcRenderer.invoke`):
/// one function per method that sends a request and resolves to the
/// server's Reply, as the preload exposes them to the page.

/// One function per method of `A`, resolving to its Reply (never rejecting
/// for a failure the server caught).
export type Invokers<A extends Api> = {
  [M in MethodOf<A>]: [RequestOf<A, M>] extends [undefined] ? () => Promise<Reply<ReplyOf<A, M>>> : (request: RequestOf<A, M>) => Promise<Reply<ReplyOf<A, M>>>;
};

/// The invokers of `methods`, each sending through `invoke` (whose answer
/// is the server's Reply).
export function invokersOf<A extends Api>(methods: readonly MethodOf<A>[], invoke: (method: MethodOf<A>, request: unknown) => Promise<unknown>): Invokers<A> {
  return Object.fromEntries(methods.map((m) => [m, (request?: unknown) => invoke(m, request)])) as Invokers<A>;
}

/// The typed calls over `invokers`: each resolves to the reply's value, or
/// rejects with the error the server threw, rebuilt (errorOf).
export function callsOf<A extends Api>(methods: readonly MethodOf<A>[], invokers: Invokers<A>): Calls<A, never> {
  return Object.fromEntries(
    methods.map((m) => {
      const invoke = invokers[m] as (request?: unknown) => Promise<Reply<unknown>>;
      return [
        m,
        async (request?: unknown) => {
          const reply = await invoke(request);
          if (!reply.ok) throw errorOf(reply.error);
          return reply.value;
        },
      ];
    }),
  ) as Calls<A, never>;
}
