import type { IndexedText, SearchCommand, SearchReply } from '../../shared/search/protocol';
import { SearchIndex } from '../../shared/search/search-index';
import { failureOf } from '../work/worker-errors';

/// Answers one request of the search protocol.
export type SearchHandler = (request: unknown) => SearchReply;

/// The search worker's logic as a pure function over `index`: a request in,
/// its reply out, nothing thrown. The worker file only wires it to its
/// messages, so tests run the same logic in-process.
export function createSearchHandler(index: SearchIndex = new SearchIndex()): SearchHandler {
  return (request) => {
    const id = isRecord(request) && Number.isInteger(request.id) ? (request.id as number) : -1;
    try {
      if (id < 0) throw new RangeError('A search request needs a whole-number id for its reply.');
      const command = readCommand((request as { command?: unknown }).command);
      switch (command.type) {
        case 'index':
          // Every document is added only once all have been read, so a
          // malformed batch leaves the index as it was.
          for (const document of command.documents) index.add(document.id, document.text);
          return { id, ok: true, value: null };
        case 'remove':
          index.remove(command.id);
          return { id, ok: true, value: null };
        case 'search':
          return { id, ok: true, value: index.search(command.query, command.options) };
      }
    } catch (error) {
      return { id, ok: false, error: failureOf(error, 'search worker') };
    }
  };
}

/// Checks that `value` is a command of the protocol: it crossed a thread
/// boundary as untyped data.
function readCommand(value: unknown): SearchCommand {
  if (!isRecord(value) || typeof value.type !== 'string') throw new RangeError('A search request needs a command with a type: index, remove or search.');
  switch (value.type) {
    case 'index': {
      const documents = value.documents;
      if (!Array.isArray(documents)) throw new RangeError('An index command needs a list of documents.');
      documents.forEach((d: unknown, i) => {
        if (!isRecord(d) || typeof d.id !== 'string' || d.id.length === 0 || typeof d.text !== 'string') {
          throw new RangeError(`Document ${i} of the index command needs a non-empty string id and a string text; none of the batch was indexed.`);
        }
      });
      return { type: 'index', documents: documents as IndexedText[] };
    }
    case 'remove':
      if (typeof value.id !== 'string') throw new RangeError('A remove command needs the id of the document to forget.');
      return { type: 'remove', id: value.id };
    case 'search':
      if (typeof value.query !== 'string') throw new RangeError('A search command needs the query as a string.');
      if (!isRecord(value.options)) throw new RangeError('A search command needs options with at least a limit.');
      return { type: 'search', query: value.query, options: value.options as unknown as Extract<SearchCommand, { type: 'search' }>['options'] };
    default:
      throw new RangeError(`The search worker knows the commands index, remove and search, not "${value.type}".`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
