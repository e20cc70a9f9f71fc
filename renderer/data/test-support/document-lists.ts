import type { LibraryDocument } from '../../../shared/corpus/document';
import type { DocumentMeta } from '../../../shared/corpus/metadata';
import { type DocumentEditRow, type ListingRow, listingOf, stampOf } from '../../store/db';
import { type Listed, pack, unpack } from '../../store/listing-pack';
import { DocumentList } from '../document-list';

// Test fixtures for the views that read the library as columns: a list as
// a launch reads it, from a packed snapshot, with no row parsed.

/// A listing row for each document, as first imported or bundled.
export function listingRows(documents: Iterable<LibraryDocument>): ListingRow[] {
  return [...documents].map((document) => listingOf(document, stampOf(null, 0), 0));
}

/// `row` under another id, described as `meta` says over its own.
export function restated(row: ListingRow, id: string, meta: Partial<DocumentMeta>): ListingRow {
  return { ...row, id, meta: { ...row.meta, ...meta } };
}

/// The list of `rows` read back from their snapshot, with the researcher's
/// edits by document id; `listed` are its rows, to tell which were parsed.
export function launchedList(
  rows: readonly ListingRow[],
  edits: Record<string, Partial<Omit<DocumentEditRow, 'documentId'>>> = {},
): { list: DocumentList; listed: Listed[] } {
  const listed = unpack(pack(rows));
  const editOf = (id: string): DocumentEditRow | undefined =>
    edits[id] ? { documentId: id, meta: null, collection: null, modified: '2026-12-03T10:00:00Z', ...edits[id] } : undefined;
  return {
    list: new DocumentList(
      listed,
      listed.map((row) => editOf(row.id)),
    ),
    listed,
  };
}
