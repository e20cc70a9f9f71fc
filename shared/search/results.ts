import type { ContextLine } from './kwic';

/// One place a query matched: [start, end) in the document's canonical text
/// (`LibraryDocument.text.text`, UTF-16 code units, the offsets selectors
/// and the reader use), and its keyword-in-context line.
export interface SearchHit extends ContextLine {
  start: number;
  end: number;
}

/// A document's hits: all of them counted, those of the requested page
/// listed, in text order.
export interface DocumentHits {
  documentId: string;
  count: number;
  hits: SearchHit[];
}

/// Every document that matches, in index order, with its count; the hits of
/// the requested page (`skip`, `limit`) listed under their documents, so a
/// query matching tens of thousands of places still answers with all the
/// counts and one page of lines. Documents whose hits all fall outside the
/// page are listed with their count and no hits.
export interface SearchResults {
  total: number;
  documents: DocumentHits[];
}

/// Which page of hits to list.
export interface SearchOptions {
  /// How many hits to list at most, over all documents.
  limit: number;
  /// How many hits to pass over first, in result order (default 0).
  skip?: number;
  /// Only this document (for "more hits in this document").
  documentId?: string;
}
