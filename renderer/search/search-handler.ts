import type { IndexStamp, IndexedText, SearchCommand, SearchReply } from '../../shared/search/protocol';
import { failureOf } from '../work/worker-errors';
import { PersistentIndex } from './index-store';

/// Answers one request of the search protocol.
export type SearchHandler = (request: unknown) => Promise<SearchReply>;

/// The search worker's logic as a function over `index`: a request in, the
/// promise of its reply out, never rejected. The worker file only wires it
/// to its messages, so tests run the same logic in-process. Requests are
/// answered one after another, in the order they came: a search made after
/// an index command sees what it indexed.
export function createSearchHandler(index: PersistentIndex = new PersistentIndex()): SearchHandler {
  let queue: Promise<unknown> = Promise.resolve();
  return (request) => {
    const reply = queue.then(() => answer(index, request));
    queue = reply;
    return reply;
  };
}

async function answer(index: PersistentIndex, request: unknown): Promise<SearchReply> {
  const id = isRecord(request) && Number.isInteger(request.id) ? (request.id as number) : -1;
  try {
    if (id < 0) throw new RangeError('A search request needs a whole-number id for its reply.');
    const command = readCommand((request as { command?: unknown }).command);
    switch (command.type) {
      case 'index':
        // Every document is added only once all have been read and stored,
        // so a malformed batch leaves the index as it was.
        await index.add(command.documents);
        return { id, ok: true, value: null };
      case 'remove':
        await index.remove([command.id]);
        return { id, ok: true, value: null };
      case 'reconcile':
        return { id, ok: true, value: await index.reconcile(command.stamps) };
      case 'search':
        return { id, ok: true, value: await index.search(command.query, command.options) };
    }
  } catch (error) {
    return { id, ok: false, error: failureOf(error, 'search worker') };
  }
}

/// Checks that `value` is a command of the protocol: it crossed a thread
/// boundary as untyped data.
function readCommand(value: unknown): SearchCommand {
  if (!isRecord(value) || typeof value.type !== 'string')
    throw new RangeError('A search request needs a command with a type: index, remove, reconcile or search.');
  switch (value.type) {
    case 'index': {
      const documents = value.documents;
      if (!Array.isArray(documents)) throw new RangeError('An index command needs a list of documents.');
      documents.forEach((d: unknown, i) => {
        if (
          !isRecord(d) ||
          typeof d.id !== 'string' ||
          d.id.length === 0 ||
          typeof d.text !== 'string' ||
          (d.revision !== undefined && typeof d.revision !== 'string')
        ) {
          throw new RangeError(
            `Document ${i} of the index command needs a non-empty string id, a string text and no revision or a string one; none of the batch was indexed.`,
          );
        }
      });
      return { type: 'index', documents: documents as IndexedText[] };
    }
    case 'remove':
      if (typeof value.id !== 'string') throw new RangeError('A remove command needs the id of the document to forget.');
      return { type: 'remove', id: value.id };
    case 'reconcile': {
      const stamps = value.stamps;
      if (!Array.isArray(stamps)) throw new RangeError('A reconcile command needs the list of the library’s documents, each an id and a revision stamp.');
      stamps.forEach((s: unknown, i) => {
        if (!isRecord(s) || typeof s.id !== 'string' || s.id.length === 0 || typeof s.revision !== 'string') {
          throw new RangeError(`Document ${i} of the reconcile command needs a non-empty string id and a string revision stamp; nothing was changed.`);
        }
      });
      return { type: 'reconcile', stamps: stamps as IndexStamp[] };
    }
    case 'search':
      if (typeof value.query !== 'string') throw new RangeError('A search command needs the query as a string.');
      if (!isRecord(value.options)) throw new RangeError('A search command needs options with at least a limit.');
      return { type: 'search', query: value.query, options: value.options as unknown as Extract<SearchCommand, { type: 'search' }>['options'] };
    default:
      throw new RangeError(`The search worker knows the commands index, remove, reconcile and search, not "${value.type}".`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
