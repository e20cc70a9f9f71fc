import type { LibraryDocument } from '../../shared/corpus/document';
import { ImportError } from '../../shared/format/errors';
import type { CarriedRevision, IncomingBatch } from '../../shared/format/incoming';
import { type DocumentEditRow, type DocumentRow, type PalimpsestDb, type RevisionRow, currentOf } from './db';

/// What a whole-library file carries of documents that this library lacks,
/// to be written with its annotations: the researcher's own documents, the
/// revisions of a document the library holds as the same text, unrevised
/// and unannotated, and descriptions edited where the library has no edit. What the library already has is
/// kept as it is (never overwritten by an import) and only counted.
export interface CarriedDocuments {
  documents: DocumentRow[];
  /// In the file's order for each document; numbered again when written.
  revisions: Omit<RevisionRow, 'seq'>[];
  edits: DocumentEditRow[];
  /// Of each kind, how many the library already holds (its own kept).
  present: { documents: number; revisions: number; edits: number };
}

/// The documents, revisions and edits of `batch` to add to the library,
/// `libraryIds` being every document it holds (bundled and imported). A
/// revision or an edit of a document neither the library nor the file
/// holds is left out: nothing could show it.
export async function carriedDocuments(db: PalimpsestDb, libraryIds: ReadonlySet<string>, batch: IncomingBatch): Promise<CarriedDocuments> {
  const carried: CarriedDocuments = { documents: [], revisions: [], edits: [], present: { documents: 0, revisions: 0, edits: 0 } };
  const library = batch.library;
  if (!library?.documents && !library?.revisions && !library?.documentEdits) return carried;
  // Its stored documents are looked up too: `libraryIds` may be a list
  // that has not caught up with the latest import.
  const files = library.documents ?? [];
  const fileDocument = new Map(files.map((d) => [d.id, d]));
  const named = [
    ...new Set([...files.map((d) => d.id), ...(library.revisions ?? []).map((r) => r.documentId), ...(library.documentEdits ?? []).map((e) => e.documentId)]),
  ];
  // Which are stored, from the key alone, and their fingerprints from the
  // listing rows: no text is read (a file may carry thousands).
  const stored = new Set((await db.documents.where(':id').anyOf(named).primaryKeys()).map(String));
  const listings = new Map((await db.documentListings.bulkGet(named)).flatMap((row) => (row ? [[row.id, row] as const] : [])));
  for (const document of files) {
    if (libraryIds.has(document.id) || stored.has(document.id)) carried.present.documents += 1;
    else carried.documents.push(document as unknown as DocumentRow);
  }
  const added = new Set(carried.documents.map((d) => d.id));
  // The file's revisions and descriptions of a document the library holds
  // go on it only when it is the same document (ids are made from file
  // names, so a colleague's "memo-1962" may be another text): the same
  // bundled text, or an imported one with the same original text.
  const same = (id: string) => {
    if (added.has(id)) return true;
    if (stored.has(id)) {
      // Its listing, if caught up, says which text it is; unlisted, it
      // counts as another, and keeps its own.
      const listed = listings.get(id);
      return listed?.revision === 0 && listed.fingerprint === fileDocument.get(id)?.fingerprint;
    }
    return libraryIds.has(id) && !fileDocument.has(id);
  };
  const revisedIds = [...new Set((library.revisions ?? []).map((r) => r.documentId))];
  const revised = new Set(await revisedAmong(db, revisedIds));
  // Annotations on a document the library holds count in its text: a
  // revision slipped under them would shift them, so they keep the text
  // (the file's annotations are placed on it, as any import's are).
  const annotated = new Set(
    await annotatedAmong(
      db,
      revisedIds.filter((id) => !added.has(id)),
    ),
  );
  // Whether the library holds the document, or will once this is written.
  const held = (id: string) => added.has(id) || libraryIds.has(id) || stored.has(id);
  for (const { seq: _seq, ...revision } of [...(library.revisions ?? [])].sort((a, b) => a.seq - b.seq)) {
    const id = revision.documentId;
    if (!held(id)) continue;
    if (revised.has(id) || annotated.has(id) || !same(id)) carried.present.revisions += 1;
    else carried.revisions.push(revision);
  }
  const edits = library.documentEdits ?? [];
  const edited = await db.documentEdits.bulkGet(edits.map((e) => e.documentId));
  edits.forEach((edit, i) => {
    const id = edit.documentId;
    if (!held(id)) return;
    if (edited[i] || !same(id)) carried.present.edits += 1;
    else carried.edits.push(edit as unknown as DocumentEditRow);
  });
  return carried;
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

/// The texts the plan places annotations on, as they will be once
/// `carried` is written: each new document at its newest carried revision,
/// and each document of `documents` (read from the library) that gains
/// revisions, at the newest of them.
export function carriedTexts(carried: CarriedDocuments, documents: ReadonlyMap<string, LibraryDocument>): Map<string, LibraryDocument> {
  const newest = new Map<string, Omit<RevisionRow, 'seq'>>();
  for (const revision of carried.revisions) newest.set(revision.documentId, revision);
  const texts = new Map(documents);
  const added = new Set(carried.documents.map((d) => d.id));
  for (const row of carried.documents) texts.set(row.id, currentOf(row, null, withSeq(newest.get(row.id))));
  for (const [id, revision] of newest) {
    const before = documents.get(id);
    if (before && !added.has(id)) texts.set(id, currentOf(null, before, withSeq(revision)));
  }
  return texts;
}

function withSeq(revision: Omit<CarriedRevision, 'seq'> | undefined): RevisionRow | undefined {
  return revision && { ...revision, seq: 0 };
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
  await db.documents.bulkAdd(carried.documents);
  // Numbered by the library as they are added, in the file's order.
  await db.revisions.bulkAdd(carried.revisions as RevisionRow[]);
  await db.documentEdits.bulkAdd(carried.edits);
}
