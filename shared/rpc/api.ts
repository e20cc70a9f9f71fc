import type { z } from 'zod';

/// An API described once: a map `{ method: { request: zod schema, reply:
/// type } }`. The server parses every request with its method's schema
/// before the handler runs; the reply type is carried for TypeScript only,
/// so a client's calls are typed end to end from this one map.

/// One method: the schema its request must pass, and the type of its reply.
export interface Method<Request extends z.ZodType = z.ZodType, Reply = unknown> {
  readonly request: Request;
  /// Never read: it only carries the reply's type.
  readonly reply: Reply;
}

/// A map of methods, the shape every API has.
export type Api = Record<string, Method>;

/// Declares a method replying `Reply` to requests that pass `request`:
/// `method<SearchResults>()(searchRequest)`. (Two calls, so the schema's
/// type is inferred while the reply's is given.)
export const method =
  <Reply>() =>
  <Request extends z.ZodType>(request: Request): Method<Request, Reply> => ({ request, reply: undefined as Reply });

/// The method names of an API.
export type MethodOf<A extends Api> = keyof A & string;

/// What a caller sends to `M`, before parsing.
export type RequestOf<A extends Api, M extends MethodOf<A>> = z.input<A[M]['request']>;

/// What `M`'s handler receives: the request as its schema parsed it.
export type ParsedOf<A extends Api, M extends MethodOf<A>> = z.output<A[M]['request']>;

/// What `M` answers.
export type ReplyOf<A extends Api, M extends MethodOf<A>> = A[M]['reply'];

/// A list holding each method name of `A` (so a list missing one, or naming
/// one `A` does not have, does not compile where this is asked for).
export type MethodList<A extends Api> = readonly MethodOf<A>[];

/// True when the two types are the same: for compile-time checks that a
/// list of names and a map have the same keys.
export type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;

/// The method names of `api`, for a client to map over.
export function methodsOf<A extends Api>(api: A): MethodOf<A>[] {
  return Object.keys(api);
}
