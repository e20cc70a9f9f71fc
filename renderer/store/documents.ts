import type { LibraryDocument } from '../../shared/corpus/document';
import { type DocumentMeta, extractMetadata, markGuessedDate } from '../../shared/corpus/metadata';
import { textFingerprint } from '../../shared/document/fingerprint';
import { DocText } from '../../shared/document/text';
import { mergeFileMeta } from '../../shared/importers/file-meta';
import { setsAfterDeleting } from '../../shared/sets/after-deleting';
import type { ImportedFile } from '../../shared/importers/import-file';
import { loadDocument } from '../../shared/corpus/document';
import * as rows from './annotation-rows';
import type { DocumentRow, PalimpsestDb, RevisionRow } from './db';
import { storageProblem } from './transfer';

/// The library's documents as the app shows them: the bundled ones and the
/// researcher's own, each at its latest revision, with the description the
/// researcher gave it.
export async function currentDocuments(db: PalimpsestDb, bundled: ReadonlyMap<string, LibraryDocument>): Promise<Map<string, LibraryDocument>> {
  const documents = new Map(bundled);
  for (const row of await db.documents.orderBy('added').toArray()) documents.set(row.id, documentOf(row));
  const latest = new Map<string, RevisionRow>();
  for (const row of await db.revisions.orderBy('seq').toArray()) latest.set(row.documentId, row);
  for (const [id, row] of latest) {
    const before = documents.get(id);
    if (!before) continue;
    // A revision replaces the text; what the document is stays as it was.
    const revised = loadDocument(row.fileName, row.source, { id });
    documents.set(id, { ...revised, meta: before.origin === 'imported' ? before.meta : revised.meta, origin: before.origin, pages: [] });
  }
  for (const edit of await db.documentEdits.toArray()) {
    const document = documents.get(edit.documentId);
    // An edit saved before guessed dates were told apart may carry a guess unmarked.
    if (document) documents.set(edit.documentId, { ...document, meta: edit.meta ? markGuessedDate(edit.meta, document.blocks) : document.meta, collection: edit.collection });
  }
  return documents;
}

/// A stored import as the reader and every view take it. A row stored
/// before guessed dates were told apart has its guess marked here, as it
/// is read, rather than by a migration: the text it was read from is in the
/// row, and reading it again is the same rule an import applies.
export function documentOf(row: DocumentRow): LibraryDocument {
  return { id: row.id, fileName: row.fileName, format: row.format, blocks: row.blocks, text: new DocText(row.blocks), meta: markGuessedDate(row.meta, row.blocks), fingerprint: row.fingerprint, pages: row.pages, origin: 'imported', collection: null };
}

/// The row an imported file becomes: its id made from its name, unique in
/// the library; its description read from its text, with what the file's
/// own properties say over it.
export function documentRowOf(file: ImportedFile, taken: ReadonlySet<string>, now: Date): DocumentRow {
  const base = file.fileName.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'document';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const text = new DocText(file.blocks);
  const meta = mergeFileMeta(extractMetadata(file.blocks), file.fileMeta);
  return { id, fileName: file.fileName, format: file.format, blocks: file.blocks, pages: file.pages, meta, fingerprint: textFingerprint(text.text), encoding: file.encoding, added: now.toISOString() };
}

/// Stores imported documents, all in one transaction.
export async function addDocuments(db: PalimpsestDb, documents: readonly DocumentRow[]): Promise<void> {
  try {
    await db.documents.bulkAdd([...documents]);
  } catch (error) {
    throw new Error(storageProblem(error));
  }
}

/// Changes what a document is said to be, or the collection it is filed
/// in; `meta: null` goes back to what the document's text and file said.
export async function editDocument(db: PalimpsestDb, documentId: string, edit: { meta?: DocumentMeta | null; collection?: string | null }, now = new Date()): Promise<void> {
  await db.transaction('rw', db.documentEdits, async () => {
    const before = await db.documentEdits.get(documentId);
    await db.documentEdits.put({
      documentId,
      meta: edit.meta !== undefined ? edit.meta : (before?.meta ?? null),
      collection: edit.collection !== undefined ? edit.collection?.trim() || null : (before?.collection ?? null),
      modified: now.toISOString(),
    });
  });
}

/// Deletes an imported document and everything that depends on it: its
/// annotations, their links and places in sets, its revisions and review
/// list, in one transaction. Resolves to the number of annotations deleted.
/// The bundled documents are the app's own and cannot be deleted.
export async function deleteDocument(db: PalimpsestDb, documentId: string, now = new Date()): Promise<number> {
  const row = await db.documents.get(documentId);
  if (!row) throw new RangeError(`Only documents you imported can be deleted; “${documentId}” came with the app.`);
  try {
    return await db.transaction('rw', [db.documents, db.documentEdits, db.links, db.sets, db.revisions, db.reviews, ...rows.tables(db)], async () => {
      const annotations = await rows.ofDocument(db, documentId);
      const ids = annotations.map((a) => a.id);
      await db.links.where('fromDocument').equals(documentId).delete();
      await db.links.where('toDocument').equals(documentId).delete();
      await db.sets.bulkPut(setsAfterDeleting(ids, await db.sets.toArray(), now));
      await db.revisions.where('documentId').equals(documentId).delete();
      await db.reviews.where('documentId').equals(documentId).delete();
      await rows.clearDocument(db, documentId);
      await db.documentEdits.delete(documentId);
      await db.documents.delete(documentId);
      return annotations.length;
    });
  } catch (error) {
    throw new Error(storageProblem(error));
  }
}

/// How many annotations a document holds, read without reading them.
export async function annotationCount(db: PalimpsestDb, documentId: string): Promise<number> {
  return (await db.chunkLayouts.get(documentId))?.count ?? 0;
}
