import { serveSelf } from '../work/ports';
import { createSearchHandler } from './search-handler';

/// The search worker: a module Web Worker holding the corpus's SearchIndex
/// (kept in IndexedDB between runs, see index-store.ts), so indexing
/// (seconds for a thousand documents) and queries run off the main thread.
/// Created by SearchClient; serves the search API
/// (shared/search/protocol.ts), one reply per request, in order.
serveSelf(createSearchHandler());
