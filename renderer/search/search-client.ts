import { methodsOf } from '../../shared/rpc/api';
import { PortClient } from '../../shared/rpc/port';
import { type IndexStamp, type IndexedText, type SearchApi, searchApi } from '../../shared/search/protocol';
import type { SearchOptions, SearchResults } from '../../shared/search/results';
import { type WorkerPort, linkOf } from '../work/ports';
import { startSearchPort } from './search-port';

/// How far the documents a sync sent are indexed: `done` of `total`.
export interface IndexingProgress {
  done: number;
  total: number;
}

/// What a screen showing results needs to know of the index: the documents
/// being indexed (`null` when none), and a count of the changes made to it,
/// so that a query asked before one is asked again after.
export interface IndexState {
  indexing: IndexingProgress | null;
  changes: number;
}

/// What the client needs of its worker. A `Worker` is one; tests pass an
/// object that runs the worker's server in-process.
export type SearchWorkerPort = WorkerPort;

/// Rejects the requests still waiting when the client is disposed, and any
/// made after: a caller that gets it can drop the answer it was waiting for.
export class SearchClientDisposedError extends Error {
  constructor() {
    super('The search client was disposed before the search worker answered.');
    this.name = 'SearchClientDisposedError';
  }
}

/// The renderer's side of full-text search: indexing and queries run in a
/// Web Worker (search-worker.ts), and each call is a promise of the worker's
/// answer. Requests are answered in the order they were made; which answer
/// to show when queries overlap (the latest typed) is the caller's concern.
export class SearchClient {
  private readonly client: PortClient<SearchApi>;
  // The last change (index or remove) asked for; the next one waits for it.
  private writes: Promise<unknown> = Promise.resolve();
  // Until a sync has sent its texts, the promise of that; searches wait for it.
  private sending: Promise<unknown> | null = null;
  // The documents a sync is indexing and the index's changes so far, and
  // who is told when either changes.
  private state: IndexState = { indexing: null, changes: 0 };
  private readonly listeners = new Set<() => void>();

  /// Starts the search worker (see startSearchPort), or uses `worker` (any
  /// object with a Worker's postMessage, onmessage, onerror and terminate).
  constructor(worker: SearchWorkerPort = startSearchPort()) {
    this.client = new PortClient(methodsOf(searchApi), linkOf(worker), 'search worker');
  }

