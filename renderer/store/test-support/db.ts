import type { Annotation } from '../../../shared/annotation/model';
import type { LibraryDocument } from '../../../shared/corpus/document';
import { passageOf } from '../../../shared/test-support/annotations';
import { importFile } from '../../../shared/importers/import-file';
import { fixture } from '../../../shared/importers/test-support/sources';
import type { AnnotationStore } from '../annotations';
import { addDocuments, documentRowOf, editDocument } from '../documents';
import { type DocumentRow, PalimpsestDb } from '../db';

// Test fixtures for the store: libraries in fake-indexeddb (the test file
// imports 'fake-indexeddb/auto'), each under a name no other test uses.

const open: PalimpsestDb[] = [];
let serial = 0;

/// An empty library of its own, named `label` and a serial number, that
/// `dropDbs` closes and deletes after the test.
export function freshDb(label = 'test'): PalimpsestDb {
  const db = new PalimpsestDb(`${label}-${++serial}`);
  open.push(db);
  return db;
}

/// Closes and deletes every library `freshDb` made (for `afterEach`), so that
/// no test sees another's rows.
export async function dropDbs(): Promise<void> {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
}

/// Annotates the `occurrence`-th (from 0) place `exact` stands in
/// `document` through `store`, as the reader does when a researcher selects
/// it; `fields` as `AnnotationStore.create` takes them.
export function annotate(
  store: AnnotationStore,
  document: LibraryDocument,
  exact: string,
  fields: Parameters<AnnotationStore['create']>[3] = {},
  occurrence = 0,
): Promise<Annotation> {
  const { start, end } = passageOf(document, exact, occurrence);
  return store.create(document, start, end, fields);
}

/// A stored document's row with no text, added at `added`, described as
/// `meta` says: enough for the stamps and listings read from the tables.
export function bareDocumentRow(id: string, added: string, meta: DocumentRow['meta']): DocumentRow {
  return { id, fileName: `${id}.txt`, format: 'plain', blocks: [], pages: [], meta, fingerprint: 'f', encoding: null, added };
}

/// The Czech memorandum as a Word file the researcher imported on 23
/// November and filed in "Prague files", stored in `db`: its row.
export async function importedMemo(db: PalimpsestDb, bundled: ReadonlyMap<string, LibraryDocument>): Promise<DocumentRow> {
  const file = await importFile('memo-1962.docx', fixture('memo-1962.docx'));
  const row = documentRowOf(file, new Set(bundled.keys()), new Date('2026-11-23T10:00:00Z'));
  await addDocuments(db, [row]);
  await editDocument(db, row.id, { collection: 'Prague files' });
  return row;
}
