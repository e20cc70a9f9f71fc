import { slugOf } from '../../shared/slug';
import type { LibraryDocument } from '../../shared/corpus/document';
import { type DocumentMeta, extractMetadata } from '../../shared/corpus/metadata';
import { textFingerprint } from '../../shared/document/fingerprint';
import { DocText } from '../../shared/document/text';
import { mergeFileMeta } from '../../shared/importers/file-meta';
import { setsAfterDeleting } from '../../shared/sets/after-deleting';
import type { ImportedFile } from '../../shared/importers/import-file';
import * as rows from './annotation-rows';
import type { Annotation } from '../../shared/annotation/model';
import type { AnnotationSet } from '../../shared/sets/model';
import { type DocumentEditRow, type DocumentRow, type LinkRow, type PalimpsestDb, type ReviewRow, type RevisionRow, currentOf } from './db';
import { withEdit } from './listings';
import { storageProblem } from './errors';
import { InvalidInput } from '../../shared/errors';

/// The library's documents as the app shows them: the bundled ones and the
/// researcher's own, each at its latest revision, with the description the
/// researcher gave it. All of their texts at once: for tests and scripts;
/// the app's whole-library work reads by need (document-source.ts).
export async function currentDocuments(db: PalimpsestDb, bundled: ReadonlyMap<string, LibraryDocument>): Promise<Map<string, LibraryDocument>> {
  const latest = new Map<string, RevisionRow>();
  for (const row of await db.revisions.orderBy('seq').toArray()) latest.set(row.documentId, row);
  const edits = new Map((await db.documentEdits.toArray()).map((edit) => [edit.documentId, edit]));
  const documents = new Map<string, LibraryDocument>();
  for (const [id, document] of bundled) documents.set(id, withEdit(currentOf(null, document, latest.get(id)), edits.get(id)));
  for (const row of await db.documents.orderBy('added').toArray()) documents.set(row.id, withEdit(currentOf(row, null, latest.get(row.id)), edits.get(row.id)));
  return documents;
}

/// A stored import as the reader and every view take it. A row stored
/// before guessed dates were told apart has its guess marked here, as it
/// is read, rather than by a migration: the text it was read from is in the
/// row, and reading it again is the same rule an import applies.
export function documentOf(row: DocumentRow): LibraryDocument {
  return currentOf(row, null, undefined);
}