  /// Indexes `documents` (each its id and canonical text), each replacing
  /// what was indexed under its id. A list with a malformed document is
  /// rejected with a RangeError and none of it is indexed. The texts go
  /// across in batches of about a million characters: postMessage copies a
  /// message on the sending thread, and one copy of a 50 MB corpus would
  /// hold the main thread for half a second. Searches made meanwhile are
  /// answered between batches, over the documents indexed so far.
  index(documents: IndexedText[]): Promise<void> {
    let batches: IndexedText[][];
    try {
      batches = batchesOf(documents);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.write(async () => {
      for (const batch of batches) await this.client.calls.index({ documents: batch });
      this.tell(this.state.indexing, true);
    });
  }

  /// Brings the worker's index (kept between runs) to the library's
  /// documents `stamps`, each its id and revision stamp: the worker forgets
  /// those not listed and names those it must be sent (new, or revised
  /// since), whose texts `textsOf` gives, in batches of about a million
  /// characters. Searches asked for meanwhile are answered once those texts
  /// are on their way, as after `index`.
  sync(stamps: readonly IndexStamp[], textsOf: (ids: string[]) => Promise<IndexedText[]>): Promise<void> {
    let posted!: () => void;
    const sent = new Promise<void>((resolve) => {
      posted = resolve;
    });
    // Searches wait until the texts are on their way: the worker answers in order.
    const waiting = Promise.all([this.sending, sent]);
    this.sending = waiting;
    void waiting.then(() => {
      if (this.sending === waiting) this.sending = null;
    });
    return this.write(async () => {
      try {
        const stale = await this.client.calls.reconcile({ stamps: stamps.map(({ id, revision }) => ({ id, revision })) });
        const replies: Promise<null>[] = [];
        // A search asked meanwhile waits for all of them: the screen says
        // how far they have come.
        let done = 0;
        if (stale.length > 0) this.tell({ done, total: stale.length });
        // Fetched and sent a batch of ids at a time, so the page never holds
        // every stale text at once (a first launch over a whole library).
        for (let i = 0; i < stale.length; i += textsPerFetch) {
          for (const batch of batchesOf(await textsOf(stale.slice(i, i + textsPerFetch)))) {
            replies.push(
              this.client.calls.index({ documents: batch }).then((reply) => {
                done += batch.length;
                this.tell({ done, total: stale.length });
                return reply;
              }),
            );
          }
        }
        posted();
        await Promise.all(replies);
        if (stale.length > 0) this.tell(null, true);
      } finally {
        posted();
        if (this.state.indexing) this.tell(null);
      }
    });
  }

  /// The documents a sync is indexing, and how many times the index has
  /// changed (for useSyncExternalStore: a new object at each change).
  readonly indexState = (): IndexState => this.state;

  /// Calls `listener` whenever `indexState` changes; returns the unsubscribe.
  readonly onIndexState = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // Tells the listeners how far indexing has come, and, with `changed`,
  // that the index now answers otherwise.
  private tell(indexing: IndexingProgress | null, changed = false): void {
    this.state = { indexing, changes: this.state.changes + (changed ? 1 : 0) };
    for (const listener of this.listeners) listener();
  }

  /// Forgets the document `id`, after the indexing and removals asked for
  /// before it.
  remove(id: string): Promise<void> {
    return this.write(async () => {
      await this.client.calls.remove({ id });
      this.tell(this.state.indexing, true);
    });
  }

  /// Runs `query` (as typed: words, "phrases", prefix*) over the indexed
  /// documents; see SearchIndex.search. Bad options reject with the
  /// engine's RangeError.
  search(query: string, options: SearchOptions): Promise<SearchResults> {
    const ask = () => this.client.calls.search({ query, options });
    return this.sending ? this.sending.then(ask) : ask();
  }

  /// Stops the worker and rejects every request still waiting with a
  /// SearchClientDisposedError; later calls reject the same way.
  dispose(): void {
    this.client.close(new SearchClientDisposedError());
  }

  // Runs `task` after the changes asked for before it, whether they
  // succeeded or not, so an index and a remove take effect in call order
  // even when an index is sent in several batches.
  private write(task: () => Promise<void>): Promise<void> {
    const done = this.writes.then(task);
    this.writes = done.catch(() => undefined);
    return done;
  }
}

// How many characters of text one index message carries at most (a
// document longer than that goes alone): copying it takes a few
// milliseconds, within a frame.
const batchCharacters = 1 << 20;

// How many stale documents' texts a sync asks `textsOf` for at once: a
// first launch over a thousand documents of 50,000 characters would
// otherwise gather 50 MB of text on the page before sending any.
const textsPerFetch = 20;

// The documents in messages of about `batchCharacters` each, with only
// their id, text and stamp (a caller's object may hold far more); throws a
// RangeError naming the first malformed one.
function batchesOf(documents: readonly IndexedText[]): IndexedText[][] {
  const batches: IndexedText[][] = [];
  let batch: IndexedText[] = [];
  let size = 0;
  documents.forEach((document: unknown, i) => {
    if (!isIndexedText(document))
      throw new RangeError(`Document ${i} to index needs a non-empty string id and a string text; none of the ${documents.length} was indexed.`);
    if (batch.length > 0 && size + document.text.length > batchCharacters) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(
      document.revision === undefined ? { id: document.id, text: document.text } : { id: document.id, text: document.text, revision: document.revision },
    );
    size += document.text.length;
  });
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function isIndexedText(value: unknown): value is IndexedText {
  if (typeof value !== 'object' || value === null) return false;
  const { id, text, revision } = value as { id?: unknown; text?: unknown; revision?: unknown };
  return typeof id === 'string' && id.length > 0 && typeof text === 'string' && (revision === undefined || typeof revision === 'string');
}
