import { type SearchApi, searchApi } from '../../shared/search/protocol';
import { type Handlers, type Server, createServer } from '../../shared/rpc/server';
import { PersistentIndex } from './index-store';

/// The search worker's handlers over `index`, one per method of the search
/// API; each gets its request already parsed by the API's schema. The
/// server is served one request at a time (serial), so a search made after
/// an index call sees what it indexed.
export function searchHandlers(index: PersistentIndex): Handlers<SearchApi> {
  return {
    async index({ documents }) {
      // The schema read every document before this runs, and the index
      // stores them in one transaction, so a malformed or failed batch
      // leaves the index as it was.
      await index.add(documents);
      return null;
    },
    async remove({ id }) {
      await index.remove([id]);
      return null;
    },
    reconcile: ({ stamps }) => index.reconcile(stamps),
    search: ({ query, options }) => index.search(query, options),
  };
}

/// The search worker's logic as a server over `index` (kept in IndexedDB
/// between runs, see index-store.ts): a call in, its reply out, nothing
/// thrown. The worker file only wires it to its messages, so tests run the
/// same logic in-process.
export function createSearchHandler(index: PersistentIndex = new PersistentIndex()): Server {
  return createServer(searchApi, searchHandlers(index), 'search worker');
}
