import type { Api, MethodOf, ParsedOf, ReplyOf } from './api';
import { type Reply, RequestRefused, toWire } from './wire';

/// What a handler may use beside its request: a way to report progress
/// (sent to the caller as it goes) and to ask whether the caller cancelled.
/// `Extra` is what the transport adds (Electron's invoke event).
export interface CallContext {
  progress(done: number, total: number): void;
  /// True once the caller has cancelled this call.
  cancelled(): boolean;
}

/// One handler per method of `A`, each given its request already parsed by
/// the method's schema. A method without a handler, or a handler answering
/// the wrong type, does not compile.
export type Handlers<A extends Api, Extra = object> = {
  [M in MethodOf<A>]: (request: ParsedOf<A, M>, context: CallContext & Extra) => ReplyOf<A, M> | Promise<ReplyOf<A, M>>;
};

/// Answers a call of any method by name: looks the method up, parses the
/// request, runs the handler; never throws, whatever it is sent.
export type Server<Extra = object> = (method: unknown, request: unknown, context: CallContext & Extra) => Promise<Reply<unknown>>;

/// A context for calls that report nothing and are never cancelled.
export const quietCall: CallContext = { progress() {}, cancelled: () => false };

/// The server of `api` over `handlers`; `name` ("search worker") names it
/// in messages. Every request is parsed by its method's schema before its
/// handler runs, and whatever is thrown comes back as a WireError.
export function createServer<A extends Api, Extra = object>(api: A, handlers: Handlers<A, Extra>, name: string): Server<Extra> {
  return async (method, request, context) => {
    try {
      if (typeof method !== 'string' || !Object.hasOwn(api, method))
        throw new RequestRefused(`The ${name} knows the methods ${Object.keys(api).join(', ')}, not “${String(method)}”.`, []);
      const key = method as MethodOf<A>;
      const parsed = parseRequest(api, key, request, name);
      return { ok: true, value: await handlers[key](parsed, context) };
    } catch (error) {
      return { ok: false, error: toWire(error, name) };
    }
  };
}

/// Parses a request for `method` of `api`; a refusal (RequestRefused) names
/// the field and what is wrong with it, in a sentence.
export function parseRequest<A extends Api, M extends MethodOf<A>>(api: A, method: M, request: unknown, name = 'Palimpsest'): ParsedOf<A, M> {
  const parsed = api[method]!.request.safeParse(request);
  if (parsed.success) return parsed.data as ParsedOf<A, M>;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? issue.path.map(String).join('.') : 'the request';
  const what = issue.message.replace(/^Invalid input: /, '').replace(/\.$/, '');
  const who = name === 'Palimpsest' ? 'Palimpsest' : `The ${name}`;
  throw new RequestRefused(`${who} refused a malformed ${method} request: ${where}: ${what}.`, issue.path.map(String));
}
