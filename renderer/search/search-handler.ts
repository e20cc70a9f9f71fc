import { type SearchApi, searchApi } from '../../shared/search/protocol';
import { SearchIndex } from '../../shared/search/search-index';
import { type Handlers, type Server, createServer } from '../../shared/rpc/server';

/// The search worker's handlers over `index`, one per method of the search
/// API; each gets its request already parsed by the API's schema.
export function searchHandlers(index: SearchIndex): Handlers<SearchApi> {
  return {
    index({ documents }) {
      // The schema read every document before this runs, so a malformed
      // batch leaves the index as it was.
      for (const document of documents) index.add(document.id, document.text);
      return null;
    },
    remove({ id }) {
      index.remove(id);
      return null;
    },
    search: ({ query, options }) => index.search(query, options),
  };
}

/// The search worker's logic as a server over `index`: a call in, its reply
/// out, nothing thrown. The worker file only wires it to its messages, so
/// tests run the same logic in-process.
export function createSearchHandler(index: SearchIndex = new SearchIndex()): Server {
  return createServer(searchApi, searchHandlers(index), 'search worker');
}
