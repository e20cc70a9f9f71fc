import { z } from 'zod';
import { method } from '../rpc/api';
import type { SearchOptions, SearchResults } from './results';

/// The search worker's API (shared/rpc), which holds the SearchIndex off
/// the main thread. Every request is plain data, as postMessage copies it,
/// and is parsed by its schema in the worker before it reaches the index.

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

const indexedText = z.object({ id: z.string().min(1), text: z.string(), revision: z.string().optional() });
const indexStamp = z.object({ id: z.string().min(1), revision: z.string() });

// The options are checked by the engine itself (SearchIndex.search), whose
// RangeError names a bad limit: here only that they are an object.
const searchOptions = z.custom<SearchOptions>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'must be the search options');

/// The map of the search worker's methods.
export const searchApi = {
  /// Indexes the documents, each replacing what was indexed under its id;
  /// none of them when one is malformed.
  index: method<null>()(z.strictObject({ documents: z.array(indexedText) })),
  /// Forgets the document `id`.
  remove: method<null>()(z.strictObject({ id: z.string() })),
  /// Brings the index (kept between runs) to the library's documents
  /// `stamps`: forgets every indexed document not among them and answers
  /// the ids of those to index (new, or indexed at another revision), in
  /// the order given.
  reconcile: method<string[]>()(z.strictObject({ stamps: z.array(indexStamp) })),
  /// Runs a query as typed (see parseQuery).
  search: method<SearchResults>()(z.strictObject({ query: z.string(), options: searchOptions })),
};
export type SearchApi = typeof searchApi;
