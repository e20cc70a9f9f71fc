import type { SearchOptions, SearchResults } from './results';

/// The messages between the renderer and the search worker, which holds the
/// SearchIndex off the main thread. Every message is plain data, as
/// postMessage copies it.

/// A document to index: its id and its canonical text
/// (`LibraryDocument.text.text`), which hit offsets point into.
export interface IndexedText {
  id: string;
  text: string;
  /// The stamp of the text's revision (its fingerprint): indexing the same
  /// stamp again does nothing. Without one, the text's fingerprint is used.
  revision?: string;
}

/// A document the library holds, by id and revision stamp.
export interface IndexStamp {
  id: string;
  revision: string;
}

/// What the renderer asks of the worker.
export type SearchCommand =
  /// Indexes the documents, each replacing what was indexed under its id.
  | { type: 'index'; documents: IndexedText[] }
  /// Forgets the document `id`.
  | { type: 'remove'; id: string }
  /// Forgets every indexed document not in `stamps`; answers the ids of
  /// those to index (new, or indexed at another revision).
  | { type: 'reconcile'; stamps: IndexStamp[] }
  /// Runs a query as typed (see parseQuery).
  | { type: 'search'; query: string; options: SearchOptions };

/// A command with the number its reply carries back.
export interface SearchRequest {
  id: number;
  command: SearchCommand;
}

/// What each command answers with when it succeeds.
export interface SearchReplyValues {
  index: null;
  remove: null;
  reconcile: string[];
  search: SearchResults;
}

/// Why a command failed: the error's name (RangeError for a malformed
/// command or bad options) and its message, a sentence for the user or the
/// developer.
export interface SearchFailure {
  name: string;
  message: string;
}

/// The worker's answer to request `id`. A request the worker could not read
/// a number from is answered with id -1.
export type SearchReply = { id: number; ok: true; value: SearchReplyValues[keyof SearchReplyValues] } | { id: number; ok: false; error: SearchFailure };
