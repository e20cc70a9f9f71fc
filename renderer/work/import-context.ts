import { bundledDocuments } from '../corpus';
import { db } from '../store/db';
import type { PalimpsestDb } from '../store/db';
import { type Documents, StoredDocuments } from '../store/document-source';

/// What the import workers' handlers work on: the library's database and
/// its documents as they are now (revisions included), a new source for
/// every file, which reads only the documents the work touches.
export interface ImportContext {
  db: PalimpsestDb;
  documents(): Promise<Documents>;
}

/// A worker's own context: its own connection to the library's IndexedDB
/// (Dexie tells the page's live queries of its writes).
export function workerContext(): ImportContext {
  const library = db();
  return { db: library, documents: async () => new StoredDocuments(library, bundledDocuments()) };
}
