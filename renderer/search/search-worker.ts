import type { PortReply } from '../../shared/rpc/port';
import { servePort } from '../../shared/rpc/port';
import { createSearchHandler } from './search-handler';

/// The search worker: a module Web Worker holding the corpus's SearchIndex,
/// so indexing (seconds for a thousand documents) and queries run off the
/// main thread. Created by SearchClient; serves the search API
/// (shared/search/protocol.ts), one reply per request, in order.

// The worker's global scope, typed by what this file uses of it: the
// renderer is checked against the DOM library, whose `self` is a window,
// and the webworker library cannot be loaded beside it without clashes.
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: PortReply): void;
}

const scope = self as unknown as WorkerScope;
const receive = servePort(createSearchHandler(), (reply) => scope.postMessage(reply), { serial: true });

scope.onmessage = (event) => receive(event.data);