/// The row an imported file becomes: its id made from its name, unique in
/// the library; its description read from its text, with what the file's
/// own properties say over it.
export function documentRowOf(file: ImportedFile, taken: ReadonlySet<string>, now: Date): DocumentRow {
  const base = slugOf(
    file.fileName
      .split(/[\\/]/)
      .pop()!
      .replace(/\.[^.]+$/, ''),
    'document',
  );
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const text = new DocText(file.blocks);
  const meta = mergeFileMeta(extractMetadata(file.blocks), file.fileMeta);
  return {
    id,
    fileName: file.fileName,
    format: file.format,
    blocks: file.blocks,
    pages: file.pages,
    meta,
    fingerprint: textFingerprint(text.text),
    encoding: file.encoding,
    added: now.toISOString(),
  };
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
export async function editDocument(
  db: PalimpsestDb,
  documentId: string,
  edit: { meta?: DocumentMeta | null; collection?: string | null },
  now = new Date(),
): Promise<void> {
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

/// Everything a deleted document took with it, as it was: enough to put
/// it back whole (undo) or to say what went.
export interface RemovedDocument {
  document: DocumentRow;
  edit: DocumentEditRow | null;
  annotations: Annotation[];
  links: LinkRow[];
  /// The sets that held any of its annotations, before they were taken out.
  sets: AnnotationSet[];
  revisions: RevisionRow[];
  reviews: ReviewRow[];
}

/// The tables a document's deletion and its undoing write, for a caller
/// that runs them inside a transaction of its own.
export function documentTables(db: PalimpsestDb) {
  return [db.documents, db.documentEdits, db.links, db.sets, db.revisions, db.reviews, ...rows.tables(db)];
}

/// Deletes an imported document and everything that depends on it: its
/// annotations, their links and places in sets, its revisions and review
/// list, in one transaction. Resolves to the number of annotations deleted.
/// The bundled documents are the app's own and cannot be deleted. The app
/// deletes through `AnnotationStore.deleteDocument`, which can undo it.
export async function deleteDocument(db: PalimpsestDb, documentId: string, now = new Date()): Promise<number> {
  if (!(await db.documents.get(documentId))) throw new InvalidInput('$', `Only documents you imported can be deleted; “${documentId}” came with the app.`);
  try {
    return (await db.transaction('rw', documentTables(db), () => takeDocument(db, documentId, now))).annotations.length;
  } catch (error) {
    throw new Error(storageProblem(error));
  }
}

/// Deletes a document and what hangs on it, inside the caller's
/// transaction (over `documentTables`), and resolves to what went.
export async function takeDocument(db: PalimpsestDb, documentId: string, now: Date): Promise<RemovedDocument> {
  const document = await db.documents.get(documentId);
  if (!document) throw new InvalidInput('$', `Only documents you imported can be deleted; “${documentId}” came with the app or is already gone.`);
  const annotations = await rows.ofDocument(db, documentId);
  const ids = new Set(annotations.map((a) => a.id));
  const links = new Map<string, LinkRow>();
  for (const link of await db.links.where('fromDocument').equals(documentId).toArray()) links.set(link.id, link);
  for (const link of await db.links.where('toDocument').equals(documentId).toArray()) links.set(link.id, link);
  // By the annotations' ids as well: a link whose document fields went stale
  // must not outlive its end.
  for (const link of await db.links
    .where('from')
    .anyOf([...ids])
    .or('to')
    .anyOf([...ids])
    .toArray())
    links.set(link.id, link);
  const sets = (await db.sets.toArray()).filter((set) => set.annotationIds.some((id) => ids.has(id)));
  const removed: RemovedDocument = {
    document,
    edit: (await db.documentEdits.get(documentId)) ?? null,
    annotations,
    links: [...links.values()],
    sets,
    revisions: await db.revisions.where('documentId').equals(documentId).toArray(),
    reviews: await db.reviews.where('documentId').equals(documentId).toArray(),
  };
  await db.links.bulkDelete([...links.keys()]);
  await db.sets.bulkPut(setsAfterDeleting(ids, sets, now));
  await db.revisions.where('documentId').equals(documentId).delete();
  await db.reviews.where('documentId').equals(documentId).delete();
  await rows.clearDocument(db, documentId);
  await db.documentEdits.delete(documentId);
  await db.documents.delete(documentId);
  return removed;
}

/// Puts a deleted document back as it was, inside the caller's transaction
/// (over `documentTables`): its text and description, its annotations,
/// revisions and review list, the links whose other end is still there, and
/// its annotations' places in the sets that still exist (each where it was).
export async function restoreDocument(db: PalimpsestDb, removed: RemovedDocument): Promise<void> {
  if (await db.documents.get(removed.document.id))
    throw new InvalidInput('$', `The document “${removed.document.id}” is in the library already; it cannot be put back over itself.`);
  await db.documents.add(removed.document);
  if (removed.edit) await db.documentEdits.put(removed.edit);
  await rows.put(db, removed.annotations);
  await db.revisions.bulkPut(removed.revisions);
  await db.reviews.bulkPut(removed.reviews);
  const ids = new Set(removed.annotations.map((a) => a.id));
  // A link's other end may have gone since (its own document deleted).
  const otherEnds = removed.links
    .flatMap((link) => [
      { id: link.from, documentId: link.fromDocument },
      { id: link.to, documentId: link.toDocument },
    ])
    .filter((end) => !ids.has(end.id));
  const present = new Set<string>();
  for (const end of otherEnds) if (await rows.get(db, end.documentId, end.id)) present.add(end.id);
  await db.links.bulkPut(removed.links.filter((link) => (ids.has(link.from) || present.has(link.from)) && (ids.has(link.to) || present.has(link.to))));
  await putSetPlaces(db, ids, removed.sets);
}

/// Puts the annotations `ids` back into the sets of `before` (as those sets
/// were when the annotations were deleted) that still exist, inside the
/// caller's transaction: each annotation among the set's items in its old
/// order; whatever the set gained or lost since stays so.
export async function putSetPlaces(db: PalimpsestDb, ids: ReadonlySet<string>, before: readonly AnnotationSet[]): Promise<void> {
  const changed: AnnotationSet[] = [];
  for (const then of before) {
    const now = await db.sets.get(then.id);
    if (!now) continue;
    const kept = new Set(now.annotationIds);
    const annotationIds = then.annotationIds.filter((id) => kept.has(id) || ids.has(id));
    const placed = new Set(annotationIds);
    for (const id of now.annotationIds) if (!placed.has(id)) annotationIds.push(id);
    changed.push({ ...now, annotationIds });
  }
  await db.sets.bulkPut(changed);
}

/// How many annotations a document holds, read without reading them.
export async function annotationCount(db: PalimpsestDb, documentId: string): Promise<number> {
  return (await db.chunkLayouts.get(documentId))?.count ?? 0;
}
