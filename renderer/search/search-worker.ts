import type { SearchReply } from '../../shared/search/protocol';
import { createSearchHandler } from './search-handler';

/// The search worker: a module Web Worker holding the corpus's SearchIndex (kept in
/// IndexedDB between runs, see index-store.ts),
/// so indexing (seconds for a thousand documents) and queries run off the
/// main thread. Created by SearchClient; speaks the protocol of
/// shared/search/protocol.ts, one reply per request, in order.

// The worker's global scope, typed by what this file uses of it: the
// renderer is checked against the DOM library, whose `self` is a window,
// and the webworker library cannot be loaded beside it without clashes.
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: SearchReply): void;
}

const scope = self as unknown as WorkerScope;
const handle = createSearchHandler();

scope.onmessage = (event) => {
  void handle(event.data).then((reply) => scope.postMessage(reply));
};
