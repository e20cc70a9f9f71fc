import { ImportError } from '../../shared/format/errors';
import { type Carried, bareHoldings, carriedIds, chooseCarried } from '../../shared/format/carried';
import type { IncomingBatch } from '../../shared/format/incoming';
import type { DocumentEditRow, DocumentRow, PalimpsestDb, RevisionRow } from './db';

export { carriedTexts } from '../../shared/format/carried';

/// What a whole-library file carries of documents that this library lacks
/// (`chooseCarried`, the rule the command line follows too).
export type CarriedDocuments = Carried;

/// The documents, revisions and edits of `batch` to add to the library,
/// `libraryIds` being every document it holds (bundled and imported), as
/// `chooseCarried` picks them from what the library holds of the documents
/// the file names.
export async function carriedDocuments(db: PalimpsestDb, libraryIds: ReadonlySet<string>, batch: IncomingBatch): Promise<CarriedDocuments> {
  const named = carriedIds(batch.library);
  if (named.length === 0) return chooseCarried(null, bareHoldings(libraryIds));
  // Its stored documents are looked up too: `libraryIds` may be a list
  // that has not caught up with the latest import. Which are stored, from
  // the key alone, and their fingerprints from the listing rows: no text
  // is read (a file may carry thousands).
  const stored = new Set((await db.documents.where(':id').anyOf(named).primaryKeys()).map(String));
  const listings = new Map((await db.documentListings.bulkGet(named)).flatMap((row) => (row ? [[row.id, row] as const] : [])));
  const revisedIds = [...new Set((batch.library?.revisions ?? []).map((r) => r.documentId))];
  const edited = await db.documentEdits.bulkGet(named);
  return chooseCarried(batch.library, {
    ids: libraryIds,
    stored: new Map([...stored].map((id) => [id, listings.get(id) ?? null])),
    revised: new Set(await revisedAmong(db, revisedIds)),
    annotated: new Set(await annotatedAmong(db, revisedIds)),
    edited: new Set(named.filter((_, i) => edited[i])),
  });
}

// The ids among `ids` of documents the library holds annotations on, from
// their layout rows (a count each, no annotation read).
async function annotatedAmong(db: PalimpsestDb, ids: readonly string[]): Promise<string[]> {
  const layouts = await db.chunkLayouts.bulkGet([...ids]);
  return ids.filter((_, i) => (layouts[i]?.count ?? 0) > 0);
}

// The ids among `ids` of documents the library has revisions of, read from
// the revisions' index alone (no source).
async function revisedAmong(db: PalimpsestDb, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.revisions
    .where('documentId')
    .anyOf([...ids])
    .keys()) as string[];
}

/// Writes `carried` inside the caller's transaction (over documents,
/// revisions, document edits and the annotation rows), after checking that
/// the library still lacks all of it: a document added, revised or
/// annotated since the plan would have the file's annotations placed on a
/// text that is not there, or its own shifted, so the whole import is
/// refused instead, nothing written.
export async function writeCarried(db: PalimpsestDb, carried: CarriedDocuments): Promise<void> {
  const ids = new Set(carried.documents.map((d) => d.id));
  const revisedIds = [...new Set(carried.revisions.map((r) => r.documentId))];
  const [documents, revised, annotated, edits] = await Promise.all([
    db.documents
      .where(':id')
      .anyOf([...ids])
      .primaryKeys(),
    revisedAmong(db, revisedIds),
    annotatedAmong(
      db,
      revisedIds.filter((id) => !ids.has(id)),
    ),
    db.documentEdits.bulkGet(carried.edits.map((e) => e.documentId)),
  ]);
  if (documents.length > 0 || revised.length > 0 || annotated.length > 0 || edits.some(Boolean))
    throw new ImportError('$', 'the library’s documents changed while the file was being imported; nothing was written. Import it again');
  // The app wrote each description in full (see `storedOf`).
  await db.documents.bulkAdd(carried.documents as unknown as DocumentRow[]);
  // Numbered by the library as they are added, in the file's order.
  await db.revisions.bulkAdd(carried.revisions as RevisionRow[]);
  await db.documentEdits.bulkAdd(carried.edits as unknown as DocumentEditRow[]);
}
