import type { IndexedText } from '../../shared/search/protocol';
import type { DocumentsRepository } from '../data/documents';
import type { SearchClient } from './search-client';

/// Brings the search worker's index (kept between launches) to the
/// library's listed documents: each is stamped with its text's
/// fingerprint, the worker forgets those no longer listed and names those
/// it lacks or holds at another fingerprint, and only their texts are read
/// (a few at a time, see SearchClient.sync) and sent. A launch with nothing
/// changed reads no text; a library from before the index was kept (or
/// whose index was dropped) is indexed whole, once.
export function syncLibrary(search: SearchClient, documents: DocumentsRepository): Promise<void> {
  // From the list's columns: a summary of every document is not made.
  const list = documents.documents();
  const stamps = Array.from({ length: list.length }, (_, i) => ({ id: list.id(i), revision: list.fingerprint(i) }));
  return search.sync(stamps, async (ids) => {
    const texts: IndexedText[] = [];
    for await (const { id, fingerprint, text } of documents.texts(ids)) texts.push({ id, revision: fingerprint, text });
    return texts;
  });
}
