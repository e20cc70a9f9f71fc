import type { SearchReply, SearchRequest } from '../../shared/search/protocol';
import type { SearchWorkerPort } from './search-client';
import { createSearchHandler } from './search-handler';

/// The search worker, or, where the page may not start one, the same
/// handler on the main thread. Chromium refuses workers to pages it gives
/// no origin (a page opened from file:// without file access), and throws
/// at construction; search then still works, with indexing on the main
/// thread, which for a library of a few dozen documents takes milliseconds.
export function startSearchPort(create: () => SearchWorkerPort = () => new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' })): SearchWorkerPort {
  try {
    return create();
  } catch (error) {
    console.warn(`Search runs on the main thread: the search worker could not be started (${(error as Error).message}).`);
    return mainThreadPort();
  }
}

/// The search handler behind a worker's interface, on the main thread:
/// replies come in a later task, as a worker's do.
export function mainThreadPort(): SearchWorkerPort {
  const handle = createSearchHandler();
  const port: SearchWorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage(message: SearchRequest) {
      const reply: SearchReply = handle(structuredClone(message));
      setTimeout(() => port.onmessage?.({ data: reply } as MessageEvent<SearchReply>), 0);
    },
    terminate() {
      port.onmessage = null;
    },
  };
  return port;
}
