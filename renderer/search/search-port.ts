import type { SearchReply, SearchRequest } from '../../shared/search/protocol';
import type { SearchWorkerPort } from './search-client';
import { workerOrMainThread } from '../work/worker-or-main-thread';
import { createSearchHandler } from './search-handler';

/// The search worker, or, where the page may not start one, the same
/// handler on the main thread.
export function startSearchPort(
  create: () => SearchWorkerPort = () => new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' }),
): SearchWorkerPort {
  return workerOrMainThread('Searches', create, mainThreadPort);
}

/// The search handler behind a worker's interface, on the main thread:
/// replies come in a later task, as a worker's do.
export function mainThreadPort(): SearchWorkerPort {
  const handle = createSearchHandler();
  const port: SearchWorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage(message: SearchRequest) {
      void handle(structuredClone(message)).then((reply: SearchReply) => {
        setTimeout(() => port.onmessage?.({ data: reply } as MessageEvent<SearchReply>), 0);
      });
    },
    terminate() {
      port.onmessage = null;
    },
  };
  return port;
}
